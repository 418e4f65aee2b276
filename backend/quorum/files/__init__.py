"""Uploaded documents (terms of reference, signed agreements, appendices), kept in PostgreSQL."""
