"""The MkDocs plugin ``rathaus``: every feature of Rathaus under one entry in mkdocs.yml.

A town writes one block::

    plugins:
      - rathaus:
          data_dir: data          # shared: said once, given to every feature that reads data
          verzeichnis:
            units_dir: verwaltung # shared with the features that link to unit pages
          leichte_sprache:
            pruefung: {satz_woerter_fehler: 12}
          gebaerdensprache:
            enabled: false

Each feature keeps its options (``options/<feature>.py``) and its event handlers
(``<feature>.py`` in this package); this plugin
owns their order. For every event and every priority a feature uses, it registers one
handler with MkDocs that runs the features' handlers of that priority in :data:`FEATURES`
order – so the order no longer depends on how a town lists plugins, and the priorities
relative to other plugins stay as each feature declares them.
The twelve ``rathaus/<feature>`` entries of earlier versions still work on their own.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.base import ConfigErrors, ConfigWarnings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import EVENTS, BasePlugin, CombinedEvent, PluginCollection, event_priority

from rathaus.adapter.aktuelles import AktuellesPlugin
from rathaus.adapter.barrierefreiheit import BarrierefreiheitPlugin
from rathaus.adapter.cache import CachePlugin
from rathaus.adapter.gebaerdensprache import GebaerdensprachePlugin
from rathaus.adapter.gremien import GremienPlugin
from rathaus.adapter.handbuch import HandbuchPlugin
from rathaus.adapter.leichte_sprache import LeichteSprachePlugin
from rathaus.adapter.navigation import NavigationPlugin
from rathaus.adapter.pruefung import PruefungPlugin
from rathaus.adapter.sicherheit import SicherheitPlugin
from rathaus.adapter.sprachen import SprachenPlugin
from rathaus.adapter.suche import SuchePlugin
from rathaus.adapter.termine import TerminePlugin
from rathaus.adapter.themen import ThemenPlugin
from rathaus.adapter.verzeichnis import VerzeichnisPlugin
from rathaus.adapter.vorschau import VorschauPlugin

# (key in the `rathaus` block, the feature's own entry name, its plugin class), in the order
# their handlers of equal priority run.
FEATURES: tuple[tuple[str, str, type[BasePlugin[Any]]], ...] = (
    ("verzeichnis", "rathaus/verzeichnis", VerzeichnisPlugin),
    ("barrierefreiheit", "rathaus/barrierefreiheit", BarrierefreiheitPlugin),
    ("pruefung", "rathaus/pruefung", PruefungPlugin),
    ("sicherheit", "rathaus/sicherheit", SicherheitPlugin),
    ("navigation", "rathaus/navigation", NavigationPlugin),
    ("handbuch", "rathaus/handbuch", HandbuchPlugin),
    ("termine", "rathaus/termine", TerminePlugin),
    ("gremien", "rathaus/gremien", GremienPlugin),
    ("themen", "rathaus/themen", ThemenPlugin),
    ("aktuelles", "rathaus/aktuelles", AktuellesPlugin),
    ("leichte_sprache", "rathaus/leichte-sprache", LeichteSprachePlugin),
    ("gebaerdensprache", "rathaus/gebaerdensprache", GebaerdensprachePlugin),
    ("suche", "rathaus/suche", SuchePlugin),
    ("sprachen", "rathaus/sprachen", SprachenPlugin),
    ("cache", "rathaus/cache", CachePlugin),
    # Last: its serve handler wraps the rebuild rathaus/pruefung guards.
    ("vorschau", "rathaus/vorschau", VorschauPlugin),
)

# Options that several features declare: set once (data_dir in the block, the rest in the
# verzeichnis block, which owns the unit and location pages) and handed to the others.
SHARED_FROM_VERZEICHNIS = ("units_dir", "locations_page")


class RathausConfig(base.Config):
    data_dir = opt.Type(str, default="data")
    """The data folder of the site, for every feature."""
    verzeichnis = opt.Type(dict, default={})
    barrierefreiheit = opt.Type(dict, default={})
    pruefung = opt.Type(dict, default={})
    sicherheit = opt.Type(dict, default={})
    navigation = opt.Type(dict, default={})
    handbuch = opt.Type(dict, default={})
    termine = opt.Type(dict, default={})
    gremien = opt.Type(dict, default={})
    themen = opt.Type(dict, default={})
    aktuelles = opt.Type(dict, default={})
    leichte_sprache = opt.Type(dict, default={})
    gebaerdensprache = opt.Type(dict, default={})
    suche = opt.Type(dict, default={})
    sprachen = opt.Type(dict, default={})
    cache = opt.Type(dict, default={})
    vorschau = opt.Type(dict, default={})


def _options(key: str, config: RathausConfig, declared: set[str]) -> dict[str, Any]:
    """The feature's block with the shared options it declares filled in."""
    options = dict(config[key])
    if "data_dir" in declared:
        options.setdefault("data_dir", config.data_dir)
    for name in SHARED_FROM_VERZEICHNIS:
        if name in declared and name in config.verzeichnis:
            options.setdefault(name, config.verzeichnis[name])
    return options


def _run_in_order(handlers: list[Callable[..., Any]]) -> Callable[..., Any]:
    """One handler that runs ``handlers`` as MkDocs would: each gets the previous result."""

    def run(*args: Any, **kwargs: Any) -> Any:
        if not args:
            for handler in handlers:
                handler(**kwargs)
            return None
        item = args[0]
        for handler in handlers:
            result = handler(item, **kwargs)
            if result is not None:
                item = result
        return item

    return run


class RathausPlugin(BasePlugin[RathausConfig]):
    """All Rathaus features, configured in one block and run in one fixed order."""

    def __init__(self) -> None:
        self.features = PluginCollection()

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        errors, warnings = super().load_config(options, config_file_path)
        if errors:
            return errors, warnings
        # `mkdocs serve` keeps this plugin across rebuilds (see on_startup) and loads its
        # config again: the features keep their instances too, and with them their state
        # (rathaus/pruefung swaps each finished rebuild into place).
        previous = self.features
        self.features = PluginCollection()
        for key, entry, plugin_class in FEATURES:
            feature = previous.get(entry) or plugin_class()
            declared = {name for name, _ in plugin_class.config_class._schema}
            feature_errors, feature_warnings = feature.load_config(
                _options(key, self.config, declared), config_file_path
            )
            errors += [(f"{key}.{name}", error) for name, error in feature_errors]
            warnings += [(f"{key}.{name}", text) for name, text in feature_warnings]
            self.features[entry] = feature
        self._expose_events()
        return errors, warnings

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Declared on the class so that MkDocs keeps this plugin between the rebuilds of
        ``mkdocs serve`` (it keeps plugins that have ``on_startup`` when it creates them);
        after ``load_config`` the features' own startup handlers replace it."""

    def _expose_events(self) -> None:
        """For every event, one handler per priority the features use (see module doc)."""
        for event in EVENTS:
            handlers = self.features.events[event]  # sorted by priority, then FEATURES order
            if not handlers:
                continue
            parts = []
            for priority, group in groupby(handlers, key=_priority):
                run = _run_in_order(list(group))
                run.mkdocs_priority = priority  # type: ignore[attr-defined]
                parts.append(run)
            if event == "config":
                parts.insert(0, self._check_alone)
            setattr(self, f"on_{event}", CombinedEvent(*parts))

    @event_priority(100)
    def _check_alone(self, config: MkDocsConfig) -> None:
        """The one entry and the old ``rathaus/<feature>`` entries together would run every
        feature twice."""
        old = [name for name in config.plugins if name.startswith("rathaus/")]
        if old:
            raise PluginError(
                "mkdocs.yml: der Eintrag „rathaus“ enthält alle Rathaus-Plugins – entfernen "
                f"Sie die Einträge {', '.join(old)} und tragen Sie ihre Einstellungen im "
                "Block „rathaus“ ein (README „Plugins“)"
            )


def _priority(handler: Callable[..., Any]) -> float:
    return float(getattr(handler, "mkdocs_priority", 0))
