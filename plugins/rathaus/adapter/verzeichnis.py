"""MkDocs adapter of the directory: generated pages, vCards and Markdown directives."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from rathaus import texte, uebersichten
from rathaus.adapter import (
    generated_later,
    generated_page,
    load_or_fail,
    plan_of,
    project_of,
    record_url,
    redirect_files,
    renderer,
    report,
    resolve_link,
    site_root,
)
from rathaus.adapter.options.verzeichnis import VerzeichnisConfig
from rathaus.german import anzahl
from rathaus.model import Level, Site, slugify, sort_key
from rathaus.model.gliederung import Teil
from rathaus.model.hours import build_date
from rathaus.pages import Directive, check_pages, directives_of, render_directives
from rathaus.pagination import part_page
from rathaus.plan import Layout, Plan, RecordKind
from rathaus.render import FragmentRenderer, toc_tokens
from rathaus.texte import N_
from rathaus.verzeichnis import views
from rathaus.verzeichnis.vcard import person_vcard, unit_vcard

log = get_plugin_logger(__name__)

UNIT_DESCRIPTION = N_("%(name)s: Aufgaben, Ansprechpersonen, Kontakt und Öffnungszeiten.")
# Title and description of each overview page.
OVERVIEWS = {
    "einheiten": (
        N_("Ämter und Einrichtungen"),
        N_("Alle Ämter, Stabsstellen, Beiräte und Beratungsstellen der Verwaltung."),
    ),
    "ansprechpersonen": (
        N_("Ansprechpersonen"),
        N_("Ansprechpersonen der Verwaltung von A bis Z mit Telefon und E-Mail."),
    ),
    "standorte": (
        N_("Standorte"),
        N_("Adressen, Anfahrt und Barrierefreiheit der Gebäude der Verwaltung."),
    ),
    "oeffnungszeiten": (
        N_("Öffnungszeiten"),
        N_("Sprech- und Öffnungszeiten aller Ämter und Einrichtungen."),
    ),
}
PART = N_("Teil %(teil)s.")

# Records whose pages exist in other languages too.
_PAGES = frozenset({"einheit", "person", "standort"})

# The directives this feature renders (rathaus.pages.DIRECTIVES says which feature renders each).
_DIRECTIVES = directives_of("rathaus/verzeichnis")


@dataclass(frozen=True)
class _Generated:
    """What a generated page shows: a view name and the record it is about."""

    view: str
    record_id: str = ""
    part: int = -1
    """Index of the part of an overview split by letters; -1 for the overview's own page."""
    sprache: str = ""
    """The page's language besides German (rathaus/sprachen); empty: German."""


@dataclass(frozen=True)
class _Overview:
    """An overview page and, when it has too many entries, its parts by letters."""

    view: str
    page: str
    title: str
    description: str
    parts: list[Teil[str]]
    """Record ids by part; more than one part means the overview is split."""

    @property
    def split(self) -> bool:
        return len(self.parts) > 1

    def part_page(self, index: int) -> str:
        return part_page(self.page, self.parts[index].slug)


class VerzeichnisPlugin(BasePlugin[VerzeichnisConfig]):
    """Turns ``data/`` into pages for units, people, locations and opening hours."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.root = Path()
        self.generated: dict[str, _Generated] = {}
        self.overviews: dict[tuple[str, str], _Overview] = {}
        """By language ("" German) and view."""
        self.renderer = FragmentRenderer()
        self.today = build_date()
        self.files: Files | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        for option in ("people_per_part", "locations_per_part", "hours_per_part", "units_per_part"):
            if self.config[option] < 1:
                raise PluginError(f"rathaus/verzeichnis: {option} must be at least 1")
        self.root = site_root(config)
        self.site = load_or_fail(config, self.config.data_dir)
        for warning in self.site.warnings:
            log.warning(warning.format())
        self.renderer = renderer(config)
        self.today = build_date()
        return config

    # Runs before other plugins' on_files so that theirs see the generated pages.
    @event_priority(50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.site is None:
            return files
        docs = Path(config.docs_dir)
        findings = check_pages(self.root, self.site, docs.relative_to(self.root).as_posix())
        errors = [f for f in findings if f.level is Level.ERROR]
        if errors:
            raise PluginError(report(errors))
        for finding in findings:
            log.warning(finding.format())

        site = self.site
        self.files = files
        self.generated = {}
        self.overviews = {}
        layout = plan_of(config, site).layout
        offered = texte.angeboten(self.root, project_of(config).options("rathaus/sprachen"))
        # The German pages, then the same pages in every other language (rathaus/sprachen):
        # the page's texts in that language, the unit's own descriptions German with a note.
        # A translation an editor wrote at the same path wins.
        for code, language in [("", texte.GERMAN), *offered.items()]:
            prefix = f"{code}/" if code else ""
            with texte.in_sprache(language):
                overviews = [
                    (f"{self.config.units_dir}/index.md", "einheiten"),
                    (self.config.people_page, "ansprechpersonen"),
                    (self.config.locations_page, "standorte"),
                    (self.config.hours_page, "oeffnungszeiten"),
                ]
                for path, view in overviews:
                    title, description = (texte.gettext(text) for text in OVERVIEWS[view])
                    src_uri = prefix + path
                    # In the navigation as the town's mkdocs.yml says (the languages' own
                    # navigations mirror it).
                    if generated_page(
                        config, files, src_uri, title, description, InclusionLevel.UNDEFINED
                    ):
                        self.generated[src_uri] = _Generated(view, sprache=code)
                        self.overviews[(code, view)] = _Overview(
                            view, src_uri, title, description, self._parts(view)
                        )
                for unit in site.einheiten.values():
                    description = (
                        f"{unit.art.label} {unit.name}: Aufgaben, Ansprechpersonen, "
                        "Kontakt und Öffnungszeiten."
                        if not code
                        else texte.gettext(UNIT_DESCRIPTION) % {"name": unit.name}
                    )
                    src_uri = prefix + layout.unit_page(unit.id)
                    if generated_page(config, files, src_uri, unit.name, description):
                        self.generated[src_uri] = _Generated("einheit", unit.id, sprache=code)
                self._add_parts(files, config, code)

        plan, site_url = plan_of(config, site), config.site_url or ""
        for file in redirect_files(config, files, plan, self.renderer):
            files.append(file)
        for unit in site.einheiten.values():
            url = record_url(plan, "einheit", unit.id, files, None, site_url)
            files.append(
                _vcard(
                    config,
                    plan,
                    "einheit-vcard",
                    unit.id,
                    functools.partial(unit_vcard, site, unit, url),
                )
            )
        for person in site.personen.values():
            url = record_url(plan, "person", person.id, files, None, site_url)
            files.append(
                _vcard(
                    config,
                    plan,
                    "person-vcard",
                    person.id,
                    functools.partial(person_vcard, site, person, url),
                )
            )
        log.info(
            "Verzeichnis: "
            + ", ".join(
                anzahl(n, one, many)
                for n, one, many in (
                    (len(site.einheiten), "Einheit", "Einheiten"),
                    (len(site.personen), "Person", "Personen"),
                    (len(site.standorte), "Standort", "Standorte"),
                )
            )
            + f"; {len(self.generated)} Seiten und "
            f"{len(site.einheiten) + len(site.personen)} vCards erzeugt"
        )
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.site is None:
            return markdown
        links = self._links(page, files, config)
        target = self.generated.get(page.file.src_uri)
        if target is not None:
            markdown += "\n" + self._render_view(target, links) + "\n"
        render = functools.partial(self._render_directive, links=links)
        return render_directives(page.file.src_uri, markdown, dict.fromkeys(_DIRECTIVES, render))

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Headings of generated pages live in raw HTML, which Markdown's toc cannot see.
        if self.config.enabled and page.file.src_uri in self.generated:
            page.toc = get_toc(toc_tokens(html))  # type: ignore[arg-type]
        return html

    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        # The footer's address, phone and hours: rendered here because its links are
        # relative to the page; the theme prints it as it is.
        if self.config.enabled and self.site is not None and self.files is not None:
            links = self._links(page, self.files, config)
            central = views.central_view(self.site, links, self.today)
            if central is not None:
                context["rathaus_fuss_kontakt"] = Markup(  # type: ignore[typeddict-unknown-key]
                    self.renderer.render("fuss-kontakt", central=central)
                )
        return context

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            server.watch(str(self.root / self.config.data_dir))
        return server

    # -- overviews split by letters ---------------------------------------------------------

    def _parts(self, view: str) -> list[Teil[str]]:
        """Record ids of an overview in parts of at most the configured number of entries."""
        site = self.site
        assert site is not None
        if view == "einheiten":
            return uebersichten.unit_parts(site, self.config.units_per_part)
        if view == "ansprechpersonen":
            return uebersichten.people_parts(site, self.config.people_per_part)
        if view == "standorte":
            return uebersichten.location_parts(site, self.config.locations_per_part)
        return uebersichten.hours_parts(site, self.config.hours_per_part)

    def _add_parts(self, files: Files, config: MkDocsConfig, sprache: str) -> None:
        """One page per part of every split overview of a language, outside the navigation
        (called in that language)."""
        for (code, _view), overview in self.overviews.items():
            if code != sprache or not overview.split:
                continue
            for index, part in enumerate(overview.parts):
                src_uri = overview.part_page(index)
                title = f"{overview.title}: {part.label}"
                description = (
                    overview.description + " " + texte.gettext(PART) % {"teil": part.label}
                )
                if generated_page(config, files, src_uri, title, description) is None:
                    continue
                self.generated[src_uri] = _Generated(overview.view, part=index, sprache=code)

    def _part_links(
        self, overview: _Overview, current: int, links: views.Links
    ) -> list[uebersichten.PartLink]:
        return [
            uebersichten.PartLink(part.label, links("quelle", overview.part_page(i)), i == current)
            for i, part in enumerate(overview.parts)
        ]

    # -- helpers ---------------------------------------------------------------------------

    def _links(self, page: Page, files: Files, config: MkDocsConfig) -> views.Links:
        plan = plan_of(config, self._site())
        code = page.file.src_uri.split("/", 1)[0]

        def link(kind: str, record_id: str) -> str:
            if kind == "seite":
                return resolve_link(record_id, page, files, f"{self.config.data_dir}/einheiten.yml")
            if kind == "quelle":
                file = files.get_file_from_path(record_id)
                if file is None:
                    raise PluginError(f"rathaus/verzeichnis: no page {record_id}")
                return get_relative_url(file.url, page.url)
            if kind == "sprache":
                # A staff language leads to the site's pages in it (rathaus/sprachen).
                start = files.get_file_from_path(f"{record_id}/index.md")
                offered = record_id in plan.layout.sprachen and start is not None
                return get_relative_url(start.url, page.url) if offered and start else ""
            target = plan.target(cast(RecordKind, kind), record_id) if kind in _PAGES else None
            if target is not None and code in plan.layout.sprachen:
                # From a page in another language to the record's page in that language, when
                # Rathaus writes it: its headings (#oeffnungszeiten …) are the German page's.
                # An editor's translation may lack them; links then go to the German page.
                path = f"{code}/{target.path}"
                translated = files.get_file_from_path(path) if path in self.generated else None
                if translated is not None:
                    url = get_relative_url(translated.url, page.url)
                    return f"{url}#{target.anchor}" if target.anchor else url
            if kind == "einheit-absolute":
                return record_url(plan, "einheit", record_id, files, site_url=config.site_url or "")
            return record_url(plan, cast(RecordKind, kind), record_id, files, page)

        return link

    def _site(self) -> Site:
        assert self.site is not None
        return self.site

    def _render_view(self, target: _Generated, links: views.Links) -> str:
        site = self.site
        assert site is not None
        if target.view == "einheit":
            unit = site.einheiten[target.record_id]
            return self.renderer.render(
                "einheit", **views.unit_context(site, unit, links, self.today)
            )
        overview = self.overviews.get((target.sprache, target.view))
        if overview is None:
            raise PluginError(f"rathaus/verzeichnis: no overview {target.view!r}")
        if overview.split and target.part < 0:
            return self._render_index(overview, links)
        ids: frozenset[str] | None = None
        extra: dict[str, Any] = {}
        if overview.split:
            ids = frozenset(overview.parts[target.part].entries)
            extra = {"parts": self._part_links(overview, target.part, links)}
        if target.view == "einheiten":
            return self.renderer.render(
                "einheiten", groups=views.units_overview(site, links, ids), **extra
            )
        if target.view == "ansprechpersonen":
            return self.renderer.render(
                "ansprechpersonen",
                groups=views.people_directory(site, links, ids, self.today),
                **extra,
            )
        if target.view == "standorte":
            order = overview.parts[target.part].entries if ids else tuple(site.standorte)
            units_at: dict[str, list[views.UnitLink]] = {sid: [] for sid in order}
            for unit in sorted(site.einheiten.values(), key=lambda u: sort_key(u.name)):
                if unit.standort in units_at:
                    units_at[unit.standort].append(views.unit_link(unit, links))
            return self.renderer.render(
                "standorte",
                locations=[views.location_view(site.standorte[i], links) for i in order],
                units_at=units_at,
                **extra,
            )
        return self.renderer.render(
            "oeffnungszeiten-uebersicht",
            entries=views.hours_overview(site, links, self.today, ids),
            **extra,
        )

    def _render_index(self, overview: _Overview, links: views.Links) -> str:
        """The first page of a split overview: what is where, and the letter navigation."""
        site = self.site
        assert site is not None
        entries: list[views.EntryLink] = []
        if overview.view == "standorte":
            # Few entries, and other plugins (events, council bodies) and editors link to
            # standorte.md#<id>: the anchor stays here and leads on to the part.
            for part in overview.parts:
                for location_id in part.entries:
                    anchor = slugify(location_id)
                    entries.append(
                        views.EntryLink(
                            site.standorte[location_id].name,
                            links("standort", location_id),
                            anchor,
                        )
                    )
        return self.renderer.render(
            "uebersicht-teile",
            kind=overview.view,
            parts=self._part_links(overview, -1, links),
            entries=entries,
        )

    def _render_speaking(self, links: views.Links, level: int) -> str:
        """``rathaus/wir-sprechen``: on a page in another language, the units where someone
        counsels in it (``links`` lead to their pages in that language)."""
        code = texte.aktuell().sprache.code
        if code == texte.DEUTSCH.code or self.files is None:
            return ""
        files = self.files

        def in_language(kind: str, record_id: str) -> str:
            # A plain link to the unit's page: an editor's translation is fine here.
            translated = f"{code}/{Layout(units_dir=self.config.units_dir).unit_page(record_id)}"
            if kind == "einheit" and files.get_file_from_path(translated) is not None:
                return links("quelle", translated)
            return links(kind, record_id)

        units = views.units_speaking(self._site(), code, in_language)
        return self.renderer.render("wir-sprechen", units=units, level=level)

    def _render_directive(self, directive: Directive, links: views.Links) -> str:
        site = self.site
        assert site is not None
        level = directive.level
        if directive.name == "zentrale":
            central = views.central_view(site, links, self.today)
            if central is None:
                raise PluginError(
                    "rathaus/zentrale: data/stadt.yml has no zentrale (rathaus check reports it)"
                )
            return self.renderer.render("zentrale", central=central, level=level)
        if directive.name == "wir-sprechen":
            return self._render_speaking(links, level)
        if directive.name == "auf-einen-blick":
            unit = site.einheiten[directive.args["einheit"]]
            location = site.standorte.get(unit.standort) if unit.standort else None
            shown = views.location_view(location, links) if location else None
            glance = views.glance(site, unit, shown, self.today, links("einheit", unit.id))
            return self.renderer.render(
                "auf-einen-blick",
                glance=glance,
                # The unit's name is German: marked so on a page in another language.
                title=texte.deutsch(unit.name),
                anchor=f"blick-{slugify(unit.id)}",
                level=level,
            )
        if directive.name == "oeffnungszeiten":
            unit = site.einheiten[directive.args["einheit"]]
            hours = unit.oeffnungszeiten
            if hours is None:
                return self.renderer.render("keine-zeiten", unit=views.unit_link(unit, links))
            return self.renderer.render(
                "oeffnungszeiten",
                hours=views.hours_view(site, hours, "oeffnungszeiten", unit.name, self.today),
                level=level,
                anchor=f"zeiten-{slugify(unit.id)}",
            )
        if "person" in directive.args:
            person = site.personen[directive.args["person"]]
            contact = views.person_contact(site, person, links, self.today)
        else:
            contact = views.unit_contact(site.einheiten[directive.args["einheit"]], links)
        return self.renderer.render("kontakt", contact=contact, level=level, show_name=True)


def _vcard(
    config: MkDocsConfig, plan: Plan, kind: RecordKind, record_id: str, text: Callable[[], str]
) -> File:
    return generated_later(config, plan.path(kind, record_id), text)
