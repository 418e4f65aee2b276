"""iCalendar (.ics) for one meeting and as a feed of a committee's meetings."""

from __future__ import annotations

import uuid
from datetime import timedelta

from icalendar import Calendar, Event
from sqlmodel import select
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from quorum import clock
from quorum.auth.identity import Refused, caller, transaction_for
from quorum.committees.service import visible_committees
from quorum.committees.tables import Committee
from quorum.meetings.service import visible_meetings
from quorum.meetings.tables import Meeting
from quorum.files.download import download_response

DEFAULT_LENGTH = timedelta(hours=2)
# RFC 5545 TEXT holds no control characters but tab (a line break is escaped); stored text may hold them.
_CONTROLS = {code: None for code in [*range(0, 9), *range(11, 32), 127]}


def _text(value: str) -> str:
    return value.translate(_CONTROLS)


def calendar(name: str, meetings: list[tuple[Meeting, str]], base_url: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Quorum//NHS commissioning governance//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _text(name))
    for meeting, committee_name in meetings:
        event = Event()
        event.add("uid", f"{meeting.id}@quorum")
        event.add("dtstamp", clock.now())
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH)
        event.add("summary", _text(f"{committee_name}: {meeting.title}"))
        if meeting.location:
            event.add("location", _text(meeting.location))
        event.add("url", f"{base_url}/meetings/{meeting.id}")
        event.add("description", _text("\n".join(x for x in (meeting.call_link, f"{base_url}/meetings/{meeting.id}") if x)))
        cal.add_component(event)
    return cal.to_ical()


def _response(content: bytes, filename: str) -> Response:
    return download_response(content, media_type="text/calendar; charset=utf-8", filename=filename, cache_control=None)


async def meeting_ics(request: Request) -> Response:
    try:
        meeting_id = uuid.UUID(request.path_params["meeting_id"])
        identity = caller(request, changes_state=False)
    except ValueError:
        return PlainTextResponse("No such meeting.", status_code=404)
    except Refused as refused:
        return refused.response
    async with transaction_for(identity) as (db, access):
        meeting = await db.first(visible_meetings(access).where(Meeting.id == meeting_id))
        committee = meeting and await db.first(select(Committee.name).where(Committee.id == meeting.committee_id))
    if meeting is None:
        return PlainTextResponse("No such meeting.", status_code=404)
    base = str(request.base_url).rstrip("/")
    return _response(calendar(committee or "Meeting", [(meeting, committee or "")], base), f"meeting-{meeting.id}.ics")


async def committee_feed(request: Request) -> Response:
    try:
        committee_id = uuid.UUID(request.path_params["committee_id"])
        identity = caller(request, changes_state=False)
    except ValueError:
        return PlainTextResponse("No such committee.", status_code=404)
    except Refused as refused:
        return refused.response
    async with transaction_for(identity) as (db, access):
        # The public may follow a committee's published meetings without seeing the committee's record.
        committee = await db.first(visible_committees(access).where(Committee.id == committee_id))
        meetings = await db.all(
            visible_meetings(access).where(Meeting.committee_id == committee_id).order_by(Meeting.starts_at)
        )
    if committee is None and not meetings:
        return PlainTextResponse("No such committee.", status_code=404)
    name = committee.name if committee else "Committee meetings"
    base = str(request.base_url).rstrip("/")
    return _response(calendar(name, [(m, name) for m in meetings], base), f"committee-{committee_id}.ics")
