"""The fast CSP scan returns exactly what the html.parser reference returns.

``scan`` reads strictly formed markup with a few regular expressions and hands anything else
to ``reference_scan``. These tests compare both on every page of the demo build, on edge
cases (some read fast, some fall back) and on random mixtures of tricky fragments.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import asdict
from pathlib import Path

import pytest

from rathaus.csp import _fast_scan, reference_scan, scan
from tests.conftest import REPO, build_site

POLICY_META = re.compile(r'\n    <meta http-equiv="Content-Security-Policy" content="[^"]*">')
PAGE = '<!doctype html><html><head><meta charset="utf-8"></head><body>{}</body></html>'


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo")
    for name in ("mkdocs.yml", "content", "data", "overrides"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    return build_site(root)


def test_fast_scan_equals_the_reference_on_every_demo_page(demo: Path) -> None:
    pages = sorted(demo.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        built = path.read_text(encoding="utf-8")
        # As the plugin saw the page: without the policy it added.
        before, added = POLICY_META.subn("", built, count=1)
        assert added == 1, path
        for html, has_policy in ((before, False), (built, True)):
            fast = _fast_scan(html)
            # Real pages must take the fast path, or the build is slow again.
            assert fast is not None, path
            assert asdict(fast) == asdict(reference_scan(html)), path
            assert (fast.has_policy, fast.violations) == (has_policy, []), path
            # The output has no markers left, so without a token every script is foreign.
            assert fast.foreign and not fast.scripts, path
            marked = html.replace("<script", '<script data-rathaus-skript="t"')
            fast = _fast_scan(marked, "t")
            assert fast is not None and fast.scripts and not fast.foreign, path
            assert asdict(fast) == asdict(reference_scan(marked, "t")), path


@pytest.mark.parametrize(
    ("body", "scripts", "violations"),
    [
        ('<a href="&#106;avascript:x()">a</a>', [], ["javascript:-Adresse in <a href>"]),
        ('<a href=" java&#115;cript&colon;x()">a</a>', [], ["javascript:-Adresse in <a href>"]),
        ('<a HREF="JAVASCRIPT:x">a</a>', [], ["javascript:-Adresse in <a href>"]),
        (
            '<form><button formaction="javascript:x">b</button></form>',
            [],
            ["javascript:-Adresse in <button formaction>"],
        ),
        ('<A ONCLICK="x()">a</A>', [], ["Ereignis-Attribut onclick= an <a>"]),
        ("<a href=x onclick=y>a</a>", [], ["Ereignis-Attribut onclick= an <a>"]),
        (
            "<a onclick>a</a><p style>b</p>",
            [],
            [
                "Ereignis-Attribut onclick= an <a>",
                "style-Attribut an <p>",
            ],
        ),
        (
            '<svg><g onload="x()"><a xlink:href="javascript:y()"><rect/></a></g></svg>',
            [],
            ["Ereignis-Attribut onload= an <g>", "javascript:-Adresse in <a xlink:href>"],
        ),
        ("<style>p{}</style>", [], ["<style>-Element (style-src erlaubt kein Inline-CSS)"]),
        ("<script>if (a &amp;&amp; b) {}</script>", ["if (a &amp;&amp; b) {}"], []),
        ("<script>if (a<b) x()</script>", ["if (a<b) x()"], []),
        ("<script>x</SCRIPT>", ["x"], []),
        ('<script type="application/ld+json">{"a": 1}</script>', [], []),
        ('<script type=" Module ">import "x";</script>', ['import "x";'], []),
        ('<script src="a.js" type="module"></script>', [], []),
        # html.parser keeps the last of two equal attributes
        ('<script type="application/json" type="">x</script>', ["x"], []),
        ("<!-- <script>x</script> <a onclick=y> -->", [], []),
        ('<a href="j/">erlaubt</a><a href="#">auch</a>', [], []),
    ],
)
def test_fast_path_reads_edge_cases_like_the_reference(
    body: str, scripts: list[str], violations: list[str]
) -> None:
    # Every script is marked as the theme's, so the expected ones are hashed.
    html = PAGE.format(body.replace("<script", '<script data-rathaus-skript="t"'))
    fast = _fast_scan(html, "t")
    assert fast is not None
    assert asdict(fast) == asdict(reference_scan(html, "t"))
    assert (fast.scripts, fast.foreign, fast.violations) == (scripts, [], violations)


@pytest.mark.parametrize(
    "body",
    [
        '<a/onclick="x()">a</a>',
        "<a title=x\xa0onclick=y>a</a>",  # html.parser's \s is Unicode, HTML's is not
        '<script>a = "</scr" + "ipt>";</script>',
        "<script>x</script >",
        '<script>"<!--"</script>',
        "<script/>",
        "<title>a<b onclick=x></title>",
        "<p>a<br/ >b</p><a b=='x' onclick=y>",
        "<!-- a -- > <script>x</script> -->",
        "<![CDATA[<a onclick=x>]]>",
        "<script>unterminated",
    ],
)
def test_unusual_markup_falls_back_to_the_reference(body: str) -> None:
    html = PAGE.format(body)
    assert _fast_scan(html) is None
    assert asdict(scan(html)) == asdict(reference_scan(html))


@pytest.mark.parametrize(
    ("html", "insert_at", "has_policy"),
    [
        ("<html><head><title>x</title></head></html>", len("<html><head>"), False),
        (
            "<html>\n<HEAD lang=de>\n<meta name=x></HEAD></html>",
            len("<html>\n<HEAD lang=de>"),
            False,
        ),
        (
            '<html><head><meta charset=utf-8>\n<meta HTTP-EQUIV="content-security-policy">',
            len("<html><head><meta charset=utf-8>"),
            True,
        ),
        ("<p>kein Kopf</p>", None, False),
    ],
)
def test_fast_path_finds_the_place_for_the_policy(
    html: str, insert_at: int | None, has_policy: bool
) -> None:
    fast = _fast_scan(html)
    assert fast is not None
    assert asdict(fast) == asdict(reference_scan(html))
    assert (fast.insert_at, fast.has_policy) == (insert_at, has_policy)


FRAGMENTS = [
    "<head>",
    "<HEAD>",
    "<meta charset=utf-8>",
    '<meta http-equiv="Content-Security-Policy">',
    "<meta http-equiv=' content-security-policy'>",
    "<script>",
    "</script>",
    "<SCRIPT type=module>",
    '<script type="application/json">',
    "<script src=x.js>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "--",
    "<",
    ">",
    "</",
    "/>",
    '"',
    "'",
    "=",
    " ",
    "\n",
    "\t",
    "\xa0",
    "\r",
    "&amp;",
    "&#106;",
    "&colon;",
    "javascript:",
    "j",
    "x",
    "<a",
    "<a ",
    " href=",
    ' href="',
    "onclick",
    " ON",
    "style",
    " style=",
    "<title>",
    "</title>",
    "<svg>",
    "<g",
    " xlink:href=",
    "<!doctype html>",
    "<?x?>",
    "<![CDATA[",
    "]]>",
    "<p>Text</p>",
    "<br/>",
    "<textarea>",
    "</textarea>",
    "<noscript>",
]


# Whole tags, so that many mixtures are strictly formed and read by the fast path.
FRAGMENTS += [
    '<a href="j">',
    "<a href='&#x6a;avascript:x'>",
    '<div class="x" id=y>',
    "</div>",
    "<span>",
    "<img src=a.png alt=''>",
    "<a HREF=JAVASCRIPT:x>",
    "<p style>",
    "<b onmouseover=x>",
    "<script>a<b</script>",
    "<script>x</script>",
    "<!-- c -->",
    "<meta CHARSET>",
    "<path d='M0'/>",
    ' data-x="1"',
    "<iframe src=x></iframe>",
    "<style>p{}</style>",
] * 3


def test_random_mixtures_of_tricky_fragments() -> None:
    rng = random.Random(20270301)
    fast = 0
    for _ in range(4000):
        html = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 25)))
        found = _fast_scan(html)
        fast += found is not None
        assert asdict(found or scan(html)) == asdict(reference_scan(html)), repr(html)
    assert fast > 500
