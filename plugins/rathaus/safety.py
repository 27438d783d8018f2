"""Content safety of editors' pages, decided on the HTML the Markdown renderer produced.

Why the rendered HTML: an earlier version scanned the Markdown *source* with its own idea of
what is code, and every disagreement with the renderer was a bypass (an escaped backtick, a
fence with a space in its info string, an indented fence, a longer closing fence) or a false
alarm (indented code, a link title). Whatever the renderer turns into markup is now judged as
markup, and whatever it turned into text (code, titles, ``&lt;``) is text.

Both paths call :func:`check_html`: `rathaus check` renders each page with Python-Markdown and
exactly the ``markdown_extensions`` of ``mkdocs.yml`` (:class:`Renderer`); the build
(rathaus/pruefung) passes the HTML MkDocs produced for the page.

Why an allowlist read with selectolax rather than ``nh3.clean``: Ammonia (nh3) is the reference
for *which* elements and attributes are safe – :data:`ELEMENTS` is Ammonia's default set of
text elements minus what editors never need, plus what the Markdown extensions emit – but a
sanitizer only returns the cleaned string, so it cannot say *what* it removed, and a check must
name the element, the attribute or the address to the editor. selectolax (lexbor, already a
dependency) parses like a browser (HTML5 tree building: ``<scr<script>ipt>``, ``<svg><script>``,
attributes merged into ``<body>``, entities decoded in attributes), so the check sees the
elements a browser would build, with no second dependency.

=============  ===========================================================================
Key            What is refused
=============  ===========================================================================
``script``     ``<script>`` elements and ``srcdoc=`` (never allowed, not even by an exception)
``kopf``       ``<base>``, ``<meta>``, ``<link>``: they change the whole page (never allowed)
``stil``       ``<style>`` elements and ``style=`` attributes (never allowed)
``formular``   ``<form>`` and input elements (never allowed)
``objekt``     ``<object>``, ``<embed>``, ``<applet>`` (never allowed)
``ereignis``   event attributes such as ``onclick=`` (never allowed)
``javascript`` ``javascript:`` and ``vbscript:`` addresses (never allowed)
``data``       ``data:`` addresses (never allowed)
``mailto``     ``mailto:`` links that add recipients or line breaks (never allowed)
``iframe``     ``<iframe>`` and ``<frame>``: only with an exception *and* for a host that the
               ``frame-src`` of rathaus/sicherheit lists
``html``       other elements and attributes outside the allowlist (``<video>``, ``<svg>``,
               ``target=`` …)
=============  ===========================================================================

A page may allow a reviewed ``iframe`` or ``html`` exception in its front matter; the reason
is required and shown in every report::

    ---
    rathaus:
      erlaubt: [iframe]
      begruendung: Karte des Kreises, geprüft von der IT am 3. 2. 2027
    ---

The source position: HTML carries no Markdown line, so each problem is looked up in the page's
source (the tag, the attribute or the address, case-insensitively, outside the front matter,
the n-th problem of a kind at the n-th occurrence); when it cannot be found (an address written
with entities), the line of the nearest heading before it, else line 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass, field, replace
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import markdown
from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import cache
from .markdown_scan import front_matter_lines, page_body, position
from .model import Finding, Level

RULE = "sicherheit"
KIND = "sicherheit-html"
"""The cache's name for the content check's HTML of a page."""
PROBLEMS = "sicherheit-befund"
"""The cache's name for the refused constructs in a piece of HTML."""
KEYS: dict[str, str] = {
    "script": "<script>-Elemente",
    "kopf": "<base>-, <meta>- und <link>-Elemente",
    "stil": "<style>-Elemente und style=-Attribute",
    "formular": "<form>-Elemente und Eingabefelder",
    "objekt": "<object>-, <embed>- und <applet>-Elemente",
    "ereignis": "Ereignis-Attribute wie onclick=",
    "javascript": "javascript:-Adressen",
    "data": "data:-Adressen",
    "mailto": "mailto:-Links mit zusätzlichen Empfängern oder Zeilenumbrüchen",
    "iframe": "<iframe>- und <frame>-Elemente",
    "html": "weitere HTML-Elemente und -Attribute",
}
EXCEPTIONS = frozenset({"iframe", "html"})
"""Keys a page may allow with a reason; every other key is refused on every page."""

# fmt: off
_TEXT_ELEMENTS = (
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "li", "dl", "dt", "dd", "em", "strong",
    "b", "i", "u", "s", "small", "mark", "pre", "kbd", "samp", "var", "sub", "sup",
    "br", "hr", "wbr", "div", "span", "blockquote", "figure", "figcaption", "summary",
    "caption", "thead", "tbody", "tfoot", "tr", "cite", "dfn", "bdi", "address", "section",
    "article", "aside", "header", "footer",
)
# fmt: on
_GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role"})
ELEMENTS: Mapping[str, frozenset[str]] = {
    tag: frozenset(attributes)
    for tag, attributes in {
        **dict.fromkeys(_TEXT_ELEMENTS, ()),
        "a": ("href", "hreflang", "rel", "type", "download"),
        "img": ("src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"),
        "abbr": ("title",),
        "code": ("hl_lines",),  # fenced_code without codehilite keeps it
        "ol": ("start", "reversed", "type"),
        "li": ("value",),
        "table": (),
        "td": ("colspan", "rowspan", "headers"),
        "th": ("colspan", "rowspan", "headers", "scope", "abbr"),
        "col": ("span",),
        "colgroup": ("span",),
        "time": ("datetime",),
        "del": ("cite", "datetime"),
        "ins": ("cite", "datetime"),
        "q": ("cite",),
        "details": ("open",),
        "iframe": (
            "src",
            "width",
            "height",
            "allow",
            "allowfullscreen",
            "loading",
            "referrerpolicy",
            "sandbox",
        ),
        "frame": ("src",),
    }.items()
}
"""Elements an editor's page may contain, with their attributes beyond the global ones
(``id``, ``class``, ``title``, ``lang``, ``dir``, ``role``, ``aria-*``)."""

_REFUSED_ELEMENTS = {
    "script": "script",
    "base": "kopf",
    "meta": "kopf",
    "link": "kopf",
    "style": "stil",
    "form": "formular",
    "input": "formular",
    "button": "formular",
    "textarea": "formular",
    "select": "formular",
    "option": "formular",
    "object": "objekt",
    "embed": "objekt",
    "applet": "objekt",
    "iframe": "iframe",
    "frame": "iframe",
}
_HINTS = {
    "script": "entfernen Sie es; Seiten enthalten keinen Programmcode",
    "kopf": "entfernen Sie es; Kopfangaben der Seite setzt das Layout",
    "stil": "entfernen Sie es; die Gestaltung kommt aus dem Layout – nutzen Sie Klassen",
    "formular": "entfernen Sie es; verlinken Sie ein Online-Formular des Portals",
    "objekt": "entfernen Sie es; verlinken Sie die Datei stattdessen",
    "iframe": "verlinken Sie die Seite, oder lassen Sie die Einbettung prüfen und erlauben Sie "
    "sie mit rathaus: erlaubt: [iframe] und einer begruendung:",
    "html": "schreiben Sie den Inhalt mit Markdown oder den erlaubten Elementen",
}
_EVENT_HINT = "entfernen Sie das Attribut; Seiten enthalten keinen Programmcode"
# The theme's document wrapper; a page fragment never writes these, so only their attributes
# (a stray <body onload=…> is merged into the real <body>) can come from the page.
_DOCUMENT = frozenset({"html", "head", "body"})
# Attributes that hold an address; SVG's <animate>/<set> (values, to, from) can set one.
_URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "srcset", "action", "formaction", "poster", "data", "cite", "background",
        "longdesc", "xlink:href", "ping", "manifest", "codebase", "values", "to", "from",
    }
)  # fmt: skip
_MAIL_HEADERS = frozenset({"cc", "bcc", "to", "from", "reply-to", "sender"})
# Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
# What the tables extension writes for a column alignment (rathaus.tabellen makes it a class).
_TABLE_ALIGN = re.compile(r"text-align: (?:left|center|right);?")
_HEADING = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def url_problem(url: str) -> tuple[str, str, str] | None:
    """(key, message, hint) when an address could run code or inject mail headers."""
    compact = _IGNORED_IN_SCHEME.sub("", url).lower()
    if compact.startswith(("javascript:", "vbscript:")):
        return (
            "javascript",
            "die Adresse beginnt mit javascript: und würde Programmcode ausführen",
            "verlinken Sie eine Seite (kontakt.md) oder eine https-Adresse",
        )
    if compact.startswith("data:"):
        return (
            "data",
            "data:-Adressen können Inhalte und Programmcode einschleusen",
            "legen Sie die Datei in content/ ab und verlinken Sie sie, z. B. bilder/plan.png",
        )
    if compact.startswith("mailto:"):
        address, _, query = url.partition("?")
        decoded = unquote(url)
        headers = {key.lower() for key, _ in parse_qsl(query, keep_blank_values=True)}
        recipients = unquote(address)
        if (
            "\n" in decoded
            or "\r" in decoded
            or headers & _MAIL_HEADERS
            or "," in recipients
            or ";" in recipients
        ):
            return (
                "mailto",
                "der mailto:-Link fügt weitere Empfänger oder Kopfzeilen hinzu",
                "schreiben Sie nur mailto:name@beispielstadt.example, höchstens mit ?subject=…",
            )
    return None


def frame_hosts(policy: Mapping[str, Sequence[str]]) -> frozenset[str]:
    """Hosts the ``frame-src`` of a Content-Security-Policy allows (``https://host`` sources)."""
    hosts = set()
    for source in policy.get("frame-src", ()):
        parts = urlsplit(str(source))
        if parts.scheme == "https" and parts.hostname:
            hosts.add(parts.hostname)
    return frozenset(hosts)


@dataclass(frozen=True)
class Problem:
    """One refused construct in the HTML, with what to look for in the Markdown source."""

    key: str
    message: str
    hint: str
    needles: tuple[str, ...]
    """Texts to find in the source, most precise first (``<script``, ``onclick``, the URL)."""
    heading: str
    """Text of the nearest heading before it, for the fallback position."""
    data_block: bool = False
    """A ``<script type="application/ld+json">``: data a browser never runs."""


@dataclass
class _Collector:
    hosts: frozenset[str]
    problems: list[Problem] = field(default_factory=list)
    heading: str = ""

    def add(self, key: str, message: str, hint: str, *needles: str) -> None:
        wanted = tuple(n for n in needles if n)
        self.problems.append(Problem(key, message, hint, wanted, self.heading))

    def element(self, node: LexborNode) -> None:
        tag = (node.tag or "").lower()
        if tag in _HEADING:
            self.heading = node.text(deep=True).strip()
        if tag not in _DOCUMENT and tag not in ELEMENTS:
            key = _REFUSED_ELEMENTS.get(tag, "html")
            self.add(
                key, f"das Element <{tag}> ist in Seiten nicht erlaubt", _HINTS[key], f"<{tag}"
            )
            if tag == "script" and node.attributes.get("type") == "application/ld+json":
                self.problems[-1] = replace(self.problems[-1], data_block=True)
        elif tag in {"iframe", "frame"}:
            self.frame(node, tag)
        refused = tag not in _DOCUMENT and tag not in ELEMENTS
        allowed = ELEMENTS.get(tag, frozenset())
        for name, value in node.attributes.items():
            # A refused element's own attributes need no second finding, unless they run code.
            self.attribute(tag, name.lower(), value or "", allowed, quiet=refused)

    def frame(self, node: LexborNode, tag: str) -> None:
        src = node.attributes.get("src") or ""
        host = urlsplit(src).hostname
        if urlsplit(src).scheme == "https" and host in self.hosts:
            self.add(
                "iframe", f"das Element <{tag}> bettet {host} ein", _HINTS["iframe"], f"<{tag}"
            )
        else:
            self.add(
                "frame-src",  # no exception allows it: the policy would block the frame anyway
                f"das Element <{tag}> bettet „{src or 'nichts'}“ ein; diese Adresse steht "
                "nicht in frame-src der Content-Security-Policy",
                "verlinken Sie die Seite; nur Adressen aus csp_extra: frame-src von "
                "rathaus/sicherheit in mkdocs.yml dürfen eingebettet werden",
                f"<{tag}",
            )

    def attribute(
        self, tag: str, name: str, value: str, allowed: frozenset[str], *, quiet: bool
    ) -> None:
        if name.startswith("on"):
            self.add(
                "ereignis",
                f"das Attribut {name}= würde Programmcode ausführen",
                _EVENT_HINT,
                f"{name}=",
                name,
            )
            return
        if name == "style":
            if tag in {"td", "th"} and _TABLE_ALIGN.fullmatch(value):
                return
            self.add(
                "stil",
                "das Attribut style= ist in Seiten nicht erlaubt",
                _HINTS["stil"],
                "style=",
                "style",
            )
            return
        if name == "srcdoc":
            self.add(
                "script",
                f"das Attribut srcdoc= bettet eine eigene Seite in <{tag}> ein",
                _HINTS["script"],
                "srcdoc=",
            )
            return
        candidates: list[str] = []
        if name == "srcset":
            candidates = [part.strip().split(" ")[0] for part in value.split(",")]
        elif name in _URL_ATTRIBUTES:
            candidates = [value]
        for candidate in candidates:
            problem = url_problem(candidate)
            if problem:
                key, message, hint = problem
                self.add(key, message, hint, candidate, _after_scheme(candidate), f"{name}=")
        known = name in _GLOBAL_ATTRIBUTES or name.startswith("aria-") or name in allowed
        if not known and not quiet and tag not in _DOCUMENT:
            self.add(
                "html",
                f"das Attribut {name}= ist an <{tag}> nicht erlaubt",
                "entfernen Sie das Attribut",
                f"{name}=",
                name,
            )


def _after_scheme(url: str) -> str:
    rest = url.partition(":")[2]
    return rest if len(rest) >= 4 else ""


def html_problems(html: str, hosts: frozenset[str] = frozenset()) -> list[Problem]:
    """Every element, attribute and address of ``html`` outside the allowlist, in order
    (kept between builds in the site's cache)."""
    store = cache.current()
    entry = cache.key(PROBLEMS, html, hosts) if store is not None else None
    if store is not None and entry is not None:
        stored = store.get(PROBLEMS, entry)
        if stored is not None:
            return [Problem(k, m, h, tuple(n), heading, d) for k, m, h, n, heading, d in stored]
    collector = _Collector(hosts)
    document = LexborHTMLParser(html)
    if document.root is not None:
        for node in document.root.traverse(include_text=False):
            if node.tag and not node.tag.startswith("-"):  # "-comment", "-text"
                collector.element(node)
    if store is not None and entry is not None:
        store.put(PROBLEMS, entry, [astuple(problem) for problem in collector.problems])
    return collector.problems


NEVER_IN_OUTPUT = frozenset({"script", "kopf", "ereignis", "javascript"})
"""What no page may contain after every plugin added its fragments (videos, JSON-LD, contact
cards use elements beyond the editors' allowlist, but never these)."""


def check_output_html(file: str, html: str, source: str) -> list[Finding]:
    """Errors for scripts, head elements, event attributes and ``javascript:`` addresses in a
    page's HTML with every plugin's fragments; JSON-LD data blocks are data, not scripts."""
    locator = _Locator(source)
    findings: list[Finding] = []
    for problem in html_problems(html):
        if problem.key not in NEVER_IN_OUTPUT or problem.data_block:
            continue
        line, col = locator.find(problem)
        findings.append(Finding(file, line, col, "", problem.message, problem.hint, rule=RULE))
    return findings


class _Locator:
    """Finds the n-th occurrence of a needle in the page's source, outside the front matter."""

    def __init__(self, source: str) -> None:
        skip = front_matter_lines(source)
        lines = source.split("\n")
        self.start = sum(len(line) + 1 for line in lines[:skip])
        self.source = source
        self.lowered = source.lower()
        self.used: dict[str, int] = {}

    def find(self, problem: Problem) -> tuple[int, int]:
        for needle in problem.needles:
            key = needle.lower()
            offset = self.lowered.find(key, self.used.get(key, self.start))
            if offset < 0 and key in self.used:  # more problems than occurrences: the last
                offset = self.lowered.rfind(key, self.start)
            if offset >= 0:
                self.used[key] = offset + 1
                return position(self.source, offset)
        return self.heading(problem.heading)

    def heading(self, text: str) -> tuple[int, int]:
        if text:
            for number, line in enumerate(self.source.split("\n"), 1):
                if line.lstrip().startswith("#") and text in line:
                    return number, 1
        return 1, 1


def check_html(
    file: str,
    html: str,
    source: str,
    front_matter: Any,
    hosts: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Errors for refused markup in a page's rendered ``html``, at their place in ``source``;
    a note for each reviewed exception. ``hosts``: what ``frame-src`` allows."""
    allowed, findings = _allowed(file, front_matter, source)
    locator = _Locator(source)
    for problem in html_problems(html, hosts):
        line, col = locator.find(problem)
        if problem.key in allowed:
            findings.append(
                Finding(
                    file,
                    line,
                    col,
                    "",
                    f"geprüfte Ausnahme ({KEYS[problem.key]}): {problem.message}",
                    f"Begründung: {allowed[problem.key]}",
                    level=Level.INFO,
                    rule=RULE,
                )
            )
        else:
            findings.append(Finding(file, line, col, "", problem.message, problem.hint, rule=RULE))
    return sorted(set(findings), key=lambda f: (f.line, f.col, f.message))


class Renderer:
    """Python-Markdown with the site's extensions, built once and reset for every page."""

    def __init__(
        self,
        extensions: Iterable[Any] = ("toc", "tables", "fenced_code"),
        configs: Mapping[str, Any] | None = None,
        hosts: frozenset[str] = frozenset(),
    ) -> None:
        self.markdown = markdown.Markdown(
            extensions=list(extensions), extension_configs=dict(configs or {})
        )
        self.hosts = hosts
        # The build checks a page's Markdown before it starts (rathaus/pruefung's check_site)
        # and again when a plugin changed it; one conversion serves both.
        self._converted: dict[str, str] = {}
        # Between builds: the site's cache (cache.current), for extensions it can name.
        self._settings = cache.key(KIND, list(extensions), dict(configs or {}))

    def html(self, text: str) -> str:
        """The HTML of a page's Markdown (front matter removed the way MkDocs removes it)."""
        known = self._converted.get(text)
        if known is not None:
            return known
        body = page_body(text)
        store, entry = cache.current(), None
        if store is not None and self._settings is not None:
            entry = cache.key(self._settings, body)
            stored = store.get(KIND, entry) if entry is not None else None
            if isinstance(stored, str):
                self._converted[text] = stored
                return stored
        self.markdown.reset()
        known = self._converted[text] = str(self.markdown.convert(body))
        if store is not None and entry is not None:
            store.put(KIND, entry, known)
        return known


def check_markdown_safety(
    file: str, text: str, front_matter: Any, renderer: Renderer | None = None
) -> list[Finding]:
    """:func:`check_html` of the page rendered by ``renderer`` (default: MkDocs' extensions)."""
    renderer = renderer or Renderer()
    return check_html(file, renderer.html(text), text, front_matter, renderer.hosts)


def _allowed(file: str, front_matter: Any, text: str) -> tuple[dict[str, str], list[Finding]]:
    """Keys the page allows, with the reason; findings for a malformed exception."""
    if not isinstance(front_matter, dict) or "rathaus" not in front_matter:
        return {}, []
    lines = text.splitlines()
    where = next((n for n, line in enumerate(lines, 1) if line.startswith("rathaus:")), 1)

    def problem(message: str, hint: str) -> tuple[dict[str, str], list[Finding]]:
        return {}, [Finding(file, where, 1, "rathaus", message, hint, rule=RULE)]

    block = front_matter["rathaus"]
    if not isinstance(block, dict) or set(block) - {"erlaubt", "begruendung"}:
        return problem(
            "unter rathaus: stehen nur erlaubt: und begruendung:",
            "schreiben Sie z. B. rathaus: { erlaubt: [iframe], begruendung: … }",
        )
    keys = block.get("erlaubt", [])
    keys = [keys] if isinstance(keys, str) else keys
    unknown = [k for k in keys if k not in KEYS] if isinstance(keys, list) else ["?"]
    if unknown:
        return problem(
            f"unbekannte Ausnahme „{', '.join(map(str, unknown))}“",
            "möglich sind: " + ", ".join(sorted(EXCEPTIONS)),
        )
    never = [str(k) for k in keys if k not in EXCEPTIONS]
    if never:
        return problem(
            f"„{', '.join(never)}“ kann nicht erlaubt werden ({KEYS[never[0]]})",
            "entfernen Sie es aus erlaubt:; möglich sind nur: " + ", ".join(sorted(EXCEPTIONS)),
        )
    reason = block.get("begruendung")
    if keys and (not isinstance(reason, str) or not reason.strip()):
        return problem(
            "eine Ausnahme braucht eine Begründung",
            "schreiben Sie unter begruendung:, wer die Ausnahme wann geprüft hat und warum "
            "sie nötig ist",
        )
    return {str(k): str(reason).strip() for k in keys}, []
