"""What the council body templates see: plain data prepared from the :class:`Site`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from .. import markdown_text
from ..german import dateigroesse, datum, datum_lang, uhrzeit
from ..model import Site
from ..model.gremien import Gremium, Sitzung, Vorlage
from ..model.hours import BERLIN
from ..model.termine import When, instant, iso, when

# (kind, id) → URL relative to the current page: "einheit", "standort", "gremium"; "seite"
# and "datei" take a path in content/ (a page, an attachment).
Links = Callable[[str, str], str]
# Path of a file in content/ → its size in bytes.
Sizes = Callable[[str], int]


@dataclass(frozen=True)
class MeetingView:
    name: str
    start_label: str
    start_iso: str
    when: When | None
    place: str | None
    place_url: str | None
    public: bool | None
    cancelled: bool
    url: str | None
    note: str | None


def meeting_view(meeting: Sitzung, links: Links) -> MeetingView:
    if meeting.uhrzeit_folgt:
        label, machine = f"{datum_lang(meeting.beginn)}, Uhrzeit folgt", meeting.beginn.isoformat()
    else:
        start = meeting.zeitpunkt.astimezone(BERLIN)
        label, machine = f"{datum_lang(start.date())}, {uhrzeit(start.time())} Uhr", iso(start)
    return MeetingView(
        name=meeting.name,
        start_label=label,
        start_iso=machine,
        when=when(meeting.zeitpunkt, meeting.ende) if meeting.ende else None,
        place=meeting.ort,
        place_url=links("standort", meeting.standort) if meeting.standort else None,
        public=meeting.oeffentlich,
        cancelled=meeting.abgesagt,
        url=meeting.url,
        note=meeting.hinweis,
    )


@dataclass(frozen=True)
class ConsultationView:
    date_label: str
    date_iso: str
    body: str
    role: str | None
    public: bool | None
    result: str | None


@dataclass(frozen=True)
class AttachmentView:
    title: str
    url: str
    kind: str  # "PDF", "DOCX", …: the file's ending
    size: str  # "240 KB"


@dataclass(frozen=True)
class PaperView:
    number: str | None
    title: str
    kind: str
    date_label: str
    date_iso: str
    lead_name: str | None
    lead_url: str | None
    url: str | None
    document: str | None
    consultations: list[ConsultationView]
    summary: str | None
    facts: Markup | None
    attachments: list[AttachmentView]


def paper_view(site: Site, paper: Vorlage, links: Links, sizes: Sizes) -> PaperView:
    lead = site.einheiten.get(paper.federfuehrend) if paper.federfuehrend else None
    return PaperView(
        number=paper.nummer,
        title=paper.titel,
        kind=paper.art.label,
        date_label=datum_lang(paper.datum),
        date_iso=paper.datum.isoformat(),
        lead_name=lead.name if lead else paper.federfuehrend_name,
        lead_url=links("einheit", lead.id) if lead else None,
        url=paper.url,
        document=paper.dokument,
        consultations=[
            ConsultationView(
                datum_lang(b.datum),
                b.datum.isoformat(),
                b.gremium,
                b.rolle,
                b.oeffentlich,
                b.ergebnis,
            )
            for b in paper.beratungen
        ],
        summary=paper.zusammenfassung,
        facts=Markup(markdown_text.to_html(paper.sachverhalt, lambda p: links("seite", p)))
        if paper.sachverhalt
        else None,
        attachments=[
            AttachmentView(
                a.titel,
                links("datei", a.datei),
                a.datei.rsplit(".", 1)[1].upper(),
                dateigroesse(sizes(a.datei)),
            )
            for a in paper.anlagen
        ],
    )


def body_context(
    site: Site, body: Gremium, links: Links, today: date, recent: int, sizes: Sizes
) -> dict[str, Any]:
    """Everything a body page shows: upcoming meetings soonest first, newest papers first."""
    meetings = sorted(body.sitzungen, key=lambda m: instant(m.zeitpunkt))
    upcoming = [m for m in meetings if m.zeitpunkt.astimezone(BERLIN).date() >= today]
    past = [m for m in meetings if m.zeitpunkt.astimezone(BERLIN).date() < today][::-1]
    papers = sorted(body.vorlagen, key=lambda p: (p.datum, p.nummer or ""), reverse=True)
    office = site.einheiten.get(body.geschaeftsstelle) if body.geschaeftsstelle else None
    own = site.einheiten.get(body.einheit) if body.einheit else None
    contact = office.kontakt if office and office.kontakt else None
    return {
        "body": body,
        "office_phone": contact.telefon[0] if contact and contact.telefon else None,
        "office_email": contact.email if contact else None,
        "office_name": office.name if office else None,
        "office_url": links("einheit", office.id) if office else None,
        "own_page": links("einheit", own.id) if own else None,
        "upcoming": [meeting_view(m, links) for m in upcoming],
        "past": [meeting_view(m, links) for m in past[:3]],
        "papers": [paper_view(site, p, links, sizes) for p in papers[:recent]],
        "more_papers": max(0, len(papers) - recent),
        "as_of": datum(today),
        "as_of_iso": today.isoformat(),
    }


@dataclass(frozen=True)
class BodyLink:
    name: str
    url: str
    kind: str | None
    next_meeting: MeetingView | None


def overview(site: Site, links: Links, today: date) -> list[BodyLink]:
    result = []
    for body in sorted(site.gremien.values(), key=lambda b: b.name):
        coming = sorted(
            (m for m in body.sitzungen if m.zeitpunkt.astimezone(BERLIN).date() >= today),
            key=lambda m: instant(m.zeitpunkt),
        )
        result.append(
            BodyLink(
                body.name,
                links("gremium", body.id),
                body.art,
                meeting_view(coming[0], links) if coming else None,
            )
        )
    return result
