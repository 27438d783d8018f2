"""MkDocs adapter of the sign-language videos: embeds, the Gebärdensprache page, the § 4 gate.

- ``dgs: <id>`` in a page's front matter puts the video below the page's first heading;
  ``<!-- rathaus/dgs { video: <id> } -->`` puts it where the directive stands.
- A video with ``extern:`` shows a two-click placeholder; ``rathaus-dgs.js`` inserts the
  provider's player only after the visitor's click.
- ``gebaerdensprache.md`` (generated) lists every video with its topic.
- The BITV 2.0 § 4 gate warns (fails ``--strict``) per start-page topic without a DGS video
  or a Leichte Sprache page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from rathaus import paragraf4
from rathaus.adapter import load_or_fail, project_of, renderer, report, site_root
from rathaus.adapter.options.gebaerdensprache import GebaerdenspracheConfig
from rathaus.gebaerdensprache.medien import anzeige
from rathaus.gebaerdensprache.medien.pruefung import (
    CheckedVideo,
    check_front_matter,
    inspect_videos,
)
from rathaus.german import datum
from rathaus.markdown_scan import outside_fences
from rathaus.model import Level, Site
from rathaus.pages import find_directives
from rathaus.render import FragmentRenderer, toc_tokens

log = get_plugin_logger(__name__)

_HEADING = re.compile(r"^#\s+\S")


class GebaerdensprachePlugin(BasePlugin[GebaerdenspracheConfig]):
    """Embeds the videos of ``data/videos.yml`` and checks the BITV § 4 start page."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.root = Path()
        self.renderer = FragmentRenderer()
        self.videos: dict[str, CheckedVideo] = {}
        self.generated = False
        self.with_player: set[str] = set()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.root = site_root(config)
        self.site = load_or_fail(config, self.config.data_dir)
        self.renderer = renderer(config)
        return config

    # After rathaus/pruefung (on_pre_build) reported every problem of the site at once; this
    # repeats the video checks only so a build without that plugin still stops.
    @event_priority(40)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        self.generated = False
        self.with_player = set()
        if not self.config.enabled or self.site is None:
            return files
        content = Path(config.docs_dir).relative_to(self.root).as_posix()
        inspection = inspect_videos(
            self.root,
            self.site,
            data_dir=self.config.data_dir,
            content_dir=content,
            media_dir=self.config.media_dir,
        )
        findings = inspection.findings + check_front_matter(self.root, self.site, content)
        errors = [f for f in findings if f.level is Level.ERROR]
        if errors:
            raise PluginError(report(errors))
        for finding in findings:
            log.warning(finding.format())
        self.videos = inspection.videos
        if files.get_file_from_path(self.config.page) is None:
            text = (
                '---\ndescription: "Videos in Deutscher Gebärdensprache (DGS) mit Untertiteln '
                'und Transkript"\n---\n\n# Gebärdensprache\n'
            )
            files.append(
                File.generated(
                    config, self.config.page, content=text, inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
            self.generated = True
        external = sum(1 for v in self.videos.values() if v.video.extern)
        log.info(
            f"Gebärdensprache: {len(self.videos)} Videos, davon {external} mit Einwilligung "
            "(zwei Klicks)"
        )
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # The header entry (partials/rathaus/sprachleiste.html) links to the video page.
        page = self.config.page if self.config.enabled else None
        env.globals["rathaus_gebaerdensprache"] = {"page": page}
        return env

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        # on_nav: every plugin has added its generated pages (e.g. Leichte Sprache) by now.
        if not self.config.enabled or self.site is None:
            return nav
        findings = paragraf4.gate_findings(
            project_of(config), self.site, lambda path: files.get_file_from_path(path) is not None
        )
        errors = [f for f in findings if f.level is Level.ERROR]
        if errors:
            raise PluginError(report(errors))
        for finding in findings:
            if finding.level is Level.WARNING:
                log.warning(finding.format())
            else:
                log.info(finding.format())
        return nav

    # Before rathaus/verzeichnis (priority 0) expands its own directives.
    @event_priority(10)
    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.site is None:
            return markdown
        src = page.file.src_uri
        if self.generated and src == self.config.page:
            return markdown + "\n" + self._overview(page, files, config) + "\n"
        lines = markdown.splitlines()
        directives, _ = find_directives(src, markdown)
        for directive in directives:
            if directive.name == "dgs":
                checked = self.videos[directive.args["video"]]
                html = self._embed(checked, page, files, directive.level)
                lines[directive.line - 1] = "\n" + html + "\n"
        video_id = page.meta.get("dgs")
        if isinstance(video_id, str) and video_id in self.videos:
            html = "\n" + self._embed(self.videos[video_id], page, files, 2) + "\n"
            at = next((n + 1 for n, line in outside_fences(lines) if _HEADING.match(line)), 0)
            lines.insert(at, html)
        return "\n".join(lines) + "\n"

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Headings of the generated page live in raw HTML, which Markdown's toc cannot see.
        if self.config.enabled and self.generated and page.file.src_uri == self.config.page:
            page.toc = get_toc(toc_tokens(html))  # type: ignore[arg-type]
        return html

    # After rathaus/sicherheit (-100) wrote the page's Content-Security-Policy.
    @event_priority(-110)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled or page.file.src_uri not in self.with_player:
            return output
        allowed = _frame_sources(output)
        if allowed is None:
            return output  # no policy on this page (mkdocs serve, or rathaus/sicherheit off)
        needed = anzeige.frame_origins(list(self.videos.values()))
        for origin in needed:
            if origin not in allowed and "https:" not in allowed:
                log.warning(
                    f"{page.file.src_uri}: die Content-Security-Policy erlaubt den Player "
                    f"{origin} nicht (frame-src) – ergänzen Sie in mkdocs.yml bei "
                    f"rathaus/sicherheit: csp_extra: {{frame-src: [{origin}]}}"
                )
        return output

    # -- helpers ---------------------------------------------------------------------------

    def _url(self, page: Page, files: Files, src: str) -> str:
        file = files.get_file_from_path(src)
        if file is None:
            raise PluginError(f"rathaus/gebaerdensprache: {src} is not part of the build")
        return get_relative_url(file.url, page.url)

    def _view(
        self, checked: CheckedVideo, page: Page, files: Files, *, topic: bool = False
    ) -> anzeige.VideoView:
        if checked.video.extern is not None:
            self.with_player.add(page.file.src_uri)
        seite = checked.video.seite
        target = None
        if topic and seite and seite != page.file.src_uri and files.get_file_from_path(seite):
            target = (self._url(page, files, seite), checked.video.thema)
        return anzeige.video_view(checked, lambda src: self._url(page, files, src), page=target)

    def _embed(self, checked: CheckedVideo, page: Page, files: Files, level: int) -> str:
        view = self._view(checked, page, files)
        return self.renderer.render("dgs-video", video=view, level=level, show_topic=False)

    def _overview(self, page: Page, files: Files, config: MkDocsConfig) -> str:
        chosen = [self.config.startseite[key]["dgs"] for key in paragraf4.TOPICS]
        start = list(dict.fromkeys(v for v in chosen if v in self.videos))
        others = [vid for vid in self.videos if vid not in start]
        groups = [
            (anchor, title, [self._view(self.videos[v], page, files, topic=True) for v in ids])
            for anchor, title, ids in (
                ("erklaerungen", "Erklärungen zu dieser Website", start),
                ("weitere-videos", "Weitere Videos", others),
            )
            if ids
        ]
        topics = paragraf4.topics_of(project_of(config))
        statement = self.site.erklaerung if self.site is not None else None
        planned = statement.gebaerdensprache_geplant_bis if statement is not None else None
        return self.renderer.render(
            "gebaerdensprache",
            groups=groups,
            level=2,
            missing=paragraf4.without_video(topics) if topics is not None else [],
            planned=datum(planned) if planned is not None else None,
        )


class _Policy(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.policy: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == (
            "content-security-policy"
        ):
            self.policy = values.get("content") or ""


def _frame_sources(html: str) -> set[str] | None:
    """The sources of frame-src (or default-src) in the page's CSP <meta>, None without one."""
    head = html.split("</head>", 1)[0]
    parser = _Policy()
    parser.feed(head)
    if parser.policy is None:
        return None
    directives = {}
    for part in parser.policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = set(words[1:])
    return directives.get("frame-src", directives.get("default-src", set()))
