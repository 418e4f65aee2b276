"""The rules of running a meeting, without a database: who chairs, an item's quorum, counting votes,
conflict suggestions, what each stage allows, and the register's deadlines."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from quorum.committees.quorum import QuorumRule
from quorum.committees.tables import MemberCategory as C
from quorum.committees.tables import SeatRole as R
from quorum.conduct import stages
from quorum.conduct.conflicts import suggest
from quorum.conduct.quorum_state import ItemQuorum, Member, item_quorum, who_chairs
from quorum.conduct.tables import Choice, Management, Outcome
from quorum.conduct.votes import CastingVoteNeeded, CastingVoteNotAllowed, Count, in_words, outcome
from quorum.interests.rules import ReturnStatus, a_year_after, declared_late, next_return
from quorum.interests.tables import Interest, InterestCategory
from quorum.meetings.tables import AgendaItem, Meeting, MeetingStatus, Part, Purpose

CCG = uuid.uuid4()
RULE = QuorumRule(4, {C.LAY_MEMBER: 1, C.GP: 1, C.EXECUTIVE: 1})
CHAIR, VICE, GP, EXEC, LAY, EXEC2 = (uuid.uuid4() for _ in range(6))
NAMES = {
    CHAIR: "Margaret Lowe",
    VICE: "Dr Rajesh Mistry",
    GP: "Dr Amir Khan",
    EXEC: "Tom Ashworth",
    LAY: "Susan Patel",
    EXEC2: "Paul Reid",
}
MEMBERS = [
    Member(CHAIR, R.CHAIR, True, C.LAY_MEMBER, CCG),
    Member(VICE, R.VICE_CHAIR, True, C.GP, CCG),
    Member(GP, R.MEMBER, True, C.GP, CCG),
    Member(EXEC, R.MEMBER, True, C.EXECUTIVE, CCG),
    Member(LAY, R.MEMBER, True, C.LAY_MEMBER, CCG),
    Member(EXEC2, R.MEMBER, True, C.EXECUTIVE, CCG),
]
EVERYONE = set(NAMES)


def test_the_chair_chairs_unless_conflicted_or_away():
    assert who_chairs(MEMBERS, EVERYONE, set(), NAMES) == (CHAIR, "")
    assert who_chairs(MEMBERS, EVERYONE, {CHAIR}, NAMES)[0] == VICE
    chair, note = who_chairs(MEMBERS, EVERYONE - {CHAIR}, set(), NAMES)
    assert chair == VICE and note.endswith("the chair, Margaret Lowe, is not in the room.")
    chair, note = who_chairs(MEMBERS, EVERYONE - {CHAIR}, {VICE}, NAMES)
    assert chair is None
    assert note == (
        "The members present choose one of their number to chair this item: the chair, Margaret Lowe, is not "
        "in the room, and the vice chair, Dr Rajesh Mistry, is conflicted on this item."
    )


def test_excluded_members_count_neither_to_quorum_nor_as_voters():
    managed = {VICE: Management.LEAVE_ROOM, GP: Management.DISCUSSION_NOT_DECISION, EXEC: Management.DECLARE_ONLY}
    quorum = item_quorum(RULE, {}, MEMBERS, EVERYONE, managed, NAMES)
    assert quorum.present_voting == 6 and set(quorum.counted) == {CHAIR, EXEC, LAY, EXEC2}
    assert set(quorum.excluded) == {VICE, GP}
    assert not quorum.met and quorum.unmet == ("At least one voting GP must be present; none is.",)
    assert ItemQuorum.from_data(quorum.to_data()) == quorum


@pytest.mark.parametrize(
    ("count", "casting", "chaired", "expected"),
    [
        (Count(3, 1, 2), None, True, Outcome.CARRIED),
        (Count(1, 3, 0), None, True, Outcome.LOST),
        (Count(2, 2, 1), Choice.FOR, True, Outcome.CARRIED),
        (Count(2, 2, 0), Choice.AGAINST, True, Outcome.LOST),
        (Count(0, 0, 4), Choice.AGAINST, True, Outcome.LOST),
        (Count(2, 2, 0), None, False, Outcome.LOST),
    ],
)
def test_a_simple_majority_of_those_voting_and_the_casting_vote(count, casting, chaired, expected):
    assert outcome(count, casting, chaired) == expected


def test_casting_votes_only_on_a_tie_and_only_for_or_against():
    with pytest.raises(CastingVoteNeeded):
        outcome(Count(1, 1, 0), None, True)
    for count, casting, chaired in (
        (Count(2, 1, 0), Choice.FOR, True),
        (Count(1, 1, 0), Choice.ABSTAIN, True),
        (Count(1, 1, 0), Choice.FOR, False),
    ):
        with pytest.raises(CastingVoteNotAllowed):
            outcome(count, casting, chaired)
    assert in_words(Count(2, 2, 1), Outcome.LOST, Choice.AGAINST, "Dr Rajesh Mistry") == (
        "Lost on the casting vote of the chair, Dr Rajesh Mistry, who voted against (2 for, 2 against, 1 abstention)."
    )


def test_conflicts_are_suggested_from_current_interests_in_what_an_item_concerns():
    practice, other = uuid.uuid4(), uuid.uuid4()
    item = AgendaItem(
        org_id=CCG,
        meeting_id=uuid.uuid4(),
        committee_id=uuid.uuid4(),
        position=1,
        title="Merger",
        purpose=Purpose.DECISION,
        part=Part.PUBLIC,
        concerns_practice_ids=[practice],
    )

    def interest(person, concerns, category=InterestCategory.FINANCIAL, ended=None) -> Interest:
        return Interest(
            org_id=CCG,
            person_id=person,
            category=category,
            description="Partner",
            concerns_practice_ids=concerns,
            valid_from=date(2020, 1, 1),
            valid_to=ended,
            became_aware_on=date(2020, 1, 1),
            declared_on=date(2020, 1, 1),
            recorded_by=person,
        )

    interests = [
        interest(VICE, [practice]),
        interest(GP, [other]),
        interest(EXEC, [practice], ended=date(2021, 1, 1)),
        interest(LAY, [practice], InterestCategory.NON_FINANCIAL_PERSONAL),
    ]
    found = suggest(
        [item], [VICE, GP, EXEC, LAY], interests, set(), {practice: "Brook Lane Surgery (P82001)"}, date(2026, 3, 1)
    )
    assert [(s.person_id, s.management) for s in found] == [
        (VICE, Management.LEAVE_ROOM),
        (LAY, Management.DECLARE_ONLY),
    ]
    assert found[0].reason == (
        "A financial interest (Partner) concerning Brook Lane Surgery (P82001), which this item concerns."
    )
    assert suggest([item], [VICE], interests, {(item.id, VICE)}, {}, date(2026, 3, 1)) == []


@pytest.mark.parametrize(
    ("status", "progress", "step", "allowed"),
    [
        (MeetingStatus.DRAFT, None, stages.Step.DECLARATION, False),
        (MeetingStatus.AGENDA_PUBLISHED, None, stages.Step.APOLOGIES, True),
        (MeetingStatus.AGENDA_PUBLISHED, None, stages.Step.VOTE, False),
        (MeetingStatus.PAPERS_PUBLISHED, "open", stages.Step.VOTE, True),
        (MeetingStatus.HELD, "closed", stages.Step.VOTE, False),
        (MeetingStatus.HELD, "closed", stages.Step.NOTES, True),
        (MeetingStatus.HELD, None, stages.Step.APPROVE_MINUTES, True),
        (MeetingStatus.MINUTES_APPROVED, "closed", stages.Step.NOTES, False),
    ],
)
def test_what_each_stage_allows(status, progress, step, allowed):
    from quorum.conduct.tables import MeetingProgress

    meeting = Meeting(org_id=CCG, committee_id=uuid.uuid4(), title="M", starts_at=date(2026, 1, 1), status=status)
    row = progress and MeetingProgress(
        org_id=CCG,
        meeting_id=meeting.id,
        committee_id=meeting.committee_id,
        closed_at=date(2026, 1, 1) if progress == "closed" else None,
    )
    assert (stages.refusal(step, stages.stage_of(meeting, row)) is None) == allowed


def test_the_28_day_rule_and_the_annual_review():
    assert not declared_late(date(2026, 1, 1), date(2026, 1, 29))
    assert declared_late(date(2026, 1, 1), date(2026, 1, 30))
    assert a_year_after(date(2024, 2, 29)) == date(2025, 2, 28)
    first = next_return(date(2026, 1, 1), None, date(2026, 1, 20))
    assert (first.status, first.due_on) == (ReturnStatus.DUE, date(2026, 1, 29))
    assert next_return(date(2026, 1, 1), None, date(2026, 1, 30)).status == ReturnStatus.OVERDUE
    annual = next_return(date(2020, 1, 1), date(2025, 6, 1), date(2026, 1, 1))
    assert (annual.status, annual.due_on) == (ReturnStatus.UP_TO_DATE, date(2026, 6, 1))
    assert next_return(date(2020, 1, 1), date(2025, 6, 1), date(2026, 5, 10)).status == ReturnStatus.DUE
