"""Reading news posts without MkDocs: every mistake is a German finding at its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from rathaus.aktuelles.posts import check_posts, plain_paragraphs, read_post
from rathaus.model import load_site
from tests.conftest import FIXTURES

GOOD = """\
---
datum: 2026-11-12
einheit: buergerbuero
---

# Titel

Anriss mit [Link](../x.md).

<!-- more -->

Rest.
"""


def _findings(text: str) -> list[str]:
    site = load_site(FIXTURES / "finden")
    post, findings = read_post("content/aktuelles/x.md", "aktuelles/x.md", text, site)
    assert (post is None) == bool(findings)
    return [f.format() for f in findings]


def test_valid_post() -> None:
    site = load_site(FIXTURES / "finden")
    post, findings = read_post("content/aktuelles/x.md", "aktuelles/x.md", GOOD, site)
    assert findings == []
    assert post is not None
    assert (post.title, post.day.isoformat(), post.unit_id) == (
        "Titel",
        "2026-11-12",
        "buergerbuero",
    )
    assert post.teaser == ("Anriss mit Link.",)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "datum: 2026-11-12\n",
            "datum: 2026-11-31\n",
            "content/aktuelles/x.md:2:8: datum: „2026-11-31“ ist kein gültiges Datum",
        ),
        (
            "datum: 2026-11-12\n",
            "",
            "content/aktuelles/x.md:2:1: datum: Pflichtfeld fehlt – ergänzen Sie datum",
        ),
        (
            "einheit: buergerbuero",
            "einheit: jugendamt",
            "content/aktuelles/x.md:3:10: einheit: die Einheit „jugendamt“ gibt es nicht – "
            "tragen Sie die Kennung einer Einheit aus data/einheiten.yml ein",
        ),
        (
            "<!-- more -->\n",
            "",
            "content/aktuelles/x.md:11:1: es fehlt die Markierung <!-- more -->",
        ),
        ("# Titel\n", "", "content/aktuelles/x.md:5:1: die Meldung hat keine Überschrift"),
        (
            "Anriss mit [Link](../x.md).\n",
            "",
            "content/aktuelles/x.md:9:1: zwischen Überschrift und Markierung steht kein Anrisstext",
        ),
    ],
)
def test_mistakes_are_findings(old: str, new: str, expected: str) -> None:
    found = _findings(GOOD.replace(old, new))
    assert len(found) == 1, found
    assert found[0].startswith(expected), found


def test_missing_front_matter() -> None:
    found = _findings("# Titel\n\nText\n\n<!-- more -->\n")
    assert found[0].startswith(
        "content/aktuelles/x.md:1:1: front matter: die Meldung hat keinen Kopfbereich"
    )


def test_separator_in_a_code_example_does_not_count() -> None:
    text = GOOD.replace("<!-- more -->\n", "```\n<!-- more -->\n```\n")
    assert "es fehlt die Markierung" in _findings(text)[0]


def test_plain_paragraphs_keep_text_only() -> None:
    assert plain_paragraphs("Ein *Text* mit `Code`.\n\n- eins\n- zwei\n") == (
        "Ein Text mit Code.",
        "eins zwei",
    )


def test_check_posts_reports_like_the_build(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "finden"
    shutil.copytree(FIXTURES / "finden", root)
    assert check_posts(root, load_site(root), "content", "aktuelles") == []
    (root / "content" / "aktuelles" / "kaputt.md").write_text(
        GOOD.replace("buergerbuero", "buergerbuer"), encoding="utf-8"
    )
    found = [f.format() for f in check_posts(root, load_site(root), "content", "aktuelles")]
    assert found == [
        "content/aktuelles/kaputt.md:3:10: einheit: die Einheit „buergerbuer“ gibt es nicht – "
        "meinten Sie „buergerbuero“?"
    ]


DISTRICT = GOOD.replace(
    "einheit: buergerbuero\n",
    "herausgeber:\n  name: Kreis Beispielkreis\n  link: https://www.kreis-beispiel.de/presse/1\n",
)


def test_a_post_of_another_body_names_it_instead_of_a_unit() -> None:
    site = load_site(FIXTURES / "finden")
    post, findings = read_post("content/aktuelles/x.md", "aktuelles/x.md", DISTRICT, site)
    assert findings == [] and post is not None
    assert post.unit_id is None and post.herausgeber is not None
    assert (post.herausgeber.name, post.herausgeber.link) == (
        "Kreis Beispielkreis",
        "https://www.kreis-beispiel.de/presse/1",
    )


@pytest.mark.parametrize(
    "text",
    [
        GOOD.replace("einheit: buergerbuero\n", ""),
        DISTRICT.replace("---\n\n#", "einheit: buergerbuero\n---\n\n#"),
    ],
)
def test_exactly_one_publisher(text: str) -> None:
    [finding] = _findings(text)
    assert "genau eines an: einheit" in finding
