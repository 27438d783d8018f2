"""The demo's offline search: German, across generated pages, without vCards and feeds.

Material builds the lunr index in the browser from ``search/search_index.json``; these
tests check what goes into that file and how the configured separator splits words.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, build_site, parse


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("suche") / "demo"
    root.mkdir()
    for name in ("mkdocs.yml", "content", "data", "overrides"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.is_file():
            shutil.copy(source, root / name)
    return build_site(root)


@pytest.fixture(scope="module")
def index(demo: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (demo / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    return data


def _words(index: dict[str, Any], text: str) -> list[str]:
    """Tokens roughly as lunr sees them: text outside markup, split at the configured
    separator, punctuation trimmed (lunr's trimmer), lower case."""
    plain = re.sub(r"<[^>]+>", " ", text)
    tokens = (re.sub(r"^\W+|\W+$", "", w) for w in re.split(index["config"]["separator"], plain))
    return [w.lower() for w in tokens if w]


def test_search_is_german_and_offline(demo: Path, index: dict[str, Any]) -> None:
    assert index["config"]["lang"] == ["de"]
    # The German stemmer ships with the site; nothing is loaded from elsewhere.
    assert (demo / "assets" / "javascripts" / "lunr" / "min" / "lunr.de.min.js").is_file()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Bürger·meisterin", ["bürger", "meisterin"]),
        ("Sozial·bericht", ["sozial", "bericht"]),
        ("Kita-Platz", ["kita", "platz"]),
        ("Bürger:innen Bürger*innen Bürger/innen", ["bürger", "innen"] * 3),
    ],
)
def test_separator_splits_mediopunkt_hyphen_and_gender_marks(
    index: dict[str, Any], text: str, words: list[str]
) -> None:
    assert _words(index, text) == words


def test_generated_pages_are_indexed(index: dict[str, Any]) -> None:
    locations = {doc["location"] for doc in index["docs"]}
    for page in ("themen/", "aktuelles/", "verwaltung/buergerbuero/", "ansprechpersonen/"):
        assert page in locations


def test_vcards_and_feeds_are_not_indexed(demo: Path, index: dict[str, Any]) -> None:
    assert list(demo.rglob("*.vcf")) and (demo / "aktuelles" / "feed.xml").is_file()
    for doc in index["docs"]:
        path = doc["location"].split("#")[0]
        assert not path.endswith((".vcf", ".xml", ".ics")), doc["location"]
        assert "BEGIN:VCARD" not in doc["text"] and "<feed" not in doc["text"]


def test_unit_is_found_by_a_service_synonym(demo: Path, index: dict[str, Any]) -> None:
    # „Perso“ appears nowhere on the Bürgerbüro's own page; the A–Z entry carries it.
    hits = [doc for doc in index["docs"] if "perso" in _words(index, doc["text"])]
    by_location = {doc["location"]: doc for doc in hits}
    # The cross-reference „Perso: siehe Personalausweis“ and the entry itself.
    assert set(by_location) == {"themen/#buchstabe-p", "themen/#thema-personalausweis"}
    assert "bürgerbüro" in _words(index, by_location["themen/#thema-personalausweis"]["text"])
    page = parse(demo / "themen" / "index.html")
    entry = page.css_first("#thema-personalausweis").parent
    assert entry is not None
    unit = entry.css_first("dd a[href*='verwaltung/']")
    assert (unit.text(), unit.attributes["href"]) == ("Bürgerbüro", "../verwaltung/buergerbuero/")
    assert (demo / "verwaltung" / "buergerbuero" / "index.html").is_file()


def test_mediopunkt_word_is_found_by_its_parts(index: dict[str, Any]) -> None:
    # The Leichte Sprache summary writes „Sozial·bericht“; a search for „bericht“ finds it.
    hits = [
        doc["location"]
        for doc in index["docs"]
        if "Sozial·bericht" in doc["text"] and "bericht" in _words(index, doc["text"])
    ]
    assert "aktuelles/erster-sozialbericht/#leichte-sprache" in hits


def test_demo_has_25_index_entries_and_6_posts_over_two_years(demo: Path) -> None:
    themen = parse(demo / "themen" / "index.html")
    assert len(themen.css("article li.rathaus-az__eintrag")) >= 25
    assert len(themen.css("article li.rathaus-az__verweis")) >= 10
    news = parse(demo / "aktuelles" / "index.html")
    dates = [t.attributes["datetime"] or "" for t in news.css("article li.rathaus-meldung time")]
    assert len(dates) >= 6 and dates == sorted(dates, reverse=True)
    assert {d[:4] for d in dates} >= {"2025", "2026"}
