"""The words of papers, notes, motions and actions, varied enough to read like a real board's."""

from __future__ import annotations

from quorum.seed.scale.plan import Rng

ASKS = {
    "DECISION": "decide whether to approve",
    "APPROVAL": "approve",
    "RATIFICATION": "ratify",
    "ASSURANCE": "take assurance from",
    "DISCUSSION": "discuss",
    "INFORMATION": "note",
    "NOTE": "note",
}
OBJECTIVES = (
    "SO1: Improve the health of our population and reduce inequalities",
    "SO2: Commission high-quality, safe services",
    "SO3: Deliver financial balance and value for money",
    "SO4: Strengthen primary care and out-of-hospital services",
    "SO5: Engage our member practices, patients and the public",
)
RISKS = (
    "BAF 1: Financial sustainability",
    "BAF 2: Quality and safety of commissioned services",
    "BAF 3: Workforce in primary care",
    "BAF 4: Urgent care performance",
    "BAF 5: Partnership working",
)
FINDINGS = (
    "Performance is broadly in line with plan, with pressure in urgent care.",
    "The position has improved since the last report.",
    "Two areas are below target and recovery plans are in place.",
    "The main risks are workforce and rising demand.",
    "Feedback from member practices has been taken into account.",
    "Engagement with patients and the public has shaped the proposals.",
    "The proposal is affordable within the planned budget.",
)
DISCUSSION = (
    "Members asked about the effect on waiting times and were assured that this is being monitored monthly.",
    "A lay member asked how patients had been involved; the presenter described the engagement to date.",
    "Members discussed the financial risk and asked for a fuller analysis at the next meeting.",
    "GP members welcomed the proposals and raised the workload in general practice.",
    "The chair thanked the team for a clear report.",
    "Members noted the improvement and asked that it be sustained through the winter.",
)
ACTIONS = (
    "Circulate the detailed analysis to members.",
    "Bring a progress report to the next meeting.",
    "Update the risk register to reflect the discussion.",
    "Write to the provider setting out the concerns raised.",
    "Arrange a development session for members on this topic.",
    "Publish the summary on the CCG's website.",
    "Confirm the timetable with NHS England.",
    "Include the patient feedback in the final version.",
)
PROGRESS = (
    "Work is under way; an update will follow.",
    "Awaiting a response from the provider.",
    "Draft prepared and being reviewed.",
    "Scheduled for the next development session.",
)


def cover_sheet(rng: Rng, title: str, purpose: str, committee: str, public: bool, conflicts: str) -> dict:
    """The cover sheet and body of a paper version (the paper_version columns the app fills)."""
    findings = rng.sample(FINDINGS, 2)
    impacts = {
        area: (
            {"applies": True, "detail": f"The {area} impact has been assessed and is set out in the paper."}
            if rng.chance(0.3)
            else {"applies": False, "detail": ""}
        )
        for area in ("quality", "equality", "privacy", "financial", "legal", "sustainability")
    }
    return {
        "purpose": purpose,
        "executive_summary": f"This paper sets out {title[0].lower() + title[1:]}. " + " ".join(findings),
        "recommendation": f"The {committee.lower()} is asked to {ASKS[purpose]} {_the(title)}.",
        "strategic_objectives": "; ".join(rng.sample(OBJECTIVES, 2)),
        "assurance_risks": rng.choice(RISKS),
        "conflicts_noted": conflicts,
        "impacts": impacts,
        "public_involvement": "Discussed with the patient reference group." if rng.chance(0.5) else "None to date.",
        "body_markdown": (
            f"## Background\n\n{findings[0]}\n\n## Proposal\n\n{findings[1]} "
            f"{'This paper is for publication.' if public else 'This paper is confidential (Part II).'}\n\n"
            f"## Next steps\n\n- {rng.choice(ACTIONS)}\n- {rng.choice(ACTIONS)}\n"
        ),
    }


def _the(title: str) -> str:
    return f"the {title[0].lower() + title[1:]}" if not title.startswith("the ") else title


def note(rng: Rng, presenter: str) -> str:
    who = presenter.split(",")[0] if presenter else "The chair"
    return f"{who} introduced the item. " + " ".join(rng.sample(DISCUSSION, 2))


def motion(title: str, purpose: str, committee: str) -> str:
    verb = {"RATIFICATION": "ratifies", "APPROVAL": "approves"}.get(purpose, "approves")
    return f"That the {committee.lower()} {verb} {_the(title)}."


def agreed(title: str, purpose: str, committee: str) -> str:
    verb = {"RATIFICATION": "ratified", "APPROVAL": "approved"}.get(purpose, "agreed")
    return f"The {committee.lower()} {verb} {_the(title)}."


def chairs_action(title: str) -> str:
    return f"The chair approved {_the(title)} by chair's action, the meeting being inquorate for the item."
