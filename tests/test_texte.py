"""The theme's texts in other languages: complete catalogues, and texts in the page's language."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from rathaus import texte
from rathaus.render import FragmentRenderer

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("en", "tr", "ar", "uk")
PLACEHOLDER = re.compile(r"%\((\w+)\)s|\{(\w+)\}")


def test_every_marked_text_is_found() -> None:
    marked = texte.marked_messages()
    # One from each source: a theme partial, a fragment, Python (N_), the theme's defaults.
    assert "theme/partials/rathaus/suchfeld.html" in marked["Suchen"][0]
    assert any("fuss-kontakt.html" in place for place in marked["Telefonzentrale:"])
    places = marked["Leichte Sprache"]
    assert any(place.startswith("adapter/leichte_sprache.py") for place in places)
    assert marked["Dunkles Farbschema aktivieren"] == ["theme/mkdocs_theme.yml"]


@pytest.mark.parametrize("code", SHIPPED)
def test_catalogue_translates_every_text_with_its_placeholders(code: str) -> None:
    marked = texte.marked_messages()
    assert texte.missing(code, marked) == []
    with (texte.PACKAGE_TEXTS / f"{code}.po").open("rb") as po:
        catalog = read_po(po)
    for message in catalog:
        if message.id:
            assert set(PLACEHOLDER.findall(str(message.string))) == set(
                PLACEHOLDER.findall(str(message.id))
            ), f"{code}: {message.id!r}"  # %(name)s for Jinja, {name} for rathaus-suche.js


def test_catalogues_hold_exactly_the_marked_texts() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "texte.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_a_missing_translation_is_reported() -> None:
    assert texte.missing("en", ["Ein Text, den niemand übersetzt hat"]) == [
        "Ein Text, den niemand übersetzt hat"
    ]


def _arabic() -> texte.Seitensprache:
    return texte.load(texte.BEKANNT["ar"])


def test_fragments_speak_the_language_of_the_page() -> None:
    renderer = FragmentRenderer()
    context = {"veraltet": True, "maschinell": True, "deutsch_url": "../../kontakt/"}
    german = renderer.render("uebersetzung-hinweis", **context)
    assert "Diese Übersetzung ist vielleicht nicht mehr aktuell" in german
    with texte.in_sprache(_arabic()):
        arabic = renderer.render("uebersetzung-hinweis", **context)
    assert "قد لا تكون هذه الترجمة محدّثة" in arabic
    assert "Diese Übersetzung" not in arabic
    # Outside the block, German again.
    assert renderer.render("uebersetzung-hinweis", **context) == german


def test_weekdays_dates_and_language_names_in_the_page_language() -> None:
    day = date(2027, 3, 1)
    assert (texte.wochentag(0), texte.datum(day), texte.sprachname("ar")) == (
        "Montag",
        "1. März 2027",
        "Arabisch",
    )
    with texte.in_sprache(texte.load(texte.BEKANNT["en"])):
        assert texte.wochentag(0) == "Monday"
        assert texte.datum(day) == "1 March 2027"  # British order, as in Europe
        assert texte.datum_lang(day) == "Monday, 1 March 2027"
        assert texte.sprachname("ar") == "Arabic"
        assert texte.sprachname("gsg") == "German Sign Language"
    with texte.in_sprache(texte.load(texte.BEKANNT["uk"])):
        assert texte.wochentag(4) == "пʼятниця"


def test_german_data_is_marked_on_other_pages_only() -> None:
    assert texte.deutsch("Erdgeschoss (Eingang Markt)") == "Erdgeschoss (Eingang Markt)"
    with texte.in_sprache(_arabic()):
        marked = texte.deutsch("Erdgeschoss <Eingang>")
    assert marked == '<span lang="de" dir="ltr">Erdgeschoss &lt;Eingang&gt;</span>'


def test_a_translation_is_text_not_markup(tmp_path: Path) -> None:
    (tmp_path / "en.po").write_text(
        'msgid "Suchen"\nmsgstr "<b>Find</b> \\"now\\""\n', encoding="utf-8"
    )
    renderer = FragmentRenderer()
    template = renderer.env.from_string('<p title="{{ _(\'Suchen\') }}">{{ _("Suchen") }}</p>')
    with texte.in_sprache(texte.load(texte.BEKANNT["en"], [tmp_path])):
        html = template.render()
    assert html == (
        '<p title="&lt;b&gt;Find&lt;/b&gt; &#34;now&#34;">&lt;b&gt;Find&lt;/b&gt; &#34;now&#34;</p>'
    )


def test_a_town_catalogue_comes_first(tmp_path: Path) -> None:
    (tmp_path / "en.po").write_text('msgid "Suchen"\nmsgstr "Find"\n', encoding="utf-8")
    with texte.in_sprache(texte.load(texte.BEKANNT["en"], [tmp_path])):
        assert texte.gettext("Suchen") == "Find"
    assert texte.catalog_path("ru", [tmp_path]) is None


def test_the_video_player_and_its_consent_text_in_the_page_language() -> None:
    from rathaus.fragment_contracts import load_contract

    contract = load_contract("dgs-video")
    [example] = [e for e in contract.examples if e.name == "external player, topic without page"]
    renderer = FragmentRenderer()
    with texte.in_sprache(texte.load(texte.BEKANNT["en"])):
        html = renderer.render("dgs-video", **example.context)
    assert "This video is played by Vimeo (Vimeo.com, Inc., USA)." in html
    assert "Load video:" in html and "German Sign Language" in html
    assert "Dieses Video" not in html and "Stand:" not in html
    [self_hosted] = [e for e in contract.examples if e.name == "self-hosted with topic"]
    with texte.in_sprache(texte.load(texte.BEKANNT["en"])):
        html = renderer.render("dgs-video", **self_hosted.context)
    assert "Download video (MP4, 12.4 MB, 3 minutes)" in html
    assert 'As of <time datetime="2026-03-03">3 March 2026</time>' in html
    assert "Video herunterladen (MP4, 12,4 MB, 3:05 Minuten)" in renderer.render(
        "dgs-video", **self_hosted.context
    )
