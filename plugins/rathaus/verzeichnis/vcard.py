"""vCards (RFC 2426, version 3.0) for people and units, written with vobject."""

from __future__ import annotations

from typing import Any

import vobject

from ..model import Site
from ..model.entities import Einheit, Person, Standort


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


def person_vcard(site: Site, person: Person, url: str) -> str:
    unit = site.einheiten[person.einheit]
    card = vobject.vCard()
    card.add("fn").value = person.name
    given, _, family = person.name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    card.add("org").value = [site.stadt.name, unit.name]
    card.add("title").value = person.funktion
    for phone in person.telefon:
        tel = card.add("tel")
        tel.type_param = ["WORK", "VOICE"]
        tel.value = phone.e164
    if person.fax:
        fax = card.add("tel")
        fax.type_param = ["WORK", "FAX"]
        fax.value = person.fax.e164
    if person.email:
        email = card.add("email")
        email.type_param = "INTERNET"
        email.value = person.email
    if unit.standort:
        _address(card, site.standorte[unit.standort], person.raum)
    card.add("url").value = url
    return str(card.serialize())


def unit_vcard(site: Site, unit: Einheit, url: str) -> str:
    card = vobject.vCard()
    card.add("fn").value = unit.name
    card.add("n").value = vobject.vcard.Name(family=unit.name)
    card.add("org").value = [site.stadt.name, unit.name]
    kontakt = unit.kontakt
    if kontakt:
        for phone in kontakt.telefon:
            tel = card.add("tel")
            tel.type_param = ["WORK", "VOICE"]
            tel.value = phone.e164
        if kontakt.fax:
            fax = card.add("tel")
            fax.type_param = ["WORK", "FAX"]
            fax.value = kontakt.fax.e164
        if kontakt.email:
            email = card.add("email")
            email.type_param = "INTERNET"
            email.value = kontakt.email
    if unit.standort:
        _address(card, site.standorte[unit.standort], unit.raum)
    card.add("url").value = url
    return str(card.serialize())
