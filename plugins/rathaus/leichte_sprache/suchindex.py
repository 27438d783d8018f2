"""Mark pages in Leichte Sprache in the search index: "Leichte Sprache: <Titel>".

Material's search takes a result's title from the page's first heading, so the page title
cannot mark it. The index is JSON data, so it is read, changed and written back whole after
the search plugin wrote it; section entries (with ``#``) keep their headings.

Words written with a Mediopunkt ("Bürger·meister") are one token to the search, so a
search for "Bürgermeister" would not find them: the joined words are added to the entry's
text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

PREFIX = "Leichte Sprache: "
# From a word's beginning only, and without backtracking: else every letter of a long word
# without a Mediopunkt starts a scan to its end (a 20 000-letter name: minutes).
_MEDIOPUNKT_WORD = re.compile(r"(?<!\w)\w++(?:·\w++)+")


def joined_words(text: str) -> list[str]:
    """Words with a Mediopunkt, joined: "Bürger·meister" → "Bürgermeister" (once each)."""
    return list(dict.fromkeys(m.group(0).replace("·", "") for m in _MEDIOPUNKT_WORD.finditer(text)))


def add_joined(index: dict[str, object]) -> int:
    """Add the joined form of every Mediopunkt word to its entry's text; returns entries."""
    changed = 0
    docs = index.get("docs")
    for doc in docs if isinstance(docs, list) else []:
        text = str(doc.get("text", ""))
        words = [w for w in joined_words(f"{doc.get('title', '')} {text}") if w not in text]
        if words:
            doc["text"] = f"{text} {' '.join(words)}".strip()
            changed += 1
    return changed


def mark(index: dict[str, object], folder: str) -> int:
    """Prefix the title of every LS page entry; returns how many were marked."""
    marked = 0
    docs = index.get("docs")
    for doc in docs if isinstance(docs, list) else []:
        location = str(doc.get("location", ""))
        title = str(doc.get("title", ""))
        if (
            location.startswith(f"{folder}/")
            and "#" not in location
            and not title.startswith(PREFIX)
        ):
            doc["title"] = PREFIX + title
            marked += 1
    return marked


def mark_file(path: Path, folder: str) -> int:
    """Mark the index at ``path`` (Material's ``search/search_index.json``) in place."""
    if not path.is_file():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    marked = mark(index, folder)
    if marked + add_joined(index):
        # The same compact form the search plugin writes.
        path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")
    return marked
