"""Settings of the ``rathaus/gebaerdensprache`` plugin (mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt


class Thema(base.Config):
    """One start-page topic of BITV 2.0 § 4: its DGS video and its Leichte Sprache page."""

    dgs = opt.Optional(opt.Type(str))
    """Id of the video in data/videos.yml."""

    leichte_sprache = opt.Optional(opt.Type(str))
    """Path in content/ of the page in Leichter Sprache, e.g. leichte-sprache/index.md."""


class Startseite(base.Config):
    """The four topics § 4 BITV 2.0 requires on the start page, in DGS and Leichter Sprache."""

    wesentliche_inhalte = opt.SubConfig(Thema)
    """1. Informationen zu den wesentlichen Inhalten."""

    navigation = opt.SubConfig(Thema)
    """2. Hinweise zur Navigation."""

    erklaerung = opt.SubConfig(Thema)
    """3. Erläuterung der wesentlichen Inhalte der Erklärung zur Barrierefreiheit."""

    weitere_angebote = opt.SubConfig(Thema)
    """4. Hinweise auf weitere Informationen in DGS und in Leichter Sprache."""


class GebaerdenspracheConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Embed the videos, generate the Gebärdensprache page and check the § 4 gate."""

    data_dir = opt.Type(str, default="data")
    """Folder with the YAML data, relative to mkdocs.yml."""

    media_dir = opt.Type(str, default="medien")
    """Folder in content/ that holds every video, poster, caption and transcript file."""

    page = opt.Type(str, default="gebaerdensprache.md")
    """Source path of the generated page that lists every video (the header links to it)."""

    bitv_gate = opt.Type(bool, default=True)
    """Check the § 4 start-page topics (rathaus.paragraf4); false: no check at all."""

    videos_pflicht = opt.Type(bool, default=False)
    """A topic without a DGS video is an error; otherwise a Hinweis while the statement's
    ``gebaerdensprache_geplant_bis`` has not passed, else a warning."""

    startseite = opt.SubConfig(Startseite)
    """Per § 4 topic: the DGS video id and the Leichte Sprache page."""
