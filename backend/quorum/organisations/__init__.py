"""Organisations (CCGs and area teams) and the GP practices that are a CCG's members."""
