"""The meeting page and a committee's meeting list as hot reads: the frontend's `Meeting` and
`CommitteeMeetings` documents, each answered in one statement.

The agenda's numbering and order follow `agenda.numbers` and `agenda.in_agenda_order`: Part I first,
each top-level item followed by its sub-items; a sub-item whose parent the caller cannot see is not
on their agenda.
"""

from __future__ import annotations

import json
from typing import Any

from quorum import ids
from quorum.access import Access
from quorum.errors import ClientError
from quorum.graphql.hot import Reader, global_id, hot_read, iso_datetime
from quorum.graphql.pagination import MAX_PAGE, decode_cursor, encode_cursor
from quorum.meetings.policy import committees_run_by, sees_call_link
from quorum.meetings.tables import Meeting

# frontend/src/api/meetings.ts, meetingQuery (a test keeps the two the same)
MEETING_PAGE = """
  query Meeting($id: ID!) {
    node(id: $id) {
      __typename
      ... on Meeting {
        id
        title
        startsAt
        endsAt
        location
        callLink
        status
        papersDue
        noticeSentAt
        cancelledAt
        calendarUrl
        viewerCanManage
        committee {
          id
          name
          kind
          host {
            id
            odsCode
            name
          }
        }
        agenda {
          id
          number
          title
          presenter
          minutesAllotted
          purpose
          part
          needsPaper
          isSubItem
          startsAt
          paper {
            id
            title
            status
            dueDate
            author {
              id
              name
            }
            sponsor {
              id
              name
            }
          }
        }
        packs {
          id
          part
          number
          isSupplement
          status
          progress
          message
          pageCount
          createdAt
          publishedAt
          withdrawnAt
          withdrawalReason
          url
          itemPages {
            itemId
            page
          }
        }
      }
    }
  }
"""


MEETING_JSON = f"""
WITH item AS (
    SELECT * FROM agenda_item WHERE meeting_id = $1
), top_item AS (
    SELECT id, row_number() OVER (ORDER BY part <> 'PUBLIC', position) AS n FROM item WHERE parent_id IS NULL
), placed AS (
    SELECT item.*, top_item.n::text AS number, top_item.n AS top, 0 AS sub
    FROM item JOIN top_item ON top_item.id = item.id
    UNION ALL
    SELECT item.*, top_item.n || '.' || row_number() OVER (PARTITION BY item.parent_id ORDER BY item.position),
           top_item.n, item.position
    FROM item JOIN top_item ON top_item.id = item.parent_id
), timed AS (  -- agenda.start_times: each item starts when every item before it has had its minutes
    SELECT placed.*, coalesce(sum(minutes_allotted) OVER (
        ORDER BY top, sub ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS minutes_before
    FROM placed
), named AS (  -- each author and sponsor once, however many papers they have
    SELECT p.id, json_build_object('id', {global_id("Person", "p.id")}, 'name', p.name) AS summary
    FROM person p
    WHERE p.id IN (SELECT author_id FROM paper WHERE meeting_id = $1
                   UNION SELECT sponsor_id FROM paper WHERE meeting_id = $1)
)
SELECT json_build_object(
    '__typename', 'Meeting',
    'id', {global_id("Meeting", "m.id")},
    'title', m.title,
    'startsAt', {iso_datetime("m.starts_at")},
    'endsAt', {iso_datetime("m.ends_at")},
    'location', m.location,
    'callLink', CASE WHEN m.committee_id = ANY ($3::uuid[]) THEN m.call_link ELSE '' END,  -- sees_call_link
    'status', m.status,
    'papersDue', m.papers_due,
    'noticeSentAt', {iso_datetime("m.notice_sent_at")},
    'cancelledAt', {iso_datetime("m.cancelled_at")},
    'calendarUrl', '/meetings/' || m.id || '/calendar.ics',
    'viewerCanManage', m.committee_id = ANY ($2::uuid[]),
    'committee', (
        SELECT json_build_object(
            'id', {global_id("Committee", "c.id")},
            'name', c.name,
            'kind', c.kind,
            'host', (SELECT json_build_object(
                         'id', {global_id("Organisation", "o.id")}, 'odsCode', o.ods_code, 'name', o.name)
                     FROM organisation o WHERE o.id = c.org_id))
        FROM committee c WHERE c.id = m.committee_id),
    'agenda', (
        SELECT coalesce(json_agg(json_build_object(
            'id', {global_id("AgendaItem", "i.id")},
            'number', i.number,
            'title', i.title,
            'presenter', i.presenter,
            'minutesAllotted', i.minutes_allotted,
            'purpose', i.purpose,
            'part', i.part,
            'needsPaper', i.needs_paper,
            'isSubItem', i.parent_id IS NOT NULL,
            'startsAt', {iso_datetime("(m.starts_at + i.minutes_before * interval '1 minute')")},
            'paper', CASE WHEN paper.id IS NOT NULL THEN json_build_object(
                'id', {global_id("Paper", "paper.id")},
                'title', paper.title,
                'status', paper.status,
                'dueDate', paper.due_date,
                'author', (SELECT summary FROM named WHERE named.id = paper.author_id),
                'sponsor', (SELECT summary FROM named WHERE named.id = paper.sponsor_id)) END
        ) ORDER BY i.top, i.sub), '[]')
        FROM timed i LEFT JOIN paper ON paper.item_id = i.id),
    'packs', (
        SELECT coalesce(json_agg(json_build_object(
            'id', {global_id("PackBuild", "b.id")},
            'part', b.part,
            'number', b.number,
            'isSupplement', b.is_supplement,
            'status', b.status,
            'progress', b.progress,
            'message', b.message,
            'pageCount', b.page_count,
            'createdAt', {iso_datetime("b.created_at")},
            'publishedAt', {iso_datetime("b.published_at")},
            'withdrawnAt', {iso_datetime("b.withdrawn_at")},
            'withdrawalReason', b.withdrawn_reason,
            'url', CASE WHEN b.file_id IS NOT NULL AND b.withdrawn_at IS NULL THEN '/packs/' || b.id || '.pdf' END,
            'itemPages', (
                SELECT coalesce(json_agg(json_build_object(
                    'itemId', {global_id("AgendaItem", "page.key::uuid")}, 'page', page.value::int
                ) ORDER BY page.value::int, page.key), '[]')
                FROM jsonb_each_text(b.item_pages) AS page)
        ) ORDER BY b.created_at DESC), '[]')
        FROM pack_build b WHERE b.meeting_id = m.id AND b.session_id IS NULL)
)::text
FROM meeting m WHERE m.id = $1
"""


@hot_read(MEETING_PAGE, one_statement=True)
async def meeting_page(db: Reader, access: Access, variables: dict[str, Any]) -> str | None:
    if set(variables) != {"id"} or not isinstance(variables["id"], str):
        return None
    try:
        type_name, meeting_id = ids.decode(variables["id"])
    except ClientError:
        return None  # the schema says why
    if type_name != "Meeting":
        return None
    rows = await db.records(MEETING_JSON, meeting_id, list(committees_run_by(access)), list(access.committee_ids))
    return '{"data":{"node":' + (rows[0][0] if rows else "null") + "}}"


# frontend/src/api/meetings.ts, committeeMeetingsQuery (a test keeps the two the same)
COMMITTEE_MEETINGS = """
  query CommitteeMeetings($committeeId: ID!, $first: Int!, $after: String) {
    meetings(committeeId: $committeeId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          startsAt
          endsAt
          location
          callLink
          status
          cancelledAt
        }
      }
    }
  }
"""

# Soonest first, keyset-paged on (starts_at, id) as graphql/pagination.py pages them.
MEETINGS_JSON = f"""
WITH visible AS (
    SELECT * FROM meeting WHERE committee_id = $1
), numbered AS (
    SELECT *, row_number() OVER (ORDER BY starts_at, id) AS n
    FROM visible WHERE $3::timestamptz IS NULL OR (starts_at, id) > ($3, $4::uuid)
    ORDER BY starts_at, id LIMIT $2 + 1
)
SELECT (SELECT count(*) FROM visible),
       (SELECT count(*) FROM numbered) > $2,
       (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
            'id', {global_id("Meeting", "m.id")},
            'title', m.title,
            'startsAt', {iso_datetime("m.starts_at")},
            'endsAt', {iso_datetime("m.ends_at")},
            'location', m.location,
            'callLink', CASE WHEN $5 THEN m.call_link ELSE '' END,
            'status', m.status,
            'cancelledAt', {iso_datetime("m.cancelled_at")})) ORDER BY m.n), '[]')::text
        FROM numbered m WHERE m.n <= $2),
       last.starts_at, last.id
FROM (SELECT 1) AS one LEFT JOIN LATERAL (
    SELECT starts_at, id FROM numbered WHERE n <= $2 ORDER BY n DESC LIMIT 1
) AS last ON true
"""
CURSOR_KEYS = [Meeting.starts_at, Meeting.id]


@hot_read(COMMITTEE_MEETINGS, one_statement=True)
async def committee_meetings(db: Reader, access: Access, variables: dict[str, Any]) -> str | None:
    committee, first, after = variables.get("committeeId"), variables.get("first"), variables.get("after")
    if set(variables) - {"committeeId", "first", "after"} or not isinstance(committee, str):
        return None
    if type(first) is not int or not 1 <= first <= MAX_PAGE or not (after is None or isinstance(after, str)):
        return None
    try:
        type_name, committee_id = ids.decode(committee)
        start = decode_cursor(after, CURSOR_KEYS) if after is not None else [None, None]
    except ClientError:
        return None  # the schema says why
    if type_name != "Committee":
        return None
    call_links = sees_call_link(access, committee_id)
    rows = await db.records(MEETINGS_JSON, committee_id, first, *start, call_links)
    total, more, edges, last_starts_at, last_id = rows[0]
    end = json.dumps(encode_cursor([last_starts_at, last_id])) if last_id else "null"
    page_info = '{"hasNextPage":' + ("true" if more else "false") + ',"endCursor":' + end + "}"
    return '{"data":{"meetings":{"totalCount":' + str(total) + ',"pageInfo":' + page_info + ',"edges":' + edges + "}}}"
