"""The fixed vocabulary of primary care functions (NHS England co-commissioning guidance, 2014-15)."""

from __future__ import annotations

from quorum.access import CHANGES_CONTRACTS  # noqa: F401  (part of the vocabulary; access decides what it allows)

DELEGABLE = {
    "primary_care.contracts": "GMS, PMS and APMS contracts: design, monitoring, breach and remedial notices, removal",
    "primary_care.enhanced_services": "Newly designed enhanced services",
    "primary_care.local_incentive_schemes": "Local incentive schemes",
    "primary_care.new_practices": "Establishing new GP practices",
    "primary_care.mergers": "Approving practice mergers",
    "primary_care.discretionary_payments": "Discretionary payments",
}

# NHS England keeps these; the API refuses to delegate them.
RETAINED = {
    "primary_care.performance_management": "Individual GP performance management",
    "primary_care.performers_list": "The national performers list",
    "primary_care.appraisal": "Appraisal",
    "primary_care.revalidation": "Revalidation",
    "primary_care.complaints": "Complaints",
}
