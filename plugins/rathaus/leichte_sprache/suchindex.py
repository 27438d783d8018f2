"""Mark pages in Leichte Sprache in the search index: "Leichte Sprache: <Titel>".

Material's search takes a result's title from the page's first heading, so the page title
cannot mark it. The index is JSON data, so it is read, changed and written back whole after
the search plugin wrote it; section entries (with ``#``) keep their headings.
"""

from __future__ import annotations

import json
from pathlib import Path

PREFIX = "Leichte Sprache: "


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
    if marked:
        # The same compact form the search plugin writes.
        path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")
    return marked
