"""The Content-Security-Policy: computed from the page, satisfied by the page."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from mkdocs.exceptions import Abort
from mkdocs.utils.templates import script_tag_filter
from selectolax.lexbor import LexborHTMLParser

from rathaus.csp import header_policy, marker, policy_text, scan, with_policy
from rathaus.sicherheit.skripte import mark_theme
from tests.conftest import build_site, parse, set_feature

POLICY = {"default-src": ["'self'"], "script-src": ["'self'"], "object-src": ["'none'"]}


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


TOKEN = "0123456789abcdef"
THEME = f"<script{marker(TOKEN)}"


def test_hashes_exactly_the_executable_inline_scripts_of_the_theme() -> None:
    html = (
        '<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
        f"{THEME}>var a = 1;</script>"
        '<script type="application/ld+json">{"@type": "Thing"}</script>'
        f'{THEME} id="__config" type="application/json">{{}}</script>'
        f'{THEME} src="x.js"></script>{THEME} type="module">import "./m.js";</script>'
        "</head><body><script>var b = 2;</script>"
        f'<script{marker("geraten")}>var c = 3;</script><script src="y.js"></script>'
        "</body></html>"
    )
    out, found = with_policy(html, POLICY, TOKEN)
    assert found.scripts == ["var a = 1;", 'import "./m.js";']
    # Content's scripts are named, never hashed; a guessed token is no token.
    assert found.foreign == [
        "<script>var b = 2;</script>",
        "<script>var c = 3;</script>",
        '<script src="y.js">',
    ]
    assert found.violations == []
    assert TOKEN not in out and marker("geraten") in out
    tree = parse_text(out)
    [meta] = tree.css('meta[http-equiv="Content-Security-Policy"]')
    hashes = " ".join(sorted([sha("var a = 1;"), sha('import "./m.js";')]))
    assert meta.attributes["content"] == (
        f"default-src 'self'; script-src 'self' {hashes}; object-src 'none'"
    )
    assert out.count("<script") == html.count("<script")
    # Right after <meta charset>, before everything else in <head>.
    assert out.index("Content-Security-Policy") < out.index("<title>")
    assert out.index('charset="utf-8"') < out.index("Content-Security-Policy")


def parse_text(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


@pytest.mark.parametrize(
    ("body", "violation"),
    [
        ('<a href="#" onclick="x()">a</a>', "Ereignis-Attribut onclick= an <a>"),
        ('<a href="javascript:x()">a</a>', "javascript:-Adresse in <a href>"),
        ('<p style="color:red">a</p>', "style-Attribut an <p>"),
        ("<style>p{}</style>", "<style>-Element (style-src erlaubt kein Inline-CSS)"),
    ],
)
def test_violations_are_found(body: str, violation: str) -> None:
    assert scan(
        f"<html><head><meta charset=utf-8></head><body>{body}</body></html>"
    ).violations == [violation]


def test_header_policy_has_no_script_hashes_and_forbids_framing() -> None:
    text = header_policy(
        {**POLICY, "base-uri": ["'self'"], "form-action": ["'self'"]},
    )
    assert text == "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
    assert policy_text(POLICY, ["a", "a"]).count("sha256-") == 1


def with_sicherheit(root: Path) -> Path:
    set_feature(root, "sicherheit", {})
    return root


def test_every_built_page_carries_a_policy_it_satisfies(
    fixture_site: Callable[[str], Path],
) -> None:
    out = build_site(with_sicherheit(fixture_site("klein")))
    pages = sorted(out.rglob("*.html"))
    assert "404.html" in [p.name for p in pages]
    for path in pages:
        tree = parse(path)
        [meta] = tree.css('meta[http-equiv="Content-Security-Policy"]')
        directives = {
            part.split()[0]: part.split()[1:] for part in meta.attributes["content"].split("; ")
        }
        inline = [
            s.text()
            for s in tree.css("script:not([src])")
            if s.attributes.get("type") in (None, "", "text/javascript", "module")
        ]
        assert inline, path
        # The search page's script compiles WebAssembly (Pagefind), no other page may.
        wasm = {"'wasm-unsafe-eval'"} if path.parent.name == "suche" else set()
        assert sorted(set(directives["script-src"]) - {"'self'"}) == sorted(
            {sha(text) for text in inline} | wasm
        ), path
        assert "'unsafe-inline'" not in meta.attributes["content"]
        assert not [n for n in tree.css("*") if any(a.startswith("on") for a in n.attributes)]


def test_a_page_breaking_the_policy_fails_the_build(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = with_sicherheit(fixture_site("klein"))
    page = root / "content" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<p style="color: red">rot</p>\n')
    with pytest.raises(Abort):
        build_site(root)
    assert "index.md: verletzt die Content-Security-Policy: style-Attribut an <p>" in caplog.text


def test_a_marker_outside_a_script_tag_is_a_violation() -> None:
    html = f'<html><head><meta charset="utf-8"></head><body><p>{TOKEN}</p></body></html>'
    assert with_policy(html, POLICY, TOKEN)[1].violations == [
        "Skript-Markierung des Themes außerhalb eines <script>-Tags"
    ]


def test_a_script_in_a_page_fails_the_build_and_is_not_hashed(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = with_sicherheit(fixture_site("klein"))
    page = root / "content" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>var x = 1;</script>\n")
    with pytest.raises(Abort):
        build_site(root)
    assert (
        "index.md: Skript <script>var x = 1;</script>: die Quelldatei der Seite enthält ein "
        "Skript" in caplog.text
    )
    built = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "var x = 1;" in built and sha("var x = 1;") not in built
    assert "data-rathaus-skript" not in built


def test_only_the_template_source_is_marked_never_a_value_it_prints() -> None:
    env = jinja2.Environment(
        loader=jinja2.DictLoader(
            {
                "seite.html": '<html><head><meta charset="utf-8">'
                "<script>theme()</script>{{ extra | script_tag }}</head>"
                "<body><h1>{{ titel }}</h1></body></html>"
            }
        )
    )
    env.filters["script_tag"] = script_tag_filter
    mark_theme(env, TOKEN)
    html = env.get_template("seite.html").render(
        titel="<script>daten()</script>", extra="assets/x.js", base_url=".", page=None
    )
    found = scan(html, TOKEN)
    assert found.scripts == ["theme()"]
    assert found.foreign == ["<script>daten()</script>"]


@pytest.mark.parametrize("fast", [True, False])
def test_only_a_theme_script_asking_for_webassembly_gets_it(fast: bool) -> None:
    def policy(body: str) -> str:
        page = f'<!doctype html><html><head><meta charset="utf-8"></head><body>{body}</body></html>'
        if not fast:
            page = page.replace("<body>", "<body><!x>")  # a stray <! takes the reference path
        html, found = with_policy(page, POLICY, TOKEN)
        assert found.wasm == ("data-rathaus-wasm" in body and THEME in body)
        return html

    searching = policy(f'{THEME} src="suche.js" data-rathaus-wasm></script>')
    assert "script-src 'self' 'wasm-unsafe-eval'" in searching
    assert "data-rathaus-wasm" in searching  # the attribute stays, the marker goes
    plain = policy(f'{THEME} src="rathaus.js"></script>')
    assert "wasm-unsafe-eval" not in plain
    # Content cannot ask for it: a script without the theme's marker is not the theme's.
    smuggled = policy('<script src="x.js" data-rathaus-wasm></script>')
    assert "wasm-unsafe-eval" not in smuggled


def test_only_the_search_page_may_compile_webassembly(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("finden")
    set_feature(root, "sicherheit", {})
    site = build_site(root)

    def policy(path: str) -> str:
        meta = parse(site / path).css_first('meta[http-equiv="Content-Security-Policy"]')
        return str(meta.attributes["content"])

    assert "'wasm-unsafe-eval'" in policy("suche/index.html")
    for other in ("index.html", "themen/index.html"):
        assert "wasm-unsafe-eval" not in policy(other), other
