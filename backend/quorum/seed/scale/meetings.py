"""Each committee's meetings: the schedule, agendas, papers with their cover sheets and versions, and packs.

Meetings before the anchor month have been held (quorum.seed.scale.conduct records them); the anchor
month's has its papers published, the next one after has its agenda published (with papers in every
state), later ones are drafts. Whatever was done for a coming meeting was done before the anchor day.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from quorum.seed.scale import agenda, rows, texts
from quorum.seed.scale.agenda import PlannedItem, in_agenda_order
from quorum.seed.scale.committees import live_at
from quorum.seed.scale.conduct import Conduct
from quorum.seed.scale.loader import Rows
from quorum.seed.scale.organisations import STAFF_TITLES
from quorum.seed.scale.pdf import stored_pdf
from quorum.seed.scale.plan import MONTHS_AHEAD, add_months, london, nth_weekday
from quorum.seed.scale.world import GOVERNING_BODY_SLOTS, CcgInfo, CommitteeInfo, World

PUBLISHED = ("HELD", "PAPERS_PUBLISHED")
DAY = timedelta(days=1)


def meeting_days(world: World, committee: CommitteeInfo) -> list[tuple[int, date]]:
    found = []
    for offset in range(-world.scale.history_months, MONTHS_AHEAD + 1):
        month = add_months(world.anchor, offset)
        if month.month in committee.months:
            found.append((offset, nth_weekday(month, committee.weekday, committee.week)))
    return found


class CommitteeMeetings:
    def __init__(self, world: World, loader: Rows, committee: CommitteeInfo):
        self.world, self.loader, self.committee = world, loader, committee
        self.rng = world.rng("meetings", committee.host.ods_code, committee.kind)
        self.conduct = Conduct(world, loader, committee, self.rng)
        host = committee.host
        self.practices = (
            host.practices
            if not committee.is_joint
            else [p for ccg in host.area_team.ccgs if ccg.id in committee.parties for p in ccg.practices]
        )
        self.staff = (
            host.staff_ids[1]
            if committee.kind in ("JOINT_COMMITTEE", "PRIMARY_CARE_COMMISSIONING")
            else host.staff_ids[0]
        )
        self.staff_title = STAFF_TITLES[host.staff_ids.index(self.staff)]

    def build(self) -> None:
        rng, committee = self.rng, self.committee
        planned_meetings = []
        agenda_published = False
        for offset, day in meeting_days(self.world, committee):
            stage = "HELD" if offset < 0 else "PAPERS_PUBLISHED" if offset == 0 else "DRAFT"
            if stage == "DRAFT" and not agenda_published:
                stage, agenda_published = "AGENDA_PUBLISHED", True
            meeting = self._meeting(day, stage)
            functions = {f for d in committee.delegations if live_at(d, meeting.starts_at) for f in d.functions}
            business = agenda.business_for(committee, day, rng, functions)
            if stage == "DRAFT":
                business = business[: max(1, len(business) // 2)]  # the agenda is still being put together
            planned = agenda.lay_out(committee, meeting.id, day, business, rng, self._presenter, self.practices)
            self._papers(meeting, planned, stage, day)
            if stage == "HELD":
                self.conduct.hold(meeting, planned, self._attendees(planned, day))
            planned_meetings.append((meeting, planned, stage))
        self.conduct.emit()
        approved = {held.row.id for held in self.conduct.held if held.approved}
        for meeting, planned, stage in planned_meetings:
            status = "MINUTES_APPROVED" if meeting.id in approved else stage
            self.loader.add(meeting._replace(status=status))
            for item in in_agenda_order(planned):
                self.loader.add(item.row)

    # -- the meeting and who presents ----------------------------------------------------------------------

    def _meeting(self, day: date, stage: str) -> tuple:
        committee, rng = self.committee, self.rng
        starts = london(day, committee.hour)
        hybrid = rng.chance(0.4)
        place = (
            f"{committee.host.place} CCG headquarters"
            if not committee.is_joint
            else f"{committee.host.area_team.name} offices"
        )
        title = f"{day:%B %Y} meeting"
        if agenda.is_annual_meeting(committee, day):
            title += ": the year's plan and budgets"
        return rows.Meeting(
            org_id=committee.org_id,
            id=rng.new_id(),
            committee_id=committee.id,
            title=title,
            starts_at=starts,
            ends_at=starts + timedelta(hours=3 if committee.kind == "GOVERNING_BODY" else 2),
            location=f"Board room, {place}",
            call_link=f"https://meet.nhs.example/{committee.host.ods_code.lower()}-{day:%Y%m%d}" if hybrid else "",
            status=stage,
            papers_due=day - 7 * DAY,
            notice_sent_at=None if stage == "DRAFT" else self._before_anchor(day - 8 * DAY, 9, 5),
            sequence=0,
            created_at=self._before_anchor(day - 42 * DAY, 10, 30),
        )

    def _before_anchor(self, natural: date, hour: int, days_before: int) -> datetime:
        """When something for a coming meeting was done: naturally, but never after the anchor day."""
        return london(min(natural, self.world.anchor - days_before * DAY), hour)

    def _presenter(self, who: int | str, day: date) -> tuple[uuid.UUID, str]:
        host = self.committee.host
        if who == "secretary":
            person, title = host.secretary_id, "Board secretary"
        elif who == "staff":
            person, title = self.staff, self.staff_title
        elif who == "chair":
            chair = next((s for s in self.committee.seats if s.role == "CHAIR" and s.active_on(day)), None)
            person, title = (chair.person_id, "Chair") if chair else (host.holder(1, day), "Clinical chair")
        else:
            person, title = host.holder(who, day), GOVERNING_BODY_SLOTS[who - 1].title
        return person, f"{self.world.names[person]}, {title}"

    def _attendees(self, planned: list[PlannedItem], day: date) -> dict[uuid.UUID, str]:
        """Presenters without a seat attend for the meeting; at the council, so do some representatives."""
        seated = {s.person_id for s in self.committee.seats if s.active_on(day)}
        found = {
            i.presenter_id: i.row.presenter.split(", ", 1)[-1]
            for i in in_agenda_order(planned)
            if i.presenter_id not in seated
        }
        if self.committee.kind == "COUNCIL_OF_MEMBERS":
            for practice in self.rng.sample(self.practices, len(self.practices) // 2):
                found.setdefault(practice.rep_id, f"Representative, {practice.name}")
        return found

    # -- papers and packs ----------------------------------------------------------------------------------

    def _papers(self, meeting: tuple, planned: list[PlannedItem], stage: str, day: date) -> None:
        rng, host = self.rng, self.committee.host
        items = [i for i in in_agenda_order(planned) if i.row.needs_paper]
        due = day - 7 * DAY
        requested = self._before_anchor(day - 41 * DAY, 10, 29)
        in_pack: dict[str, list[tuple]] = {"PUBLIC": [], "PRIVATE": []}
        late = items[-1].row.id if stage == "PAPERS_PUBLISHED" and items and rng.chance(0.2) else None
        executives, chair = {host.holder(n, day) for n in (4, 5, 6)}, host.holder(1, day)
        for item in items:
            row = item.row
            sponsor = item.presenter_id if item.presenter_id in executives else host.holder(4, day)
            author = item.presenter_id if item.presenter_id != chair else self.staff
            if stage in PUBLISHED:
                status = "APPROVED" if row.id == late else "INCLUDED"
            elif stage == "AGENDA_PUBLISHED":
                status = rng.choice(("DRAFT", "SUBMITTED", "APPROVED", "APPROVED"))
            else:
                status = "DRAFT"
            paper = self.loader.add(
                rows.Paper(
                    org_id=meeting.org_id,
                    id=rng.new_id(),
                    meeting_id=meeting.id,
                    committee_id=meeting.committee_id,
                    item_id=row.id,
                    title=row.title,
                    author_id=author,
                    sponsor_id=sponsor,
                    due_date=due,
                    requested_by=host.secretary_id,
                    requested_at=requested,
                    status=status,
                    is_public=row.part == "PUBLIC",
                )
            )
            latest = self._versions(paper, row, stage, status, due, requested)
            if status == "INCLUDED":
                in_pack["PUBLIC" if paper.is_public else "PRIVATE"].append(latest)
        if stage in PUBLISHED:
            self._packs(meeting, planned, in_pack, day)

    def _versions(self, paper: tuple, item: tuple, stage: str, status: str, due: date, requested: datetime) -> tuple:
        """Version 1 made when the paper was requested; sometimes a second after the first was approved."""
        rng = self.rng
        conflicts = (
            "GP members have a financial interest as partners in member practices."
            if item.concerns_practice_ids
            else "None identified."
        )
        sheet = texts.cover_sheet(rng, paper.title, item.purpose, self.committee.name, paper.is_public, conflicts)
        if status == "DRAFT" and stage == "DRAFT":
            sheet = {"purpose": item.purpose}  # requested, not yet written
        elif status == "DRAFT":
            sheet = {"purpose": item.purpose, "executive_summary": sheet["executive_summary"]}
        approved = status in ("APPROVED", "INCLUDED")
        approve_at = self._before_anchor(due - DAY, 16, 3)
        first = rows.PaperVersion(
            org_id=paper.org_id,
            id=rng.new_id(),
            paper_id=paper.id,
            number=1,
            **_blank_sheet(sheet),
            created_by=paper.requested_by,
            created_at=requested,
            approved_at=approve_at if approved else None,
            approved_by=paper.sponsor_id if approved else None,
            published_at=None,
        )
        versions = [first]
        if approved and rng.chance(0.15):
            revised = {
                **sheet,
                "executive_summary": sheet["executive_summary"] + " Revised after the sponsor's review.",
            }
            first = first._replace(approved_at=approve_at - 3 * DAY)
            versions = [
                first,
                first._replace(
                    id=rng.new_id(),
                    number=2,
                    **_blank_sheet(revised),
                    created_by=paper.author_id,
                    created_at=approve_at - 2 * DAY,
                    approved_at=approve_at,
                ),
            ]
        if approved and rng.chance(0.1):
            self._appendix(paper, versions)
        if status == "INCLUDED":
            versions[-1] = versions[-1]._replace(published_at=self._published_at(paper.due_date, paper.is_public))
        for version in versions:
            self.loader.add(version)
        return versions[-1]

    def _appendix(self, paper: tuple, versions: list[tuple]) -> None:
        """A PDF appendix, carried to a later version as the app copies it."""
        rng = self.rng
        pages = rng.randint(1, 4)
        lines = [[f"{paper.title}: appendix", f"Page {n}"] for n in range(1, pages + 1)]
        uploaded_at = versions[0].created_at + DAY
        file = self.loader.add(
            stored_pdf(
                paper.org_id, rng.new_id(), f"{_slug(paper.title)}-appendix.pdf", lines, paper.author_id, uploaded_at
            )
        )
        # Its words as the text job reads them (pdftotext), so that search finds the paper by its appendix.
        text = " ".join(line for page in lines for line in page)
        self.loader.add(rows.FileText(org_id=paper.org_id, file_id=file.id, text=text, extracted_at=uploaded_at))
        for version in versions:
            self.loader.add(
                rows.Appendix(
                    org_id=paper.org_id,
                    id=rng.new_id(),
                    version_id=version.id,
                    position=1,
                    title="Supporting analysis",
                    file_id=file.id,
                    kind="PDF",
                    page_count=pages,
                    problem=None,
                )
            )

    def _published_at(self, due: date, public: bool) -> datetime:
        return self._before_anchor(due + DAY, 12, 1) + (timedelta(minutes=5) if not public else timedelta(0))

    def _packs(self, meeting: tuple, planned: list[PlannedItem], in_pack: dict[str, list[tuple]], day: date) -> None:
        """Part I and Parts I and II packs, built and published: stand-in PDFs of one page per top-level item."""
        rng, committee = self.rng, self.committee
        built = self._before_anchor(meeting.papers_due + DAY, 9, 1)
        for part in ("PUBLIC", "PRIVATE"):
            tops = [i.row for i in planned if part == "PRIVATE" or i.row.part == "PUBLIC"]
            numbers = {row.id: n for n, row in enumerate(tops, start=1)}
            label = "Part I (public)" if part == "PUBLIC" else "Parts I and II (private)"
            pages = [[committee.host.name, committee.name, meeting.title, label]]
            pages += [[f"{numbers[row.id]}. {row.title}", row.presenter] for row in tops]
            finished = built + timedelta(seconds=40)
            file = self.loader.add(
                stored_pdf(
                    meeting.org_id,
                    rng.new_id(),
                    f"{_slug(committee.name)}-{day.day}-{day:%B-%Y}-{part.lower()}-pack-1.pdf".lower(),
                    pages,
                    committee.host.secretary_id,
                    finished,
                )
            )
            versions = in_pack["PUBLIC"] + (in_pack["PRIVATE"] if part == "PRIVATE" else [])
            self.loader.add(
                rows.PackBuild(
                    org_id=meeting.org_id,
                    id=rng.new_id(),
                    meeting_id=meeting.id,
                    committee_id=meeting.committee_id,
                    part=part,
                    number=1,
                    is_supplement=False,
                    status="DONE",
                    progress=100,
                    message=f"Built: {len(pages)} pages",
                    file_id=file.id,
                    page_count=len(pages),
                    paper_version_ids=[v.id for v in versions],
                    item_pages={str(row.id): numbers[row.id] + 1 for row in tops},
                    created_by=committee.host.secretary_id,
                    created_at=built,
                    finished_at=finished,
                    published_at=self._published_at(meeting.papers_due, part == "PUBLIC"),
                )
            )


def _blank_sheet(sheet: dict) -> dict:
    """Every cover sheet column, empty where nothing has been written yet."""
    blank = {
        "executive_summary": "",
        "recommendation": "",
        "strategic_objectives": "",
        "assurance_risks": "",
        "conflicts_noted": "",
        "impacts": {},
        "public_involvement": "",
        "body_markdown": "",
        "body_html": "",
    }
    return blank | sheet


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def build_for(world: World, loader: Rows, ccgs: list[CcgInfo]) -> None:
    """The meetings of these CCGs' committees (a joint committee's with its host's)."""
    for ccg in ccgs:
        for committee in ccg.committees.values():
            CommitteeMeetings(world, loader, committee).build()
