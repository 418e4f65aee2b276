"""iCalendar (RFC 5545): meetings as events, for one meeting or as a feed of a committee's meetings."""

from __future__ import annotations

from datetime import timedelta

from icalendar import Calendar, Event

from quorum import clock
from quorum.meetings.tables import Meeting

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
        where = (meeting.call_link, f"{base_url}/meetings/{meeting.id}")
        event.add("description", _text("\n".join(x for x in where if x)))
        cal.add_component(event)
    return cal.to_ical()
