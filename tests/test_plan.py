"""rathaus.plan: where every record is shown, one resolver for all features."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from rathaus.model import Site, load_site
from rathaus.plan import RECORD_KINDS, Layout, Plan, Target
from rathaus.project import Project
from rathaus.uebersichten import Schwellen
from tests.conftest import build_site, parse

ALL = ("rathaus/verzeichnis", "rathaus/themen", "rathaus/termine", "rathaus/gremien")


def _project(root: Path, **options: dict[str, object]) -> Project:
    plugins = {name: dict(options.get(name.split("/")[1], {})) for name in ALL}
    return Project(root, "content", date(2027, 3, 1), plugins)


@pytest.fixture
def site(fixture_site: Callable[[str], Path]) -> Site:
    return load_site(fixture_site("termine"))


def test_every_kind_of_record_has_its_place(site: Site, tmp_path: Path) -> None:
    plan = Plan(site, _project(tmp_path))
    assert plan.target("einheit", "integration") == Target("verwaltung/integration.md")
    assert plan.target("einheit-vcard", "integration") == Target("verwaltung/integration.vcf")
    assert plan.target("person", "erika-muster") == Target(
        "ansprechpersonen.md", "person-erika-muster"
    )
    assert plan.target("person-vcard", "erika-muster") == Target(
        "ansprechpersonen/erika-muster.vcf"
    )
    assert plan.target("standort", "rathaus") == Target("standorte.md", "rathaus")
    assert plan.target("termin", "werkstatt") == Target("termine/werkstatt.md")
    assert plan.target("termin-ics", "werkstatt") == Target("termine/werkstatt.ics")
    assert plan.target("gremium", "integrationsrat") == Target("gremien/integrationsrat.md")
    assert set(RECORD_KINDS) == {
        "einheit",
        "einheit-vcard",
        "person",
        "person-vcard",
        "standort",
        "termin",
        "termin-ics",
        "gremium",
    }


def test_the_options_move_every_target(site: Site, tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        verzeichnis={"units_dir": "aemter", "locations_page": "orte.md", "people_page": "p.md"},
        termine={"events_dir": "kalender"},
        gremien={"bodies_dir": "politik"},
    )
    plan = Plan(site, project)
    assert plan.path("einheit", "integration") == "aemter/integration.md"
    assert plan.target("standort", "rathaus") == Target("orte.md", "rathaus")
    assert plan.path("person-vcard", "erika-muster") == "p/erika-muster.vcf"
    assert plan.path("termin", "werkstatt") == "kalender/werkstatt.md"
    assert plan.path("gremium", "integrationsrat") == "politik/integrationsrat.md"


def test_a_split_overview_sends_each_record_to_its_part(site: Site, tmp_path: Path) -> None:
    plan = Plan(site, _project(tmp_path, verzeichnis={"people_per_part": 1}))
    assert plan.layout.schwellen == Schwellen(people=1)
    overview = plan.overviews.ansprechpersonen
    assert len(overview.parts) == 2
    pages = {plan.path("person", p) for p in ("erika-muster", "oezguer-oezdemir")}
    assert pages == {overview.part_page(0), overview.part_page(1)}


def test_no_target_for_an_unknown_record_or_a_feature_that_is_off(
    site: Site, tmp_path: Path
) -> None:
    plan = Plan(site, _project(tmp_path))
    assert plan.target("einheit", "gibt-es-nicht") is None
    with pytest.raises(LookupError):
        plan.path("termin", "gibt-es-nicht")
    without = Plan(site, Project(tmp_path, "content", date(2027, 3, 1), {}))
    assert without.target("einheit", "integration") is None
    assert without.target("termin", "werkstatt") is None
    assert without.layout == Layout()


def test_changed_places_build_with_every_link_resolved(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("termine")
    for page in (root / "content").rglob("*.md"):  # the editors' own links move too
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("verwaltung/", "aemter/"), encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Testdorf\n"
        "site_url: https://www.testdorf.example/\n"
        "docs_dir: content\n"
        "theme:\n  name: rathaus\n"
        "plugins:\n"
        "  - rathaus:\n"
        "      verzeichnis:\n"
        "        units_dir: aemter\n"
        "        locations_page: orte/gebaeude.md\n"
        "      termine:\n"
        "        events_dir: kalender\n"
        "      gremien:\n"
        "        bodies_dir: politik\n"
        "      navigation: {enabled: false}\n"
        "      handbuch: {enabled: false}\n"
        "      themen: {enabled: false}\n"
        "      aktuelles: {enabled: false}\n"
        "      leichte_sprache: {enabled: false}\n"
        "      gebaerdensprache: {enabled: false}\n"
        "      pruefung: {enabled: false}\n",
        encoding="utf-8",
    )
    out = build_site(root)
    event = parse(out / "kalender" / "werkstatt" / "index.html")
    body = parse(out / "politik" / "integrationsrat" / "index.html")
    hrefs = {
        (page, a.attributes["href"] or "")
        for page, tree in (("kalender/werkstatt/", event), ("politik/integrationsrat/", body))
        for a in tree.css("main a[href]")
    }
    assert any("aemter/" in href for _, href in hrefs)
    assert any("orte/gebaeude/" in href for _, href in hrefs)
    for page, href in hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        target = (out / page / unquote(parts.path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        assert target.is_file(), (page, href)
    assert not (out / "verwaltung").exists()
