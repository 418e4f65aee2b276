"""iCalendar (RFC 5545): meetings as events, for one meeting or as a feed of a committee's meetings, and as the
attachment of a letter about a meeting (METHOD:PUBLISH for the notice and changes, METHOD:CANCEL when cancelled).

Every version of a meeting keeps its UID; its SEQUENCE rises with each change sent out, so a calendar replaces
the event it holds (or removes it, on cancellation) rather than adding another."""

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


def calendar(name: str, meetings: list[tuple[Meeting, str]], base_url: str, method: str | None = None) -> bytes:
    """`base_url` may be empty (a letter's attachment, where the site's address is the frame's): no URL then."""
    cal = Calendar()
    cal.add("prodid", "-//Quorum//NHS commissioning governance//EN")
    cal.add("version", "2.0")
    if method:
        cal.add("method", method)
    cal.add("x-wr-calname", _text(name))
    for meeting, committee_name in meetings:
        event = Event()
        event.add("uid", f"{meeting.id}@quorum")
        event.add("sequence", meeting.sequence or 0)
        event.add("status", "CANCELLED" if meeting.cancelled_at else "CONFIRMED")
        event.add("dtstamp", clock.now())
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH)
        event.add("summary", _text(f"{committee_name}: {meeting.title}"))
        if meeting.location:
            event.add("location", _text(meeting.location))
        page = f"{base_url}/meetings/{meeting.id}" if base_url else ""
        if page:
            event.add("url", page)
        event.add("description", _text("\n".join(x for x in (meeting.call_link, page) if x)))
        cal.add_component(event)
    return cal.to_ical()


def notice(meeting: Meeting, committee_name: str) -> bytes:
    """One meeting as a letter's attachment: its notice or change, or its cancellation."""
    method = "CANCEL" if meeting.cancelled_at else "PUBLISH"
    return calendar(committee_name, [(meeting, committee_name)], "", method)
