"""`parley bench`'s measurement: alternating rounds over the same articles, ratios, forked workers."""

from __future__ import annotations

import json

from parley import bench
from parley.learn import corpus


def test_rounds_alternate_and_time_both_on_the_same_articles(tmp_path):
    path = tmp_path / "news.jsonl"
    texts = ["Japan pledged aid to the Philippines on Monday.", "Turkey condemned Sweden over the vote.",
             "Kenya expelled two Ugandan diplomats, the ministry said.", "Canada sent aid to Haiti."]
    path.write_text("".join(json.dumps({"id": str(i), "text": t, "published": "2024-03-06"}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    result = bench.run(str(path), 4, [1, 2], batch_size=2, rounds=2, with_startup=False)
    rows = result["rounds"]
    assert [(r["round"], r["processes"]) for r in rows] == [(1, 1), (1, 2), (2, 1), (2, 2)]
    for r in rows:
        assert r["articles"] == 4 and r["sentences"] == 4 and r["events"] >= 3
        assert r["ratio"] == r["spacy_seconds"] / r["parley_seconds"] > 0
    assert all(r["worker_peak_mb"] > 50 for r in rows if r["processes"] == 2)  # measured from the live workers
    summary = bench.summary(result)
    assert summary[1]["ratio_min"] <= summary[1]["ratio_median"] <= summary[1]["ratio_max"]
    assert summary[2]["parley_scaling"] > 0


def test_the_default_corpus_is_real_news_without_the_test_split():
    articles = bench.news_articles(40)
    assert len(articles) == 40 and sum(a["text"].count("\n") + 1 for a in articles) > 200  # whole openings
    held_out = {u.article for u in corpus.load([bench.NEWS_CORPUS], ("test",))}
    assert not held_out & {a["id"] for a in articles}
