"""data/leistungen.yml: services for the index from A to Z, checked like every data file."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import DataDir

SERVICE = """\
    - id: reisepass
      name: Reisepass
      synonyme: [Pass]
      einheit: {einheit}
      leika: "{leika}"
      beschreibung: Den Pass gibt es im Bürgerbüro.
    """


def test_services_load_with_their_fields(site: DataDir) -> None:
    site.write(leistungen=SERVICE.format(einheit="buergerbuero", leika="99 000 000 000 001"))
    service = site.load().leistungen["reisepass"]
    assert service.synonyme == ("Pass",)
    assert service.leika == "99000000000001"  # spaces are dropped, the key stays text
    assert service.leichte_sprache is None


def test_site_without_services_file_has_none(site: DataDir) -> None:
    assert site.load().leistungen == {}


def test_unknown_unit_suggests_the_close_id(site: DataDir) -> None:
    site.write(leistungen=SERVICE.format(einheit="buergerbuer", leika="99000000000001"))
    found = site.errors().at("die Einheit „buergerbuer“ gibt es nicht", "leistungen.yml", 4, 12)
    assert found.field == "einheit"
    assert found.hint == "meinten Sie „buergerbuero“?"


@pytest.mark.parametrize("leika", ["9900000000000", "99000000000001x", "abc"])
def test_leika_key_needs_fourteen_digits(site: DataDir, leika: str) -> None:
    site.write(leistungen=SERVICE.format(einheit="buergerbuero", leika=leika))
    found = site.errors().at(f"„{leika}“ ist kein LeiKa-Schlüssel", "leistungen.yml", 5, 10)
    assert found.field == "leika"
    assert "genau 14 Ziffern" in found.hint


def test_a_keyword_names_one_service_only(site: DataDir) -> None:
    site.write(
        leistungen="""\
        - id: reisepass
          name: Reisepass
          synonyme: [Pass]
          einheit: buergerbuero
          beschreibung: Reisen.
        - id: personalausweis
          name: Personalausweis
          synonyme: [Ausweis, pass, Reisepaß]
          einheit: buergerbuero
          beschreibung: Ausweisen.
        """
    )
    errors = site.errors()
    assert len(errors) == 2
    pass_ = errors.at("das Stichwort „pass“ steht schon bei „reisepass“", "leistungen.yml", 8, 23)
    assert pass_.field == "synonyme[2]"
    assert "nur einmal vorkommen" in pass_.hint
    # ß counts as ss (DIN 5007-1), so „Reisepaß“ is the same word as „Reisepass“.
    errors.at("„Reisepaß“ steht schon bei „reisepass“", "leistungen.yml", 8, 29)


def test_synonym_equal_to_its_own_name_is_reported(site: DataDir) -> None:
    site.write(
        leistungen="""\
        - id: reisepass
          name: Reisepass
          synonyme: [Reisepass]
          einheit: buergerbuero
          beschreibung: Reisen.
        """
    )
    site.errors().at("steht hier schon als Name", "leistungen.yml", 3, 14)
