"""vCards (RFC 2426, version 3.0) for people and units, written with vobject.

vobject escapes; every value passes `rathaus.escaping` first, so no control character and no
line break can start a property of its own, and the result is folded by octets again.
"""

from __future__ import annotations

from typing import Any

import vobject

from ..escaping import folded, uri, vcard_text
from ..model import Site
from ..model.entities import Einheit, Person, Standort
from ..model.fieldtypes import Phone


def _address(card: Any, location: Standort, room: str | None) -> None:
    adr = card.add("adr")
    adr.type_param = "WORK"
    adr.value = vobject.vcard.Address(
        street=vcard_text(location.adresse.strasse),
        city=vcard_text(location.adresse.ort),
        code=vcard_text(location.adresse.plz or ""),
        country="Deutschland",
        extended=vcard_text(room or ""),
    )


def _reachability(
    card: Any, phones: tuple[Phone, ...], fax: Phone | None, email: str | None
) -> None:
    for phone in phones:
        tel = card.add("tel")
        tel.type_param = ["WORK", "VOICE"]
        tel.value = vcard_text(phone.e164)
    if fax:
        fax_line = card.add("tel")
        fax_line.type_param = ["WORK", "FAX"]
        fax_line.value = vcard_text(fax.e164)
    if email:
        email_line = card.add("email")
        email_line.type_param = "INTERNET"
        email_line.value = vcard_text(email)


def person_vcard(site: Site, person: Person, url: str) -> str:
    unit = site.einheiten[person.einheit]
    card = vobject.vCard()
    name = vcard_text(person.name)
    card.add("fn").value = name
    given, _, family = name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    card.add("org").value = [vcard_text(site.stadt.name), vcard_text(unit.name)]
    card.add("title").value = vcard_text(person.funktion)
    _reachability(card, person.telefon, person.fax, person.email)
    if unit.standort:
        _address(card, site.standorte[unit.standort], person.raum)
    card.add("url").value = uri(url)
    return folded(str(card.serialize()))


def unit_vcard(site: Site, unit: Einheit, url: str) -> str:
    card = vobject.vCard()
    name = vcard_text(unit.name)
    card.add("fn").value = name
    card.add("n").value = vobject.vcard.Name(family=name)
    card.add("org").value = [vcard_text(site.stadt.name), name]
    if unit.kontakt:
        _reachability(card, unit.kontakt.telefon, unit.kontakt.fax, unit.kontakt.email)
    if unit.standort:
        _address(card, site.standorte[unit.standort], unit.raum)
    card.add("url").value = uri(url)
    return folded(str(card.serialize()))
