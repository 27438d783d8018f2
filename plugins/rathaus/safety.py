"""Content safety of editors' Markdown: raw HTML and link targets that could run code.

Raw HTML is read with a real HTML parser (``html.parser``) on the Markdown source, with code
masked out, so every problem points at the editor's line and column. What is refused:

=============  ===========================================================================
Key            What
=============  ===========================================================================
``script``     ``<script>`` elements
``iframe``     ``<iframe>`` and ``<frame>`` (embedded foreign pages)
``objekt``     ``<object>``, ``<embed>``, ``<applet>`` (plug-in content)
``kopf``       ``<base>``, ``<meta>``, ``<link>``: they change how the whole page behaves
``ereignis``   event attributes such as ``onclick=`` (in HTML or in ``{ … }`` attribute lists)
``javascript`` ``javascript:`` and ``vbscript:`` addresses
``data``       ``data:`` addresses
``mailto``     ``mailto:`` links that add recipients (cc, bcc, to …) or line breaks
=============  ===========================================================================

A page may allow a reviewed exception in its front matter; the reason is required and shown
in every report::

    ---
    rathaus:
      erlaubt: [iframe]
      begruendung: Karte des Kreises, geprüft von der IT am 3. 2. 2027
    ---
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, unquote

from .markdown_scan import attr_lists, links, mask, position
from .model import Finding, Level

RULE = "sicherheit"
KEYS: dict[str, str] = {
    "script": "<script>-Elemente",
    "iframe": "<iframe>- und <frame>-Elemente",
    "objekt": "<object>-, <embed>- und <applet>-Elemente",
    "kopf": "<base>-, <meta>- und <link>-Elemente",
    "ereignis": "Ereignis-Attribute wie onclick=",
    "javascript": "javascript:-Adressen",
    "data": "data:-Adressen",
    "mailto": "mailto:-Links mit zusätzlichen Empfängern oder Zeilenumbrüchen",
}
_ELEMENTS = {
    "script": "script",
    "iframe": "iframe",
    "frame": "iframe",
    "object": "objekt",
    "embed": "objekt",
    "applet": "objekt",
    "base": "kopf",
    "meta": "kopf",
    "link": "kopf",
}
_HINTS = {
    "script": "entfernen Sie es; Seiten enthalten keinen Programmcode",
    "iframe": "entfernen Sie es; fremde Seiten werden nicht eingebettet – verlinken Sie sie",
    "objekt": "entfernen Sie es; verlinken Sie die Datei stattdessen",
    "kopf": "entfernen Sie es; Kopfangaben der Seite setzt das Layout",
}
_URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "poster",
        "data",
        "cite",
        "background",
        "longdesc",
        "xlink:href",
        "ping",
        "manifest",
        "codebase",
        "srcset",
    }
)
_MAIL_HEADERS = frozenset({"cc", "bcc", "to", "from", "reply-to", "sender"})
# Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_ATTR_EVENT = re.compile(r"(?:^|\s)(?P<name>on[a-z]+)\s*=", re.IGNORECASE)
_ATTR_VALUE = re.compile(
    r"""(?:^|\s)(?P<name>[\w:-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"']+))"""
)


def url_problem(url: str) -> tuple[str, str, str] | None:
    """(key, message, hint) when a link target could run code or inject mail headers."""
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
        _, _, query = url.partition("?")
        decoded = unquote(url)
        headers = {key.lower() for key, _ in parse_qsl(query, keep_blank_values=True)}
        if "\n" in decoded or "\r" in decoded or headers & _MAIL_HEADERS:
            return (
                "mailto",
                "der mailto:-Link fügt weitere Empfänger oder Kopfzeilen hinzu",
                "schreiben Sie nur mailto:name@musterstadt.example, höchstens mit ?subject=…",
            )
    return None


class _RawHtml(HTMLParser):
    """Collects (line, col, key, what) for every refused element, attribute and address."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[int, int, str, str, str]] = []

    def _at(self, needle: str) -> tuple[int, int]:
        line, offset = self.getpos()
        raw = self.get_starttag_text() or ""
        found = raw.lower().find(needle.lower())
        if found <= 0:
            return line, offset + 1
        extra_line, col = position(raw, found)
        return line + extra_line - 1, (offset + col if extra_line == 1 else col)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, offset = self.getpos()
        if tag in _ELEMENTS:
            key = _ELEMENTS[tag]
            self.problems.append(
                (
                    line,
                    offset + 1,
                    key,
                    f"das Element <{tag}> ist in Seiten nicht erlaubt",
                    _HINTS[key],
                )
            )
        for name, value in attrs:
            if name.startswith("on"):
                at = self._at(name)
                self.problems.append(
                    (
                        *at,
                        "ereignis",
                        f"das Attribut {name}= würde Programmcode ausführen",
                        "entfernen Sie das Attribut; Seiten enthalten keinen Programmcode",
                    )
                )
            elif name in _URL_ATTRIBUTES and value:
                candidates = (
                    [part.strip().split(" ")[0] for part in value.split(",")]
                    if name == "srcset"
                    else [value]
                )
                for candidate in candidates:
                    problem = url_problem(candidate)
                    if problem:
                        self.problems.append((*self._at(name), *problem))

    handle_startendtag = handle_starttag


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
            "möglich sind: " + ", ".join(KEYS),
        )
    reason = block.get("begruendung")
    if keys and (not isinstance(reason, str) or not reason.strip()):
        return problem(
            "eine Ausnahme braucht eine Begründung",
            "schreiben Sie unter begruendung:, wer die Ausnahme wann geprüft hat und warum "
            "sie nötig ist",
        )
    return {str(k): str(reason).strip() for k in keys}, []


def check_markdown_safety(file: str, text: str, front_matter: Any) -> list[Finding]:
    """Errors for code-running HTML and addresses; a note for each allowed exception."""
    allowed, findings = _allowed(file, front_matter, text)
    masked = mask(text)
    parser = _RawHtml()
    parser.feed(masked)
    parser.close()
    problems = list(parser.problems)
    for link in links(masked):
        problem = url_problem(link.target)
        if problem:
            problems.append((link.line, link.col, *problem))
    for attrs in attr_lists(masked):
        for match in _ATTR_EVENT.finditer(attrs.body):
            problems.append(
                (
                    attrs.line,
                    attrs.col + match.start("name"),
                    "ereignis",
                    f"das Attribut {match['name']}= würde Programmcode ausführen",
                    "entfernen Sie das Attribut; Seiten enthalten keinen Programmcode",
                )
            )
        for match in _ATTR_VALUE.finditer(attrs.body):
            value = match["dq"] or match["sq"] or match["bare"] or ""
            problem = url_problem(value) if match["name"].lower() in _URL_ATTRIBUTES else None
            if problem:
                problems.append((attrs.line, attrs.col + match.start("name"), *problem))
    seen: set[tuple[int, int, str]] = set()
    for line, col, key, message, hint in sorted(problems):
        if (line, col, key) in seen:
            continue
        seen.add((line, col, key))
        if key in allowed:
            findings.append(
                Finding(
                    file,
                    line,
                    col,
                    "",
                    f"geprüfte Ausnahme ({KEYS[key]}): {message}",
                    f"Begründung: {allowed[key]}",
                    level=Level.INFO,
                    rule=RULE,
                )
            )
        else:
            findings.append(Finding(file, line, col, "", message, hint, rule=RULE))
    return findings
