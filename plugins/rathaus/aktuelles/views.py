"""What the news templates and the feed see: plain data prepared from the posts.

No MkDocs here: URLs come from callbacks the adapter provides.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

from ..escaping import xml_text
from ..german import datum
from ..model import Site
from ..pagination import paged
from .posts import Post

BERLIN = ZoneInfo("Europe/Berlin")
ATOM = "http://www.w3.org/2005/Atom"

# src_uri of a page → its URL relative to the current page (or absolute, for the feed).
Url = Callable[[str], str]
# unit id → URL of the unit page.
UnitUrl = Callable[[str], str]


def newest_first(posts: Sequence[Post]) -> list[Post]:
    return sorted(posts, key=lambda p: (p.day, p.src_uri), reverse=True)


@dataclass(frozen=True)
class UnitRef:
    """Who published a post: a unit of the administration, or another body (url may be
    missing)."""

    name: str
    url: str | None


@dataclass(frozen=True)
class PostView:
    title: str
    url: str
    date_iso: str
    date_text: str
    unit: UnitRef
    teaser: tuple[str, ...]
    leichte_sprache: str | None


def publisher(site: Site, post: Post, unit_url: UnitUrl) -> UnitRef:
    if post.unit_id is not None:
        return UnitRef(site.einheiten[post.unit_id].name, unit_url(post.unit_id))
    assert post.herausgeber is not None  # the front matter names exactly one
    return UnitRef(post.herausgeber.name, post.herausgeber.link)


def post_view(site: Site, post: Post, url: Url, unit_url: UnitUrl) -> PostView:
    return PostView(
        title=post.title,
        url=url(post.src_uri),
        date_iso=post.day.isoformat(),
        date_text=datum(post.day),
        unit=publisher(site, post, unit_url),
        teaser=post.teaser,
        leichte_sprache=post.leichte_sprache,
    )


@dataclass(frozen=True)
class YearLink:
    year: int
    url: str
    count: int
    current: bool
    """The list shows this year (on any of its pages)."""
    first: bool
    """The link leads to the page it is on (the first page of the year's archive)."""


def list_pages(news_dir: str, count: int, per_page: int) -> list[str]:
    """Source paths of the overview pages: the index, then ``seite-2.md`` …"""
    return paged(f"{news_dir}/index.md", news_dir, count, per_page)


def year_page(news_dir: str, year: int) -> str:
    return f"{news_dir}/archiv/{year}.md"


def year_pages(news_dir: str, year: int, count: int, per_page: int) -> list[str]:
    """Source paths of a yearly archive: ``archiv/2024.md``, ``archiv/2024/seite-2.md`` …"""
    return paged(year_page(news_dir, year), f"{news_dir}/archiv/{year}", count, per_page)


def years(posts: Sequence[Post]) -> list[tuple[int, int]]:
    """(year, number of posts), newest year first."""
    counts: dict[int, int] = {}
    for post in posts:
        counts[post.day.year] = counts.get(post.day.year, 0) + 1
    return sorted(counts.items(), reverse=True)


def year_links(
    news_dir: str, posts: Sequence[Post], url: Url, current: int | None = None, page: str = ""
) -> list[YearLink]:
    """Links to every year's archive; ``current`` is the year shown, ``page`` the source
    path of the current page."""
    return [
        YearLink(
            year,
            url(year_page(news_dir, year)),
            count,
            year == current,
            year_page(news_dir, year) == page,
        )
        for year, count in years(posts)
    ]


def _timestamp(day: date) -> str:
    return datetime.combine(day, time(0, 0), BERLIN).isoformat()


def atom_feed(
    site: Site,
    posts: Sequence[Post],
    *,
    title: str,
    feed_url: str,
    index_url: str,
    absolute: Url,
    unit_url: UnitUrl,
) -> str:
    """An Atom 1.0 document (RFC 4287) of the newest posts; all URLs absolute."""
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        clean = {key: xml_text(value) for key, value in attrs.items()}
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", clean)
        element.text = None if text is None else xml_text(text)
        return element

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "de"})
    sub(feed, "id", index_url)
    sub(feed, "title", title)
    newest = max((p.day for p in posts), default=None)
    sub(feed, "updated", _timestamp(newest) if newest else "1970-01-01T00:00:00+00:00")
    sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    sub(feed, "link", rel="alternate", type="text/html", href=index_url)
    sub(sub(feed, "author"), "name", site.stadt.name)
    for post in posts:
        entry = sub(feed, "entry")
        url = absolute(post.src_uri)
        sub(entry, "id", url)
        sub(entry, "title", post.title)
        sub(entry, "published", _timestamp(post.day))
        sub(entry, "updated", _timestamp(post.day))
        sub(entry, "link", rel="alternate", type="text/html", href=url)
        by = publisher(site, post, unit_url)
        author = sub(entry, "author")
        sub(author, "name", by.name)
        if by.url:
            sub(author, "uri", by.url)
        sub(entry, "summary", "\n\n".join(post.teaser), type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
