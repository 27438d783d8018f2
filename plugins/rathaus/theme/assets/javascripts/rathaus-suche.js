/*
 * Rathaus: the search page (rathaus/suche). Loads Pagefind's index from this site only when a
 * resident searches, ranks what residents look for first and lists the results as links.
 * Without JavaScript the page keeps its form and the links under „Nicht gefunden?“.
 *
 * Ranking: Pagefind's score times the weight of the page's kind (data-arten, from
 * rathaus.suche.ARTEN); on list pages (the A–Z, people, locations) a matching entry is a result
 * of its own. Words typed without umlauts (Buergerbuero, Strasse) are searched in both spellings.
 * Pages in Leichter Sprache rank first when the search came from a page in Leichter Sprache.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-rathaus-suchseite]");
  if (!root) return;
  var form = root.querySelector("form");
  var field = form && form.querySelector("input[type=search]");
  var status = root.querySelector("[data-suche-status]");
  var list = root.querySelector("[data-suche-treffer]");
  var withoutJs = root.querySelector("[data-suche-ohne-js]");
  if (!form || !field || !status || !list) return;
  if (withoutJs) withoutJs.hidden = true;

  var SHOWN = 20; // results listed
  var LOADED = 30; // pages whose data is fetched to rank them
  var LS_BOOST = 4;
  var base = new URL(root.getAttribute("data-basis") || "./", document.baseURI);
  var kinds = JSON.parse(root.getAttribute("data-arten") || "{}");
  var entryKinds = (root.getAttribute("data-eintrags-arten") || "").split(" ");
  var text = function (name, values) {
    var template = root.getAttribute("data-text-" + name) || "";
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return values && key in values ? values[key] : "";
    });
  };

  var pagefind = null;
  var load = function () {
    if (!pagefind) {
      // pageLength 0.3 (Pagefind: 0.75): the A–Z and other lists are long pages whose
      // entries are results of their own; a short excerpt keeps a phone's list scannable.
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (module) {
        return module
          .options({ baseUrl: base.pathname, excerptLength: 20, ranking: { pageLength: 0.3 } })
          .then(function () {
            return module;
          });
      });
    }
    return pagefind;
  };

  /* The spellings to search: as typed, and with ae/oe/ue/ss written as ä/ö/ü/ß. */
  var spellings = function (query) {
    var words = query.trim().replace(/\s+/g, " ");
    var umlauts = words.replace(/ae/g, "ä").replace(/oe/g, "ö").replace(/ue/g, "ü")
      .replace(/Ae/g, "Ä").replace(/Oe/g, "Ö").replace(/Ue/g, "Ü");
    var sharp = umlauts.replace(/ss/g, "ß");
    return [words, umlauts, sharp].filter(function (value, index, all) {
      return value && all.indexOf(value) === index;
    });
  };

  /* Pagefind's excerpt is HTML with <mark>: only its text and the marks are kept. */
  var excerpt = function (html) {
    var paragraph = document.createElement("p");
    paragraph.className = "rathaus-treffer__auszug";
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var nodes = parsed.body.firstChild ? parsed.body.firstChild.childNodes : [];
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    }
    return paragraph;
  };

  var subScore = function (sub) {
    var sum = 0;
    (sub.weighted_locations || []).forEach(function (location) {
      sum += location.balanced_score || location.weight || 0;
    });
    return sum || (sub.locations || []).length;
  };

  /* One page's data → the results it stands for (itself, or its matching entries). */
  var resultsOf = function (score, data, preferLs) {
    var meta = data.meta || {};
    var kind = meta.art || "seite";
    var ls = ((data.filters || {}).sprache || []).indexOf("leichte-sprache") >= 0;
    var known = kinds[kind] || { rang: 1, name: "" };
    var weight = known.rang * (ls && preferLs ? LS_BOOST : 1);
    if (entryKinds.indexOf(kind) >= 0) {
      var entries = (data.sub_results || []).filter(function (sub) {
        return sub.url !== data.url && sub.url.indexOf("#") > 0 && subScore(sub) > 0;
      });
      var best = Math.max.apply(null, entries.map(subScore).concat([0]));
      if (entries.length) {
        return entries
          .map(function (sub) {
            return {
              score: score * weight * (subScore(sub) / best),
              url: sub.url,
              title: sub.title,
              section: meta.title,
              excerpt: sub.excerpt,
              ls: ls,
            };
          })
          .sort(function (a, b) {
            return b.score - a.score;
          })
          .slice(0, 3);
      }
    }
    return [
      {
        score: score * weight,
        url: data.url,
        title: meta.title || data.url,
        section: meta.bereich || known.name,
        excerpt: data.excerpt,
        ls: ls,
      },
    ];
  };

  var render = function (query, results) {
    list.textContent = "";
    results.slice(0, SHOWN).forEach(function (result) {
      var item = document.createElement("li");
      item.className = "rathaus-treffer__eintrag";
      var heading = document.createElement("h2");
      heading.className = "rathaus-treffer__titel";
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.title;
      heading.appendChild(link);
      item.appendChild(heading);
      var where = [result.section, result.ls ? text("leichte-sprache") : ""].filter(Boolean);
      if (where.length) {
        var section = document.createElement("p");
        section.className = "rathaus-treffer__bereich";
        section.textContent = where.join(" · ");
        item.appendChild(section);
      }
      if (result.excerpt) item.appendChild(excerpt(result.excerpt));
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
    var count = Math.min(results.length, SHOWN);
    status.textContent = !count
      ? text("keine", { wort: query })
      : count === 1
        ? text("treffer-eins", { wort: query })
        : text("treffer", { n: count, wort: query });
  };

  var current = 0;
  var search = function (query, preferLs) {
    var run = ++current;
    status.textContent = text("laedt");
    return load()
      .then(function (module) {
        return Promise.all(
          spellings(query).map(function (spelling) {
            return module.search(spelling);
          })
        );
      })
      .then(function (answers) {
        var best = {};
        answers.forEach(function (answer) {
          ((answer && answer.results) || []).forEach(function (hit) {
            if (!best[hit.id] || best[hit.id].score < hit.score) best[hit.id] = hit;
          });
        });
        var hits = Object.keys(best)
          .map(function (id) {
            return best[id];
          })
          .sort(function (a, b) {
            return b.score - a.score;
          })
          .slice(0, LOADED);
        return Promise.all(
          hits.map(function (hit) {
            return hit.data().then(function (data) {
              return resultsOf(hit.score, data, preferLs);
            });
          })
        );
      })
      .then(function (groups) {
        if (run !== current) return;
        var seen = {};
        var results = [].concat.apply([], groups).filter(function (result) {
          if (seen[result.url]) return false;
          seen[result.url] = true;
          return true;
        });
        results.sort(function (a, b) {
          return b.score - a.score;
        });
        render(query, results);
      })
      .catch(function () {
        if (run !== current) return;
        list.hidden = true;
        status.textContent = text("fehler");
      });
  };

  var params = new URLSearchParams(window.location.search);
  var fromLs = params.get("sprache") === "leichte-sprache";
  form.addEventListener("submit", function (event) {
    var query = field.value.trim();
    event.preventDefault();
    if (!query) {
      field.focus();
      return;
    }
    var next = new URLSearchParams(window.location.search);
    next.set("suchwort", query);
    window.history.pushState(null, "", "?" + next.toString());
    search(query, fromLs);
  });
  window.addEventListener("popstate", function () {
    var query = new URLSearchParams(window.location.search).get("suchwort") || "";
    field.value = query;
    if (query.trim()) search(query.trim(), fromLs);
  });
  var initial = (params.get("suchwort") || "").trim();
  if (initial) {
    field.value = initial;
    search(initial, fromLs);
  }
})();
