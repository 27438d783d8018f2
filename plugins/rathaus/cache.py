"""The persistent cache of a site: results that depend only on their inputs, kept between builds.

A build converts every page's Markdown to HTML twice (MkDocs' conversion and the content
check's own, see :mod:`rathaus.safety`), though most pages did not change since the last
build. :class:`Store` keeps such results in one SQLite file in the site's ``.cache/rathaus/``
folder, keyed by a hash of everything the result depends on:

- the code: Rathaus' own files and the versions of Python, Markdown, PyMdown, MkDocs and
  Material (:func:`code_fingerprint`) – a new version or an edited module starts afresh;
- the configuration the caller names (the Markdown extensions and their settings);
- the input itself (the page's Markdown and what the caller adds).

A caller that cannot name all inputs stably (a setting that is a Python object without a
stable name) gets no key from :func:`key` and does not cache. The folder is safe to delete; a
damaged file is replaced by an empty cache. Entries no build used in the last
:data:`KEEP_BUILDS` builds are removed when a build finishes, so the file stays the size of
a site's build.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import importlib.metadata
import json
import logging
import sqlite3
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rathaus.project import Project

log = logging.getLogger(__name__)

KEEP_BUILDS = 5
"""Builds an entry survives without being used (a preview's rounds count as builds)."""

FILE_NAME = "cache.sqlite"

_DISTRIBUTIONS = ("markdown", "pymdown-extensions", "mkdocs", "mkdocs-material", "pyyaml")


class UnstableError(ValueError):
    """A value with no stable text (an object whose text holds its memory address)."""


@functools.cache
def code_fingerprint() -> str:
    """A hash of Rathaus' own files and the versions of the libraries that shape its results."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and not {"__pycache__", "node_modules"} & set(path.parts):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    for name in _DISTRIBUTIONS:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}".encode())
    return digest.hexdigest()


def stable(value: Any) -> Any:
    """``value`` as JSON-ready data with the same text in every process; :class:`UnstableError`
    for values that have none (a function is named by module and name)."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, datetime.date):  # front matter dates; a datetime is a date too
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple):
        return [stable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(stable(v) for v in value)
    if isinstance(value, functools.partial):
        return [stable(value.func), stable(value.args), stable(value.keywords)]
    module, name = getattr(value, "__module__", None), getattr(value, "__qualname__", None)
    if callable(value) and module and name and "<" not in name:
        return f"{module}.{name}"
    raise UnstableError(f"no stable text for {type(value).__name__}")


def key(*parts: Any) -> str | None:
    """The hash of ``parts`` and the code; ``None`` when a part has no stable text."""
    try:
        text = json.dumps([code_fingerprint(), *map(stable, parts)])
    except UnstableError as exc:
        log.debug("not cached: %s", exc)
        return None
    return hashlib.sha256(text.encode()).hexdigest()


class Store:
    """The cache file of one site; values are JSON data. Writes become visible when a build
    finishes (:meth:`finish`), so an interrupted build leaves the last complete state."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._db: sqlite3.Connection | None = None
        self._build = 0
        self._used: set[tuple[str, str]] = set()
        self._new: dict[tuple[str, str], str] = {}

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is None:
            try:
                self._db = self._open()
            except (OSError, sqlite3.Error) as exc:
                # A damaged or unreadable file: start afresh, or build without a cache.
                log.warning("cache %s unusable (%s), starting an empty one", self.folder, exc)
                with contextlib.suppress(OSError):
                    (self.folder / FILE_NAME).unlink()
                try:
                    self._db = self._open()
                except (OSError, sqlite3.Error) as again:
                    log.warning("building without the cache %s: %s", self.folder, again)
                    return None
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Zwischenspeicher von Rathaus, gefahrlos löschbar\n*\n", "utf-8")
        db = sqlite3.connect(self.folder / FILE_NAME, timeout=30)
        db.execute(
            "CREATE TABLE IF NOT EXISTS entry (kind TEXT, key TEXT, value TEXT, used INTEGER,"
            " PRIMARY KEY (kind, key))"
        )
        db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER)")
        row = db.execute("SELECT value FROM meta WHERE name = 'builds'").fetchone()
        self._build = (row[0] if row else 0) + 1
        return db

    def get(self, kind: str, entry: str) -> Any | None:
        """The value stored under ``entry`` of ``kind``, or ``None``."""
        pending = self._new.get((kind, entry))
        if pending is not None:
            return json.loads(pending)
        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute(
                "SELECT value FROM entry WHERE kind = ? AND key = ?", (kind, entry)
            ).fetchone()
        except sqlite3.Error as exc:  # damaged inside: build on without the cache
            self._give_up(exc)
            return None
        if row is None:
            return None
        self._used.add((kind, entry))
        return json.loads(row[0])

    def put(self, kind: str, entry: str, value: Any) -> None:
        # ASCII: a lone surrogate (a broken text) cannot reach SQLite as UTF-8.
        self._new[(kind, entry)] = json.dumps(value)

    def finish(self) -> None:
        """Store this build's new entries, mark the used ones, drop the long unused."""
        db = self._connection()
        if db is None:
            return
        build = self._build
        try:
            with db:
                db.executemany(
                    "INSERT OR REPLACE INTO entry VALUES (?, ?, ?, ?)",
                    ((kind, entry, value, build) for (kind, entry), value in self._new.items()),
                )
                db.executemany(
                    "UPDATE entry SET used = ? WHERE kind = ? AND key = ?",
                    ((build, kind, entry) for kind, entry in self._used),
                )
                db.execute("DELETE FROM entry WHERE used <= ?", (build - KEEP_BUILDS,))
                db.execute("INSERT OR REPLACE INTO meta VALUES ('builds', ?)", (build,))
        except sqlite3.Error as exc:  # full disk, a lock held too long: the build stands
            self._give_up(exc)
        self._new.clear()
        self._used.clear()
        self._build = build + 1

    def _give_up(self, exc: Exception) -> None:
        """A cache that fails is dropped (the next build starts an empty one), never the build."""
        log.warning("cache %s failed (%s); it is removed", self.folder, exc)
        self.close()
        with contextlib.suppress(OSError):
            (self.folder / FILE_NAME).unlink()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


# Markdown extensions whose result depends only on the text and their settings. Others may
# read files (pymdownx.snippets, pymdownx.b64) or the clock: a page converted with them is
# not cached unless the town names them in ``cache.trusted_extensions``.
_PURE_PREFIXES = ("markdown.extensions.", "pymdownx.", "rathaus.", "material.extensions.")
_IMPURE = frozenset({"pymdownx.snippets", "pymdownx.b64"})
_BUILT_IN = frozenset(
    {
        "abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code",
        "footnotes", "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists",
        "smarty", "tables", "toc", "wikilinks",
    }
)  # fmt: skip


def untrusted_extensions(extensions: Iterator[Any] | Any, trusted: Any = ()) -> list[str]:
    """The extensions of ``extensions`` that may depend on more than the page's text."""
    unknown = []
    for extension in extensions:
        name = extension if isinstance(extension, str) else type(extension).__module__
        if name in trusted:
            continue
        if name in _IMPURE or not (name in _BUILT_IN or name.startswith(_PURE_PREFIXES)):
            unknown.append(name)
    return unknown


_STORES: dict[Path, Store] = {}
_CURRENT: list[Store] = []


def use(store: Store | None) -> None:
    """Make ``store`` the cache of the site this process checks and builds now (``None``:
    none); the checks set it (``checks.check_site``), the core's cached steps read it."""
    _CURRENT[:] = [] if store is None else [store]


def current() -> Store | None:
    return _CURRENT[0] if _CURRENT else None


def store_for(folder: Path) -> Store:
    """The one :class:`Store` of ``folder`` in this process (`mkdocs serve` keeps it open)."""
    folder = folder.resolve()
    if folder not in _STORES:
        _STORES[folder] = Store(folder)
    return _STORES[folder]


FEATURE = "rathaus/cache"


def untrusted_of(project: Project) -> list[str]:
    """The site's Markdown extensions that keep its pages out of the cache."""
    options = project.options(FEATURE)
    trusted = options["trusted_extensions"] if options is not None else ()
    return untrusted_extensions(project.markdown_extensions, trusted)


def for_project(project: Project) -> Store | None:
    """The cache of ``project``; ``None`` when it is switched off or an extension of the site
    may depend on more than a page's text (:func:`untrusted_of`)."""
    options = project.options(FEATURE)
    if options is None or untrusted_of(project):
        return None
    return store_for(project.root / str(options["dir"]))
