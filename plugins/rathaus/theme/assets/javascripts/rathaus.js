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

  /*
   * Filter boxes over long lists (fragment filter.html): hidden without JavaScript, so the
   * page stays the full list. An entry stays when it contains every word typed; umlauts
   * count also as ae/oe/ue and ß as ss, as many people type them on a phone.
   */
  var fold = function (text) {
    return text
      .toLowerCase()
      .replace(/ä/g, "ae")
      .replace(/ö/g, "oe")
      .replace(/ü/g, "ue")
      .replace(/ß/g, "ss")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[·:*\/-]/g, "");
  };
  var lists = document.querySelectorAll("[data-rathaus-filter]");
  for (var n = 0; n < lists.length; n++) {
    (function (list) {
      var box = list.querySelector(".rathaus-filter");
      var field = box && box.querySelector("input");
      var status = box && box.querySelector("[role=status]");
      if (!field || !status) return;
      var entries = list.querySelectorAll("[data-eintrag]");
      var groups = list.querySelectorAll("[data-gruppe]");
      var browsing = list.querySelectorAll("[data-filter-verbergen]");
      var texts = [];
      for (var i = 0; i < entries.length; i++) texts.push(fold(entries[i].textContent));
      var apply = function () {
        var words = fold(field.value).split(/\s+/).filter(Boolean);
        var shown = 0;
        for (var i = 0; i < entries.length; i++) {
          var hit = words.every(function (word) {
            return texts[i].indexOf(word) >= 0;
          });
          entries[i].hidden = !hit;
          if (hit) shown++;
        }
        for (var g = 0; g < groups.length; g++) {
          groups[g].hidden = !groups[g].querySelector("[data-eintrag]:not([hidden])");
        }
        for (var b = 0; b < browsing.length; b++) browsing[b].hidden = words.length > 0;
        status.textContent = !words.length
          ? ""
          : shown
            ? box.getAttribute("data-text-treffer").replace("{n}", shown).replace("{m}", entries.length)
            : box.getAttribute("data-text-keine");
      };
      box.hidden = false;
      field.addEventListener("input", apply);
      var query = new URLSearchParams(window.location.search).get("suchwort");
      if (query) {
        field.value = query;
        apply();
      }
    })(lists[n]);
  }

  /*
   * WCAG 2.2 SC 2.4.11: Chromium does not scroll a focused element that is already partly
   * on screen, so a tall one (a video) reached by Shift+Tab stayed half under the sticky
   * header. Keyboard focus only: a click never moves the page.
   */
  var header = document.querySelector(".md-header");
  var byKeyboard = false; // a <video> never matches :focus-visible in Chromium
  document.addEventListener("keydown", function (event) {
    if (event.key === "Tab") byKeyboard = true;
  });
  document.addEventListener("mousedown", function () {
    byKeyboard = false;
  });
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (!header || !byKeyboard || !target.getBoundingClientRect) return;
    var box = target.getBoundingClientRect();
    var top = header.getBoundingClientRect().bottom + 8;
    if (box.top < top && box.bottom > 0) {
      window.scrollBy(0, box.top - top);
    } else if (box.bottom > window.innerHeight && box.height < window.innerHeight - top) {
      window.scrollBy(0, box.bottom - window.innerHeight + 8);
    }
  });
})();
