"""URL slugs from German names: umlauts become ae/oe/ue, ß becomes ss."""

from __future__ import annotations

from functools import lru_cache

from slugify import slugify as _slugify

_GERMAN = [
    ["Ä", "Ae"],
    ["Ö", "Oe"],
    ["Ü", "Ue"],
    ["ä", "ae"],
    ["ö", "oe"],
    ["ü", "ue"],
    ["ß", "ss"],
]


# Ids and names are slugified again for every link to them; python-slugify is slow.
@lru_cache(maxsize=65536)
def slugify(text: str) -> str:
    """``Bürgerbüro Süd`` → ``buergerbuero-sued``."""
    return str(_slugify(text, replacements=_GERMAN, lowercase=True))
