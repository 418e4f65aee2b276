"""Committees in common: committees of several organisations meeting at one session, with one agenda,
each deciding for itself.

What it stores: tables.py (an arrangement, the committees invited into it and their answers, its
sessions, each session's agenda and each committee's own meeting of it). Who may see and change what:
policy.py. The rules and writes: service.py (inviting, accepting, scheduling a session, a committee
taking part, and the side-by-side record). The API: graphql.py.
"""
