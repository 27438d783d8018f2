"""A list split into pages of at most ``per_page`` entries, and the navigation between them.

Shared by the news and the events lists (issue 8: no list page grows with the data), and
where the parts of an overview split by letters go (:func:`part_page`, for every overview). Plain
Python: source paths in, source paths and link data out; the plugins map paths to URLs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Url = Callable[[str], str]


@dataclass(frozen=True)
class PageLink:
    number: int
    url: str
    current: bool


@dataclass(frozen=True)
class Pager:
    """The page navigation of a paginated list; bounded whatever the number of pages."""

    label: str
    """``aria-label`` of the navigation, e.g. „Seiten der Meldungen“."""
    number: int
    total: int
    links: tuple[PageLink | None, ...]
    """The first and last page and those around the current one; ``None`` marks a gap."""
    previous: str | None
    next: str | None


def paged(first: str, folder: str, count: int, per_page: int) -> list[str]:
    """Source paths of a list split into pages: ``first``, then ``<folder>/seite-2.md`` …

    Always at least one page, so an empty list still has its page.
    """
    total = max(1, math.ceil(count / per_page))
    return [first] + [f"{folder}/seite-{n}.md" for n in range(2, total + 1)]


def part_page(page: str, slug: str) -> str:
    """Source path of a part: ``oeffnungszeiten.md`` → ``oeffnungszeiten/a-c.md``.

    The parts of a folder's ``index.md`` go to ``<folder>/a-z/``, beside the folder's other
    pages (``verwaltung/a-z/a-c.md``), never in their way.
    """
    if page == "index.md" or page.endswith("/index.md"):
        return f"{page.removesuffix('index.md')}a-z/{slug}.md"
    return f"{page.removesuffix('.md')}/{slug}.md"


def page_numbers(total: int, current: int, around: int = 2) -> list[int | None]:
    """Page numbers to link: the first, the last and ``around`` on each side of ``current``;
    ``None`` where numbers are left out. A gap of a single page shows that page instead."""
    shown = sorted(
        {1, total} | set(range(max(1, current - around), min(total, current + around) + 1))
    )
    numbers: list[int | None] = []
    for number in shown:
        last = numbers[-1] if numbers else None
        if last is not None and number - last == 2:
            numbers.append(last + 1)
        elif last is not None and number - last > 2:
            numbers.append(None)
        numbers.append(number)
    return numbers


def pager(pages: Sequence[str], url: Url, current: str, label: str) -> Pager | None:
    """The navigation between ``pages`` as seen from ``current``; ``None`` for a single page."""
    if len(pages) < 2:
        return None
    index = pages.index(current)
    links = tuple(
        None if n is None else PageLink(n, url(pages[n - 1]), n == index + 1)
        for n in page_numbers(len(pages), index + 1)
    )
    return Pager(
        label=label,
        number=index + 1,
        total=len(pages),
        links=links,
        previous=url(pages[index - 1]) if index > 0 else None,
        next=url(pages[index + 1]) if index + 1 < len(pages) else None,
    )
