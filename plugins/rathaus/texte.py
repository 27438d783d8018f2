"""The texts of the theme and the fragments in the language of the page being built.

Templates write German and mark it: ``{{ _("Suchen") }}``. The German text is the message
id; the translations are gettext catalogues (``texte_po/<code>.po``, read with Babel), one
per language, shipped with Rathaus – a town adds a language by placing ``<code>.po`` in its own
``texte/`` folder. The language of the page being built is :data:`AKTUELL`: the languages
adapter sets it for every page before the page's Markdown, fragments and template are
rendered, so both Jinja environments (the theme's and the fragments') translate alike.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from babel import Locale
from babel.dates import format_date, format_timedelta, get_day_names
from babel.messages.extract import extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations
from jinja2 import Environment
from markupsafe import Markup, escape

from . import german
from .model.hours import DAY_NAMES
from .model.site import SIGN_LANGUAGES
from .model.zugang import ACCESS_LABELS

PACKAGE_TEXTS = Path(__file__).parent / "texte_po"
"""The catalogues Rathaus ships (``en.po``, ``tr.po``, ``ar.po``, ``uk.po``)."""


@dataclass(frozen=True)
class Sprache:
    """A language a town can offer."""

    code: str
    """BCP 47 tag, the folder of its pages and the `lang` of its pages."""
    name: str
    """The language's own name in its own script (the picker shows it)."""
    deutsch: str
    """The German name (messages to editors, staff languages)."""
    richtung: Literal["ltr", "rtl"] = "ltr"
    formate: str = ""
    """The CLDR locale for dates (``en_GB``: „1 March 2027“, as in Europe); the code's own
    when empty."""

    @property
    def locale(self) -> str:
        return self.formate or self.code.replace("-", "_")


DEUTSCH = Sprache("de", "Deutsch", "Deutsch")

# Languages of people who come to German town halls, with their own names (CLDR spelling).
# Each needs a catalogue of the theme's texts (texte_po/<code>.po, or the town's own).
BEKANNT: dict[str, Sprache] = {
    s.code: s
    for s in (
        Sprache("en", "English", "Englisch", formate="en_GB"),
        Sprache("tr", "Türkçe", "Türkisch"),
        Sprache("ar", "العربية", "Arabisch", "rtl"),
        Sprache("uk", "Українська", "Ukrainisch"),
        Sprache("ru", "Русский", "Russisch"),
        Sprache("fa", "فارسی", "Persisch", "rtl"),
        Sprache("pl", "Polski", "Polnisch"),
        Sprache("ro", "Română", "Rumänisch"),
        Sprache("bg", "Български", "Bulgarisch"),
        Sprache("el", "Ελληνικά", "Griechisch"),
        Sprache("sq", "Shqip", "Albanisch"),
        Sprache("hr", "Hrvatski", "Kroatisch"),
        Sprache("it", "Italiano", "Italienisch"),
        Sprache("es", "Español", "Spanisch"),
        Sprache("fr", "Français", "Französisch"),
    )
}
"""The languages a town may list; those without a catalogue shipped (all but en, tr, ar,
uk) need the town's own ``texte/<code>.po``."""


@dataclass(frozen=True)
class Seitensprache:
    """The language a page is built in, and its catalogue."""

    sprache: Sprache = DEUTSCH
    katalog: NullTranslations = field(default_factory=NullTranslations)


GERMAN = Seitensprache()
AKTUELL: ContextVar[Seitensprache | None] = ContextVar("rathaus_seitensprache", default=None)


def aktuell() -> Seitensprache:
    """The language of the page being built (German outside a page)."""
    return AKTUELL.get() or GERMAN


@contextmanager
def in_sprache(sprache: Seitensprache) -> Iterator[None]:
    """Render in ``sprache`` inside the block (tests, and pages built outside the loop)."""
    token = AKTUELL.set(sprache)
    try:
        yield
    finally:
        AKTUELL.reset(token)


@cache
def _read(path: Path, mtime: float) -> Translations:
    with path.open("rb") as po:
        catalog = read_po(po)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def catalog_path(code: str, folders: Iterable[Path]) -> Path | None:
    """The catalogue of ``code``: a town's own first, then the one Rathaus ships."""
    for folder in (*folders, PACKAGE_TEXTS):
        path = folder / f"{code}.po"
        if path.is_file():
            return path
    return None


def load(sprache: Sprache, folders: Iterable[Path] = ()) -> Seitensprache:
    """The language with its catalogue; German, or a language without one, translates
    nothing (:func:`missing` says which messages a catalogue lacks)."""
    path = None if sprache.code == DEUTSCH.code else catalog_path(sprache.code, folders)
    if path is None:
        return Seitensprache(sprache)
    return Seitensprache(sprache, _read(path, path.stat().st_mtime))


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "mark, translate later"
    """Marks a text that a template translates when it prints it (``{{ _(label) }}``), so
    the catalogues and their test know it."""
    return message


def angeboten(root: Path, options: Mapping[str, Any] | None) -> dict[str, Seitensprache]:
    """The languages the ``sprachen`` options of a site offer, with their catalogues (the
    site's own ``texte_dir`` first). Codes Rathaus does not know and languages without a
    catalogue are left out: the languages adapter stops the build with the reason."""
    if not options or not options.get("enabled", True):
        return {}
    folders = [root / str(options.get("texte_dir", "texte"))]
    return {
        code: load(BEKANNT[code], folders)
        for code in options.get("angeboten") or ()
        if code in BEKANNT and catalog_path(code, folders) is not None
    }


def gettext(message: str) -> str:
    return aktuell().katalog.gettext(message)


def ngettext(singular: str, plural: str, number: int) -> str:
    return aktuell().katalog.ngettext(singular, plural, number)


# In templates a translation is text, never markup: a catalogue (also a town's own) cannot
# put HTML into a page, and a quote in a translation cannot end an attribute.
def _escaped_gettext(message: str) -> Markup:
    return escape(gettext(message))


def _escaped_ngettext(singular: str, plural: str, number: int) -> Markup:
    return escape(ngettext(singular, plural, number))


def wochentag(index: int) -> str:
    """The name of a weekday (0: Monday) in the page's language."""
    sprache = aktuell().sprache
    if sprache.code == DEUTSCH.code:
        return DAY_NAMES[index]
    return str(get_day_names("wide", locale=sprache.locale)[index])


def datum(day: date) -> str:
    """A date in the page's language: „27. März 2027“, „27 March 2027“."""
    sprache = aktuell().sprache
    if sprache.code == DEUTSCH.code:
        return german.datum(day)
    return format_date(day, "long", locale=sprache.locale)


def datum_lang(day: date) -> str:
    """With the weekday: „Samstag, 27. März 2027“, „Saturday, 27 March 2027“."""
    sprache = aktuell().sprache
    if sprache.code == DEUTSCH.code:
        return german.datum_lang(day)
    return format_date(day, "full", locale=sprache.locale)


# The sign language's German name (model.site.SIGN_LANGUAGES), for the catalogues.
N_("Deutsche Gebärdensprache")


def dauer(seconds: float) -> str:
    """A video's length: „3:05 Minuten“ on German pages, „3 minutes“ in English (CLDR)."""
    sprache = aktuell().sprache
    if sprache.code == DEUTSCH.code:
        return german.dauer(seconds)
    return str(format_timedelta(timedelta(seconds=seconds), locale=sprache.locale))


def dateigroesse(size: int) -> str:
    """„12,4 MB“ on German pages, „12.4 MB“ in English."""
    sprache = aktuell().sprache
    if sprache.code == DEUTSCH.code:
        return german.dateigroesse(size)
    if size >= 1_000_000:
        return format_decimal(size / 1_000_000, format="#,##0.0", locale=sprache.locale) + " MB"
    return format_decimal(max(1, round(size / 1000)), format="#,##0", locale=sprache.locale) + " KB"


def sprachname(code: str) -> str:
    """The name of a language (a staff member's, by its code in the data) in the page's
    language: „Arabisch“ on German pages, „Arabic“ on English ones."""
    page = aktuell().sprache.code
    if code in SIGN_LANGUAGES:
        # Deutsche Gebärdensprache: CLDR has no name for it in most languages.
        return SIGN_LANGUAGES[code] if page == DEUTSCH.code else gettext(SIGN_LANGUAGES[code])
    return str(Locale.parse(aktuell().sprache.locale).languages.get(code, code))


def deutsch(value: Any) -> Any:
    """German text from the data (a name, a room, a note) on a page in another language:
    marked German and kept left to right inside right-to-left text. As is on German pages."""
    if aktuell().sprache.code == DEUTSCH.code or value is None or value == "":
        return value
    return Markup('<span lang="de" dir="ltr">{}</span>').format(value)


def sprache() -> Sprache:
    return aktuell().sprache


def install(env: Environment) -> None:
    """``_()``, ``gettext``, ``ngettext``, the filters ``wochentag``, ``datum``,
    ``datum_lang``, ``sprachname`` and ``deutsch`` and ``seitensprache()`` (code, name,
    richtung) in a Jinja environment: all in the language of the page being built."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        _escaped_gettext, _escaped_ngettext, newstyle=True
    )
    env.filters["wochentag"] = wochentag
    env.filters["datum"] = datum
    env.filters["datum_lang"] = datum_lang
    env.filters["sprachname"] = sprachname
    env.filters["dauer"] = dauer
    env.filters["dateigroesse"] = dateigroesse
    env.filters["deutsch"] = deutsch
    env.globals["seitensprache"] = sprache


PACKAGE = Path(__file__).parent


def marked_messages() -> dict[str, list[str]]:
    """Every text Rathaus marks for translation and where: ``_()`` in the theme and the
    fragments, ``N_()``/``gettext()`` in the package, a location's facts and the palette's
    names in the theme's defaults. The catalogues must translate all of them
    (tests/test_texte.py)."""
    found: dict[str, list[str]] = {}
    env = Environment(extensions=["jinja2.ext.i18n"])
    for folder in (PACKAGE / "theme", PACKAGE / "templates"):
        for path in sorted(folder.rglob("*.html")):
            source = path.read_text(encoding="utf-8")
            for line, _name, message in env.extract_translations(source):  # type: ignore[attr-defined]
                for text in message if isinstance(message, tuple) else (message,):
                    if isinstance(text, str):
                        found.setdefault(text, []).append(f"{path.relative_to(PACKAGE)}:{line}")
    keywords = {"N_": None, "gettext": None}
    for path in sorted(PACKAGE.rglob("*.py")):
        with path.open("rb") as module:
            for line, _name, message, _comments in extract_python(module, keywords, [], {}):
                if isinstance(message, str):
                    found.setdefault(message, []).append(f"{path.relative_to(PACKAGE)}:{line}")
    for label in ACCESS_LABELS.values():  # a location's facts (fragment standort.html)
        found.setdefault(label, []).append("model/zugang.py")
    theme = yaml.safe_load((PACKAGE / "theme" / "mkdocs_theme.yml").read_text(encoding="utf-8"))
    for option in theme.get("palette", []):
        found.setdefault(option["toggle"]["name"], []).append("theme/mkdocs_theme.yml")
    return found


def missing(code: str, wanted: Iterable[str], folders: Iterable[Path] = ()) -> list[str]:
    """The messages of ``wanted`` the catalogue of ``code`` does not translate."""
    path = catalog_path(code, folders)
    if path is None:
        return sorted(set(wanted))
    with path.open("rb") as po:
        catalog = read_po(po)
    translated: dict[Any, Any] = {
        m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy
    }
    return sorted(m for m in set(wanted) if m not in translated)
