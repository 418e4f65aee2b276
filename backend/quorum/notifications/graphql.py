"""The viewer's notification preferences, the demo's Sent mail, and subscribing to a committee by email."""

from __future__ import annotations

from datetime import datetime

import strawberry

from quorum import ids
from quorum.errors import ClientError
from quorum.graphql.context import Info
from quorum.graphql.mutations import mutation, payload
from quorum.graphql.pagination import Connection, paginate
from quorum.notifications import policy, service, subscriptions
from quorum.notifications.tables import Mode, NotificationMessage, Status

NotificationModeEnum = strawberry.enum(Mode, name="NotificationMode")
MessageStatusEnum = strawberry.enum(Status, name="NotificationMessageStatus")


@strawberry.type(description="How the viewer receives one kind of message.")
class NotificationChoice:
    kind: str
    label: str
    mandatory: bool = strawberry.field(description="Always sent at once; cannot be turned off.")
    mode: NotificationModeEnum


@strawberry.type
class NotificationPreferences:
    digest_hour: int = strawberry.field(description="The hour (0-23, UK time) the daily digest is sent.")
    choices: list[NotificationChoice]


@strawberry.type(description="A message in the outbox, as it was or would have been sent.")
class SentMessage:
    id: strawberry.ID
    kind: str
    to: str
    subject: str
    body_text: str
    status: MessageStatusEnum
    created_at: datetime
    sent_at: datetime | None

    @classmethod
    def from_row(cls, row: NotificationMessage) -> SentMessage:
        assert row.created_at is not None
        return cls(
            id=strawberry.ID(str(row.id)),
            kind=row.kind,
            to=row.email,
            subject=row.subject,
            body_text=row.body_text,
            status=Status(row.status),
            created_at=row.created_at,
            sent_at=row.sent_at,
        )


@strawberry.input
class NotificationChoiceInput:
    kind: str
    mode: NotificationModeEnum


@strawberry.input
class SetNotificationPreferencesInput:
    choices: list[NotificationChoiceInput] = strawberry.field(default_factory=list)
    digest_hour: int | None = None


async def _preferences(info: Info) -> NotificationPreferences:
    db, access = info.context.db, info.context.access
    choices = await service.preferences(db, access)
    return NotificationPreferences(
        digest_hour=await service.digest_hour(db, access),
        choices=[NotificationChoice(kind=c.kind, label=c.label, mandatory=c.mandatory, mode=c.mode) for c in choices],
    )


@strawberry.type
class NotificationQueries:
    @strawberry.field(description="What the viewer receives and how; null when not signed in.")
    async def my_notification_preferences(self, info: Info) -> NotificationPreferences | None:
        if not info.context.access.signed_in:
            return None
        return await _preferences(info)

    @strawberry.field(description="The outbox, newest first: platform administrators, in demo mode only.")
    async def sent_mail(self, info: Info, first: int = 20, after: str | None = None) -> Connection[SentMessage]:
        if not policy.can_read_sent_mail(info.context.access, info.context.settings.demo_mode):
            raise ClientError("Sent mail is shown only to platform administrators of a demonstration.")
        return await paginate(
            info.context.db,
            policy.visible_messages(info.context.access),
            [NotificationMessage.created_at, NotificationMessage.id],
            first,
            after,
            SentMessage.from_row,
            descending=True,
        )


PreferencesPayload = payload("SetNotificationPreferencesPayload", preferences=NotificationPreferences)
SubscribePayload = payload("SubscribeToCommitteePayload", message=str)


@strawberry.type
class NotificationMutations:
    @mutation
    async def set_notification_preferences(
        self, info: Info, input: SetNotificationPreferencesInput
    ) -> PreferencesPayload:
        await service.set_preferences(
            info.context.db,
            info.context.access,
            modes={choice.kind: Mode(choice.mode) for choice in input.choices},
            digest_hour=input.digest_hour,
        )
        return PreferencesPayload(preferences=await _preferences(info))

    @mutation(
        description="Follow a committee's published papers by email; needs no sign-in. The answer is the same "
        "whether or not the address was already subscribed."
    )
    async def subscribe_to_committee(self, info: Info, committee_id: strawberry.ID, email: str) -> SubscribePayload:
        committee = ids.decode_as("Committee", committee_id, "committeeId")
        return SubscribePayload(message=await subscriptions.subscribe(committee, email))
