"""Quorum's servers under load, beside PostGraphile: run `python -m bench.servers --help`."""
