"""The frame around every letter: the organisation's name (subject and heading), the link back into Quorum, the
unsubscribe link and RFC 8058 headers (none for mandatory kinds), HTML with a plain-text alternative, and the
.ics attachment when the letter has one."""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape
from urllib.parse import urlsplit

from quorum import clock
from quorum.config import get_settings
from quorum.notifications.letters import Kind, Letter, Recipient
from quorum.notifications.tokens import Unsubscribe, unsubscribe_token


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    unsubscribe_url: str | None


def absolute(path: str) -> str:
    return get_settings().public_url + "/" + path.lstrip("/")


def unsubscribe_url(kind: Kind, recipient: Recipient) -> str | None:
    """None for a mandatory kind, and for an address that is neither a person's nor a public subscription's."""
    if kind.mandatory or (recipient.person_id is None and recipient.subscription_id is None):
        return None
    what = Unsubscribe(kind=kind.name, person_id=recipient.person_id, subscription_id=recipient.subscription_id)
    return absolute(f"/unsubscribe/{unsubscribe_token(what)}")


def render(org_name: str, kind: Kind, letter: Letter, recipient: Recipient) -> Rendered:
    return frame(org_name, letter, recipient.name, unsubscribe_url(kind, recipient), kind.label)


def frame(org_name: str, letter: Letter, name: str, unsubscribe: str | None, label: str) -> Rendered:
    subject = f"[{org_name}] {letter.subject}" if org_name else letter.subject
    link = absolute(letter.link)
    greeting = f"Dear {name}," if name else "Hello,"
    text_lines = [org_name, "", greeting, ""] if org_name else [greeting, ""]
    for paragraph in letter.paragraphs:
        text_lines += [paragraph, ""]
    text_lines += [f"{letter.link_label}: {link}", ""]
    html_parts = [
        '<!doctype html><html><body style="font-family: Arial, sans-serif; color: #212b32">',
        f'<p style="background: #005eb8; color: #fff; padding: 12px; font-weight: bold">{escape(org_name)}</p>'
        if org_name
        else "",
        f"<p>{escape(greeting)}</p>",
        *(f"<p>{escape(paragraph)}</p>" for paragraph in letter.paragraphs),
        f'<p><a href="{escape(link, quote=True)}">{escape(letter.link_label)}</a></p>',
    ]
    if unsubscribe:
        text_lines += [
            "--",
            f"You receive this because of your Quorum settings ({label}).",
            f"Stop these: {unsubscribe}",
        ]
        html_parts.append(
            f'<p style="font-size: small">You receive this because of your Quorum settings ({escape(label)}).'
            f' <a href="{escape(unsubscribe, quote=True)}">Stop these messages</a></p>'
        )
    html_parts.append("</body></html>")
    return Rendered(subject, "\n".join(text_lines), "\n".join(part for part in html_parts if part), unsubscribe)


SUBJECT_LENGTH = 200


def header_text(value: str, length: int = SUBJECT_LENGTH) -> str:
    """A header's words with no line breaks, control or direction-changing characters (a stored name can hold
    any of them, and one would end or spoof the header), in one line of at most `length` characters."""
    kept = (
        " " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
        for c in value
        if unicodedata.category(c) not in ("Cf", "Cs", "Co", "Cn")
    )
    words = " ".join("".join(kept).split())
    return words if len(words) <= length else words[: length - 1].rstrip() + "…"


def message_id(message_uuid: uuid.UUID) -> str:
    host = urlsplit(get_settings().public_url).hostname or "quorum.invalid"
    return f"<{message_uuid}@{host}>"


def email_message(
    *,
    to_email: str,
    to_name: str,
    subject: str,
    text: str,
    html: str,
    message_id: str,
    unsubscribe_url: str | None,
    ics: bytes | None,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = get_settings().mail_from
    # Address, not formataddr: folding a long quoted name with other scripts drops its quotes, and a name
    # holding "Bcc: x@evil.test" would then be read as a second address.
    message["To"] = Address(display_name=header_text(to_name), addr_spec=to_email) if to_name else to_email
    message["Subject"] = header_text(subject)
    message["Date"] = format_datetime(clock.now())
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"
    if unsubscribe_url:
        message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    if ics:
        calendar = ics.decode("utf-8", errors="replace")
        message.add_attachment(calendar, subtype="calendar", filename="meeting.ics", params={"method": "REQUEST"})
    return message
