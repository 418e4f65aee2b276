"""A page of ballots costs the same number of SQL statements however many ballots it holds."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from quorum.database import app_engine
from tests.ballots.helpers import FIONA, cast, new_ballot
from tests.support import BOLTON_SECRETARY, as_person

MY_BALLOTS = """query($first: Int!) { myBallots(first: $first) { edges { node {
  id title status opensAt closesAt secret organisation { name } document { url }
  rules { weighting inWords } questions { text options { label } }
  turnout { votedPractices percent }
  viewerVotingRights { practice { name } asProxy canVote vote { recordedAt castBy { name } answers { options { label } } } }
  proxies { proxy { name } } } } } }"""
ELECTORS = """query($first: Int!) { ballots(first: 1) { edges { node { electors(first: $first) { edges { node {
  odsCode listSize practice { name } representatives { email } proxy { proxy { name } } vote { castBy { name } } } } } } } } }"""


@contextmanager
def statements():
    seen = []

    def count(*_):
        seen.append(1)

    engine = app_engine().sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


async def test_my_ballots_page_costs_a_fixed_number_of_statements(client):
    # The whole page, before and after four more ballots like two already on it: ballots other tests left (in
    # other states, which other loaders answer) are on both pages, so only the ballots' number differs.
    fiona = await as_person(client, FIONA)
    counts, sizes = [], []
    for more in (2, 4):
        for _ in range(more):
            await cast(fiona, await new_ballot(client), "For")
        with statements() as seen:
            page = await fiona.data(MY_BALLOTS, {"first": 100})
        sizes.append(len(page["myBallots"]["edges"]))
        counts.append(len(seen))
    assert sizes[1] == sizes[0] + 4
    assert counts[0] == counts[1] > 3


async def test_the_electorate_page_costs_a_fixed_number_of_statements(client):
    helen = await as_person(client, BOLTON_SECRETARY)
    await helen.data(ELECTORS, {"first": 1})  # her first request also decides her access; the counts are of later ones
    counts = []
    for first in (2, 8):
        with statements() as seen:
            page = await helen.data(ELECTORS, {"first": first})
        assert len(page["ballots"]["edges"][0]["node"]["electors"]["edges"]) == first
        counts.append(len(seen))
    assert counts[0] == counts[1] > 3
