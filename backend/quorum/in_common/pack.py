"""One pack for a session of committees in common: the session's one agenda, each item once, with the papers of
whichever committees' meetings hold them, built by the packs' builder and downloaded through its stamped route.

The public pack holds Part I and is built by the convening organisation. A private pack cannot be shared by
all the parties without one party's Part II papers reaching another's members, so each organisation builds its
own: Part I and that organisation's own Part II business. Each is held by the committee's own meeting of the
session, so who reads it is decided as for that meeting's packs. Papers are read with the builder's access:
another party's papers appear once that party has published them.
"""

from __future__ import annotations

import uuid

from sqlmodel import select

from quorum import clock
from quorum.access import Access
from quorum.audit.service import record
from quorum.database import Db
from quorum.errors import InputErrors, UserError, input_error
from quorum.in_common import policy
from quorum.in_common.service import get_arrangement, get_session, items_of, parties_of
from quorum.in_common.tables import InCommonParty, PartyStatus, Session, SessionAgendaItem, SessionItem, SessionMeeting
from quorum.meetings.policy import can_run
from quorum.meetings.tables import Part
from quorum.packs import builder
from quorum.packs.builder import pack_papers
from quorum.packs.document import PackContent, PackItem
from quorum.packs.tables import PackBuild
from quorum.papers.tables import Appendix, Paper, PaperStatus, PaperVersion

SESSION_PACK = "in_common_session"


def holds(item: SessionItem, part: Part, committee_id: uuid.UUID) -> bool:
    """Whether the pack (public, or `committee_id`'s private pack) holds the item."""
    if Part(item.part) == Part.PUBLIC:
        return True
    return part == Part.PRIVATE and item.taken_by(committee_id)


async def _papers(
    db: Db,
    session: Session,
    part: Part,
    committee_id: uuid.UUID,
) -> dict[uuid.UUID, list[tuple[Paper, PaperVersion]]]:
    """Each session item's papers (latest approved version each) from the meetings of the session, as far as the
    builder may read them; a Part II item's only from the pack's own committee."""
    items = {i.id: i for i in await items_of(db, session.id) if holds(i, part, committee_id)}
    links = await db.all(select(SessionAgendaItem).where(SessionAgendaItem.item_id.in_(items)))
    session_item = {
        a.agenda_item_id: a.item_id
        for a in links
        if Part(items[a.item_id].part) == Part.PUBLIC or a.committee_id == committee_id
    }
    papers = await db.all(
        select(Paper).where(
            Paper.item_id.in_(session_item), Paper.status.in_([PaperStatus.APPROVED, PaperStatus.INCLUDED])
        )
    )
    if part == Part.PUBLIC:
        papers = [p for p in papers if p.is_public]
    versions = await db.all(
        select(PaperVersion)
        .where(PaperVersion.paper_id.in_([p.id for p in papers]), PaperVersion.approved_at.is_not(None))
        .order_by(PaperVersion.number)
    )
    latest = {v.paper_id: v for v in versions}
    found: dict[uuid.UUID, list[tuple[Paper, PaperVersion]]] = {}
    for paper in sorted(papers, key=lambda p: (p.org_id != session.org_id, p.title)):  # the convener's first
        if paper.id in latest:
            found.setdefault(session_item[paper.item_id], []).append((paper, latest[paper.id]))
    return found


async def _holder(
    db: Db, access: Access, session: Session, part: Part, committee_id: uuid.UUID | None
) -> tuple[InCommonParty, SessionMeeting]:
    parties = [p for p in await parties_of(db, session.arrangement_id) if PartyStatus(p.status) == PartyStatus.ACCEPTED]
    if part == Part.PUBLIC:
        party = next(p for p in parties if p.invited_org_id == session.org_id)
        if not policy.can_convene(access, session.org_id):
            raise input_error(
                None,
                "Only the convening organisation's board secretary or an administrator can build"
                " the session's public pack.",
            )
    else:
        party = next((p for p in parties if committee_id is not None and p.committee_id == committee_id), None)
        if party is None:
            raise input_error("committeeId", "Choose the committee taking part whose private pack to build.")
        if not can_run(access, party.committee_id):
            raise input_error(
                None,
                f"Only the board secretary or an administrator of {party.organisation_name}"
                " can build its private pack.",
            )
    link = await db.first(
        select(SessionMeeting).where(
            SessionMeeting.session_id == session.id, SessionMeeting.committee_id == party.committee_id
        )
    )
    if link is None:
        raise input_error(
            None, f"{party.committee_name}'s meeting of this session has not been arranged yet; arrange it first."
        )
    return party, link


async def start_build(
    db: Db, access: Access, session_id: uuid.UUID, part: Part, committee_id: uuid.UUID | None
) -> PackBuild:
    session = await get_session(db, session_id)
    party, link = await _holder(db, access, session, part, committee_id)
    chosen = [pair for pairs in (await _papers(db, session, part, party.committee_id)).values() for pair in pairs]
    problems = await db.all(
        select(Appendix).where(Appendix.version_id.in_([v.id for _, v in chosen]), Appendix.problem.is_not(None))
    )
    if problems:
        titles = {v.id: p.title for p, v in chosen}
        raise InputErrors(
            *(
                UserError(field=None, message=f"{titles[a.version_id]}: appendix “{a.title}”: {a.problem}")
                for a in problems
            )
        )
    earlier = await db.all(
        select(PackBuild.number).where(
            PackBuild.session_id == session.id, PackBuild.committee_id == party.committee_id, PackBuild.part == part
        )
    )
    build = PackBuild(
        org_id=link.meeting_org_id,
        meeting_id=link.meeting_id,
        committee_id=party.committee_id,
        part=part,
        number=max(earlier, default=0) + 1,
        paper_version_ids=[v.id for _, v in chosen],
        created_by=access.person_id,
        session_org_id=session.org_id,
        session_id=session.id,
    )
    await db.add(build)
    await record(db, access, "in_common.session.pack.build", build, org_id=build.org_id)
    await builder.start(db, access, build, gather=SESSION_PACK)
    return build


async def gather(db: Db, access: Access, build: PackBuild) -> tuple[PackContent, dict[str, bytes]]:
    session = await get_session(db, build.session_id)
    arrangement = await get_arrangement(db, session.arrangement_id)
    parties = [p for p in await parties_of(db, arrangement.id) if PartyStatus(p.status) == PartyStatus.ACCEPTED]
    names = {p.committee_id: p.committee_name or "" for p in parties}
    own = next(p for p in parties if p.committee_id == build.committee_id)
    part = Part(build.part)
    shown, attachments = await pack_papers(db, build.paper_version_ids)
    by_item: dict[uuid.UUID, list] = {}
    for item_id, pairs in (await _papers(db, session, part, build.committee_id)).items():
        by_item[item_id] = [shown[v.id][1] for _, v in pairs if v.id in shown]
    items = []
    for item in await items_of(db, session.id):
        if not holds(item, part, build.committee_id):
            continue
        papers = by_item.get(item.id, [])
        takers = "" if not item.committee_ids else "Taken by " + ", ".join(names.get(c, "") for c in item.committee_ids)
        items.append(
            PackItem(
                key=f"item-{item.id}",
                number=str(item.position),
                title=item.title,
                purpose=item.purpose,
                presenter=takers,
                minutes=0,
                part=item.part,
                paper=papers[0] if papers else None,
                more_papers=tuple(papers[1:]),
            )
        )
    starts = session.starts_at.astimezone(clock.LONDON)
    return PackContent(
        organisation="Committees in common",
        committee=arrangement.name,
        meeting_title=session.title,
        when=f"{starts:%A} {starts.day} {starts:%B %Y, %H:%M}",
        short_date=f"{starts.day} {starts:%B %Y}",
        place=session.location,
        part_label="Part I (public)" if part == Part.PUBLIC else f"Parts I and II (private to {own.organisation_name})",
        version_label=f"Pack {build.number}, built {clock.today():%d %B %Y}",
        items=tuple(items),
        in_common=tuple(f"{p.committee_name}, {p.organisation_name}" for p in parties),
    ), attachments


builder.GATHERS[SESSION_PACK] = gather
