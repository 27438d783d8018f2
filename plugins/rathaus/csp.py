"""Content-Security-Policy for finished pages: hashes of inline scripts, and a self-check.

Plain Python (``html.parser``); the ``rathaus/sicherheit`` plugin applies it to every page.
A page *satisfies* its policy when it has no inline event handlers, no ``javascript:``
addresses, no inline styles (``style-src`` has no ``'unsafe-inline'``), and every inline
script is listed by its hash. JSON and JSON-LD ``<script>`` blocks are data, not code.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

_EXECUTABLE_TYPES = frozenset(
    {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
)
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href"})


@dataclass
class PageScan:
    """What the policy depends on in one HTML document."""

    scripts: list[str] = field(default_factory=list)
    insert_at: int | None = None
    """Character offset right after ``<meta charset>`` (else after ``<head>``)."""
    has_policy: bool = False
    violations: list[str] = field(default_factory=list)


class _Scanner(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._html = html
        self._script: list[str] | None = None
        self._head_end: int | None = None

    def _offset_after_tag(self) -> int:
        # Needed twice per page (<head>, <meta charset>), near the top: find the line's start
        # on demand instead of indexing every line of the page.
        line, col = self.getpos()
        start = 0
        for _ in range(line - 1):
            start = self._html.index("\n", start) + 1
        return start + col + len(self.get_starttag_text() or "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "head" and self._head_end is None:
            self._head_end = self._offset_after_tag()
        if tag == "meta" and "charset" in values and self.scan.insert_at is None:
            self.scan.insert_at = self._offset_after_tag()
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.scan.has_policy = True
        if tag == "script" and "src" not in values:
            kind = values.get("type", "").strip().lower()
            self._script = [] if kind in _EXECUTABLE_TYPES else None
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

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scan.scripts.append("".join(self._script))
        if tag == "script":
            self._script = None


def scan(html: str) -> PageScan:
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    result = scanner.scan
    if result.insert_at is None:
        result.insert_at = scanner._head_end
    return result


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


def with_policy(html: str, policy: Mapping[str, Sequence[str]]) -> tuple[str, PageScan]:
    """``html`` with a CSP <meta> element after <meta charset>; the scan tells what was found."""
    found = scan(html)
    if found.has_policy or found.insert_at is None:
        return html, found
    meta = (
        '\n    <meta http-equiv="Content-Security-Policy" content="'
        + escape(policy_text(policy, found.scripts), quote=False).replace('"', "&quot;")
        + '">'
    )
    at = found.insert_at
    return html[:at] + meta + html[at:], found
