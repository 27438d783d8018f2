"""rathaus/suche and rathaus/haeufig: the start page's search form and its frequent tasks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import build_site, parse, set_feature

START = """# Testdorf

<!-- rathaus/suche -->

## Häufig gesucht

<!-- rathaus/haeufig -->
"""


def _site(fixture_site: Callable[[str], Path], frequent: tuple[str, ...]) -> Path:
    root = fixture_site("finden")
    (root / "content" / "index.md").write_text(START, encoding="utf-8")
    services = root / "data" / "leistungen.yml"
    text = services.read_text(encoding="utf-8")
    for service_id in frequent:
        text = text.replace(f"- id: {service_id}\n", f"- id: {service_id}\n  haeufig: ja\n")
    services.write_text(text, encoding="utf-8")
    return root


def test_search_form_is_a_labelled_get_form_to_the_search_page(
    fixture_site: Callable[[str], Path],
) -> None:
    site = build_site(_site(fixture_site, ()))
    form = parse(site / "index.html").css_first("article form.rathaus-suche")
    assert form.attributes["role"] == "search"
    assert (form.attributes["action"], form.attributes["method"]) == ("suche/", "get")
    field = form.css_first("input")
    assert field.attributes["name"] == "suchwort"
    assert (site / "suche" / "index.html").is_file()


def test_without_the_search_the_form_goes_to_the_filtered_index(
    fixture_site: Callable[[str], Path],
) -> None:
    root = _site(fixture_site, ())
    set_feature(root, "suche", None)
    site = build_site(root)
    form = parse(site / "index.html").css_first("article form.rathaus-suche")
    assert form.attributes["role"] == "search"
    assert (form.attributes["action"], form.attributes["method"]) == ("themen/", "get")
    field = form.css_first("input")
    assert field.attributes["name"] == "suchwort"
    label = form.css_first(f'label[for="{field.attributes["id"]}"]')
    assert label.text() == "Was suchen Sie?"
    assert form.css_first('button[type="submit"]').text() == "Suchen"
    # The index it submits to has the filter that reads ?suchwort=, hidden until JavaScript runs.
    index = parse(site / "themen" / "index.html")
    box = index.css_first("[data-rathaus-filter] .rathaus-filter")
    assert "hidden" in box.attributes
    assert len(index.css("[data-rathaus-filter] [data-eintrag]")) >= 5


def test_frequent_services_link_to_their_index_entries_in_data_order(
    fixture_site: Callable[[str], Path],
) -> None:
    site = build_site(_site(fixture_site, ("ssv", "reisepass")))
    items = parse(site / "index.html").css("article ul.rathaus-aufgaben li")
    shown = [(li.css_first("a").text(), li.css_first("a").attributes["href"]) for li in items]
    assert shown == [
        ("Reisepass", "themen/#thema-reisepass"),
        ("Straßensondernutzung", "themen/#thema-strassensondernutzung"),
    ]
    index = parse(site / "themen" / "index.html")
    for _, href in shown:
        assert index.css_first(f"#{href.split('#')[1]}") is not None
    assert items[0].css_first(".rathaus-aufgaben__stelle").text() == "Bürgerbüro"


def test_no_frequent_service_renders_no_list(fixture_site: Callable[[str], Path]) -> None:
    site = build_site(_site(fixture_site, ()))
    assert parse(site / "index.html").css_first("ul.rathaus-aufgaben") is None


def test_frequent_services_link_into_the_right_part_of_a_split_index(
    fixture_site: Callable[[str], Path],
) -> None:
    root = _site(fixture_site, ("zaun", "reisepass"))
    set_feature(root, "themen", {"entries_per_part": 2})
    site = build_site(root)
    items = parse(site / "index.html").css("article ul.rathaus-aufgaben li a")
    for link in items:
        path, _, anchor = link.attributes["href"].partition("#")
        assert path.startswith("themen/") and path != "themen/", path
        assert parse(site / path / "index.html").css_first(f"#{anchor}") is not None
