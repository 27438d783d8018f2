"""A small valid site whose every text field can be replaced by a payload, bypassing the check.

Writers must stay valid even for what `rathaus check` refuses (a town may bypass the check, an
import may bring it later), so the payload is put into the loaded records with
``model_copy``, which does not validate.
"""

from __future__ import annotations

from pathlib import Path

from rathaus.model import Site
from tests.model.conftest import DataDir

TERMINE = """\
    - id: fest
      titel: Fest
      beginn: 2027-03-27 14:00
      ende: 19:00
      standort: rathaus
      raum: Saal
      einheit: buergerbuero
      beschreibung: Ein Fest.
      barrierefreiheit_hinweis: Rampe am Eingang.
      anmeldung:
        erforderlich: ja
        hinweis: Per E-Mail.
    """

EINHEITEN = """\
    - id: buergerbuero
      name: Bürgerbüro
      art: amt
      leitung: erika-muster
      standort: rathaus
      raum: Zimmer 1
      einleitung: Wir helfen.
      kontakt:
        email: buergerbuero@beispielstadt.example
        telefon: 0351 1234-0
      aufgaben:
        - Meldewesen
    """

PERSONEN = """\
    - id: erika-muster
      name: Erika Muster
      funktion: Leitung
      einheit: buergerbuero
      raum: Zimmer 2
      email: erika.muster@beispielstadt.example
    """


def base_site(root: Path) -> Site:
    data = DataDir(root)
    data.write(termine=TERMINE, einheiten=EINHEITEN, personen=PERSONEN)
    return data.load()


def hostile(site: Site, text: str) -> Site:
    """``site`` with ``text`` in every text field of every record (names, titles,
    descriptions, addresses, rooms, notes, e-mail addresses)."""
    location = site.standorte["rathaus"]
    address = location.adresse.model_copy(update={"strasse": text, "ort": text})
    unit = site.einheiten["buergerbuero"]
    assert unit.kontakt is not None
    contact = unit.kontakt.model_copy(update={"email": text})
    person = site.personen["erika-muster"]
    event = site.termine["fest"]
    assert event.anmeldung is not None
    return Site(
        stadt=site.stadt.model_copy(update={"name": text}),
        erklaerung=site.erklaerung,
        einheiten={
            unit.id: unit.model_copy(
                update={"name": text, "einleitung": text, "raum": text, "kontakt": contact}
            )
        },
        personen={
            person.id: person.model_copy(
                update={"name": text, "funktion": text, "raum": text, "email": text}
            )
        },
        standorte={location.id: location.model_copy(update={"name": text, "adresse": address})},
        leistungen=site.leistungen,
        termine={
            event.id: event.model_copy(
                update={
                    "titel": text,
                    "beschreibung": text,
                    "raum": text,
                    "barrierefreiheit_hinweis": text,
                    "anmeldung": event.anmeldung.model_copy(update={"hinweis": text}),
                }
            )
        },
    )
