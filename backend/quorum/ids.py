"""Opaque global IDs: base64url of "Type:uuid"."""

from __future__ import annotations

import base64
import binascii
import uuid

from quorum.errors import ClientError, input_error


def encode(type_name: str, key: uuid.UUID) -> str:
    raw = f"{type_name}:{key}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(global_id: str) -> tuple[str, uuid.UUID]:
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, key = base64.urlsafe_b64decode(padded.encode()).decode().partition(":")
        return type_name, uuid.UUID(key)
    except (binascii.Error, UnicodeError, ValueError):
        raise ClientError(f"{global_id!r} is not a Quorum ID") from None


def decode_as(expected_type: str, global_id: str, field: str | None = None) -> uuid.UUID:
    """Decode an ID that must name an entity of one type (for mutation inputs)."""
    try:
        type_name, key = decode(global_id)
    except ClientError:
        raise input_error(field, f"That is not a valid {expected_type} ID.") from None
    if type_name != expected_type:
        raise input_error(field, f"That is not a valid {expected_type} ID.")
    return key


def expect(type_name: str, global_id: str) -> uuid.UUID:
    """Decode an ID a query argument names (bad ones are the query's error, not a payload's)."""
    found, key = decode(global_id)
    if found != type_name:
        raise ClientError(f"That is not a {type_name} ID.")
    return key
