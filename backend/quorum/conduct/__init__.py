"""Running a meeting: attendance, declarations, the quorum of each item, votes, decisions, the action log
and the minutes, live on every screen.

What it stores: tables.py. The rules, as plain functions: stages.py (what may be recorded when),
quorum_state.py (an item's quorum and who chairs it), votes.py (counting, the casting vote), conflicts.py
(likely conflicts from the register). Who may see and do what: policy.py. A meeting's record, read in a
fixed number of statements: record.py. The writes: service.py (opening, closing, taking items),
attendance.py, declarations.py, voting.py, decisions.py (with delegated.py), actions.py, minutes.py.
The minutes PDF: minutes_document.py and http.py. Live events: live.py. The API: graphql/ (types.py,
operations.py).
"""
