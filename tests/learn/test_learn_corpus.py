"""The annotated corpus: validation names every problem, the split is fixed by article, agreement is scored."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from parley.learn import corpus
from parley.learn.agreement import agreement

MINI = Path(__file__).resolve().parent.parent / "data" / "corpus-mini.jsonl"


def _unit(**over):  # type: ignore[no-untyped-def]
    rec = {"id": "x01-0001-01", "article": "x01-0001", "unit": 1, "source_url": "https://example.org/a",
           "published": "2024-01-02", "text": "Chile praised Peru.",
           "events": [{"source": "CHL", "cameo": "051", "target": "PER", "modality": "asserted"}]}
    rec.update(over)
    return rec


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_mini_corpus_is_valid_and_counted():
    report = corpus.check([MINI])
    assert report.problems == []
    assert report.units == 84 and report.articles == 12
    assert report.roots["19"] == 12 and report.modalities["hypothetical"] == 12
    assert report.event_free == 12


@pytest.mark.parametrize(("change", "message"), [
    ({"events": [{"source": "CHL", "cameo": "51x", "modality": "asserted"}]}, "cameo"),
    ({"events": [{"source": "CHL", "cameo": "051", "modality": "maybe"}]}, "modality"),
    ({"events": [{"source": "chile", "cameo": "051"}]}, "actor code"),
    ({"published": "02/01/2024"}, "published"),
    ({"id": "other-01"}, "does not start with its article id"),
    ({"text": ""}, "'text' must be a non-empty string"),
    ({"quotes": [{"text": "x", "kind": "rumour"}]}, "direct or indirect"),
])
def test_each_bad_field_is_named(change, message):  # type: ignore[no-untyped-def]
    problems = corpus.check_record(_unit(**change))
    assert any(message in p for p in problems), problems


def test_file_level_problems(tmp_path):  # type: ignore[no-untyped-def]
    path = _write(tmp_path / "b.jsonl", [
        _unit(),
        _unit(),  # the same id again
        _unit(id="x01-0001-03", unit=3),  # unit 2 is missing
        _unit(id="x01-0002-01", article="x01-0002"),  # another article with the first one's address
    ])
    path.write_text(path.read_text() + "{not json\n", encoding="utf-8")
    messages = [p.message for p in corpus.check([path]).problems]
    assert any("duplicate unit id" in m for m in messages)
    assert any("follows unit" in m for m in messages)
    assert any("address already used" in m for m in messages)
    assert any("malformed JSON" in m for m in messages)
    with pytest.raises(ValueError):
        corpus.load([path], ("train", "dev", "test"))


def test_bad_bytes_and_deep_nesting_are_problems_of_their_line(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "c.jsonl"
    good = json.dumps(_unit()) + "\n"
    path.write_bytes(b"\xff\xfe not text\n" + b"[" * 100_000 + b"\n" + good.encode("utf-8"))
    report = corpus.check([path])
    assert [(p.line, p.message.split(" (")[0]) for p in report.problems] == [
        (1, "not valid UTF-8"), (2, "malformed JSON")]
    assert report.units == 1


def test_split_is_by_article_address_and_stable():
    urls = [f"https://news.example/{i}" for i in range(2000)]
    shares = Counter(corpus.split_of(u) for u in urls)
    assert 300 <= shares["test"] <= 500 and 100 <= shares["dev"] <= 300  # 20 % and 10 % by design
    assert [corpus.split_of(u) for u in urls[:50]] == [corpus.split_of(u) for u in urls[:50]]
    units = corpus.load([MINI], ("train", "dev", "test"))
    for article, us in corpus.by_article(units).items():
        assert len({corpus.split_of(u.url) for u in us}) == 1, article
    train = corpus.load([MINI], ("train",))
    assert train and all(corpus.split_of(u.url) == "train" for u in train)


def test_agreement_of_two_annotations(tmp_path):  # type: ignore[no-untyped-def]
    units = [json.loads(line) for line in MINI.read_text(encoding="utf-8").splitlines()[:14]]
    same = agreement(_write(tmp_path / "a.jsonl", units), _write(tmp_path / "b.jsonl", units))
    assert same["units"] == 14 and same["events_lenient"]["f1"] == 1.0
    # the second annotator misses every shelling and codes the hypothetical sanctions as real
    other = []
    for u in units:
        u = json.loads(json.dumps(u))
        u["events"] = [e for e in u["events"] if e["cameo"] != "190"]
        for e in u["events"]:
            if e["modality"] == "hypothetical":
                e["modality"] = "asserted"
        other.append(u)
    result = agreement(_write(tmp_path / "a.jsonl", units), _write(tmp_path / "c.jsonl", other))
    lenient = result["events_lenient"]
    assert lenient["fn"] == 2 and lenient["fp"] == 2 and lenient["f1"] < 1.0
    with pytest.raises(ValueError, match="share no unit"):
        agreement(_write(tmp_path / "a.jsonl", units[:7]), _write(tmp_path / "d.jsonl", units[7:]))


def test_a_sentence_copied_into_a_test_article_is_not_learned(tmp_path):  # type: ignore[no-untyped-def]
    urls = [f"https://news.example/story-{i}" for i in range(200)]
    test_url = next(u for u in urls if corpus.split_of(u) == "test")
    train_url = next(u for u in urls if corpus.split_of(u) == "train")
    shared = "Chile praised Peru for its help after the floods."
    path = _write(tmp_path / "c.jsonl", [
        _unit(id="x01-0001-01", article="x01-0001", source_url=test_url, text=shared),
        _unit(id="x01-0002-01", article="x01-0002", source_url=train_url, text="  chile praised Peru for its help "
                                                                                "after the floods."),
        _unit(id="x01-0002-02", article="x01-0002", unit=2, source_url=train_url, text="Peru thanked Chile."),
    ])
    assert [u.id for u in corpus.load([path], ("train",))] == ["x01-0002-02"]
    assert [u.id for u in corpus.load([path], ("test",))] == ["x01-0001-01"]
