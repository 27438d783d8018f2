"""Generate the few Material templates Rathaus has to copy, as patches of the originals.

Material for MkDocs hard-codes some markup outside any ``{% block %}`` (for example the
``autocomplete`` attribute on the drawer checkbox, or the skip link that only renders when
a page has a heading). Those templates are copied into the theme ``rathaus``
(``plugins/rathaus/theme/``) - but never edited by
hand: every copy is "the installed Material original + the patches below", written by::

    .venv/bin/python scripts/theme_copies.py          # (re)write the copies
    .venv/bin/python scripts/theme_copies.py --check  # exit 1 if a copy is stale

``tests/a11y/test_theme.py`` runs the check, so a Material upgrade that changes an original
fails the gate with a clear message instead of silently shipping an outdated copy
(``base.html`` even names the hashed CSS/JS bundles of one Material release).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import material

MATERIAL_VERSION = "9.8.1"
MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"
THEME = Path(__file__).resolve().parents[1] / "plugins" / "rathaus" / "theme"
ORIGINAL_BANNER = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
# Decorative icons: Chromium exposes an inline <svg> without aria-hidden as an unnamed image.
SVG_HIDDEN = "{% filter replace('<svg ', '<svg aria-hidden=\"true\" ') %}"


MENU_BUTTON = (
    '    <button type="button" class="md-header__button md-icon rh-drawer-button" '
    'aria-label="{{ _(\'Menü\') }}" aria-expanded="false" aria-controls="__navigation" '
    'title="{{ _(\'Menü\') }}">\n'
)

# An entry that does not hold the current page renders the same on every page: the
# rathaus/navigation plugin renders it once per build (plugins/rathaus/navigation/cache.py).
NAV_CACHED = """{indent}{{% if rathaus_nav_subtree is defined and not {item}.active %}}
{indent}  {{{{ rathaus_nav_subtree({args}) }}}}
{indent}{{% else %}}
{indent}  {{{{ {render}({args}) }}}}
{indent}{{% endif %}}
"""


# Text from mkdocs.yml, front matter and data must stay text (issue 12): Material prints
# site_name, site_description, site_author, copyright and the page's title, description and
# author as they are, and MkDocs' Jinja environment does not autoescape. Every title is plain
# text by the time a template prints it (rathaus/sicherheit turns the <h1> form MkDocs keeps
# into text), so `| e` never escapes twice; TOC entries are HTML text as Python-Markdown
# makes them, so they are stripped to text first, as Material does in aria-label.
ESCAPED_HEAD = (
    (
        '<meta name="description" content="{{ page.meta.description }}">',
        '<meta name="description" content="{{ page.meta.description | e }}">',
    ),
    (
        '<meta name="description" content="{{ config.site_description }}">',
        '<meta name="description" content="{{ config.site_description | e }}">',
    ),
    (
        '<meta name="author" content="{{ page.meta.author }}">',
        '<meta name="author" content="{{ page.meta.author | e }}">',
    ),
    (
        '<meta name="author" content="{{ config.site_author }}">',
        '<meta name="author" content="{{ config.site_author | e }}">',
    ),
    (
        "<title>{{ page.meta.title }} - {{ config.site_name }}</title>",
        "<title>{{ page.meta.title | e }} - {{ config.site_name | e }}</title>",
    ),
    (
        "<title>{{ page.title | striptags }} - {{ config.site_name }}</title>",
        "<title>{{ page.title | e }} - {{ config.site_name | e }}</title>",
    ),
    ("<title>{{ config.site_name }}</title>", "<title>{{ config.site_name | e }}</title>"),
)
SITE_NAME_LOGO = (
    'aria-label="{{ config.site_name }}" data-md-component="logo">',
    'aria-label="{{ config.site_name | e }}" data-md-component="logo">',
)


@dataclass(frozen=True)
class Copy:
    source: str  # path below material/templates
    target: str  # path below the theme folder
    why: str
    patches: tuple[tuple[str, str], ...]  # (old, new); every `old` must occur in the original


COPIES = (
    Copy(
        "base.html",
        "partials/base.html",
        "markup outside any block: autocomplete on checkboxes is invalid HTML (vnu); the skip "
        "link must render on every page, not only on pages with a heading, with a target that "
        "takes focus; the back-to-top icon must be aria-hidden; the theme links its own CSS "
        "and JS before the town's",
        (
            ('id="__drawer" autocomplete="off">', 'id="__drawer">'),
            # The theme's own CSS and JS (mkdocs_theme.yml) come before the town's extra_css
            # and extra_javascript, so a town's stylesheet wins.
            (
                "{% for path in config.extra_css %}",
                "{% for path in config.theme.rathaus_css + config.extra_css %}",
            ),
            (
                "{% for script in config.extra_javascript %}",
                "{% for script in config.theme.rathaus_javascript + config.extra_javascript %}",
            ),
            # Material's script needs its search toggle on every page; Rathaus has no search
            # dialog, so nothing labels it: a name keeps checkers (HTMLCS H91) quiet.
            ('id="__search" autocomplete="off">', 'id="__search" aria-label="{{ _(\'Suche\') }}">'),
            # rathaus/sprachen: Arabic and Farsi pages are right to left as a whole document.
            (
                '<html lang="{{ lang.t(\'language\') }}" class="no-js">',
                '<html lang="{{ lang.t(\'language\') }}" dir="{{ lang.t(\'direction\') }}" '
                'class="no-js">',
            ),
            (
                """      {% if page.toc | first is defined %}
        {% set skip = page.toc | first %}
        <a href="{{ skip.url | url }}" class="md-skip">
          {{ lang.t("action.skip") }}
        </a>
      {% endif %}
""",
                """      <a href="#hauptinhalt" class="md-skip">
        {{ lang.t("action.skip") }}
      </a>
""",
            ),
            (
                # The target is an empty sibling, not an ancestor of the content: Material names
                # code blocks after their closest ancestor with an id (__code_<id>), so an id on
                # .md-content gave every code block the same id.
                """          {% block container %}
            <div class="md-content" data-md-component="content">""",
                """          {% block container %}
            <div id="hauptinhalt" class="rh-skip-target" tabindex="-1"></div>
            <main class="md-content" data-md-component="content">""",
            ),
            # Landmarks: `main` holds the page's content only. Material's <main> also held the
            # navigation and the table of contents, so „jump to main“ landed in the menu.
            (
                """      <main class="md-main" data-md-component="main">""",
                """      <div class="md-main" data-md-component="main">""",
            ),
            # rathaus/suche: the content (not header, navigation or footer) is what Pagefind
            # indexes, with what the page is; partials/rathaus/suchmerkmale.html decides.
            (
                '<article class="md-content__inner md-typeset">',
                '<article class="md-content__inner md-typeset"'
                '{% include "partials/rathaus/suchmerkmale.html" %}>',
            ),
            (
                """              </article>
            </div>
          {% endblock %}""",
                """              </article>
            </main>
          {% endblock %}""",
            ),
            (
                """      </main>
      {% block footer %}""",
                """      </div>
      {% block footer %}""",
            ),
            (
                '<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" '
                'data-md-type="navigation"',
                # target of the menu button's aria-controls
                '<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" '
                'data-md-type="navigation" id="__navigation"',
            ),
            (
                '{% include "partials/top.html" %}',
                SVG_HIDDEN + '{% include "partials/top.html" %}{% endfilter %}',
            ),
            *ESCAPED_HEAD,
        ),
    ),
    Copy(
        "partials/header.html",
        "partials/header.html",
        "the menu label cannot take keyboard focus, so a real button (JS) is added and the label "
        "stays only as the no-JS fallback; the header is a banner, not a second nav landmark",
        (
            (
                """<nav class="md-header__inner md-grid" aria-label="{{ lang.t('header') }}">""",
                """<div class="md-header__inner md-grid">""",
            ),
            (
                """  </nav>
  {% if "navigation.tabs.sticky" in features %}""",
                """  </div>
  {% if "navigation.tabs.sticky" in features %}""",
            ),
            (
                """    <label class="md-header__button md-icon" for="__drawer">
      {% set icon = config.theme.icon.menu or "material/menu" %}
      {% include ".icons/" ~ icon ~ ".svg" %}
    </label>
""",
                """    {% set icon = config.theme.icon.menu or "material/menu" %}
    <label class="md-header__button md-icon rh-drawer-label" for="__drawer">
      {% include ".icons/" ~ icon ~ ".svg" %}
    </label>
"""
                + MENU_BUTTON
                + """      {% include ".icons/" ~ icon ~ ".svg" %}
    </button>
""",
            ),
            SITE_NAME_LOGO,
            # rathaus/suche: a plain form to the search page instead of Material's search
            # dialog; nothing of the search loads before a resident submits it.
            (
                """    {% if "material/search" in config.plugins %}
      {% set search = config.plugins["material/search"] | attr("config") %}
      {% if search.enabled %}
        <label class="md-header__button md-icon" for="__search">
          {% set icon = config.theme.icon.search or "material/magnify" %}
          {% include ".icons/" ~ icon ~ ".svg" %}
        </label>
        {% include "partials/search.html" %}
      {% endif %}
    {% endif %}""",
                """    {% include "partials/rathaus/suchfeld.html" %}""",
            ),
            (
                """          <span class="md-ellipsis">
            {{ config.site_name }}
          </span>""",
                """          <span class="md-ellipsis">
            {{ config.site_name | e }}
          </span>""",
            ),
            (
                """            {% if page.meta and page.meta.title %}
              {{ page.meta.title }}
            {% else %}
              {{ page.title }}
            {% endif %}""",
                """            {% if page.meta and page.meta.title %}
              {{ page.meta.title | e }}
            {% else %}
              {{ page.title | e }}
            {% endif %}""",
            ),
        ),
    ),
    Copy(
        "partials/palette.html",
        "partials/palette.html",
        "each radio was named after the toggle text of its own state (the light radio said "
        "'Dunkles Farbschema aktivieren'); it is now named after the scheme it selects, and the "
        "form without submit button (HTMLCS H32.2) becomes a named radio group",
        (
            (
                '<form class="md-header__option" data-md-component="palette">',
                '<div class="md-header__option" data-md-component="palette" role="radiogroup" '
                'aria-label="{{ _(\'Farbschema\') }}">',
            ),
            ("</form>", "</div>"),
            (
                '{% if option.toggle %} aria-label="{{ option.toggle.name }}" {% else %}',
                # The label shown while the *previous* scheme is active selects this one, so its
                # text ("Dunkles Farbschema aktivieren") names this radio.
                "{% set selector = config.theme.palette[loop.index0 - 1].toggle or option.toggle %}"
                '{% if option.toggle %} aria-label="{{ _(selector.name) | e }}" {% else %}',
            ),
            ('title="{{ option.toggle.name }}"', 'title="{{ _(option.toggle.name) | e }}"'),
        ),
    ),
    Copy(
        "partials/nav-item.html",
        "partials/nav-item.html",
        'navigation.sections renders tabindex="" (invalid HTML), the #__toc checkbox was '
        "rendered without a label on pages without a TOC, the TOC in the menu shared its "
        "landmark label with the sidebar TOC, and a section with an index page pointed "
        "aria-labelledby at a label that is not rendered or holds only an icon (empty name); "
        "the current page's link gets aria-current (Material marks it by colour only); entries "
        "without the current page come from rathaus/navigation's cache when it is enabled",
        (
            (
                '<a href="{{ index.url | url }}" class="md-nav__link {{ class }}">',
                '<a href="{{ index.url | url }}" class="md-nav__link {{ class }}"'
                '{% if index == page %} aria-current="page"{% endif %}>',
            ),
            (
                '<a href="{{ nav_item.url | url }}" class="md-nav__link md-nav__link--active">',
                '<a href="{{ nav_item.url | url }}" class="md-nav__link md-nav__link--active" '
                'aria-current="page">',
            ),
            (
                """                {{ render(item, path ~ "_" ~ loop.index, level + 1, nav_item) }}
""",
                NAV_CACHED.format(
                    indent="                ",
                    args='item, path ~ "_" ~ loop.index, level + 1, nav_item',
                    item="item",
                    render="render",
                ),
            ),
            (
                'id="{{ path }}_label" tabindex="{{ tabindex }}">',
                'id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>',
            ),
            (
                """<nav class="md-nav" data-md-level="{{ level }}" aria-labelledby="{{ path }}_label" """,  # noqa: E501
                """{% if index %}
          {% set labelled = 'aria-label="' ~ (nav_item.title | e) ~ '"' %}
        {% else %}
          {% set labelled = 'aria-labelledby="' ~ path ~ '_label"' %}
        {% endif %}
        <nav class="md-nav" data-md-level="{{ level }}" {{ labelled }} """,
            ),
            (
                """      <input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">
      {% set first = toc | first %}
      {% if first and first.level == 1 %}
        {% set toc = first.children %}
      {% endif %}
      {% if toc %}
""",
                """      {% set first = toc | first %}
      {% if first and first.level == 1 %}
        {% set toc = first.children %}
      {% endif %}
      {% if toc %}
        <input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">
""",
            ),
            (
                """      {% if toc %}
        {% include "partials/toc.html" %}""",
                """      {% if toc %}
        {% set toc_in_menu = true %}
        {% include "partials/toc.html" %}""",
            ),
            (
                """  {% else %}
    {{ nav_item.title }}
  {% endif %}""",
                """  {% else %}
    {{ nav_item.title | e }}
  {% endif %}""",
            ),
            (
                "<small>{{ nav_item.meta.subtitle }}</small>",
                "<small>{{ nav_item.meta.subtitle | e }}</small>",
            ),
            # The status comes from front matter and becomes part of a class attribute.
            ('<span class="{{ class }}"', '<span class="{{ class | e }}"'),
            (
                'title="{{ config.extra.status[type] }}"',
                'title="{{ config.extra.status[type] | e }}"',
            ),
        ),
    ),
    Copy(
        "partials/nav.html",
        "partials/nav.html",
        "top-level entries without the current page come from rathaus/navigation's cache "
        "when it is enabled",
        (
            (
                """      {{ item.render(nav_item, path, 1) }}
""",
                NAV_CACHED.format(
                    indent="      ", args="nav_item, path, 1", item="nav_item", render="item.render"
                ),
            ),
            SITE_NAME_LOGO,
            (
                """    </a>
    {{ config.site_name }}
  </label>""",
                """    </a>
    {{ config.site_name | e }}
  </label>""",
            ),
        ),
    ),
    Copy(
        "partials/toc.html",
        "partials/toc.html",
        "the TOC inside the menu and the sidebar TOC were two nav landmarks with the same label, "
        "and the sidebar title was a label for #__toc even on pages where no #__toc exists",
        (
            (
                '<nav class="md-nav md-nav--secondary" aria-label="{{ title | e }}">',
                '<nav class="md-nav md-nav--secondary" aria-label="{{ title | e }}'
                '{% if toc_in_menu %} {{ _(\'im Menü\') }}{% endif %}">',
            ),
            (
                """    <label class="md-nav__title" for="__toc">
      <span class="md-nav__icon md-icon"></span>
      {{ title }}
    </label>""",
                """    {% if toc_in_menu %}
      <label class="md-nav__title" for="__toc">
        <span class="md-nav__icon md-icon"></span>
        {{ title | e }}
      </label>
    {% else %}
      <div class="md-nav__title">{{ title | e }}</div>
    {% endif %}""",
            ),
        ),
    ),
)


COPIES = (
    *COPIES,
    Copy(
        "partials/toc-item.html",
        "partials/toc-item.html",
        "every heading with subheadings became its own nav landmark named after the heading, and "
        "as the TOC renders twice (menu and sidebar) those labels were duplicated; the nested "
        "lists are plain groups of the one TOC landmark",
        (
            (
                '<nav class="md-nav" aria-label="{{ toc_item.title | striptags | e }}">',
                '<div class="md-nav">',
            ),
            ("    </nav>\n  {% endif %}", "    </div>\n  {% endif %}"),
            (
                """      {% else %}
        {{ toc_item.title }}
      {% endif %}""",
                """      {% else %}
        {{ toc_item.title | striptags | e }}
      {% endif %}""",
            ),
            # Heading ids come from attr_list ({: #…}) as the editor wrote them.
            ('<a href="{{ toc_item.url }}"', '<a href="{{ toc_item.url | e }}"'),
        ),
    ),
    Copy(
        "partials/content.html",
        "partials/content.html",
        "the heading printed for a page without <h1> is its title as text (issue 12)",
        (
            (
                "<h1>{{ page.title | d(config.site_name, true)}}</h1>",
                "<h1>{{ page.title | d(config.site_name, true) | e }}</h1>",
            ),
        ),
    ),
    Copy(
        "partials/copyright.html",
        "partials/copyright.html",
        "copyright in mkdocs.yml is text, not HTML (issue 12)",
        (("      {{ config.copyright }}\n", "      {{ config.copyright | e }}\n"),),
    ),
    Copy(
        "partials/path-item.html",
        "partials/path-item.html",
        "the breadcrumb prints nav titles as text (issue 12)",
        (("    {{ nav_item.title }}\n", "    {{ nav_item.title | e }}\n"),),
    ),
    Copy(
        "partials/tabs-item.html",
        "partials/tabs-item.html",
        "the tabs (navigation.tabs) print nav titles as text (issue 12)",
        (("  {{ ref.title }}\n", "  {{ ref.title | e }}\n"),),
    ),
    Copy(
        "partials/source-file.html",
        "partials/source-file.html",
        "revision_date from front matter is text; the git plugins' dates stay HTML (issue 12)",
        (
            (
                "{% set updated = page.meta.revision_date %}",
                "{% set updated = page.meta.revision_date | e %}",
            ),
        ),
    ),
)


def render(copy: Copy) -> str:
    """Return the text of the copy: the installed original with the patches applied."""
    text = (MATERIAL_TEMPLATES / copy.source).read_text(encoding="utf-8")
    if not text.startswith(ORIGINAL_BANNER):
        raise SystemExit(f"{copy.source}: unexpected banner, Material changed its templates")
    text = text.removeprefix(ORIGINAL_BANNER)
    for old, new in copy.patches:
        count = text.count(old)
        if count == 0:
            raise SystemExit(f"{copy.source}: patch no longer applies (Material changed):\n{old}")
        text = text.replace(old, new)
    header = (
        "{#-\n"
        f"  Copied from Material for MkDocs {MATERIAL_VERSION}, templates/{copy.source}.\n"
        f"  Why: {copy.why}.\n"
        "  Generated by scripts/theme_copies.py - edit the patches there, not this file.\n"
        "-#}\n"
    )
    return header + text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report stale copies")
    args = parser.parse_args()
    installed = version("mkdocs-material")
    if installed != MATERIAL_VERSION:
        print(f"Material {installed} installed, copies are for {MATERIAL_VERSION}: review the")
        print("patches in scripts/theme_copies.py, then bump MATERIAL_VERSION.")
        return 1
    stale = []
    for copy in COPIES:
        target = THEME / copy.target
        text = render(copy)
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(copy.target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    if stale:
        print("stale theme copies (run scripts/theme_copies.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
