"""An OParl export is untrusted: what the import writes is plain text or a checked address."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rathaus.model import load_site
from rathaus.oparl.export import url_to_relpath
from rathaus.oparl.importer import import_oparl
from tests.conftest import build_site, only, parse
from tests.model.conftest import DataDir
from tests.sicherheit.payloads import CANARY, PAYLOADS, Payload

EXPORT = Path(__file__).parent.parent / "fixtures" / "oparl" / "musterstadt"
API = "https://ris.musterstadt.example/oparl/v1.1"
BODY = f"{API}/body/1"
ORG = f"{BODY}/organization/2"
MEETING = f"{API}/meeting/1"
PAPER = f"{API}/paper/3"  # an application of the Integrationsrat, no lead office
TODAY = date(2027, 3, 1)
# What the import removes from text (TAB, CR and LF are blanks and become one space).
REFUSED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\u200b-\u200f\u2060\ufeff\ud800-\udfff]"
)


def _edit(export: Path, url: str, change: Callable[[dict[str, Any]], None]) -> None:
    """Change the object ``url`` on the first page of its list in the copy."""
    kind = url.rsplit("/", 2)[1]
    page = export / url_to_relpath(f"{BODY}/{kind}")
    data = json.loads(page.read_text(encoding="utf-8"))
    change(next(o for o in data["data"] if o["id"] == url))
    page.write_text(json.dumps(data), encoding="utf-8")  # ASCII: a lone surrogate as a JSON escape


def _export_with(tmp_path: Path, text: str, address: str) -> Path:
    export = tmp_path / "export"
    shutil.copytree(EXPORT, export)

    def org(obj: dict[str, Any]) -> None:
        obj.update(name=text, shortName=text, web=address)

    def meeting(obj: dict[str, Any]) -> None:
        obj.update(name=text, web=address)

    def paper(obj: dict[str, Any]) -> None:
        obj.update(name=text, reference=text, web=address)

    _edit(export, ORG, org)
    _edit(export, MEETING, meeting)
    _edit(export, PAPER, paper)
    return export


def _plain(text: str) -> str:
    return re.sub("[ \t\r\n]+", " ", REFUSED.sub("", text)).strip()


@pytest.fixture
def site(tmp_path: Path) -> DataDir:
    (tmp_path / "site").mkdir()
    return DataDir(tmp_path / "site")


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_payloads_become_plain_text(site: DataDir, tmp_path: Path, payload: Payload) -> None:
    export = _export_with(tmp_path, payload.text, payload.text)
    result = import_oparl(site.root, export, TODAY)
    written = (site.data / "gremien.yml").read_text(encoding="utf-8")
    assert REFUSED.search(written) is None

    body = next(b for b in load_site(site.root).gremien.values() if b.oparl_id == ORG)
    expected = _plain(payload.text)
    assert (body.name, body.kurzname) == (expected, expected)
    meeting = next(m for m in body.sitzungen if m.oparl_id == MEETING)
    paper = next(p for p in body.vorlagen if p.oparl_id == PAPER)
    assert (meeting.name, paper.titel, paper.nummer) == (expected, expected, expected)
    if not payload.refused:
        assert expected == " ".join(payload.text.split())  # kept as text, not interpreted

    notes = result.lines()
    for where, field in (
        (f"Gremium {ORG}", "name"),
        (f"Gremium {ORG}", "shortName"),
        (f"Sitzung {MEETING}", "name"),
        (f"Vorlage {PAPER}", "name"),
        (f"Vorlage {PAPER}", "reference"),
    ):
        for char in set(REFUSED.findall(payload.text)):
            code = f"U+{ord(char):04X}"
            assert any(
                n.startswith(f"Hinweis: {where}, Feld {field}: ")
                and code in n
                and n.endswith(" entfernt")
                for n in notes
            ), (where, field, code, notes)
    # None of the payloads is an http(s) address: every one is dropped, with a note.
    assert body.url is None and meeting.url is None and paper.url is None
    for where in (f"Gremium {ORG}", f"Sitzung {MEETING}", f"Vorlage {PAPER}"):
        assert any(n.startswith(f"Hinweis: {where}, Feld web: „") for n in notes), notes
    assert all(REFUSED.search(n) is None for n in notes)


def _nested_export(tmp_path: Path, text: str) -> Path:
    """``text`` in the fields inside other objects: a place, a role, a result, a file."""
    export = tmp_path / "export"
    shutil.copytree(EXPORT, export)

    def organizations(page: dict[str, Any]) -> None:
        org = next(o for o in page["data"] if o["id"] == ORG)
        org["classification"] = text

    def meetings(page: dict[str, Any]) -> None:
        first = next(m for m in page["data"] if m["id"] == MEETING)
        first["location"]["description"] = text
        third = next(m for m in page["data"] if m["id"] == f"{API}/meeting/3")
        next(a for a in third["agendaItem"] if a["id"].endswith("/3-1"))["result"] = text

    def persons(page: dict[str, Any]) -> None:
        page["data"][0]["membership"][0]["role"] = text  # the chair of the Integrationsrat

    def papers(page: dict[str, Any]) -> None:
        paper = next(p for p in page["data"] if p["id"] == f"{API}/paper/1")
        paper["consultation"][0]["role"] = text
        paper["mainFile"]["accessUrl"] = text

    for kind, change in (
        ("organization", organizations),
        ("meeting", meetings),
        ("person", persons),
        ("paper", papers),
    ):
        page = export / url_to_relpath(f"{BODY}/{kind}")
        data = json.loads(page.read_text(encoding="utf-8"))
        change(data)
        page.write_text(json.dumps(data), encoding="utf-8")
    return export


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_payloads_in_nested_fields(site: DataDir, tmp_path: Path, payload: Payload) -> None:
    result = import_oparl(site.root, _nested_export(tmp_path, payload.text), TODAY)
    assert REFUSED.search((site.data / "gremien.yml").read_text(encoding="utf-8")) is None
    expected = _plain(payload.text)
    body = next(b for b in load_site(site.root).gremien.values() if b.oparl_id == ORG)
    assert body.art == expected
    assert expected in [m.funktion for m in body.mitglieder]
    meeting = next(m for m in body.sitzungen if m.oparl_id == MEETING)
    assert meeting.ort is not None and meeting.ort.startswith(f"{expected}, ")
    paper = next(p for p in body.vorlagen if p.oparl_id == f"{API}/paper/1")
    first = paper.beratungen[0]
    assert (first.rolle, first.ergebnis) == (expected, expected)
    assert paper.dokument is None  # no payload is an http(s) address
    notes = result.lines()
    assert any(f"Vorlage {API}/paper/1, Feld mainFile: „" in n for n in notes), notes
    assert all(REFUSED.search(n) is None for n in notes)


@pytest.mark.parametrize(
    ("address", "kept"),
    [
        ("https://ris.beispielstadt.example/gremium/2", True),
        ("http://ris.beispielstadt.example/gremium/2?x=1&y=2", True),
        ("https://xn--bcher-kva.example/", True),
        ("https://bücher.example/", False),
        ("https://ris.beispielstadt.example@angreifer.example/", False),
        ("https://ris.beispielstadt.example/\u202egnp.exe", False),
        ('https://ris.beispielstadt.example/"><script>x</script>', False),
        ("ftp://ris.beispielstadt.example/datei", False),
        ("//angreifer.example/", False),
        ("https://" + "a" * 2000 + ".example/", False),
    ],
)
def test_addresses_only_checked_http(
    site: DataDir, tmp_path: Path, address: str, kept: bool
) -> None:
    result = import_oparl(site.root, _export_with(tmp_path, "Integrationsrat", address), TODAY)
    body = load_site(site.root).gremien["integrationsrat"]
    assert body.url == (address if kept else None)
    dropped = [n for n in result.lines() if f"Gremium {ORG}, Feld web:" in n]
    assert len(dropped) == (0 if kept else 1)
    assert all(REFUSED.search(n) is None for n in dropped)


def test_overlong_values_are_shortened_and_reported(site: DataDir, tmp_path: Path) -> None:
    long = "Sehr langer Name " * 40  # 680 characters
    result = import_oparl(site.root, _export_with(tmp_path, long, "https://x.example/"), TODAY)
    body = next(b for b in load_site(site.root).gremien.values() if b.oparl_id == ORG)
    assert 190 < len(body.name) <= 200 and body.name.endswith("r…")
    assert body.kurzname is not None and 110 < len(body.kurzname) <= 120
    paper = next(p for p in body.vorlagen if p.oparl_id == PAPER)
    assert paper.titel == long.strip()  # a paper's title may hold 1000 characters
    assert f"Hinweis: Gremium {ORG}, Feld name: 679 Zeichen, erlaubt sind 200 – auf 200 " in (
        "\n".join(result.lines())
    )


def test_a_script_in_a_body_name_is_text_on_the_page(
    fixture_site: Callable[[str], Path], tmp_path: Path
) -> None:
    root = fixture_site("termine")
    script = f"<script>{CANARY}</script>"
    refresh = '<meta http-equiv="refresh" content="0;url=https://angreifer.example">'
    export = _export_with(tmp_path, script, "https://ris.musterstadt.example/gremium/2")
    upcoming = f"{API}/meeting/3"  # past meetings are not listed
    _edit(export, upcoming, lambda m: m.update(name=refresh))
    import_oparl(root, export, TODAY)
    assert load_site(root).gremien["integrationsrat"].name == script

    # The theme copies that escape titles and rathaus/sicherheit, as every real site has them.
    built = build_site(
        root,
        theme={
            "name": "rathaus",
            "language": "de",
            "font": False,
        },
        plugins=[only(verzeichnis={}, barrierefreiheit={}, sicherheit={}, termine={}, gremien={})],
    )
    html = parse(built / "gremien" / "integrationsrat" / "index.html")
    article = html.css_first("article")
    assert article is not None
    assert article.css("script") == [] and html.css('meta[http-equiv="refresh" i]') == []
    assert all(CANARY not in node.text() for node in html.css("script"))
    heading = article.css_first("h1")
    assert heading is not None and heading.text().strip() == script
    assert refresh in article.text()
