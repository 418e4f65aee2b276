"""Meetings of committees, their agendas (Part I in public, Part II in private) and calendars."""
