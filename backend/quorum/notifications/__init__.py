"""Telling people what happened: domain events from the outbox become messages, by email and in the outbox."""
