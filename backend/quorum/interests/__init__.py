"""Registers of interests and of gifts and hospitality (NHS England conflicts of interest guidance, 2017).

tables.py: what is stored. rules.py: the 28-day and annual review deadlines and the gifts and hospitality
thresholds, as plain functions. service.py: who may read and record what. published.py: the public
register of decision-makers. workbook.py and register_import.py: the register as an .xlsx workbook, out
and in. http.py: its download. graphql.py: the API.
"""
