"""Splitting long overviews into parts by initial letters (rathaus.model.gliederung)."""

from __future__ import annotations

import random
import string

import pytest

from rathaus.model import sort_key
from rathaus.model.gliederung import OTHER, Teil, fold, gliedern, initial, slug_of


def split(names: list[str], threshold: int) -> list[Teil[str]]:
    return gliedern(sorted(names, key=sort_key), sort_key, threshold)


def labels(parts: list[Teil[str]]) -> list[tuple[str, int]]:
    return [(p.label, len(p.entries)) for p in parts]


def random_names(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase, k=6))
        for _ in range(count)
    ]


def test_empty_gives_no_parts() -> None:
    assert gliedern([], sort_key, 5) == []


def test_exactly_threshold_is_not_split() -> None:
    names = ["Anna", "Berta", "Carla"]
    assert split(names, 3) == [Teil("", "", ("Anna", "Berta", "Carla"))]
    assert len(split([*names, "Dora"], 3)) == 2


def test_threshold_must_be_positive() -> None:
    with pytest.raises(ValueError):
        gliedern(["A"], sort_key, 0)


def test_ranges_slugs_and_titles() -> None:
    parts = split(["Abfall", "Bauamt", "Kämmerei", "Ordnungsamt", "Zoll"], 2)
    assert labels(parts) == [("A–F", 2), ("G–K", 1), ("L–Z", 2)]
    assert [p.slug for p in parts] == ["a-f", "g-k", "l-z"]
    assert slug_of("Schm (1/2)") == "schm-1"


def test_umlauts_file_under_their_base_letter_din_5007() -> None:
    parts = split(["Ärger", "Öffnung", "Übersicht", "Ahorn", "Ost", "Ulme", "Çelik", "Éclair"], 2)
    part_of = {name: p.label for p in parts for name in p.entries}
    assert part_of["Ärger"] == part_of["Ahorn"]
    assert part_of["Öffnung"] == part_of["Ost"]
    assert part_of["Übersicht"] == part_of["Ulme"]
    assert initial(sort_key("Çelik")) == "C" and initial(sort_key("Éclair")) == "E"
    assert fold("straße") == "straße"  # ß is folded by sort_key, not here


def test_digits_and_other_initials_form_the_last_part() -> None:
    parts = split(["110 Jahre Feuerwehr", "3D-Druck", "Abfall", "Bauamt", "Zoll", "„Kultur“"], 3)
    assert parts[-1].label == OTHER and parts[-1].slug == "0-9"
    assert set(parts[-1].entries) == {"110 Jahre Feuerwehr", "3D-Druck", "„Kultur“"}


def test_one_letter_with_many_entries_is_split_by_the_next_letters() -> None:
    names = ["Sabine", "Sander", "Schmidt", "Schneider", "Schulz", "Seidel", "Sommer", "Stein"]
    parts = split(names, 3)
    assert all(len(p.entries) <= 3 for p in parts)
    assert all(p.label.startswith("S") for p in parts)
    assert [n for p in parts for n in p.entries] == sorted(names, key=sort_key)
    assert len({p.slug for p in parts}) == len(parts)


def test_identical_keys_are_numbered() -> None:
    parts = split(["Müller"] * 7 + ["Abel"], 3)
    assert labels(parts) == [
        ("A–K", 1),
        ("Mull (1/3)", 2),
        ("Mull (2/3)", 2),
        ("Mull (3/3)", 3),
    ]
    assert [p.slug for p in parts][1:] == ["mull-1", "mull-2", "mull-3"]


def test_weights_count_short_entries_less() -> None:
    names = ["Abel", "Axt", "Bach", "Berg"]
    assert len(gliedern(names, sort_key, 2, weight=lambda n: 0.5)) == 1
    assert len(gliedern(names, sort_key, 2)) > 1


@pytest.mark.parametrize("threshold", [1, 3, 10, 25])
def test_every_entry_once_in_order_and_within_threshold(threshold: int) -> None:
    names = sorted(random_names(7, 300), key=sort_key)
    parts = gliedern(names, sort_key, threshold)
    assert [n for p in parts for n in p.entries] == names
    assert all(1 <= len(p.entries) <= threshold for p in parts)
    assert len({p.slug for p in parts}) == len(parts)


def test_deterministic() -> None:
    names = sorted(random_names(3, 200), key=sort_key)
    assert gliedern(names, sort_key, 20) == gliedern(list(names), sort_key, 20)


@pytest.mark.parametrize("seed", range(20))
def test_a_new_entry_changes_only_its_own_part(seed: int) -> None:
    names = sorted(random_names(seed, 200), key=sort_key)
    before = gliedern(names, sort_key, 20)
    new = random_names(seed + 1000, 1)[0]
    after = gliedern(sorted([*names, new], key=sort_key), sort_key, 20)
    changed_before = {p.slug: p for p in before}.keys() - {p.slug for p in after}
    kept = [p for p in before if p.slug in {q.slug for q in after}]
    # At most the one part that takes the new entry disappears (it is split further).
    assert len(changed_before) <= 1
    for part in kept:
        [same] = [q for q in after if q.slug == part.slug]
        assert set(same.entries) - set(part.entries) <= {new}
