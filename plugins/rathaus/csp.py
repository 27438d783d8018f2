"""Content-Security-Policy for finished pages: hashes of the theme's scripts, and a self-check.

Plain Python; the ``rathaus/sicherheit`` plugin applies it to every page. A page *satisfies*
its policy when it has no inline event handlers, no ``javascript:`` addresses, no inline
styles (``style-src`` has no ``'unsafe-inline'``), and every inline script is listed by its
hash. JSON and JSON-LD ``<script>`` blocks are data, not code.

Only scripts the templates wrote are trusted: the plugin marks every ``<script`` of the theme's
template source with ``data-rathaus-skript="<token>"`` (``marker``), the token being random per
build. Content and data are never part of a template's source and cannot know the token, so a
script they smuggle into a page carries no marker: it is not hashed (the browser blocks it) and
``PageScan.foreign`` names it. ``with_policy`` removes the markers again, so the output does not
depend on the token.

``reference_scan`` reads a page with the standard library's ``html.parser`` and defines the
results. It costs milliseconds per page, so ``scan`` first tries a fast path: a few compiled
regular expressions accept only *strictly formed* markup (plain text, simple comments, the
doctype, end tags and start tags with ASCII names and ordinary attribute values), on which
every version of ``html.parser`` tokenizes exactly as the expressions do. One expression skips
in C over all tags that cannot matter; Python looks only at ``<script>``, ``<meta>``,
``<head>``, raw-text elements and tags carrying ``on…``, ``style`` or a URL attribute whose
value could start with ``javascript:``, with the same rules as the reference. Anything else
(a stray ``<!``, unusual whitespace, a malformed tag, a script that does not end in a plain
``</script>``) sends the whole page to ``reference_scan``.
"""

from __future__ import annotations

import base64
import hashlib
import re
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape, unescape
from html.parser import HTMLParser

_EXECUTABLE_TYPES = frozenset(
    {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
)
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href"})
MARKER_ATTRIBUTE = "data-rathaus-skript"
# A theme script with this attribute compiles WebAssembly (the search's Pagefind): its page,
# and only its page, gets 'wasm-unsafe-eval' in script-src. Content cannot ask for it: only a
# script carrying the theme's marker counts.
WASM_ATTRIBUTE = "data-rathaus-wasm"


def marker(token: str) -> str:
    """The text that marks a start tag ``<script`` as the theme's: `` data-rathaus-skript="…"``."""
    return f' {MARKER_ATTRIBUTE}="{token}"'


@dataclass
class PageScan:
    """What the policy depends on in one HTML document."""

    scripts: list[str] = field(default_factory=list)
    """The text of every executable inline script the theme marked: these are hashed."""
    foreign: list[str] = field(default_factory=list)
    """Every script without the theme's marker (inline and executable, or loaded by ``src``)."""
    insert_at: int | None = None
    """Character offset right after ``<meta charset>`` (else after ``<head>``)."""
    has_policy: bool = False
    wasm: bool = False
    """A theme script of the page needs WebAssembly (:data:`WASM_ATTRIBUTE`)."""
    violations: list[str] = field(default_factory=list)


class _Collector:
    """The rules, shared by both readers: what a start tag, script text or end tag means."""

    def __init__(self, token: str | None) -> None:
        self.scan = PageScan()
        self.token = token
        self.script: list[str] | None = None
        self.script_marked = False
        self.head_end: int | None = None

    def start(
        self, tag: str, attrs: list[tuple[str, str | None]], after_tag: Callable[[], int]
    ) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "head" and self.head_end is None:
            self.head_end = after_tag()
        if tag == "meta" and "charset" in values and self.scan.insert_at is None:
            self.scan.insert_at = after_tag()
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.scan.has_policy = True
        if tag == "script":
            marked = values.get(MARKER_ATTRIBUTE)
            self.script_marked = self.token is not None and marked == self.token
            if self.script_marked and WASM_ATTRIBUTE in values:
                self.scan.wasm = True
            kind = values.get("type", "").strip().lower()
            if "src" in values:
                if not self.script_marked:
                    self.scan.foreign.append(f'<script src="{values["src"]}">')
            else:
                self.script = [] if kind in _EXECUTABLE_TYPES else None
        if tag == "style":
            self.scan.violations.append("<style>-Element (style-src erlaubt kein Inline-CSS)")
        for name, value in attrs:
            if name.startswith("on"):
                self.scan.violations.append(f"Ereignis-Attribut {name}= an <{tag}>")
            elif name == "style":
                self.scan.violations.append(f"style-Attribut an <{tag}>")
            elif name in _URL_ATTRIBUTES and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.scan.violations.append(f"javascript:-Adresse in <{tag} {name}>")

    def data(self, data: str) -> None:
        if self.script is not None:
            self.script.append(data)

    def end(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            text = "".join(self.script)
            if self.script_marked:
                self.scan.scripts.append(text)
            else:
                self.scan.foreign.append(f"<script>{_excerpt(text)}</script>")
        if tag == "script":
            self.script = None

    def result(self) -> PageScan:
        if self.scan.insert_at is None:
            self.scan.insert_at = self.head_end
        return self.scan


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"


class _Scanner(HTMLParser):
    def __init__(self, html: str, token: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.collector = _Collector(token)
        self._html = html

    def _offset_after_tag(self) -> int:
        # Needed twice per page (<head>, <meta charset>), near the top: find the line's start
        # on demand instead of indexing every line of the page.
        line, col = self.getpos()
        start = 0
        for _ in range(line - 1):
            start = self._html.index("\n", start) + 1
        return start + col + len(self.get_starttag_text() or "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.collector.start(tag, attrs, self._offset_after_tag)

    def handle_data(self, data: str) -> None:
        self.collector.data(data)

    def handle_endtag(self, tag: str) -> None:
        self.collector.end(tag)


def reference_scan(html: str, token: str | None = None) -> PageScan:
    """The scan by ``html.parser``: slow, and the definition of what ``scan`` returns.

    Scripts whose start tag carries ``marker(token)`` are the theme's; without a token, none is.
    """
    scanner = _Scanner(html, token)
    scanner.feed(html)
    scanner.close()
    return scanner.collector.result()


# The fast path. Whitespace inside tags is ASCII only and attribute names are ASCII, so that
# html.parser's Unicode ``\s`` and ``str.lower()`` cannot see anything else than these
# expressions; unquoted values must end at whitespace or ``>`` (``a=b/>`` is not accepted).
_WS = r"[ \t\n\f]"
_NAME_END = r"(?![-a-zA-Z0-9_:.])"
_NAME = rf"[a-zA-Z_:][-a-zA-Z0-9_:.]*{_NAME_END}"
_VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s"'<>=`/]+(?![^ \t\n\f>]))"""
# A URL value whose first character is not whitespace, "&" or "j" cannot become
# "javascript:…" by unescaping and stripping.
_SAFE_URL_VALUE = (
    r"""(?:"(?![\s&jJ])[^"]*"|'(?![\s&jJ])[^']*'"""
    r"""|(?![&jJ])[^\s"'<>=`/]+(?![^ \t\n\f>]))"""
)
_URL_NAMES = sorted(_URL_ATTRIBUTES)
_URL_NAME = rf"(?i:{'|'.join(_URL_NAMES)}){_NAME_END}"
# Elements html.parser reads as raw text in some Python version (script and style in all).
_RAW_TEXT = ("script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes")
_LOOKED_AT = (*_RAW_TEXT, "noscript", "plaintext", "meta", "head")


def _letters_other_than(words: Sequence[str]) -> str:
    """A character class of the ASCII letters none of ``words`` starts with (any case)."""
    letters = "".join(sorted(set(string.ascii_lowercase) - {w[0] for w in words}))
    return f"[{letters}{letters.upper()}]"


# Most names start with a letter no name of interest starts with: tried first, for speed.
_PLAIN_ATTRIBUTE = (
    rf"{_WS}+(?:(?={_letters_other_than(['on', 'style', *_URL_NAMES])})"
    rf"{_NAME}(?:{_WS}*={_WS}*{_VALUE})?"
    rf"|{_URL_NAME}(?:{_WS}*={_WS}*{_SAFE_URL_VALUE})?"
    rf"|(?!(?i:on)|(?i:style){_NAME_END}|{_URL_NAME}){_NAME}(?:{_WS}*={_WS}*{_VALUE})?)"
)
_PLAIN_TAG_NAME = (
    rf"(?={_letters_other_than(_LOOKED_AT)}|(?!(?i:{'|'.join(_LOOKED_AT)})[ \t\n\f/>]))"
    r"[a-zA-Z][a-zA-Z0-9-]*+"
)
_SKIP = re.compile(
    r"(?:[^<]++"  # text
    r"|<(?=[^a-zA-Z!/?])"  # a "<" that starts nothing is text
    r"|<!--(?![->])(?:[^-]|-(?!-))*+-->"  # a comment without "--" inside
    r"|<![dD][oO][cC][tT][yY][pP][eE][^<>\"']*+>"
    rf"|</[a-zA-Z][a-zA-Z0-9-]*+{_WS}*+>"  # end tag
    # a start tag that cannot matter: no on…, style or unsafe URL attribute
    rf"|<{_PLAIN_TAG_NAME}(?:{_PLAIN_ATTRIBUTE})*+{_WS}*+/?>"
    r")*+"
)
_START_TAG = re.compile(
    rf"<([a-zA-Z][a-zA-Z0-9-]*)((?:{_WS}+{_NAME}(?:{_WS}*={_WS}*{_VALUE})?)*+){_WS}*+(/?)>"
)
_ATTRIBUTE = re.compile(rf"{_WS}+({_NAME})(?:{_WS}*={_WS}*({_VALUE}))?")
_END_TAG = {tag: re.compile(rf"</{tag}>", re.IGNORECASE | re.ASCII) for tag in _RAW_TEXT}


def _attribute_value(raw: str | None) -> str | None:
    # As html.parser: quotes removed, character references replaced.
    if raw is None:
        return None
    if raw[:1] in "\"'":
        raw = raw[1:-1]
    return unescape(raw) if raw else raw


def _fast_scan(html: str, token: str | None = None) -> PageScan | None:
    """The reference's result for strictly formed pages; ``None`` for anything else."""
    collector = _Collector(token)
    tag_end = 0

    def after_tag() -> int:
        return tag_end

    pos, length = 0, len(html)
    while True:
        skipped = _SKIP.match(html, pos)
        if skipped is None:  # never: the expression also matches ""
            return None
        pos = skipped.end()
        if pos == length:
            return collector.result()
        tag_match = _START_TAG.match(html, pos)
        if tag_match is None:
            return None
        name, raw_attributes, closing = tag_match.groups()
        tag = name.lower()
        attrs = [
            (a.group(1).lower(), _attribute_value(a.group(2)))
            for a in _ATTRIBUTE.finditer(raw_attributes)
        ]
        tag_end = pos = tag_match.end()
        collector.start(tag, attrs, after_tag)
        if tag in ("noscript", "plaintext") or (closing and tag in _END_TAG):
            return None
        if closing:
            collector.end(tag)
        elif tag in _END_TAG:
            # Raw text ends at the first "</", which must be this element's plain end tag.
            # Scripts and styles may contain "<" (not "<!--"), the others no "<" at all.
            close = html.find("<" if tag not in ("script", "style") else "</", pos)
            if close < 0 or not _END_TAG[tag].match(html, close) or "<!--" in html[pos:close]:
                return None
            if close > pos:
                collector.data(html[pos:close])
            collector.end(tag)
            pos = close + len(tag) + 3


def scan(html: str, token: str | None = None) -> PageScan:
    """What the policy of ``html`` depends on; exactly ``reference_scan(html, token)``, but fast."""
    found = _fast_scan(html, token)
    return found if found is not None else reference_scan(html, token)


def source_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy_text(policy: Mapping[str, Sequence[str]], scripts: Sequence[str] = ()) -> str:
    """The policy as header/meta text, with the hashes of ``scripts`` in ``script-src``."""
    parts = []
    hashes = sorted({source_hash(s) for s in scripts})
    for directive, sources in policy.items():
        values = list(sources)
        if directive == "script-src":
            values += [h for h in hashes if h not in values]
        parts.append(" ".join([directive, *values]))
    return "; ".join(parts)


def header_policy(policy: Mapping[str, Sequence[str]]) -> str:
    """For the web server: what a <meta> element cannot say, nothing about scripts.

    Browsers enforce both the header and the page's <meta> policy; the page's own policy
    carries the per-page script hashes, the header adds framing protection.
    """
    kept = {k: v for k, v in policy.items() if k in {"object-src", "base-uri", "form-action"}}
    return policy_text({**kept, "frame-ancestors": ["'self'"]})


def with_policy(html: str, policy: Mapping[str, Sequence[str]], token: str) -> tuple[str, PageScan]:
    """``html`` with a CSP <meta> element after <meta charset> and without the theme's markers.

    Only the marked scripts are hashed; the scan tells what was found. A marker left anywhere
    else (escaped, or in an attribute) is a violation: the token must never reach the output.
    """
    found = scan(html, token)
    if found.wasm:
        scripts = [v for v in policy.get("script-src", []) if v != "'none'"]
        policy = {**policy, "script-src": [*scripts, "'wasm-unsafe-eval'"]}
    if not found.has_policy and found.insert_at is not None:
        meta = (
            '\n    <meta http-equiv="Content-Security-Policy" content="'
            + escape(policy_text(policy, found.scripts), quote=False).replace('"', "&quot;")
            + '">'
        )
        at = found.insert_at
        html = html[:at] + meta + html[at:]
    # The marker is a unique random string in a start tag: removing its exact text is safe.
    html = html.replace(marker(token), "")
    if token in html:
        found.violations.append("Skript-Markierung des Themes außerhalb eines <script>-Tags")
    return html, found
