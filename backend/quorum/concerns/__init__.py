"""The quality concerns register: concerns about providers and member practices, and their escalation ladder."""
