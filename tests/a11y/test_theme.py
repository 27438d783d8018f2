"""Theme fixes (theme `rathaus`): one test per Material finding, so none can come back."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from conftest import DESKTOP, MOBILE, SITE_DIR, PageType, new_context, run_axe

SCHEMES = ["light", "dark"]
FOOTER = ["Barrierefreiheit", "Barriere melden", "Kontakt", "Impressum", "Datenschutz"]
FOOTER_SOURCES = {
    "Barrierefreiheit": "barrierefreiheit",
    "Barriere melden": "barriere-melden",
    "Kontakt": "kontakt",
    "Impressum": "impressum",
    "Datenschutz": "datenschutz",
}


# --- static markup of every HTML file ------------------------------------------------------
class Markup(HTMLParser):
    """The facts the tests need from one built page (raw HTML, before any JavaScript)."""

    VOID = frozenset(
        "area base br col embed hr img input link meta source track wbr".split()  # noqa: SIM905
    )

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[str, list[str]] = {}  # id -> text, for aria-labelledby
        self.navs: list[dict[str, str]] = []
        self.ids: set[str] = set()
        self.problems: list[str] = []
        self.forms: list[list[str]] = []  # per form: the types of its buttons/inputs
        self.title = ""
        self.skip_href = ""
        self.first_focusable = ""
        self.footer_links: list[str] = []
        self.dialog_labels: list[str] = []
        self.label_for: set[str] = set()
        self.checkboxes: set[str] = set()

    def _inside(self, tag: str, cls: str = "") -> bool:
        return any(t == tag and cls in a.get("class", "") for t, a in self.stack)

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if attrs.get("tabindex") == "":
            self.problems.append(f'tabindex="" on <{tag} id={attrs.get("id")}>')
        if tag == "input" and attrs.get("type") == "checkbox":
            self.checkboxes.add(attrs.get("id", ""))
            if "autocomplete" in attrs:
                self.problems.append(f"autocomplete on checkbox #{attrs.get('id')}")
        if tag == "label" and attrs.get("for"):
            self.label_for.add(attrs["for"])
        if tag == "svg" and attrs.get("aria-hidden") != "true" and not self._inside("article"):
            self.problems.append("inline svg without aria-hidden outside the content")
        if tag == "nav":
            self.navs.append(attrs)
        if attrs.get("role") == "dialog":
            self.dialog_labels.append(attrs.get("aria-label", ""))
        if tag == "form":
            self.forms.append([])
        if self.forms and self._inside("form") and tag in ("button", "input"):
            self.forms[-1].append(attrs.get("type", "submit" if tag == "button" else "text"))
        focusable = (tag == "a" and "href" in attrs) or tag == "button"
        if focusable and not self.first_focusable:
            self.first_focusable = attrs.get("class", tag)
            self.skip_href = attrs.get("href", "")
        if tag == "a" and self._inside("nav", "rh-footer__nav"):
            self.footer_links.append(attrs.get("href", ""))
        if tag not in self.VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, attrs in self.stack:
            if "id" in attrs:
                self.texts.setdefault(attrs["id"], []).append(data)
        if self.stack and self.stack[-1][0] == "title":
            self.title += data

    def nav_labels(self) -> list[str]:
        labels = []
        for attrs in self.navs:
            if "aria-labelledby" in attrs:
                text = " ".join("".join(self.texts.get(attrs["aria-labelledby"], [])).split())
                labels.append(text)
            else:
                labels.append(attrs.get("aria-label", ""))
        return labels


def parsed(path: Path) -> Markup:
    markup = Markup()
    markup.feed(path.read_text(encoding="utf-8"))
    return markup


HTML_FILES = sorted(SITE_DIR.rglob("*.html")) if SITE_DIR.exists() else []


@pytest.mark.parametrize("path", HTML_FILES, ids=[str(p.relative_to(SITE_DIR)) for p in HTML_FILES])
def test_markup(path: Path) -> None:
    """Skip link first on every page, unique German nav labels, no dialog without a name,
    no form without submit button, hidden icons, valid attributes, footer links."""
    m = parsed(path)
    assert m.first_focusable == "md-skip" and m.skip_href == "#hauptinhalt", (
        f"skip link is not the first focusable element: {m.first_focusable}"
    )
    assert "hauptinhalt" in m.ids, "skip link target #hauptinhalt missing"
    assert not m.problems, m.problems
    labels = m.nav_labels()
    assert all(labels), f"nav landmark without label: {labels}"
    assert len(labels) == len(set(labels)), f"nav landmarks share a label: {labels}"
    assert all(m.dialog_labels), f"dialog without a name: {m.dialog_labels}"
    for controls in m.forms:
        assert "submit" in controls, f"form without submit button (HTMLCS H32.2): {controls}"
    # Material's script needs its search toggle (#__search, display: none, aria-label).
    unlabelled = {c for c in m.checkboxes if c not in m.label_for} - {"__search"}
    assert not unlabelled, f"checkboxes without label: {unlabelled}"
    assert "Made with" not in path.read_text(encoding="utf-8")
    # Footer: exactly the service pages that exist in this build, in the configured order.
    expected = [t for t in FOOTER if (SITE_DIR / FOOTER_SOURCES[t] / "index.html").exists()]
    assert len(m.footer_links) == len(expected), (m.footer_links, expected)


def test_404_is_german() -> None:
    m = parsed(SITE_DIR / "404.html")
    site_name = parsed(SITE_DIR / "index.html").title.strip()
    assert m.title.strip() == f"Seite nicht gefunden – {site_name}"
    text = (SITE_DIR / "404.html").read_text(encoding="utf-8")
    assert "Not found" not in text and "<h1>Seite nicht gefunden</h1>" in text


def test_footer_link_titles(desktop: Page, base_url: str) -> None:
    desktop.goto(base_url + "/")
    names = desktop.locator("footer nav[aria-label] a").all_inner_texts()
    expected = [t for t in FOOTER if (SITE_DIR / FOOTER_SOURCES[t] / "index.html").exists()]
    assert [n.strip() for n in names] == expected


def test_theme_copies_are_current() -> None:
    script = Path(__file__).parents[2] / "scripts" / "theme_copies.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- palette toggle --------------------------------------------------------------------------
SCHEME_WORD = {"default": "Hell", "slate": "Dunkl"}


def test_palette_names_match_the_scheme_they_select(desktop: Page, base_url: str) -> None:
    desktop.goto(base_url + "/")
    radios = desktop.locator("input.md-option")
    assert radios.count() == 2
    for i in range(radios.count()):
        radio = radios.nth(i)
        name = radio.get_attribute("aria-label") or ""
        scheme = radio.get_attribute("data-md-color-scheme") or ""
        assert SCHEME_WORD[scheme] in name, f"radio for {scheme} is named {name!r}"
        # the accessible name as the browser computes it, not just the attribute
        assert desktop.get_by_role("radio", name=name, exact=True).count() == 1
    assert desktop.get_by_role("radiogroup", name="Farbschema").count() == 1
    # The visible toggle says what it does: clicking it selects the scheme in its title.
    for _ in range(2):
        toggle = desktop.locator(".md-header__option > label:not([hidden])")
        title = toggle.get_attribute("title") or ""
        toggle.click()
        scheme = desktop.get_attribute("body", "data-md-color-scheme") or ""
        assert SCHEME_WORD[scheme] in title, f"toggle {title!r} selected {scheme}"
    # Keyboard: Enter on the focused radio switches, and the focused radio names the new scheme.
    desktop.locator("input.md-option:checked").focus()
    desktop.keyboard.press("Enter")
    scheme = desktop.get_attribute("body", "data-md-color-scheme") or ""
    focused = desktop.evaluate("document.activeElement.getAttribute('aria-label')")
    assert SCHEME_WORD[scheme] in focused


# --- colours ---------------------------------------------------------------------------------
CONTRAST = """(sel) => {
  const parse = c => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const bg = el => { for (let n = el; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c.length < 4 || c[3] === 1) return c.slice(0, 3);
      if (c[3] > 0) return c.slice(0, 3); }  // semi-transparent: treated as opaque (strict enough)
    return [255, 255, 255]; };
  const blend = (fg, back) => fg.length === 4
    ? fg.slice(0, 3).map((v, i) => v * fg[3] + back[i] * (1 - fg[3])) : fg;
  const el = document.querySelector(sel);
  const style = getComputedStyle(el);
  const back = bg(el);
  const fore = blend(parse(style.color), back);
  const [a, b] = [lum(fore), lum(back)].sort((x, y) => y - x);
  return {ratio: (a + 0.05) / (b + 0.05),
          underline: style.textDecorationLine.includes('underline')};
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_text_and_link_contrast(browser: Browser, base_url: str, scheme: str) -> None:
    context = new_context(browser, DESKTOP, scheme)
    page = context.new_page()
    page.goto(base_url + "/")
    assert page.get_attribute("body", "data-md-color-scheme") == (
        "slate" if scheme == "dark" else "default"
    )
    # A paragraph with an inline link, so the test does not depend on the demo content.
    page.evaluate(
        """() => document.querySelector('article.md-typeset').insertAdjacentHTML('afterbegin',
           '<p id="rh-probe">Text mit <a id="rh-link" href="#">einem Link</a> darin.</p>')"""
    )
    text = page.evaluate(CONTRAST, "#rh-probe")
    link = page.evaluate(CONTRAST, "#rh-link")
    footer_link = (
        page.evaluate(CONTRAST, ".md-footer a") if page.locator(".md-footer a").count() else None
    )
    context.close()
    assert text["ratio"] >= 7, f"body text {text['ratio']:.2f}:1 ({scheme})"
    assert link["ratio"] >= 4.5, f"link {link['ratio']:.2f}:1 ({scheme})"
    assert link["underline"], "links in running text must be underlined"
    if footer_link:
        assert footer_link["ratio"] >= 4.5 and footer_link["underline"], footer_link


# --- interactive states that page-load scans miss --------------------------------------------
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_mobile_drawer_open(
    browser: Browser, base_url: str, scheme: str, page_type: PageType
) -> None:
    context = new_context(browser, MOBILE, scheme)
    page = context.new_page()
    page.goto(f"{base_url}/{page_type.path}")
    page.locator(".rh-drawer-button").click()
    page.wait_for_timeout(300)
    violations = run_axe(page)
    context.close()
    assert not violations, violations


def test_menu_button_only_where_the_menu_is_hidden(browser: Browser, base_url: str) -> None:
    """Material's .md-header__button:not([hidden]) used to show the button at 1220 px and wider,
    where the navigation is always visible and the button did nothing."""
    for width, shown in ((1280, False), (1220, False), (1219, True), (390, True)):
        context = new_context(browser, {"width": width, "height": 800})
        page = context.new_page()
        page.goto(f"{base_url}/")
        visible = page.locator(".rh-drawer-button").is_visible()
        context.close()
        assert visible is shown, f"menu button visible={visible} at {width} px"


def test_footer_links_are_a_row_not_a_bulleted_list(desktop: Page, base_url: str) -> None:
    desktop.goto(f"{base_url}/")
    style = desktop.evaluate(
        """() => { const s = getComputedStyle(document.querySelector('.rh-footer__list'));
                   const li = getComputedStyle(document.querySelector('.rh-footer__list li'));
                   return [s.display, s.listStyleType, li.marginLeft]; }"""
    )
    assert style == ["flex", "none", "0px"]
