"""The site's search: what ranks where, which pages are left out, and the Pagefind index.

Pagefind reads the built HTML; the templates say what a page is (``data-pagefind-meta``,
``data-pagefind-filter``, ``data-pagefind-body``), this package says what each kind is worth
to a resident (:data:`ARTEN`) and builds the index at the end of the build (:mod:`.index`).
No MkDocs here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ..markdown_scan import PageSource
from ..model import Finding

FRONT_MATTER_KEY = "suche"

RAENGE: dict[str, str] = {
    "nachrangig": "die Seite steht in der Suche hinter Ämtern, Leistungen und Standorten",
    "nein": "die Seite kommt nicht in die Suche",
}


@dataclass(frozen=True)
class Art:
    """A kind of page (its ``art`` meta) to the search."""

    rang: float
    """Multiplied with Pagefind's score: residents look for a service, an office, a place or
    a person far more often than for news or the imprint."""
    name: str
    """Shown with a result whose page is in no navigation section; empty: nothing."""


ARTEN: dict[str, Art] = {
    "leistung": Art(4.0, "Leistung"),
    "einheit": Art(3.0, "Amt oder Einrichtung"),
    "standort": Art(2.0, "Standort"),
    "person": Art(2.0, "Ansprechperson"),
    "gremium": Art(2.0, "Gremium"),
    "seite": Art(1.0, ""),
    "termin": Art(1.0, "Termin"),
    "aktuelles": Art(0.5, "Meldung"),
    # front matter `suche: nachrangig`
    "nachrangig": Art(0.25, ""),
}

# Kinds whose pages are lists of entries (the A–Z, the people and locations overviews): a
# matching section is a result of its own, with the page as its section.
EINTRAGS_ARTEN = frozenset({"leistung", "person", "standort"})


def arten_json() -> str:
    """:data:`ARTEN` for the search page's script."""
    return json.dumps({key: asdict(art) for key, art in ARTEN.items()}, ensure_ascii=False)


_KEY_LINE = re.compile(rf"^{FRONT_MATTER_KEY}\s*:", re.M)


def rang_of(front_matter: Any) -> str | None:
    """The page's ``suche:`` value if it is a known one, else ``None``."""
    value = front_matter.get(FRONT_MATTER_KEY) if isinstance(front_matter, Mapping) else None
    return value if isinstance(value, str) and value in RAENGE else None


def check_page(page: PageSource, pages: object = None, generated: object = None) -> list[Finding]:
    """A page check (``rathaus.checks.PAGE_CHECKS``): ``suche:`` in the front matter."""
    return front_matter_findings(page.file, page.text, page.front_matter)


def front_matter_findings(file: str, text: str, front_matter: Any) -> list[Finding]:
    """``suche:`` in a page's front matter must be one of :data:`RAENGE`."""
    if not isinstance(front_matter, Mapping) or FRONT_MATTER_KEY not in front_matter:
        return []
    value = front_matter[FRONT_MATTER_KEY]
    if isinstance(value, str) and value in RAENGE:
        return []
    found = _KEY_LINE.search(text)
    line = text.count("\n", 0, found.start()) + 1 if found else 1
    allowed = "; ".join(f"„{key}“: {meaning}" for key, meaning in RAENGE.items())
    return [
        Finding(
            file,
            line,
            1,
            FRONT_MATTER_KEY,
            f"unbekannter Wert {value!r}",
            f"erlaubt sind {allowed}; ohne die Zeile ist die Seite normal in der Suche",
            rule="suche",
        )
    ]
