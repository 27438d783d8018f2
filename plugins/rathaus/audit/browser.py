"""The audit's checks in a real browser (headless Chromium driven by Playwright), on any site
built with the Rathaus theme: reflow at 320 px and at 200 % zoom, no request to a third party,
axe-core's WCAG 2.2 AA rules on every page, the skip link, a visible focus on every tab stop,
no focused element covered by other content tabbing forwards and backwards at 1280 and
320 px (WCAG 2.2 SC 2.4.11), the mobile menu by keyboard, and the typography of Leichte
Sprache (BITV 2.0 Anlage 2 Teil 2).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from .. import texte
from .reports import CHROMIUM_ARGS, Finding

DESKTOP = {"width": 1280, "height": 1024}
MOBILE = {"width": 390, "height": 844}
REFLOW = {
    "320 px": {"width": 320, "height": 640},
    # 200 % zoom of a 1280x1024 window: the layout sees 640x512 CSS px (WCAG 1.4.4/1.4.10).
    "200 % Zoom": {"width": 640, "height": 512},
}
TAB_STOPS = 25
SKIP_TARGET = "hauptinhalt"  # id of <main> in the theme; the skip link points there
NO_SCROLL_X = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
# Where document.activeElement is and whether a focus indicator is drawn. A visually hidden
# radio (.md-option) draws its ring on the following label.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const shown = el.matches('.md-option') ? el.nextElementSibling : el;
  const style = getComputedStyle(shown);
  const rect = shown.getBoundingClientRect();
  let opacity = 1;
  for (let n = shown; n instanceof Element; n = n.parentElement) {
    opacity *= parseFloat(getComputedStyle(n).opacity);
  }
  return {
    html: el.outerHTML.slice(0, 120),
    classes: String(el.className),
    id: el.id,
    text: el.textContent.trim().slice(0, 60),
    inContent: !!el.closest('.md-content'),
    inFooter: !!el.closest('footer'),
    inDrawer: !!el.closest('#__navigation'),
    ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
          || style.boxShadow !== 'none',
    visible: style.visibility === 'visible' && opacity > 0.5 && rect.width > 0 && rect.height > 0
             && rect.right > 0 && rect.bottom > 0
             && rect.left < innerWidth && rect.top < innerHeight,
  };
}"""
# Is the focused element covered by other content (a sticky header, a floating button)?
# Four points just inside its corners that lie in the viewport must hit the element itself;
# an element entirely outside the viewport counts as hidden. Partly beyond the viewport's
# edge is the browser's scrolling, not an author's overlay (WCAG 2.2 SC 2.4.11).
OBSCURED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const shown = el.matches('.md-option') ? el.nextElementSibling : el;
  // A link that wraps has one box per line; the corners of their union lie on other text.
  const boxes = [...shown.getClientRects()].filter(r => r.width > 0 && r.height > 0);
  if (!boxes.length) return {html: el.outerHTML.slice(0, 120), by: null};
  const inside = ([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
  const points = boxes.flatMap(r => [[r.left + 2, r.top + 2], [r.right - 2, r.top + 2],
                                     [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]]);
  const visible = points.filter(inside);
  if (!visible.length) return {html: el.outerHTML.slice(0, 120), by: 'außerhalb des Fensters'};
  for (const [x, y] of visible) {
    const hit = document.elementFromPoint(x, y);
    if (hit && !shown.contains(hit) && !hit.contains(shown)) {
      return {html: el.outerHTML.slice(0, 120), by: hit.outerHTML.slice(0, 80)};
    }
  }
  return {html: el.outerHTML.slice(0, 120), by: null};
}"""
FOCUS_WIDTHS = {"1280 px": DESKTOP, "320 px": {"width": 320, "height": 640}}
FOCUS_STOPS = 150  # per direction and page; enough for every stop of a generated page
DRAWER_LINKS_HIDDEN = """() => [...document.querySelectorAll('#__navigation a[href]')]
    .every(a => getComputedStyle(a).visibility === 'hidden')"""
# Every element with text of its own inside the Leichte Sprache wrapper, with its style.
LS_STYLES = """() => {
  const root = document.querySelector('article .rathaus-leichte-sprache');
  if (!root) return null;
  const out = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const s = getComputedStyle(el);
    out.push({tag: el.tagName.toLowerCase(), text: el.textContent.trim().slice(0, 40),
      fontSize: parseFloat(s.fontSize), lineHeight: s.lineHeight, textAlign: s.textAlign,
      hyphens: s.hyphens || s.webkitHyphens, fontStyle: s.fontStyle});
  }
  return out;
}"""
BODY_FONT_SIZE = """() => {
  const p = document.querySelector('article p');
  return p && !p.closest('.rathaus-leichte-sprache') ? parseFloat(getComputedStyle(p).fontSize)
                                                     : null;
}"""
LS_TEXT_TAGS = {"p", "li", "dd", "dt", "address"}
LS_PAGES = 3  # LS pages measured; they share one stylesheet


class BrowserChecks:
    """One Chromium for all checks; each check opens its own context (fresh storage)."""

    def __init__(self, browser: Browser, base_url: str, log: Callable[[str], None]) -> None:
        self.browser = browser
        self.base_url = base_url.rstrip("/")
        self.log = log

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path}"

    @contextmanager
    def page(self, viewport: dict[str, int]) -> Iterator[Page]:
        context = self._context(viewport)
        try:
            yield context.new_page()
        finally:
            context.close()

    def _context(self, viewport: dict[str, int]) -> BrowserContext:
        context = self.browser.new_context(
            viewport=viewport,  # type: ignore[arg-type]
            locale="de-DE",
            reduced_motion="reduce",
        )
        context.set_default_timeout(15_000)  # a local static site: fail fast
        return context

    def reflow(self, paths: list[str]) -> list[Finding]:
        findings = []
        for name, viewport in REFLOW.items():
            with self.page(viewport) as page:
                for path in paths:
                    page.goto(self.url(path))
                    if not page.evaluate(NO_SCROLL_X):
                        width = page.evaluate("document.documentElement.scrollWidth")
                        findings.append(
                            Finding(
                                f"Umbruch bei {name}",
                                path or "/",
                                f"Seite muss seitlich gescrollt werden ({width} px breit, "
                                f"Fenster {viewport['width']} px; WCAG 1.4.10)",
                            )
                        )
        return findings

    def requests(self, paths: list[str]) -> list[Finding]:
        context = self._context(DESKTOP)
        seen: list[tuple[str, str]] = []
        current = [""]
        context.on("request", lambda request: seen.append((current[0], request.url)))
        page = context.new_page()
        for path in paths:
            current[0] = path or "/"
            page.goto(self.url(path), wait_until="networkidle")
        # The search loads its index only when used: search from the header's field (a wide
        # window shows it) on the first page that has one.
        for path in paths[:2]:
            current[0] = (path or "/") + " (Suche)"
            page.goto(self.url(path), wait_until="networkidle")
            field = page.locator("form[role=search] input[type=search]")
            if field.count():
                field.first.fill("Rathaus")
                field.first.press("Enter")
                page.wait_for_load_state("networkidle")
                break
        page.wait_for_load_state("networkidle")
        context.close()
        if not seen:
            return [
                Finding("Anfragen an Dritte", "", "keine Anfrage aufgezeichnet: Prüfung defekt")
            ]
        outside: dict[str, str] = {}  # third-party URL -> first page that asked for it
        for where, url in seen:
            if urlsplit(url).hostname != urlsplit(self.base_url).hostname and not url.startswith(
                ("data:", "blob:")
            ):
                outside.setdefault(url, where)
        return [
            Finding(
                "Anfragen an Dritte",
                where,
                f"lädt {url} von einem fremden Server, ohne dass jemand eingewilligt hat",
            )
            for url, where in outside.items()
        ]

    def keyboard(self, paths: list[str]) -> list[Finding]:
        findings = []
        for path in paths:
            with self.page(DESKTOP) as page:
                findings += _skip_link(page, self.url(path), path or "/")
            with self.page(DESKTOP) as page:
                findings += _focus_visible(page, self.url(path), path or "/")
            with self.page(MOBILE) as page:
                findings += _mobile_menu(page, self.url(path), path or "/")
        return findings

    def focus_not_obscured(self, paths: list[str]) -> list[Finding]:
        """Tab forwards from the top and backwards from the end of each page: no focused
        element may be covered (WCAG 2.2 SC 2.4.11)."""
        findings = []
        for name, viewport in FOCUS_WIDTHS.items():
            with self.page(viewport) as page:
                for path in paths:
                    for key in ("Tab", "Shift+Tab"):
                        page.goto(self.url(path))
                        if key == "Shift+Tab":
                            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
                            page.evaluate("document.body.tabIndex = -1")
                            page.focus("body")
                        found = _obscured(page, key)
                        if found:
                            direction = "vorwärts" if key == "Tab" else "rückwärts"
                            findings.append(
                                Finding(
                                    f"Tastatur: Fokus verdeckt ({name})",
                                    path or "/",
                                    f"mit Tab {direction}: {found}",
                                )
                            )
        return findings

    def wcag22(self, paths: list[str], axe_js: Path) -> list[Finding]:
        """axe-core's WCAG 2.2 AA rules (target size, SC 2.5.8) on every page, on a desktop
        and at 320 px, where controls are closest: pa11y-ci runs axe with the WCAG 2.0/2.1
        tags only and refuses 2.2 rules for HTML_CodeSniffer."""
        findings = []
        for width, viewport in FOCUS_WIDTHS.items():
            context = self.browser.new_context(
                viewport=viewport,  # type: ignore[arg-type]
                locale="de-DE",
                reduced_motion="reduce",
                bypass_csp=True,  # the site's policy would block the injected axe-core
            )
            page = context.new_page()
            for path in paths:
                page.goto(self.url(path))
                page.add_script_tag(path=str(axe_js))
                result = page.evaluate(
                    "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag22aa']}})"
                )
                for violation in result["violations"]:
                    for node in violation["nodes"]:
                        findings.append(
                            Finding(
                                f"WCAG 2.2 AA (axe, {width})",
                                path or "/",
                                f"{violation['help']} (Element: {' '.join(node['target'])}; "
                                f"{violation['id']})",
                            )
                        )
            context.close()
        return findings

    def leichte_sprache(self, standard: list[str], ls_pages: list[str]) -> list[Finding]:
        if not ls_pages:
            return []
        check = "Leichte Sprache: Schrift"
        with self.page(DESKTOP) as page:
            base = None
            for path in standard:
                page.goto(self.url(path))
                base = page.evaluate(BODY_FONT_SIZE)
                if base:
                    break
            if not base:
                return [
                    Finding(check, "", "keine Seite in Alltags-Sprache mit Absatz zum Vergleich")
                ]
            findings = []
            for path in ls_pages[:LS_PAGES]:
                page.goto(self.url(path))
                styles = page.evaluate(LS_STYLES)
                if not styles:
                    findings.append(Finding(check, path, "kein Text in Leichter Sprache gefunden"))
                    continue
                findings += [Finding(check, path, p) for p in _ls_problems(styles, float(base))]
        return findings


def _ls_problems(styles: list[dict[str, Any]], standard: float) -> list[str]:
    problems = []
    for s in styles:
        where = f"<{s['tag']}> „{s['text']}“"
        size = s["fontSize"]
        if s["tag"] in LS_TEXT_TAGS and size < 1.2 * standard - 0.01:
            problems.append(f"{where}: Schrift {size} px, kleiner als 1,2 × {standard} px")
        height = s["lineHeight"]
        if height == "normal" or float(height.removesuffix("px")) < 1.5 * size - 0.01:
            problems.append(f"{where}: Zeilenabstand {height} bei {size} px, unter 1,5")
        if s["textAlign"] not in {"left", "start"}:
            problems.append(f"{where}: nicht linksbündig ({s['textAlign']})")
        if s["hyphens"] not in {"none", "manual"}:
            problems.append(f"{where}: automatische Silbentrennung ({s['hyphens']})")
        if s["fontStyle"] != "normal":
            problems.append(f"{where}: kursiv ({s['fontStyle']})")
    return problems


def _tab(page: Page) -> dict[str, Any] | None:
    page.keyboard.press("Tab")
    page.wait_for_timeout(50)  # transitions are off (reduced motion); let styles settle
    state: dict[str, Any] | None = page.evaluate(FOCUS_STATE)
    return state


def _obscured(page: Page, key: str) -> str | None:
    """The first focus stop that is covered, described; None when every stop is visible."""
    first = None
    for _ in range(FOCUS_STOPS):
        page.keyboard.press(key)
        state: dict[str, Any] | None = page.evaluate(OBSCURED)
        if state is None or state["html"] == first:
            return None  # left the page or went round once
        first = first or state["html"]
        for _ in range(3):
            if not (state and state["by"]):
                break
            # Scripts react to focus (Material opens the search on it) and a busy machine
            # lays out late: judge the settled page.
            page.wait_for_timeout(300)
            state = page.evaluate(OBSCURED)
        if state and state["by"]:
            return f"{state['html']} ist verdeckt von {state['by']}"
    return None


def _skip_link(page: Page, url: str, where: str) -> list[Finding]:
    check = "Tastatur: Sprunglink"
    page.goto(url)
    first = _tab(page)
    if first is None or "md-skip" not in first["classes"]:
        found = first["html"] if first else "nichts"
        return [Finding(check, where, f"erster Tab-Halt ist nicht der Sprunglink, sondern {found}")]
    if not (first["visible"] and first["ring"]):
        return [Finding(check, where, "Sprunglink ist beim Fokus nicht sichtbar")]
    page.keyboard.press("Enter")
    page.wait_for_timeout(50)
    if page.evaluate("document.activeElement.id") != SKIP_TARGET:
        return [Finding(check, where, "Sprunglink setzt den Fokus nicht auf den Hauptinhalt")]
    following = _tab(page)
    if following and not (following["inContent"] or following["inFooter"]):
        return [Finding(check, where, f"nach dem Sprunglink führt Tab aus dem Inhalt: {following}")]
    return []


def _focus_visible(page: Page, url: str, where: str) -> list[Finding]:
    check = "Tastatur: sichtbarer Fokus"
    page.goto(url)
    stops = 0
    for _ in range(TAB_STOPS):
        state = _tab(page)
        if state is None:
            break
        stops += 1
        if not state["visible"]:
            return [Finding(check, where, f"Tab-Halt {stops} ist unsichtbar: {state['html']}")]
        if not state["ring"]:
            return [Finding(check, where, f"Tab-Halt {stops} ohne Fokusrahmen: {state['html']}")]
    if stops < 3:
        return [Finding(check, where, f"nur {stops} Tab-Halte erreichbar")]
    return []


MENU_TAB_STOPS = 15


def _menu_label(language: str) -> str | None:
    """The menu button's name on a page in ``language``: „Menü“ on German pages, else its
    translation in the catalogue Rathaus ships; ``None`` (any name) for a language whose
    catalogue only the town has."""
    if language == texte.DEUTSCH.code:
        return "Menü"
    sprache = texte.BEKANNT.get(language)
    if sprache is None or texte.catalog_path(language, ()) is None:
        return None
    return texte.load(sprache).katalog.gettext("Menü")


def _mobile_menu(page: Page, url: str, where: str) -> list[Finding]:
    check = "Tastatur: Menü auf dem Handy"
    page.goto(url)
    if not page.evaluate(DRAWER_LINKS_HIDDEN):
        return [
            Finding(check, where, "Links im geschlossenen Menü sind sichtbar oder fokussierbar")
        ]
    # The skip link, the language bar (Leichte Sprache, Gebärdensprache and the language
    # picker of a site with several languages), then the menu button.
    for _ in range(MENU_TAB_STOPS):
        state = _tab(page)
        if state is None:
            break
        if state["inDrawer"]:
            return [Finding(check, where, f"geschlossenes Menü bekommt den Fokus: {state['html']}")]
        if "rh-drawer-button" in state["classes"]:
            break
    if state is None or "rh-drawer-button" not in state["classes"]:
        return [Finding(check, where, "Menü-Knopf ist mit Tab nicht erreichbar")]
    if not (state["visible"] and state["ring"]):
        return [Finding(check, where, "Menü-Knopf ist beim Fokus nicht sichtbar")]
    button = page.locator(".rh-drawer-button")
    problems = []
    expected = _menu_label(str(page.evaluate("document.documentElement.lang")))
    label = button.get_attribute("aria-label") or ""
    if not label.strip() or (expected is not None and label != expected):
        problems.append(f"Menü-Knopf heißt für Screenreader nicht „{expected or 'Menü'}“")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    opened = page.evaluate(FOCUS_STATE)
    if not page.evaluate("document.getElementById('__drawer').checked"):
        problems.append("Enter öffnet das Menü nicht")
    elif button.get_attribute("aria-expanded") != "true":
        problems.append("offenes Menü meldet aria-expanded nicht als true")
    elif not (opened and opened["inDrawer"] and opened["visible"]):
        problems.append("nach dem Öffnen steht der Fokus nicht im Menü")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    if page.evaluate("document.getElementById('__drawer').checked"):
        problems.append("Escape schließt das Menü nicht")
    elif not page.evaluate("document.activeElement.classList.contains('rh-drawer-button')"):
        problems.append("nach Escape steht der Fokus nicht wieder auf dem Menü-Knopf")
    elif not page.evaluate(DRAWER_LINKS_HIDDEN):
        problems.append("nach dem Schließen sind Links im Menü noch sichtbar")
    return [Finding(check, where, p) for p in problems]


def run_browser_checks(
    chromium: str,
    axe_js: Path,
    base_url: str,
    paths: list[str],
    representatives: list[str],
    ls_pages: list[str],
    log: Callable[[str], None],
) -> list[Finding]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        try:
            checks = BrowserChecks(browser, base_url, log)
            findings = checks.reflow(paths)
            log("Umbruch bei 320 px und 200 % Zoom geprüft")
            findings += checks.wcag22(paths, axe_js)
            log("WCAG 2.2 AA (axe) bei 1280 und 320 px geprüft")
            findings += checks.requests(paths)
            log("Anfragen an Dritte geprüft")
            findings += checks.keyboard(representatives)
            findings += checks.focus_not_obscured(representatives)
            log("Tastatur geprüft")
            standard = [p for p in representatives if p not in ls_pages]
            findings += checks.leichte_sprache(standard, ls_pages)
        finally:
            browser.close()
    return findings
