"""One row type per table, with the table's own column names, in the order the tables are loaded.

Rows are named tuples: cheap to make by the million, read by attribute (so the app's own functions,
such as the minutes' composition, can read them as they read its tables) and copied as they are.
"""

from __future__ import annotations

from collections import namedtuple

from sqlmodel import SQLModel

import quorum.tables  # noqa: F401  (every table in the metadata)

# Parents before children, so that a load in this order never refers to a row not yet there.
LOAD_ORDER = (
    "organisation",
    "practice",
    "person",
    "person_registration",
    "membership",
    "primary_care_contract",
    "ballot_settings",
    "stored_file",
    "file_text",
    "committee",
    "committee_party",
    "seat",
    "delegation",
    "interest",
    "interest_review",
    "gift_or_hospitality",
    "meeting",
    "agenda_item",
    "paper",
    "paper_version",
    "appendix",
    "pack_build",
    "meeting_progress",
    "attendance",
    "attendance_movement",
    "declaration",
    "vote",
    "vote_cast",
    "secret_tally",
    "decision",
    "action",
    "action_update",
    "minute_note",
    "minutes",
    "ballot",
    "ballot_question",
    "ballot_option",
    "ballot_tally",
    "ballot_elector",
    "ballot_proxy",
    "ballot_participation",
    "ballot_vote",
    "ballot_vote_choice",
    "survey",
    "survey_section",
    "survey_question",
    "survey_response",
    "survey_answer",
    "survey_respondent",
    "survey_participation",
    "indicator",
    "indicator_value",
    "concern_ladder_step",
    "concern",
    "concern_step_change",
)


# The app writes this one through a function only; it has no model.
_WITHOUT_MODEL = {"survey_participation": ["org_id", "survey_id", "anonymity", "respondent"]}


def _row_type(table: str) -> type:
    columns = _WITHOUT_MODEL.get(table) or [c.name for c in SQLModel.metadata.tables[table].columns]
    row = namedtuple("".join(w.capitalize() for w in table.split("_")), columns, defaults=[None] * len(columns))
    row.table = table
    return row


ROWS = {table: _row_type(table) for table in LOAD_ORDER}
Organisation, Practice, Person = ROWS["organisation"], ROWS["practice"], ROWS["person"]
PersonRegistration, Membership, PrimaryCareContract = (
    ROWS["person_registration"],
    ROWS["membership"],
    ROWS["primary_care_contract"],
)
BallotSettings, StoredFile, Committee = ROWS["ballot_settings"], ROWS["stored_file"], ROWS["committee"]
FileText = ROWS["file_text"]
CommitteeParty, Seat, Delegation = ROWS["committee_party"], ROWS["seat"], ROWS["delegation"]
Interest, InterestReview, GiftOrHospitality = ROWS["interest"], ROWS["interest_review"], ROWS["gift_or_hospitality"]
Meeting, AgendaItem, Paper, PaperVersion = ROWS["meeting"], ROWS["agenda_item"], ROWS["paper"], ROWS["paper_version"]
Appendix, PackBuild, MeetingProgress = ROWS["appendix"], ROWS["pack_build"], ROWS["meeting_progress"]
Attendance, AttendanceMovement, Declaration = ROWS["attendance"], ROWS["attendance_movement"], ROWS["declaration"]
VoteCast, SecretTally, Decision = ROWS["vote_cast"], ROWS["secret_tally"], ROWS["decision"]
Action, ActionUpdate, MinuteNote, Minutes = ROWS["action"], ROWS["action_update"], ROWS["minute_note"], ROWS["minutes"]
Ballot, BallotQuestion, BallotOption, BallotTally = (
    ROWS["ballot"],
    ROWS["ballot_question"],
    ROWS["ballot_option"],
    ROWS["ballot_tally"],
)
BallotElector, BallotProxy, BallotParticipation = (
    ROWS["ballot_elector"],
    ROWS["ballot_proxy"],
    ROWS["ballot_participation"],
)
BallotVote, BallotVoteChoice = ROWS["ballot_vote"], ROWS["ballot_vote_choice"]
Survey, SurveySection, SurveyQuestion = ROWS["survey"], ROWS["survey_section"], ROWS["survey_question"]
SurveyResponse, SurveyAnswer, SurveyRespondent = (
    ROWS["survey_response"],
    ROWS["survey_answer"],
    ROWS["survey_respondent"],
)
SurveyParticipation = ROWS["survey_participation"]
ConcernLadderStep, Concern, ConcernStepChange = (
    ROWS["concern_ladder_step"],
    ROWS["concern"],
    ROWS["concern_step_change"],
)


class Vote(ROWS["vote"]):
    """A vote row, read by the minutes as the app reads its Vote."""

    __slots__ = ()

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


ROWS["vote"] = Vote
