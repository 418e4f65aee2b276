"""The outbox: domain events recorded in the same transaction as the change they describe."""
