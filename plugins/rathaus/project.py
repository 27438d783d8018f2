"""One site as the build sees it: folders, build date and the options of every feature.

Built once from MkDocs' own validated configuration (``adapter.project_from_config``), in the
build and in ``rathaus check`` alike, so both read the same folders and the same options.
Nothing here imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .model import Finding
from .model.yamlread import FORBIDDEN_IN_VALUE, describe_char

# The options several plugins declare and that must name the same thing; each is read once.
SHARED_OPTIONS: Mapping[str, tuple[str, ...]] = {
    "data_dir": (
        "rathaus/verzeichnis",
        "rathaus/barrierefreiheit",
        "rathaus/termine",
        "rathaus/gremien",
        "rathaus/themen",
        "rathaus/aktuelles",
        "rathaus/leichte-sprache",
        "rathaus/gebaerdensprache",
    ),
    "units_dir": (
        "rathaus/verzeichnis",
        "rathaus/themen",
        "rathaus/aktuelles",
        "rathaus/termine",
        "rathaus/gremien",
    ),
    "locations_page": ("rathaus/verzeichnis", "rathaus/termine", "rathaus/gremien"),
}


@dataclass(frozen=True)
class Project:
    """The site in ``root``: where its pages and data are and what each feature is set to."""

    root: Path
    docs_dir: str
    """The Markdown pages (MkDocs' ``docs_dir``), relative to ``root`` when inside it."""
    today: date
    """The build date: one for the whole build (opening hours, freshness, news)."""
    plugins: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """The validated options of every enabled Rathaus plugin by its name in mkdocs.yml
    (``rathaus/verzeichnis``); a plugin that is missing or disabled is not here."""
    site_url: str | None = None
    markdown_extensions: Sequence[Any] = ()
    mdx_configs: Mapping[str, Any] = field(default_factory=dict)
    frame_hosts: frozenset[str] = frozenset()
    """Hosts the Content-Security-Policy allows in ``frame-src`` (editors' iframes)."""
    nav: tuple[str, ...] = ()
    """The pages ``nav`` in mkdocs.yml names, by path in the docs folder."""
    config_lines: tuple[str, ...] = ()
    """The text of mkdocs.yml, for the line of a finding about it."""
    problems: tuple[Finding, ...] = ()
    """What is wrong with the configuration itself (e.g. two plugins disagree)."""

    def uses(self, plugin: str) -> bool:
        return plugin in self.plugins

    def options(self, plugin: str) -> Mapping[str, Any] | None:
        """The plugin's options; ``None`` when it is not used."""
        return self.plugins.get(plugin)

    def option(self, plugin: str, key: str) -> Any:
        """One option of a plugin that is used (MkDocs filled in its default)."""
        return self.plugins[plugin][key]

    def _shared(self, key: str, fallback: str) -> str:
        for plugin in SHARED_OPTIONS[key]:
            if plugin in self.plugins:
                return str(self.plugins[plugin][key])
        return fallback

    @property
    def data_dir(self) -> str:
        """The data folder, relative to ``root`` (``data`` when no plugin reads data)."""
        return self._shared("data_dir", "data")

    @property
    def media_dir(self) -> str | None:
        """The sign-language videos' folder inside ``docs_dir``; ``None`` without videos."""
        options = self.options("rathaus/gebaerdensprache")
        return None if options is None else str(options["media_dir"])

    @property
    def news_dir(self) -> str | None:
        options = self.options("rathaus/aktuelles")
        return None if options is None else str(options["news_dir"])


def nav_pages(nav: Any) -> tuple[str, ...]:
    """Every page path in MkDocs' ``nav`` (titles, sections, and addresses left out)."""
    if isinstance(nav, str):
        return () if "://" in nav or nav.startswith("/") else (nav,)
    if isinstance(nav, dict):
        return tuple(p for value in nav.values() for p in nav_pages(value))
    if isinstance(nav, list):
        return tuple(p for item in nav for p in nav_pages(item))
    return ()


def disagreements(
    plugins: Mapping[str, Mapping[str, Any]], lines: list[str]
) -> tuple[Finding, ...]:
    """Each shared option that two used plugins set to different values (``lines``: the text
    of mkdocs.yml, for the place of the finding)."""
    findings: list[Finding] = []
    for key, owners in SHARED_OPTIONS.items():
        values = {p: plugins[p][key] for p in owners if p in plugins}
        if len(set(values.values())) <= 1:
            continue
        first, *others = values
        differing = [p for p in others if values[p] != values[first]]
        line = next((n for n, text in enumerate(lines, 1) if text.strip().startswith(f"{key}:")), 1)
        col = max(lines[line - 1].find(key) + 1, 1) if lines else 1
        named = ", ".join(f"{p}: „{values[p]}“" for p in differing)
        findings.append(
            Finding(
                "mkdocs.yml",
                line,
                col,
                key,
                f"die Plugins nennen verschiedene Werte für {key}: {first}: „{values[first]}“, "
                f"{named}",
                f"setzen Sie {key} bei allen Rathaus-Plugins auf denselben Wert",
                rule="konfiguration",
            )
        )
    return tuple(findings)


# mkdocs.yml values the theme prints on every page. Templates escape them (no markup can
# result), but no escaping makes control, direction or invisible characters harmless.
THEME_TEXTS = ("site_name", "site_description", "site_author", "copyright")


def text_findings(values: Mapping[str, Any], lines: list[str]) -> tuple[Finding, ...]:
    """Characters in the theme's texts from mkdocs.yml (:data:`THEME_TEXTS` of ``values``)
    that a page must not show (``lines``: the text of mkdocs.yml, for the place)."""
    findings: list[Finding] = []
    for key in THEME_TEXTS:
        value = values.get(key)
        match = FORBIDDEN_IN_VALUE.search(value) if isinstance(value, str) else None
        if match is None:
            continue
        char = match.group()
        line = next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 1)
        written = lines[line - 1] if lines else ""
        col = written.find(char) + 1 if char in written else len(key) + 3
        message, hint = describe_char(char, col)
        findings.append(Finding("mkdocs.yml", line, col, key, message, hint, rule="yaml"))
    return tuple(findings)
