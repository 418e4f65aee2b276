"""The frame around a letter: escaped HTML with a plain-text alternative, the organisation's name, an absolute
link, the unsubscribe link and headers (none for mandatory kinds), and a calendar attachment when there is one."""

from __future__ import annotations

import uuid
from email import message_from_bytes
from email.policy import default

import pytest

from quorum.notifications.frame import email_message, frame, render
from quorum.notifications.letters import Kind, Letter, Recipient
from quorum.notifications.tokens import read_unsubscribe_token

HOSTILE = '<script>alert("x")</script> & “quotes”'


async def _nobody(db, event):
    return []


def _kind(mandatory: bool) -> Kind:
    return Kind(
        name="meeting_changed", label="A meeting changed", recipients=_nobody, write=_nobody, mandatory=mandatory
    )


def test_html_is_escaped_and_the_text_alternative_says_the_same():
    letter = Letter(subject=HOSTILE, paragraphs=(HOSTILE,), link="/meetings/abc?x=1&y=2", link_label=HOSTILE)
    rendered = frame("NHS <Bolton> CCG", letter, "Dr O'Brien <b>", None, "")
    assert "<script>" not in rendered.html and "&lt;script&gt;" in rendered.html
    assert "NHS &lt;Bolton&gt; CCG" in rendered.html and "Dr O&#x27;Brien &lt;b&gt;" in rendered.html
    assert 'href="http://127.0.0.1:8000/meetings/abc?x=1&amp;y=2"' in rendered.html
    assert HOSTILE in rendered.text and "http://127.0.0.1:8000/meetings/abc?x=1&y=2" in rendered.text
    assert rendered.subject == f"[NHS <Bolton> CCG] {HOSTILE}"


def test_a_calendar_attachment_travels_with_the_message_and_mandatory_kinds_have_no_unsubscribing():
    ics = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"
    person = uuid.uuid4()
    letter = Letter(subject="Meeting moved", paragraphs=("It moved.",), link="/meetings/m", link_label="Open", ics=ics)
    for mandatory in (False, True):
        rendered = render("NHS Bolton CCG", _kind(mandatory), letter, Recipient("a@example.org", "A", person))
        message = email_message(
            to_email="a@example.org",
            to_name="A",
            subject=rendered.subject,
            text=rendered.text,
            html=rendered.html,
            message_id="<1@example.org>",
            unsubscribe_url=rendered.unsubscribe_url,
            ics=ics,
        )
        parsed = message_from_bytes(message.as_bytes(), policy=default)
        [attachment] = list(parsed.iter_attachments())
        assert attachment.get_content_type() == "text/calendar" and attachment.get_param("method") == "REQUEST"
        assert "BEGIN:VCALENDAR" in attachment.get_content()
        assert parsed.get_body(("plain",)) is not None and parsed.get_body(("html",)) is not None
        if mandatory:
            assert parsed["List-Unsubscribe"] is None and rendered.unsubscribe_url is None
        else:
            token = parsed["List-Unsubscribe"].strip("<>").rsplit("/", 1)[1]
            assert read_unsubscribe_token(token).person_id == person
            assert read_unsubscribe_token(token).kind == "meeting_changed"


@pytest.mark.parametrize("script", ["Протокол", "Minutes"])
def test_a_stored_name_cannot_break_or_spoof_the_headers(script):
    wicked = (
        f"NHS \x01\x07\x0b\x1b\x1f\x7fWicked\u202egnp.exe\u202c\u200f\u2028{script}\r\nBcc: x@evil.test,"
        ' "y@evil.test" <z@evil.test> ' + "long " * 200
    )
    letter = Letter(subject="Papers are ready", paragraphs=("Read them.",), link="/meetings/m", link_label="Open")
    rendered = render(wicked, _kind(False), letter, Recipient("a@example.org", wicked, uuid.uuid4()))
    message = email_message(
        to_email="a@example.org",
        to_name=wicked,
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        message_id="<1@example.org>",
        unsubscribe_url=rendered.unsubscribe_url,
        ics=None,
    )
    parsed = message_from_bytes(message.as_bytes(), policy=default)
    subject = str(parsed["Subject"])
    assert subject.startswith(f"[NHS Wickedgnp.exe {script} Bcc: x@evil.test,") and subject.endswith("…")
    assert len(str(message["Subject"])) <= 200 and parsed["Bcc"] is None
    assert not any(c in subject for c in "\x01\x0b\u202e\u2028\r\n")
    [address] = parsed["To"].addresses
    assert address.addr_spec == "a@example.org" and address.display_name.startswith(f"NHS Wickedgnp.exe {script}")
