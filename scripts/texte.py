"""Bring the catalogues of the theme's texts (plugins/rathaus/texte_po/<code>.po) up to date.

Every text marked in the theme, the fragments and the package (rathaus.texte.marked_messages)
gets an entry in every catalogue; entries nobody marks any more are removed. New entries
have an empty translation until a translator fills them in – tests/test_texte.py fails on
every one that is still empty::

    .venv/bin/python scripts/texte.py          # update the catalogues
    .venv/bin/python scripts/texte.py --check  # exit 1 if one lacks or has extra entries
"""

from __future__ import annotations

import argparse
import sys

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from rathaus import texte

SHIPPED = ("en", "tr", "ar", "uk")


def updated(code: str, marked: dict[str, list[str]]) -> tuple[Catalog, bool]:
    path = texte.PACKAGE_TEXTS / f"{code}.po"
    old = read_po(path.open("rb"), locale=code) if path.exists() else Catalog(locale=code)
    catalog = Catalog(locale=code, project="Rathaus", fuzzy=False)
    for message, places in sorted(marked.items()):
        known = old.get(message)
        catalog.add(
            message,
            known.string if known is not None else "",
            locations=[(place.rpartition(":")[0] or place, 0) for place in places],
        )
    changed = {m.id for m in old if m.id} != {m.id for m in catalog if m.id}
    return catalog, changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    marked = texte.marked_messages()
    stale = []
    for code in SHIPPED:
        catalog, changed = updated(code, marked)
        if args.check:
            if changed:
                stale.append(code)
            continue
        with (texte.PACKAGE_TEXTS / f"{code}.po").open("wb") as po:
            write_po(po, catalog, width=100, omit_header=True, sort_output=True)
    if stale:
        print("veraltet: " + ", ".join(stale) + " – scripts/texte.py ausführen", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
