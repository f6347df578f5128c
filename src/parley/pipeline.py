"""The pipeline: documents in, coded documents out.

dateline masked -> parse (spaCy) -> actor mentions -> coreference -> events -> quotes -> dates and places.
The CLI, the store, the evaluation and the distributed runner all call this module.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from parley import errors
from parley.actors import find_mentions, load_dictionary
from parley.actors.convention import annotation_codes
from parley.coref import corefer
from parley.dateline import find_dateline, masked
from parley.events.coder import Candidate, code_doc
from parley.events.patterns import PatternSet, default_patterns, load_patterns
from parley.learn.layer import Decision, Layer, available, load_layer
from parley.legible import legibility_warnings
from parley.model import ActorRef, CodedDocument, Document, Event, Failure, Mention, Quote, Span, Warning_
from parley.nlp import load as load_nlp
from parley.nlp import normalise
from parley.quotes import find_quotes, speaker_pronouns
from parley.tone import lexicon as tone_lexicon
from parley.tone import tone
from parley.when import event_date
from parley.where import event_location

DEFAULT_MAX_CHARS = 1_000_000
"""Documents longer than this many characters are refused (E002); set ``max_chars`` to change it."""
DEFAULT_PART_CHARS = 100_000
"""Documents longer than this many characters are coded in parts of at most this length, split at paragraph or
sentence ends (``Options.part_chars``; docs/speed.md has the measurements)."""
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Options:
    """Everything that changes how documents are coded, in one place."""

    batch_size: int = 32
    n_process: int = 1
    max_chars: int = DEFAULT_MAX_CHARS
    part_chars: int = DEFAULT_PART_CHARS  # longer documents are coded in parts (split_parts), warning W106
    dictionaries: tuple[str, ...] = ()  # extra actor dictionary files
    pattern_files: tuple[str, ...] = ()  # extra event pattern files
    use_model: bool = True  # the trained layer (parley.learn) beside the rules; False: rules only (--no-model)
    model_path: str | None = None  # a trained layer other than the packaged one
    statistical_ner: bool = False  # parley's own entity finders; True: spaCy's statistical NER (slower; docs/speed.md)


@dataclass(frozen=True)
class Analysis:
    """A coded document with the parse and every coder decision, for ``explain``."""

    coded: CodedDocument
    doc: Doc
    candidates: tuple[Candidate, ...]
    decisions: tuple[Decision, ...] = ()  # what the trained layer kept, dropped and added, with its scores
    # a document coded in parts (longer than Options.part_chars) has the parse of its last part only: ``doc``
    # and ``candidates`` are for explaining short texts, the coded document is whole


class Coder:
    """Holds the loaded model and dictionaries; codes documents one at a time or in batches."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.nlp = load_nlp(statistical_ner=self.options.statistical_ner)
        self.actors = load_dictionary(self.options.dictionaries)
        self.patterns: PatternSet = (
            load_patterns(self.options.pattern_files) if self.options.pattern_files else default_patterns()
        )
        # build the one-time indexes now rather than inside the first document: the actor phrase matchers
        # and the gazetteer (about 2 s together), so per-document timings measure per-document work
        from parley.actors import prepare
        from parley.where import load_gazetteer

        prepare(self.actors, self.nlp.make_doc(""))
        load_gazetteer()
        tone_lexicon()
        self.layer: Layer | None = None
        if self.options.use_model and (self.options.model_path or available()):
            self.layer = load_layer(self.options.model_path)

    def prepare_text(self, document: Document) -> str:
        """The text the parser reads: dateline masked, look-alike characters normalised (same length)."""
        return normalise(masked(document.text))

    # -- one document ---------------------------------------------------------------------------
    def check(self, document: Document) -> None:
        """Raise InputError for a document the pipeline will not code."""
        if not document.text.strip():
            raise errors.InputError(f"document {document.id!r} has no text")
        if _SURROGATE.search(document.text):
            raise errors.InputError(
                f"document {document.id!r} holds an unpaired surrogate (U+D800 to U+DFFF), which is no character; "
                "replace it, as parley's readers do, with U+FFFD"
            )
        if len(document.text) > self.options.max_chars:
            raise errors.InputError(
                f"document {document.id!r} has {len(document.text):,} characters, over the limit of "
                f"{self.options.max_chars:,} (option max_chars / --max-chars)"
            )

    def analyse(self, document: Document, doc: Doc | None = None) -> Analysis:
        self.check(document)
        if doc is None and len(document.text) > self.options.part_chars:
            return self._analyse_parts(document)
        return self._analyse(document, doc, first=True)

    def _analyse_parts(self, document: Document) -> Analysis:
        """A long document coded part by part (split_parts), the parts' records put together with offsets
        into the whole text, sentences, quotations and coreference entities numbered across the parts, and
        warning W106. Time and memory grow with the length of the document, not its square."""
        bounds = split_parts(document.text, self.options.part_chars)
        events: list[Event] = []
        quotes: list[Quote] = []
        mentions: list[Mention] = []
        warnings: dict[tuple[str, str], Warning_] = {}
        tones: list[tuple[float, int]] = []
        sentences = entities = 0
        analysis: Analysis | None = None
        for k, (start, end) in enumerate(bounds, 1):
            part = Document(text=document.text[start:end], id=f"{document.id}-p{k}", title=document.title,
                            url=document.url, source=document.source, published=document.published)
            if not part.text.strip():
                continue
            analysis = self._analyse(part, None, first=k == 1)
            coded = analysis.coded
            quote_ids = {q.id: f"q{len(quotes) + i}" for i, q in enumerate(coded.quotes, 1)}
            quotes += [dataclasses.replace(q, id=quote_ids[q.id], sentence=q.sentence + sentences,
                                           start=q.start + start, end=q.end + start,
                                           speaker=_shift_ref(q.speaker, start)) for q in coded.quotes]
            events += [dataclasses.replace(e, sentence=e.sentence + sentences,
                                           source=_shift_ref(e.source, start), target=_shift_ref(e.target, start),
                                           trigger=Span(e.trigger.text, e.trigger.start + start,
                                                        e.trigger.end + start),
                                           quote=quote_ids.get(e.quote) if e.quote else None)
                       for e in coded.events]
            mentions += [dataclasses.replace(m, start=m.start + start, end=m.end + start,
                                             entity=m.entity + entities if m.entity is not None else None)
                         for m in coded.mentions]
            entities = max([entities, *(m.entity for m in mentions if m.entity is not None)])
            sentences += sum(1 for _ in analysis.doc.sents)
            for w in coded.warnings:
                warnings.setdefault((w.code, w.message), w)
            if coded.tone is not None:
                tones.append((coded.tone, sum(1 for t in analysis.doc if t.is_alpha)))
        assert analysis is not None  # check() refused a document without text
        split = Warning_(errors.W_SPLIT, f"{len(document.text):,} characters, longer than "
                         f"{self.options.part_chars:,} (option part_chars): coded in {len(bounds)} parts split at "
                         "paragraph or sentence ends; quotations, coreference and the dateline do not reach "
                         "across parts")
        words = sum(n for _t, n in tones)
        coded = CodedDocument(
            document=document, events=tuple(events), quotes=tuple(quotes), mentions=tuple(mentions),
            warnings=(*warnings.values(), split),
            tone=round(sum(t * n for t, n in tones) / words, 3) if words else None,
        )
        return Analysis(coded, analysis.doc, analysis.candidates, analysis.decisions)

    def _analyse(self, document: Document, doc: Doc | None, first: bool) -> Analysis:
        """One document (or, not ``first``, a later part of a long one: no dateline looked for)."""
        if doc is None:
            doc = self.nlp(self.prepare_text(document) if first else normalise(document.text))
        doc._.dateline = find_dateline(document.text) if first else None
        doc._.source_text = document.text
        published = document.published
        warnings: list[Warning_] = []
        if published is None:
            warnings.append(
                Warning_(errors.W_DATE_UNKNOWN, "no publication date: relative dates and event dates left null")
            )
        warnings.extend(legibility_warnings(document.text))
        mentions = corefer(doc, find_mentions(doc, published, self.actors))
        if doc.text != document.text:  # the parser saw a normalised text: mentions quote the original
            mentions = [dataclasses.replace(m, text=document.text[m.start:m.end]) for m in mentions]
        quotes, quote_warnings = find_quotes(doc, mentions)
        warnings.extend(quote_warnings)
        mentions = sorted([*mentions, *speaker_pronouns(doc, quotes)], key=lambda m: m.start)
        events, candidates = code_doc(
            doc,
            mentions,
            self.patterns,
            doc_id=document.id,
            date_of=lambda token: event_date(doc, token, published),
            place_of=lambda token, s, t: event_location(doc, token, mentions, s, t),
            dictionary=self.actors,
        )
        decisions: list[Decision] = []
        if self.layer is not None:
            events, decisions = self.layer.apply(
                doc, mentions, events, doc_id=document.id,
                date_of=lambda token: event_date(doc, token, published),
                place_of=lambda token, s, t: event_location(doc, token, mentions, s, t), candidates=candidates)
        events = _link_quotes(events, quotes)
        coded = CodedDocument(
            document=document,
            events=tuple(events),
            quotes=tuple(quotes),
            mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end))),
            warnings=tuple(warnings),
            tone=tone(doc),
        )
        return Analysis(coded, doc, tuple(candidates), tuple(decisions))

    def code(self, document: Document) -> CodedDocument:
        """The coded document, actor codes as ANNOTATION.md writes them (``analyse`` keeps the coder's own)."""
        return annotation_codes(self.analyse(document).coded)

    # -- many documents -------------------------------------------------------------------------
    def pipe(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code documents in batches; raises on the first bad document (library behaviour)."""
        for item in self.pipe_items(documents, raise_errors=True):
            assert isinstance(item, CodedDocument)
            yield item

    def pipe_items(
        self, items: Iterable[Document | Failure], *, raise_errors: bool = False
    ) -> Iterator[CodedDocument | Failure]:
        """Code a stream of documents and read failures; a bad document becomes a Failure."""
        batch: list[Document | Failure] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.options.batch_size:
                yield from self._batch(batch, raise_errors)
                batch = []
        if batch:
            yield from self._batch(batch, raise_errors)

    def _batch(self, batch: Sequence[Document | Failure], raise_errors: bool) -> Iterator[CodedDocument | Failure]:
        good: list[Document] = []
        checked: dict[int, Failure] = {}
        for i, item in enumerate(batch):
            if isinstance(item, Failure):
                continue
            try:
                self.check(item)
            except errors.InputError as exc:
                if raise_errors:
                    raise
                checked[i] = Failure(item.url or item.id, exc.code, exc.message)
                continue
            if len(item.text) <= self.options.part_chars:  # a longer one is parsed part by part
                good.append(item)
        parsed = iter(
            self.nlp.pipe(
                (self.prepare_text(d) for d in good), batch_size=self.options.batch_size, n_process=self.options.n_process
            )
        )
        for i, item in enumerate(batch):
            if isinstance(item, Failure):
                yield item
            elif i in checked:
                yield checked[i]
            else:
                doc = next(parsed) if len(item.text) <= self.options.part_chars else None
                if raise_errors:
                    yield annotation_codes(self.analyse(item, doc).coded)
                    continue
                try:
                    yield annotation_codes(self.analyse(item, doc).coded)
                except errors.ParleyError as exc:
                    yield Failure(item.url or item.id, exc.code, exc.message)
                except (ValueError, IndexError, KeyError) as exc:  # a coder bug must not lose the batch
                    yield Failure(item.url or item.id, "E900", f"internal error while coding: {exc!r}")


def split_parts(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive parts of ``text``, each at most ``limit`` characters, together the whole
    text: each part ends after the last paragraph break in its second half, else the last line break, else
    the last sentence end (., ! or ? and any closing quotation mark, then a space), else the last space, and
    only for a text with none of these at ``limit`` itself."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        half = limit // 2
        cut = -1
        for brk in ("\n\n", "\n"):
            found = window.rfind(brk, half)
            if found > 0:
                cut = found + len(brk)
                break
        if cut < 0:
            ends = [m.end() for m in _SENTENCE_END.finditer(window, half)]
            cut = ends[-1] if ends else window.rfind(" ", half) + 1
        if cut <= 0:
            cut = limit
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, len(text)))
    return bounds


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019\u00bb)\]]*\s+")


def _shift_ref(ref: ActorRef | None, by: int) -> ActorRef | None:
    return None if ref is None else dataclasses.replace(ref, start=ref.start + by, end=ref.end + by)


def _link_quotes(events: list[Event], quotes: Sequence[Quote]) -> list[Event]:
    """Each event with the quote its trigger lies in: the last quote starting at or before the trigger, found by
    bisection (quotes do not overlap), not by reading every quote for every event."""
    if not quotes:
        return events
    ordered = sorted(quotes, key=lambda q: q.start)
    starts = [q.start for q in ordered]
    linked = []
    for e in events:
        i = bisect.bisect_right(starts, e.trigger.start) - 1
        q = ordered[i] if i >= 0 and e.trigger.start < ordered[i].end else None
        linked.append(dataclasses.replace(e, quote=q.id) if q is not None else e)
    return linked


@functools.lru_cache(maxsize=4)
def default_coder(options: Options | None = None) -> Coder:
    return Coder(options)


def _as_date(published: dt.date | str | None) -> dt.date | None:
    if published is None or isinstance(published, dt.date):
        return published
    from parley.when import parse_published

    parsed = parse_published(published)
    if parsed is None:
        raise errors.InputError(f"cannot read the publication date {published!r}; use YYYY-MM-DD")
    return parsed


def code(text: str, published: dt.date | str | None = None, **options: object) -> CodedDocument:
    """Code one article and return its :class:`CodedDocument`."""
    coder = default_coder(Options(**options) if options else None)  # type: ignore[arg-type]
    return coder.code(Document(text=text, published=_as_date(published)))


def pipeline(documents: Iterable[Document], **options: object) -> Iterator[CodedDocument]:
    """Code an iterable of documents lazily, in batches."""
    coder = default_coder(Options(**options) if options else None)  # type: ignore[arg-type]
    return coder.pipe(documents)


def code_items(items: Iterable[Document | Failure], **options: object) -> Iterator[CodedDocument | Failure]:
    """Batch mode: code documents, pass failures through, never raise for one bad document."""
    coder = default_coder(Options(**options) if options else None)  # type: ignore[arg-type]
    return coder.pipe_items(items)


__all__ = ["Analysis", "Coder", "DEFAULT_MAX_CHARS", "DEFAULT_PART_CHARS", "Options", "code", "code_items",
           "default_coder", "pipeline", "split_parts"]
