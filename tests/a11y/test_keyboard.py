"""Keyboard access on one page of every page type: skip link, visible focus, mobile menu."""

from __future__ import annotations

from playwright.sync_api import Page

from conftest import PageType

TAB_STOPS = 25
# Describe document.activeElement: where it is and whether a focus indicator is drawn.
# A visually hidden radio (.md-option) draws its ring on the following label.
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
    classes: el.className,
    id: el.id,
    inContent: !!el.closest('.md-content'),
    inDrawer: !!el.closest('#__navigation'),
    ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
          || style.boxShadow !== 'none',
    visible: style.visibility === 'visible' && opacity > 0.5 && rect.width > 0 && rect.height > 0
             && rect.right > 0 && rect.bottom > 0
             && rect.left < innerWidth && rect.top < innerHeight,
  };
}"""


def tab(page: Page) -> dict[str, object] | None:
    page.keyboard.press("Tab")
    page.wait_for_timeout(50)  # transitions are off (reduced motion); let styles settle
    state: dict[str, object] | None = page.evaluate(FOCUS_STATE)
    return state


def test_skip_link_is_first_and_moves_focus_to_content(
    desktop: Page, base_url: str, page_type: PageType
) -> None:
    desktop.goto(f"{base_url}/{page_type.path}")
    first = tab(desktop)
    assert first is not None, "Tab focused nothing"
    assert "md-skip" in str(first["classes"]), f"first tab stop is not the skip link: {first}"
    assert first["visible"] and first["ring"], f"skip link focus not visible: {first}"
    assert desktop.evaluate("document.activeElement.textContent.trim()") == (
        "Zum Hauptinhalt springen"
    )
    desktop.keyboard.press("Enter")
    desktop.wait_for_timeout(50)
    assert desktop.evaluate("document.activeElement.id") == "hauptinhalt"
    following = tab(desktop)
    assert (
        following is None
        or following["inContent"]
        or "md-footer"
        in desktop.evaluate("document.activeElement.closest('footer')?.className ?? ''")
    ), f"after the skip link, Tab left the main content: {following}"


def test_focus_is_always_visible(desktop: Page, base_url: str, page_type: PageType) -> None:
    desktop.goto(f"{base_url}/{page_type.path}")
    seen = []
    for _ in range(TAB_STOPS):
        state = tab(desktop)
        if state is None:
            break
        seen.append(state["html"])
        assert state["visible"], f"invisible focus stop: {state}"
        assert state["ring"], f"focus stop without outline/box-shadow: {state}"
    assert len(seen) >= 3, f"too few tab stops: {seen}"


def test_mobile_menu_by_keyboard(mobile: Page, base_url: str, page_type: PageType) -> None:
    mobile.goto(f"{base_url}/{page_type.path}")
    # Links in the closed drawer must be neither focusable nor visible.
    hidden = mobile.evaluate(
        """() => [...document.querySelectorAll('#__navigation a[href]')]
              .every(a => getComputedStyle(a).visibility === 'hidden')"""
    )
    assert hidden, "links in the closed drawer are still visible to keyboard and screen readers"
    for _ in range(6):  # skip link, then the menu button (the logo is hidden on mobile)
        state = tab(mobile)
        assert state is not None
        assert not state["inDrawer"], f"closed drawer took focus: {state}"
        if "rh-drawer-button" in str(state["classes"]):
            break
    else:
        raise AssertionError("menu button not reachable by keyboard")
    assert state["visible"] and state["ring"], f"menu button focus not visible: {state}"
    button = mobile.locator(".rh-drawer-button")
    assert button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-label") == "Menü"

    mobile.keyboard.press("Enter")
    mobile.wait_for_timeout(300)
    assert mobile.evaluate("document.getElementById('__drawer').checked"), "Enter did not open"
    assert button.get_attribute("aria-expanded") == "true"
    opened = mobile.evaluate(FOCUS_STATE)
    assert opened is not None and opened["inDrawer"] and opened["visible"], opened
    for _ in range(5):  # walk into the drawer: every stop visible and inside it
        state = tab(mobile)
        assert state is not None and state["visible"] and state["ring"], state
        if not state["inDrawer"]:
            break

    mobile.keyboard.press("Escape")
    mobile.wait_for_timeout(300)
    assert not mobile.evaluate("document.getElementById('__drawer').checked"), "Escape: still open"
    assert button.get_attribute("aria-expanded") == "false"
    assert mobile.evaluate("document.activeElement.classList.contains('rh-drawer-button')")
    # Space works too (native button), and closes again.
    mobile.keyboard.press(" ")
    mobile.wait_for_timeout(300)
    assert mobile.evaluate("document.getElementById('__drawer').checked"), "Space did not open"
    mobile.keyboard.press("Escape")
    mobile.wait_for_timeout(300)
    assert mobile.evaluate(
        """() => [...document.querySelectorAll('#__navigation a[href]')]
              .every(a => getComputedStyle(a).visibility === 'hidden')"""
    ), "drawer links visible after closing"
