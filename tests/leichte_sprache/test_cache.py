"""The linter runs once per text: rathaus/pruefung and rathaus/leichte-sprache share results.

Both plugins ask for the same findings in one build (and `mkdocs serve` builds again in the
same process); the linter caches by the text itself, so a text is linted once, and a changed
text – an editor's fix – is always linted anew.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rathaus.adapter import run_checks
from rathaus.leichte_sprache import linter, text
from rathaus.leichte_sprache.rules import Issue
from rathaus.leichte_sprache.settings import Einstellungen
from rathaus.leichte_sprache.text import Prepared, prepare_markdown, prepare_plain
from tests.conftest import build_site, set_feature
from tests.leichte_sprache.corpus import load as load_corpus

LS_LOG = "mkdocs.plugins.rathaus.adapter.leichte_sprache"
KONTAKT = "content/leichte-sprache/kontakt.md"
LONG = (
    "Im Rathaus können Sie am Montag und am Dienstag und am Mittwoch "
    "und am Donnerstag einen Termin machen.\n"
)


class Counts:
    """How often each text was asked for, and how often it was really linted."""

    def __init__(self) -> None:
        self.asked: Counter[str] = Counter()
        self.linted: Counter[str] = Counter()

    def reset(self) -> None:
        self.asked.clear()
        self.linted.clear()


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counts]:
    """Count the asks (``linter.checked``) and the real runs of the rules (``linter.issues``)."""
    linter.clear_cache()
    result = Counts()
    cached = linter.checked
    rules = linter.issues

    def asking(
        kind: str, source: str, settings: Einstellungen, kinds: tuple[object, ...] = ()
    ) -> linter.Checked:
        result.asked[source] += 1
        return cached(kind, source, settings, kinds)  # type: ignore[arg-type]

    def linting(prepared: Prepared, settings: Einstellungen) -> list[Issue]:
        result.linted[prepared.source] += 1
        return rules(prepared, settings)

    monkeypatch.setattr(linter, "checked", asking)
    monkeypatch.setattr(linter, "issues", linting)
    yield result
    cached.cache_clear()


def _site(fixture_site: Callable[[str], Path]) -> Path:
    """The LS fixture with rathaus/pruefung and a data text in LS."""
    root = fixture_site("leichte-sprache")
    set_feature(root, "pruefung", {})
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        # Long sentences are hints here, so a build with one passes in strict mode.
        .replace("            LS19: aus\n", "            LS19: aus\n            LS01: hinweis\n"),
        encoding="utf-8",
    )
    units = root / "data" / "einheiten.yml"
    units.write_text(
        units.read_text(encoding="utf-8").replace(
            "  name: Bürgerbüro\n",
            "  name: Bürgerbüro\n  leichte_sprache: |\n    Hier bekommen Sie einen Ausweis.\n",
            1,
        ),
        encoding="utf-8",
    )
    return root


def _ls_messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage().removeprefix("rathaus: ") for r in caplog.records if r.name == LS_LOG]


def test_each_text_is_linted_once_per_build(
    fixture_site: Callable[[str], Path], counts: Counts
) -> None:
    root = _site(fixture_site)
    build_site(root)
    page = (root / KONTAKT).read_text(encoding="utf-8")
    # Both plugins asked for the hand-written page, the data text and the generated pages …
    assert counts.asked[page] == 2
    assert counts.asked["Hier bekommen Sie einen Ausweis."] == 2
    assert sum(counts.asked.values()) > len(counts.asked) > 5
    # … but every text was linted once.
    assert set(counts.linted) == set(counts.asked)
    assert set(counts.linted.values()) == {1}


def test_rebuild_lints_only_changed_texts_and_shows_the_fix(
    fixture_site: Callable[[str], Path], counts: Counts, caplog: pytest.LogCaptureFixture
) -> None:
    root = _site(fixture_site)
    page = root / KONTAKT
    original = page.read_text(encoding="utf-8").rstrip("\n") + "\n"
    page.write_text(original, encoding="utf-8")
    caplog.set_level(logging.INFO, logger=LS_LOG)
    build_site(root)
    counts.reset()

    # `mkdocs serve` builds again in the same process: nothing changed, nothing is linted.
    build_site(root)
    assert counts.asked
    assert not counts.linted

    # The editor writes a long sentence: only that page is linted, and the finding shows.
    page.write_text(original + LONG, encoding="utf-8")
    counts.reset()
    caplog.clear()
    findings = [f for f in run_checks(root) if f.file == KONTAKT and f.rule == "LS01"]
    assert [(f.line, f.message) for f in findings] == [
        (12, "der Satz hat 18 Wörter, erlaubt sind höchstens 12")
    ]
    build_site(root)
    assert counts.linted == Counter({original + LONG: 1})
    assert any(m.startswith(f"{KONTAKT}:12:1: LS01 ") for m in _ls_messages(caplog))

    # The fix is linted again and the finding is gone, in `rathaus check` and in the build.
    page.write_text(original, encoding="utf-8")
    counts.reset()
    caplog.clear()
    assert not [f for f in run_checks(root) if f.file == KONTAKT and f.rule == "LS01"]
    build_site(root)
    assert not counts.linted  # the original text is still known
    assert not any(m.startswith(f"{KONTAKT}:12:") for m in _ls_messages(caplog))


def test_changed_data_text_is_linted_again(
    fixture_site: Callable[[str], Path], counts: Counts
) -> None:
    root = _site(fixture_site)
    units = root / "data" / "einheiten.yml"
    assert not [f for f in run_checks(root) if f.file == "data/einheiten.yml"]
    counts.reset()
    units.write_text(
        units.read_text(encoding="utf-8").replace(
            "Hier bekommen Sie einen Ausweis.", "Hier bekommen Sie z. B. einen Ausweis."
        ),
        encoding="utf-8",
    )
    findings = [f for f in run_checks(root) if f.file == "data/einheiten.yml"]
    assert [(f.field, f.rule) for f in findings] == [("leichte_sprache", "LS04")]
    assert counts.linted["Hier bekommen Sie z. B. einen Ausweis."] == 1


def _uncached(source: str, settings: Einstellungen, *, markdown: bool) -> linter.Checked:
    prepared = prepare_markdown(source) if markdown else prepare_plain(source)
    found = tuple(linter.issues(prepared, settings))
    positions = tuple(prepared.position(i.offset) for i in found) if markdown else ()
    return linter.Checked(found, positions)


def test_cached_results_equal_uncached_ones() -> None:
    linter.clear_cache()
    settings = Einstellungen(regeln={"LS19": "aus"}, erlaubt=("Testdorf",))
    texts = [case.text for case in load_corpus()]
    assert texts
    for source in texts:
        for markdown in (True, False):
            kind = "markdown" if markdown else "plain"
            expected = _uncached(source, settings, markdown=markdown)
            assert linter.checked(kind, source, settings) == expected  # computed
            assert linter.checked(kind, source, settings) == expected  # from the cache
    # Other settings are another key: never the result of the first settings.
    strict = Einstellungen(satz_woerter_warnung=3, satz_woerter_fehler=4)
    source = "Das ist ein Satz mit 7 Wörtern.\n"
    assert linter.checked("plain", source, strict) == _uncached(source, strict, markdown=False)
    assert linter.checked("plain", source, strict).issues
    assert linter.checked("plain", source, settings).issues == ()
    linter.clear_cache()


def test_run_checks_is_the_same_with_a_warm_cache(fixture_site: Callable[[str], Path]) -> None:
    root = _site(fixture_site)
    (root / KONTAKT).write_text(
        (root / KONTAKT).read_text(encoding="utf-8") + LONG, encoding="utf-8"
    )
    linter.clear_cache()
    cold = run_checks(root)
    warm = run_checks(root)
    assert warm == cold
    assert any(f.rule == "LS01" for f in cold)


# -- sentence splitting: the dot tests look at one line, with the results of the whole text --


def _abbreviation_reference(source: str, dot: int) -> bool:
    """The former definition, on the whole text before the dot."""
    if not source[dot + 1 :].split("\n", 1)[0].strip():
        return False
    before = re.search(r"(\S+)$", source[:dot])
    if not before:
        return False
    token = before.group(1).lstrip(text._STRIP)
    if re.fullmatch(r"[A-Za-zÄÖÜäöü]{1,2}", token) and token not in text._ENDS_SENTENCE:
        return True
    return token.lower() in text._KNOWN_ABBREVIATIONS


def _ordinal_reference(source: str, dot: int) -> bool:
    if not re.search(r"(?<![\d.])\d{1,2}$", source[:dot]):
        return False
    return bool(source[dot + 1 :].split("\n", 1)[0].strip())


@pytest.mark.parametrize(
    "source",
    [
        "Am 15. August ist Fest.",
        "Am 15.\nAugust ist Fest.",
        "Seite 1.2. Absatz\n3. Stock",
        "z.\nB. geht es.",
        "Das ist so. Gut so.",
        "Ja. Nein. Nr. 5 usw. und\tca.\u00a0drei",
        "Am 115. Tag. Am 1.5. Mai.",
        ". am Anfang.\n.\n\n. 12\n. x",
        "Herr Dr.\nMeier kommt. Um 8. Uhr.",
    ],
)
def test_dot_tests_equal_the_whole_text_definitions(source: str) -> None:
    padded = "Vorher ein Satz.\n" * 3 + source
    for sample in (source, padded):
        for dot in (i for i, c in enumerate(sample) if c == "."):
            assert text._is_abbreviation_dot(sample, dot) == _abbreviation_reference(sample, dot)
            assert text._is_ordinal_dot(sample, dot) == _ordinal_reference(sample, dot)
