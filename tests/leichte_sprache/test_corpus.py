"""Precision and recall of every LS rule over the labelled corpus (issue 4, item 3)."""

from __future__ import annotations

from tests.leichte_sprache.corpus import load, scores

MIN_PRECISION = 0.8


def test_corpus_has_at_least_200_labelled_texts_good_and_bad() -> None:
    examples = load()
    assert len(examples) >= 200
    assert sum(1 for e in examples if not e.rules) >= 80
    assert sum(1 for e in examples if e.rules) >= 100


def test_no_rule_has_precision_below_threshold() -> None:
    low = {
        s.rule: s.precision
        for s in scores(load())
        if s.precision is not None and s.precision < MIN_PRECISION
    }
    assert low == {}


def test_every_rule_in_the_corpus_finds_something() -> None:
    # A rule labelled in the corpus but never found would have no precision to judge.
    assert [s.rule for s in scores(load()) if s.tp == 0] == []
