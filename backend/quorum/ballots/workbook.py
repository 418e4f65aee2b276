"""A closed ballot's result as an .xlsx workbook.

Sheets: the result per question and option; who voted (never how, for a secret ballot);
and, for a named ballot, how each practice voted.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import select

from quorum import clock, spreadsheets
from quorum.ballots import results, service
from quorum.ballots.rules import Rules
from quorum.ballots.tables import Ballot, BallotElector, BallotParticipation, BallotVoteChoice
from quorum.database import Db
from quorum.organisations.tables import Organisation, Practice
from quorum.people.tables import Person


def local(moment: datetime | None) -> datetime | None:
    return moment and moment.astimezone(clock.LONDON).replace(tzinfo=None)


def _sheet(
    book: spreadsheets.Book,
    title: str,
    header: list[str],
    rows: list[list],
    widths: list[int],
) -> spreadsheets.Sheet:
    sheet = book.sheet(title)
    sheet.widths(widths)
    sheet.heading(header)
    for row in rows:
        sheet.append(row)
    return sheet


async def workbook(db: Db, ballot: Ballot, organisation: Organisation) -> bytes:
    found = await results.result(db, ballot)
    rules, turnout = Rules.of(ballot), found.turnout
    options = {o.id: o for _, group in await service.questions_of(db, ballot) for o in group}
    book = spreadsheets.Book()
    summary = [
        ["Organisation", organisation.name],
        ["Ballot", ballot.title],
        ["Secret", "Yes" if ballot.secret else "No"],
        ["Opened", local(ballot.opens_at)],
        ["Closed", local(service.closed_at(ballot))],
        *[["Rule", words] for words in rules.in_words()],
        ["Practices in the electorate", turnout.electorate.practices],
        ["Practices voting", turnout.voted.practices],
        ["Registered patients in the electorate", turnout.electorate.weight],
        ["Registered patients voting", turnout.voted.weight],
        ["Turnout (%)", round(float(turnout.share) * 100, 2)],
        ["Valid", "Yes" if found.valid else "No"],
    ]
    sheet = _sheet(book, "Result", ["Ballot", ""], summary, [40, 70, 14, 14, 14, 12, 10, 40])
    sheet.append([])
    sheet.heading(
        [
            "Question",
            "Option",
            "Votes (practices)",
            "Weight (patients)",
            "Share (%)",
            "Elected",
            "Tied",
            "Outcome",
        ]
    )
    for question, decided in found.questions:
        for option in decided.options:
            sheet.append(
                [
                    f"{question.position}. {question.text}",
                    options[option.total.option_id].label,
                    option.total.count.practices,
                    option.total.count.weight,
                    None if option.share is None else round(float(option.share) * 100, 2),
                    "Yes" if option.elected else "",
                    "Yes" if option.tied else "",
                    decided.summary,
                ]
            )
    voters = await _voters(db, ballot)
    _sheet(
        book,
        "Who voted",
        ["Practice", "ODS code", "List size", "Voted", "At", "Cast by", "As proxy"],
        [
            [v["name"], v["ods"], v["list_size"], "Yes" if v["at"] else "No", local(v["at"]), v["by"], v["proxy"]]
            for v in voters
        ],
        [36, 10, 10, 8, 18, 30, 10],
    )
    if not ballot.secret:
        choices = await db.all(
            select(BallotVoteChoice).where(
                BallotVoteChoice.org_id == ballot.org_id,
                BallotVoteChoice.ballot_id == ballot.id,
            )
        )
        by_practice = {v["practice_id"]: v for v in voters}
        rows = sorted(
            [
                by_practice[c.practice_id]["name"],
                by_practice[c.practice_id]["ods"],
                question.position,
                options[c.option_id].label,
            ]
            for c in choices
            for question, _ in found.questions
            if question.id == c.question_id
        )
        _sheet(book, "Votes", ["Practice", "ODS code", "Question", "Choice"], rows, [36, 10, 10, 40])
    return book.to_bytes()


async def _voters(db: Db, ballot: Ballot) -> list[dict]:
    electors = await db.all(results.electorate(ballot))
    participation = {
        p.practice_id: p
        for p in await db.all(
            select(BallotParticipation).where(
                BallotParticipation.org_id == ballot.org_id,
                BallotParticipation.ballot_id == ballot.id,
            )
        )
    }
    practice_ids = [e.practice_id if isinstance(e, BallotElector) else e.id for e in electors]
    names = {p.id: p.name for p in await db.all(select(Practice).where(Practice.id.in_(practice_ids)))}
    casters = {p.cast_by for p in participation.values()}
    people = {p.id: p.name for p in await db.all(select(Person).where(Person.id.in_(casters)))}
    voters = []
    for elector, practice_id in zip(electors, practice_ids):
        vote = participation.get(practice_id)
        voters.append(
            {
                "practice_id": practice_id,
                "name": names.get(practice_id, ""),
                "ods": elector.ods_code,
                "list_size": elector.list_size,
                "at": vote and (vote.changed_at or vote.recorded_at),
                "by": people.get(vote.cast_by, "") if vote else "",
                "proxy": "Yes" if vote and vote.proxy_id else "",
            }
        )
    return sorted(voters, key=lambda v: v["ods"])
