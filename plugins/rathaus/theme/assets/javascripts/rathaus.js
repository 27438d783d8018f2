/*
 * Rathaus: keyboard support that Material for MkDocs 9.8 lacks (linked by partials/base.html).
 * No third-party code. Without JavaScript Material's own label-based controls remain.
 */
(function () {
  "use strict";

  /* Menu button (mobile drawer): Material's <label for="__drawer"> cannot take focus. */
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector(".rh-drawer-button");
  var sidebar = document.getElementById("__navigation");
  if (drawer && button && sidebar) {
    var sync = function () {
      button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    };
    var firstFocusable = function () {
      var candidates = sidebar.querySelectorAll("a[href], button, [tabindex='0']");
      for (var i = 0; i < candidates.length; i++) {
        if (candidates[i].getClientRects().length) return candidates[i];
      }
      return null;
    };
    // A click on the hidden checkbox toggles it and fires "change", which Material observes.
    drawer.addEventListener("change", sync);
    button.addEventListener("click", function () {
      drawer.click();
      if (drawer.checked) {
        var target = firstFocusable();
        if (target) target.focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.click();
        button.focus();
      }
    });
    // Tabbing out of the open drawer closes it, so focus never hides behind the overlay.
    sidebar.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (drawer.checked && next && !sidebar.contains(next) && next !== button) drawer.click();
    });
    sync();

    /* Drill-down panels in the drawer: Material leaves section labels and the "back" titles
       unfocusable, so keyboard users could neither open nor leave a panel. */
    var compact = matchMedia("(max-width: 76.234375em)");
    var panelLabels = sidebar.querySelectorAll(
      "label.md-nav__link[for]:not([tabindex]), label.md-nav__title[for]:not([for='__drawer'])"
    );
    var syncPanels = function () {
      for (var i = 0; i < panelLabels.length; i++) {
        if (compact.matches) panelLabels[i].setAttribute("tabindex", "0");
        else panelLabels[i].removeAttribute("tabindex");
      }
    };
    compact.addEventListener("change", syncPanels);
    syncPanels();
    sidebar.addEventListener("keydown", function (event) {
      // Enter is handled by Material for focused labels; Space should work like on a button.
      if (event.key === " " && event.target instanceof HTMLLabelElement) {
        event.preventDefault();
        event.target.click();
      }
    });
    // After a panel opens or closes by keyboard, put focus into it or back on its opener.
    sidebar.addEventListener("change", function (event) {
      var toggle = event.target;
      var active = document.activeElement;
      if (!compact.matches || !(active instanceof HTMLLabelElement)) return;
      if (active.htmlFor !== toggle.id) return;
      if (toggle.checked) {
        var panel = toggle.parentElement.querySelector(":scope > nav");
        var link = panel && panel.querySelector("a[href], [tabindex='0']");
        if (link) link.focus();
      } else {
        var opener = sidebar.querySelector("label.md-nav__link[for='" + toggle.id + "']");
        if (opener) opener.focus();
      }
    });
  }

  /* Search submit button: behave like Enter in the search field (open the best result). */
  var form = document.querySelector("form.md-search__form");
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = document.querySelector(".md-search-result__link");
      if (first) first.click();
    });
  }
})();
