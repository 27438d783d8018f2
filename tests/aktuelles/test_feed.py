"""The Atom feed stays well-formed XML 1.0 whatever a post's front matter or a name holds."""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree as ET

import feedparser
import pytest

from rathaus import escaping
from rathaus.aktuelles.posts import Post
from rathaus.aktuelles.views import atom_feed
from rathaus.model import Site
from tests.sicherheit.hostile import base_site, hostile
from tests.sicherheit.payloads import PAYLOADS, Payload

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://beispielstadt.example/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return base_site(tmp_path_factory.mktemp("feed"))


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_every_payload_gives_a_well_formed_feed(site: Site, payload: Payload) -> None:
    text = payload.text
    post = Post("aktuelles/post.md", text, date(2027, 3, 1), "buergerbuero", (text, text), None)
    feed = atom_feed(
        hostile(site, text),
        [post],
        title=text,
        feed_url=SITE + "aktuelles/feed.xml",
        index_url=SITE + "aktuelles/",
        absolute=lambda src: SITE + text,
        unit_url=lambda unit: SITE + text,
    )
    expected = escaping.xml_text(text)
    root = ET.fromstring(feed.encode("utf-8"))
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == expected
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == expected
    assert entry.findtext(f"{ATOM}summary") == f"{expected}\n\n{expected}"
    assert root.findtext(f"{ATOM}title") == expected
    assert root.findtext(f"{ATOM}author/{ATOM}name") == expected

    parsed = feedparser.parse(feed.encode("utf-8"))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert len(parsed.entries) == 1
    assert parsed.entries[0].title == expected.strip()
