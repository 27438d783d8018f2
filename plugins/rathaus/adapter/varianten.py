"""The navigation of a variant of the site (Leichte Sprache, a language): the standard
navigation with each page replaced by its counterpart in the variant."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def mirror_navigation(
    nav: Navigation,
    files: Files,
    counterpart: Mapping[str, str],
    start: str,
    belongs: Callable[[str], bool],
    *,
    sections: bool = True,
) -> Navigation:
    """The variant's navigation: where the standard one has a page with a counterpart
    (``counterpart``: standard path → variant path), the counterpart takes its place.

    Sections without any page of the variant are left out; the variant's start page comes
    first, and its pages without a standard counterpart (``belongs``) are added at the end.
    ``sections=False``: one flat list (a section's title is the town's German text).
    """
    used: set[str] = set()

    def mirror(items: list[Any]) -> list[Any]:
        result: list[Any] = []
        for item in items:
            if isinstance(item, Page):
                other = counterpart.get(item.file.src_uri)
                file = files.get_file_from_path(other) if other else None
                if file is not None and isinstance(file.page, Page) and other not in used:
                    used.add(file.src_uri)
                    result.append(file.page)
            elif isinstance(item, Section):
                children = mirror(item.children)
                if children and sections:
                    result.append(Section(item.title, children))
                else:
                    result.extend(children)
        return result

    items = mirror(nav.items)
    index = files.get_file_from_path(start)
    if index is not None and isinstance(index.page, Page) and index.src_uri not in used:
        items.insert(0, index.page)
        used.add(index.src_uri)
    paired = set(counterpart.values())
    for file in files.documentation_pages():
        if (
            belongs(file.src_uri)
            and file.src_uri not in used
            and file.src_uri not in paired
            and isinstance(file.page, Page)
        ):
            items.append(file.page)
            used.add(file.src_uri)
    pages = _pages_of(items)
    for item in items:
        _set_parents(item, None)
    for before, after in zip([None, *pages], [*pages, None], strict=False):
        if before is not None:
            before.next_page = after
        if after is not None:
            after.previous_page = before
    mirrored = Navigation(items, pages)
    mirrored.homepage = nav.homepage
    return mirrored


def _pages_of(items: list[Any]) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif isinstance(item, Section):
            pages.extend(_pages_of(item.children))
    return pages


def _set_parents(item: Any, parent: Section | None) -> None:
    item.parent = parent
    if isinstance(item, Section):
        for child in item.children:
            _set_parents(child, item)
