"""Why an event was, or was not, coded: the parse, the mentions, every pattern tried."""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from parley.model import Document
from parley.pipeline import Analysis, Coder


def analyse_text(coder: Coder, text: str, published: dt.date | None) -> Analysis:
    return coder.analyse(Document(text=text, published=published))


def explain(coder: Coder, text: str, published: dt.date | None, console: Console) -> Analysis:
    analysis = analyse_text(coder, text, published)
    doc = analysis.doc
    parse = Table(title="parse", expand=False)
    for col in ("i", "text", "lemma", "pos", "dep", "head"):
        parse.add_column(col)
    for t in doc:
        parse.add_row(str(t.i), t.text, t.lemma_, t.pos_, t.dep_, f"{t.head.i} {t.head.text}")
    console.print(parse)

    mentions = Table(title="actor mentions")
    for col in ("text", "code", "name", "kind", "chars"):
        mentions.add_column(col)
    for m in analysis.coded.mentions:
        mentions.add_row(m.text, m.code, m.name or "-", m.kind, f"{m.start}-{m.end}")
    console.print(mentions)

    for cand in analysis.candidates:
        p = cand.predicate
        console.print(f"\n[bold]predicate[/] '{p.text}' (token {p.i}, lemma {p.lemma_}, {p.pos_})")
        for pattern, match in coder.patterns.matches(p):
            mark = "[green]matches[/]" if match is not None else "[dim]no match[/]"
            chosen = " [bold]<- chosen[/]" if cand.match is not None and cand.match.pattern is pattern else ""
            # escape: "[aid|help]" in a pattern is not console markup
            console.print(f"  {pattern.cameo:<5} {escape(f'{pattern.id:<24}')} {escape(f'{pattern.text:<50}')} "
                          f"{mark}{chosen}  ({escape(pattern.source)})")
        if cand.match is not None:
            src = ", ".join(f"{m.code} '{m.text}'" for m in cand.sources) or "none"
            tgt = ", ".join(f"{m.code} '{m.text}'" for m in cand.targets) or "none"
            console.print(f"  source ({cand.how or 'not found'}): {src}")
            console.print(f"  target: {tgt}")
        if cand.modality is not None:
            cue = f" (cue: '{cand.modality.cue}')" if cand.modality.cue else ""
            console.print(f"  modality: {cand.modality.value}{cue}")
        if cand.events:
            for e in cand.events:
                src = e.source.code if e.source else "-"
                tgt = e.target.code if e.target else "-"
                console.print(
                    f"  [green]event[/] {src} {e.cameo} {tgt} modality={e.modality} date={e.date} rule={e.rule}"
                )
        if cand.dropped:
            console.print(f"  [yellow]dropped[/]: {cand.dropped}")
    if not analysis.candidates:
        console.print("\nno word in this text starts an event pattern")
    if analysis.decisions:
        layer = Table(title="trained layer (rule events: verifier score; model: detector score per root)")
        for col in ("sentence", "kind", "root", "score", "event", "outcome"):
            layer.add_column(col)
        for d in analysis.decisions:
            e = d.event
            event = f"{e.source.code if e.source else '-'} {e.cameo} {e.target.code if e.target else '-'} " \
                    f"{e.modality} '{e.trigger.text}'" if e is not None else "-"
            extra = "".join(f" {k}={v}" for k, v in d.detail.items())
            layer.add_row(str(d.sentence), d.kind, d.root, f"{d.score:.3f}", escape(event), escape(d.outcome + extra))
        console.print(layer)
    for q in analysis.coded.quotes:
        speaker = "unknown" if q.speaker is None else (
            f"{q.speaker.text} ({q.speaker.code})" if q.speaker.code else q.speaker.text)
        console.print(f"\n[bold]quote[/] {q.kind} by {escape(speaker)}: “{escape(q.text)}”")
    return analysis
