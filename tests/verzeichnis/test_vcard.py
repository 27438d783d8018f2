"""vCards of people and units: every payload stays inside its property (RFC 6350 / 2426)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import vobject

from rathaus import escaping
from rathaus.model import Site
from rathaus.verzeichnis.vcard import person_vcard, unit_vcard
from tests.sicherheit.hostile import base_site, hostile
from tests.sicherheit.payloads import PAYLOADS, Payload

URL = "https://beispielstadt.example/verwaltung/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return base_site(tmp_path_factory.mktemp("vcard"))


def _cards(site: Site, url: str) -> dict[str, str]:
    return {
        "person": person_vcard(site, site.personen["erika-muster"], url),
        "unit": unit_vcard(site, site.einheiten["buergerbuero"], url),
    }


def _shape(card: Any) -> list[tuple[str, int]]:
    return sorted((name, len(lines)) for name, lines in card.contents.items())


def _well_formed(text: str) -> None:
    assert text.endswith("\r\n")
    for line in text[:-2].split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, line
        assert not re.search("[\x00-\x08\x0a-\x1f\x7f-\x9f]", line), repr(line)


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_every_payload_stays_in_its_property(site: Site, payload: Payload) -> None:
    expected = escaping.vcard_text(payload.text)
    url = URL + payload.text
    normal = {kind: vobject.readOne(text) for kind, text in _cards(site, URL).items()}
    for kind, text in _cards(hostile(site, payload.text), url).items():
        _well_formed(text)
        (card,) = list(vobject.readComponents(text))
        assert _shape(card) == _shape(normal[kind]), "a property appeared or vanished"
        assert card.fn.value == expected
        assert card.org.value[1] == expected
        assert card.adr.value.street == expected
        assert card.adr.value.extended == expected
        assert card.url.value == escaping.uri(url)
    person = vobject.readOne(_cards(hostile(site, payload.text), url)["person"])
    assert person.title.value == expected
    assert person.email.value == expected


def test_long_values_fold_without_splitting_a_character(site: Site) -> None:
    text = _cards(hostile(site, "Grünflächenämterübersicht " * 20), URL)["unit"]
    _well_formed(text)
    assert vobject.readOne(text).fn.value == "Grünflächenämterübersicht " * 20
