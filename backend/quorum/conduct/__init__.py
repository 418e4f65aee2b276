"""Running a meeting: attendance, declarations, the quorum of each item, votes, decisions, the action log
and the minutes, live on every screen.

tables.py: what is stored. stages.py: what may be done at each stage of a meeting. quorum_state.py,
votes.py and conflicts.py: the rules, as plain functions. record.py: a meeting's record, read in a fixed
number of statements. attendance.py, declarations.py, voting.py, decisions.py, actions.py, minutes.py:
the writes. live.py: the live state and its events. graphql.py and types.py: the API.
"""
