"""vCards (RFC 2426, version 3.0) for people and units, written with vobject."""

from __future__ import annotations

from typing import Any

import vobject

from ..model import Site
from ..model.entities import Einheit, Person, Standort
from ..model.fieldtypes import Phone


def _address(card: Any, location: Standort, room: str | None) -> None:
    adr = card.add("adr")
    adr.type_param = "WORK"
    adr.value = vobject.vcard.Address(
        street=location.adresse.strasse,
        city=location.adresse.ort,
        code=location.adresse.plz,
        country="Deutschland",
        extended=room or "",
    )


def _reachability(
    card: Any, phones: tuple[Phone, ...], fax: Phone | None, email: str | None
) -> None:
    for phone in phones:
        tel = card.add("tel")
        tel.type_param = ["WORK", "VOICE"]
        tel.value = phone.e164
    if fax:
        fax_line = card.add("tel")
        fax_line.type_param = ["WORK", "FAX"]
        fax_line.value = fax.e164
    if email:
        email_line = card.add("email")
        email_line.type_param = "INTERNET"
        email_line.value = email


def person_vcard(site: Site, person: Person, url: str) -> str:
    unit = site.einheiten[person.einheit]
    card = vobject.vCard()
    card.add("fn").value = person.name
    given, _, family = person.name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    card.add("org").value = [site.stadt.name, unit.name]
    card.add("title").value = person.funktion
    _reachability(card, person.telefon, person.fax, person.email)
    if unit.standort:
        _address(card, site.standorte[unit.standort], person.raum)
    card.add("url").value = url
    return str(card.serialize())


def unit_vcard(site: Site, unit: Einheit, url: str) -> str:
    card = vobject.vCard()
    card.add("fn").value = unit.name
    card.add("n").value = vobject.vcard.Name(family=unit.name)
    card.add("org").value = [site.stadt.name, unit.name]
    if unit.kontakt:
        _reachability(card, unit.kontakt.telefon, unit.kontakt.fax, unit.kontakt.email)
    if unit.standort:
        _address(card, site.standorte[unit.standort], unit.raum)
    card.add("url").value = url
    return str(card.serialize())
