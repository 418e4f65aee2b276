"""The signed-in person and their memberships, as a hot read: the frontend's `Session` document, which
every page load sends, answered in one statement (anonymous callers in none)."""

from __future__ import annotations

import json
from typing import Any

from quorum import clock
from quorum.access import Access
from quorum.config import get_settings
from quorum.graphql.hot import Reader, global_id, hot_read

# frontend/src/api/operations.ts, sessionQuery (a test keeps the two the same)
SESSION = """
  query Session {
    viewer {
      isPlatformAdmin
      person {
        id
        name
        email
      }
      memberships {
        id
        role
        validFrom
        validTo
        organisation {
          id
          kind
          odsCode
          name
        }
        practice {
          id
          odsCode
          name
        }
      }
    }
    signInOptions {
      oidcEnabled
      demoMode
    }
  }
"""

# Active memberships only, in the order of people/graphql.py's loader (valid_from, id).
VIEWER_JSON = f"""
SELECT json_build_object(
    'isPlatformAdmin', $2::boolean,
    'person', json_build_object('id', {global_id("Person", "p.id")}, 'name', p.name, 'email', p.email),
    'memberships', (
        SELECT coalesce(json_agg(json_build_object(
            'id', {global_id("Membership", "m.id")},
            'role', m.role,
            'validFrom', m.valid_from,
            'validTo', m.valid_to,
            'organisation', (
                SELECT json_build_object('id', {global_id("Organisation", "o.id")}, 'kind', o.kind,
                                         'odsCode', o.ods_code, 'name', o.name)
                FROM organisation o WHERE o.id = m.org_id),
            'practice', (
                SELECT json_build_object('id', {global_id("Practice", "pr.id")},
                                         'odsCode', pr.ods_code, 'name', pr.name)
                FROM practice pr WHERE pr.id = m.practice_id)
        ) ORDER BY m.valid_from, m.id), '[]')
        FROM membership m
        WHERE m.person_id = p.id AND m.valid_from <= $3 AND (m.valid_to IS NULL OR $3 <= m.valid_to))
)::text
FROM person p WHERE p.id = $1
"""


@hot_read(SESSION, one_statement=True)
async def session(db: Reader, access: Access, variables: dict[str, Any]) -> str | None:
    if variables:
        return None
    settings = get_settings()
    options = json.dumps({"oidcEnabled": settings.oidc_enabled, "demoMode": settings.demo_mode})
    viewer = "null"
    if access.person_id is not None:
        rows = await db.records(VIEWER_JSON, access.person_id, access.is_platform_admin, clock.today())
        viewer = rows[0][0] if rows else "null"
    return '{"data":{"viewer":' + viewer + ',"signInOptions":' + options + "}}"
