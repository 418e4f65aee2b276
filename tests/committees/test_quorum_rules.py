"""Quorum rules, evaluated without a database: met and unmet for each kind of requirement."""

from __future__ import annotations

import uuid

import pytest

from quorum.committees.quorum import (
    InvalidRule,
    Offices,
    Pool,
    PresentMember,
    QuorumRule,
    cannot_be_met,
    evaluate,
    seat_title,
)
from quorum.committees.tables import MemberCategory as C
from quorum.committees.tables import Office as O
from quorum.committees.tables import SeatRole as R
from quorum.conduct.quorum_state import Member, item_quorum
from quorum.conduct.record import capacity_of
from quorum.conduct.tables import Management

CCG, AREA_TEAM = uuid.uuid4(), uuid.uuid4()
PARTIES = {CCG: "NHS Bolton CCG", AREA_TEAM: "Greater Manchester Area Team"}


def member(category: C, party=CCG, voting=True, role=R.MEMBER, office=None) -> PresentMember:
    return PresentMember(voting=voting, category=category, party_org_id=party, role=role, office=office)


# A governing body as its terms of reference seat it.
CHAIR = member(C.GP, role=R.CHAIR)
VICE = member(C.LAY_MEMBER, role=R.VICE_CHAIR, office=O.LAY_MEMBER_GOVERNANCE)
LAY = member(C.LAY_MEMBER, office=O.LAY_MEMBER_PATIENT_INVOLVEMENT)
NURSE = member(C.NURSE, office=O.REGISTERED_NURSE)
DOCTOR = member(C.SECONDARY_CARE_DOCTOR, office=O.SECONDARY_CARE_SPECIALIST)
AO = member(C.EXECUTIVE, office=O.ACCOUNTABLE_OFFICER)
CFO = member(C.EXECUTIVE, office=O.CHIEF_FINANCE_OFFICER)
GP1, GP2 = member(C.GP), member(C.GP)
HEALTHWATCH = member(C.HEALTHWATCH, voting=False, office=O.HEALTHWATCH_REPRESENTATIVE)
BOARD = [CHAIR, VICE, LAY, NURSE, DOCTOR, AO, CFO, GP1, GP2, HEALTHWATCH]
INDEPENDENT = Pool(2, (C.LAY_MEMBER, C.NURSE, C.SECONDARY_CARE_DOCTOR))


def test_minimum_number_met_and_unmet():
    rule = QuorumRule(minimum_voting=3)
    assert evaluate(rule, [member(C.GP), member(C.EXECUTIVE), member(C.NURSE)], PARTIES).met
    result = evaluate(rule, [member(C.GP), member(C.EXECUTIVE)], PARTIES)
    assert not result.met
    assert result.unmet == ("At least three voting members must be present; two are.",)


def test_non_voting_members_do_not_count():
    result = evaluate(QuorumRule(minimum_voting=2), [member(C.GP), member(C.HEALTHWATCH, voting=False)], PARTIES)
    assert result.unmet == ("At least two voting members must be present; one is.",)


def test_category_minimums_name_the_missing_category():
    rule = QuorumRule(minimum_voting=3, categories={C.LAY_MEMBER: 1, C.GP: 1, C.EXECUTIVE: 1})
    assert evaluate(rule, [member(C.LAY_MEMBER), member(C.GP), member(C.EXECUTIVE)], PARTIES).met
    result = evaluate(rule, [member(C.GP), member(C.GP), member(C.EXECUTIVE)], PARTIES)
    assert result.unmet == ("At least one voting lay member must be present; none is.",)
    two_gps = QuorumRule(minimum_voting=2, categories={C.GP: 2})
    assert evaluate(two_gps, [member(C.GP), member(C.NURSE)], PARTIES).unmet == (
        "At least two voting GPs must be present; one is.",
    )


def test_each_party_requirement_names_the_absent_party():
    rule = QuorumRule(minimum_voting=2, each_party=True)
    assert evaluate(rule, [member(C.GP), member(C.NHS_ENGLAND, party=AREA_TEAM)], PARTIES).met
    result = evaluate(rule, [member(C.GP), member(C.LAY_MEMBER)], PARTIES)
    assert result.unmet == ("At least one voting member from Greater Manchester Area Team must be present; none is.",)
    non_voting_only = evaluate(
        rule, [member(C.GP), member(C.GP), member(C.NHS_ENGLAND, AREA_TEAM, voting=False)], PARTIES
    )
    assert not non_voting_only.met


def test_several_unmet_requirements_are_all_named():
    rule = QuorumRule(minimum_voting=4, categories={C.LAY_MEMBER: 1}, each_party=True)
    assert evaluate(rule, [], PARTIES).unmet == (
        "At least four voting members must be present; none is.",
        "At least one voting lay member must be present; none is.",
        "At least one voting member from NHS Bolton CCG must be present; none is.",
        "At least one voting member from Greater Manchester Area Team must be present; none is.",
    )


def test_rules_round_trip_as_data_and_read_in_words():
    rule = QuorumRule.from_data({"minimum_voting": 3, "categories": {"LAY_MEMBER": 1, "GP": 1}, "each_party": True})
    assert QuorumRule.from_data(rule.to_data()) == rule
    assert rule.in_words() == (
        "Quorate with at least three voting members present, at least one GP, at least one lay member"
        " and at least one voting member from each party."
    )


@pytest.mark.parametrize(
    "data", [{"minimum_voting": 0}, {"minimum_voting": "x"}, {"categories": {"WIZARD": 1}}, {"categories": {"GP": -1}}]
)
def test_invalid_rules_are_refused(data):
    with pytest.raises(InvalidRule):
        QuorumRule.from_data(data)


def test_a_pool_counts_any_of_its_categories_and_names_them_as_seated():
    rule = QuorumRule(minimum_voting=1, pools=(INDEPENDENT,))
    assert evaluate(rule, [LAY, DOCTOR], PARTIES, BOARD).met
    assert evaluate(rule, [VICE, LAY], PARTIES, BOARD).met  # two lay members are two of the pool
    result = evaluate(rule, [NURSE, GP1, AO], PARTIES, BOARD)
    assert result.unmet == ("Two of the lay members, nurse and secondary care doctor are needed; one is present.",)
    assert evaluate(rule, [GP1], PARTIES, BOARD).unmet == (
        "Two of the lay members, nurse and secondary care doctor are needed; none is present.",
    )
    assert not evaluate(rule, [LAY, member(C.NURSE, voting=False)], PARTIES, BOARD).met


def test_named_offices_are_met_by_any_one_holder_present():
    rule = QuorumRule(offices=(Offices(1, (O.ACCOUNTABLE_OFFICER, O.CHIEF_FINANCE_OFFICER)),))
    assert evaluate(rule, [CFO], PARTIES, BOARD).met
    assert evaluate(rule, [AO, GP1], PARTIES, BOARD).met
    assert evaluate(rule, [GP1, member(C.EXECUTIVE)], PARTIES, BOARD).unmet == (
        "Neither the accountable officer nor the chief finance officer is present.",
    )
    one = QuorumRule(offices=(Offices(1, (O.DIRECTOR_OF_NURSING,)),))
    assert evaluate(one, [NURSE], PARTIES, BOARD).unmet == ("The director of nursing is not present.",)
    two_of_three = QuorumRule(
        offices=(Offices(2, (O.ACCOUNTABLE_OFFICER, O.CHIEF_FINANCE_OFFICER, O.DIRECTOR_OF_NURSING)),)
    )
    assert evaluate(two_of_three, [AO, NURSE], PARTIES, BOARD).unmet == (
        "Two of the accountable officer, the chief finance officer and the director of nursing are needed; one is present.",
    )
    assert evaluate(two_of_three, [AO, CFO], PARTIES, BOARD).met


def test_the_chair_or_the_vice_chair_must_be_present():
    rule = QuorumRule(chair_or_vice_chair=True)
    assert evaluate(rule, [CHAIR], PARTIES, BOARD).met
    assert evaluate(rule, [VICE], PARTIES, BOARD).met
    assert evaluate(rule, [GP1, LAY, AO], PARTIES, BOARD).unmet == ("Neither the chair nor the vice chair is present.",)


def test_a_clinical_majority_of_those_present():
    rule = QuorumRule(clinical_majority=True)
    assert evaluate(rule, [CHAIR, GP1, AO], PARTIES, BOARD).met
    assert evaluate(rule, [CHAIR, NURSE, AO, CFO], PARTIES, BOARD).unmet == (
        "Most of the voting members present must be clinicians (GPs, nurses or secondary care doctors); two of four are.",
    )
    assert not evaluate(
        rule, [CHAIR, AO, member(C.GP, voting=False)], PARTIES, BOARD
    ).met  # non-voting GPs do not count


def test_a_fraction_of_the_voting_membership_rounds_up():
    rule = QuorumRule(fraction=(1, 2))  # nine voting seats: five must come
    assert evaluate(rule, [CHAIR, VICE, LAY, NURSE, DOCTOR], PARTIES, BOARD).met
    assert evaluate(rule, [CHAIR, VICE, LAY, NURSE], PARTIES, BOARD).unmet == (
        "At least half of the nine voting members (five) must be present; four are.",
    )
    assert QuorumRule(fraction=(2, 3)).in_words() == (
        "Quorate with at least one voting member present and at least two thirds of the voting membership."
    )


def test_a_terms_of_reference_clause_combines_its_requirements_with_and():
    # "Five voting members, including one of the two executive directors and two of the three independent
    # members, with the chair or the vice chair present."
    rule = QuorumRule(
        minimum_voting=5,
        pools=(INDEPENDENT,),
        offices=(Offices(1, (O.ACCOUNTABLE_OFFICER, O.CHIEF_FINANCE_OFFICER)),),
        chair_or_vice_chair=True,
    )
    assert rule.in_words() == (
        "Quorate with at least five voting members present, at least two of the lay members, nurses and secondary"
        " care doctors, the accountable officer or the chief finance officer and the chair or the vice chair."
    )
    assert evaluate(rule, [CHAIR, LAY, NURSE, CFO, GP1], PARTIES, BOARD).met
    assert evaluate(rule, [GP1, GP2, LAY, AO, HEALTHWATCH], PARTIES, BOARD).unmet == (
        "At least five voting members must be present; four are.",
        "Two of the lay members, nurse and secondary care doctor are needed; one is present.",
        "Neither the chair nor the vice chair is present.",
    )


def test_every_kind_round_trips_as_data():
    rule = QuorumRule(
        minimum_voting=5,
        categories={C.GP: 1},
        each_party=True,
        pools=(INDEPENDENT,),
        offices=(Offices(1, (O.ACCOUNTABLE_OFFICER, O.CHIEF_FINANCE_OFFICER)),),
        chair_or_vice_chair=True,
        clinical_majority=True,
        fraction=(1, 3),
    )
    assert QuorumRule.from_data(rule.to_data()) == rule


def test_a_rule_the_seats_can_never_meet_says_why():
    assert cannot_be_met(QuorumRule(minimum_voting=5, pools=(INDEPENDENT,)), BOARD, PARTIES) == ()
    no_chair = [m for m in BOARD if m.role == R.MEMBER]
    assert cannot_be_met(QuorumRule(chair_or_vice_chair=True), no_chair, PARTIES) == (
        "Neither the chair nor the vice chair is present.",
    )
    assert cannot_be_met(QuorumRule(minimum_voting=10), BOARD, PARTIES) == (
        "At least ten voting members must be present; nine are.",
    )
    no_nursing = QuorumRule(offices=(Offices(1, (O.DIRECTOR_OF_NURSING,)),))
    assert cannot_be_met(no_nursing, BOARD, PARTIES) == ("The director of nursing is not present.",)


def test_a_clinical_majority_is_searched_for_among_the_seats():
    # Five clinicians of nine: a majority with everyone present, and with the lay members and executives too.
    majority_and_everyone = QuorumRule(minimum_voting=9, clinical_majority=True)
    assert cannot_be_met(majority_and_everyone, BOARD, PARTIES) == ()
    # Two clinicians and three executives: any meeting of four or more has no clinical majority.
    small = [member(C.GP, role=R.CHAIR), NURSE, AO, CFO, member(C.EXECUTIVE)]
    assert cannot_be_met(QuorumRule(minimum_voting=3, clinical_majority=True), small, PARTIES) == ()
    assert cannot_be_met(QuorumRule(minimum_voting=4, clinical_majority=True), small, PARTIES) == (
        "At least four voting members must be present; two are.",
    )
    finance = QuorumRule(
        clinical_majority=True, offices=(Offices(2, (O.ACCOUNTABLE_OFFICER, O.CHIEF_FINANCE_OFFICER)),)
    )
    assert cannot_be_met(finance, [GP1, AO, CFO], PARTIES) != ()
    assert cannot_be_met(finance, [GP1, GP2, NURSE, AO, CFO], PARTIES) == ()


@pytest.mark.parametrize(
    "data",
    [
        {"pools": [{"count": 1, "categories": ["GP"]}]},
        {"pools": [{"count": 0, "categories": ["GP", "NURSE"]}]},
        {"pools": [{"categories": ["GP", "NURSE"]}]},
        {"offices": [{"count": 2, "offices": ["ACCOUNTABLE_OFFICER"]}]},
        {"offices": [{"count": 1, "offices": ["WIZARD"]}]},
        {"fraction": [3, 2]},
        {"fraction": [1, 0]},
        {"fraction": "half"},
    ],
)
def test_invalid_new_kinds_are_refused(data):
    with pytest.raises(InvalidRule):
        QuorumRule.from_data(data)


def test_seats_are_named_by_their_office_in_minutes_and_on_the_committee_page():
    assert seat_title(R.CHAIR, C.LAY_MEMBER, O.LAY_MEMBER_GOVERNANCE, True) == "Chair, lay member for governance"
    assert seat_title(R.MEMBER, C.EXECUTIVE, O.ACCOUNTABLE_OFFICER, True) == "Accountable officer"
    assert seat_title(R.MEMBER, C.LMC, O.LMC_REPRESENTATIVE, False) == "LMC representative, non-voting"
    assert seat_title(R.MEMBER, C.GP, None, True) == "GP"  # no office: the category, as before
    chair = Member(uuid.uuid4(), R.CHAIR, True, C.LAY_MEMBER, CCG, O.LAY_MEMBER_GOVERNANCE)
    assert capacity_of(chair) == "Chair, lay member for governance"


def test_an_item_s_quorum_counts_offices_and_the_chair_only_among_those_not_conflicted():
    ao, cfo, chair, gp = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    members = [
        Member(chair, R.CHAIR, True, C.LAY_MEMBER, CCG, O.LAY_MEMBER_GOVERNANCE),
        Member(ao, R.MEMBER, True, C.EXECUTIVE, CCG, O.ACCOUNTABLE_OFFICER),
        Member(cfo, R.MEMBER, True, C.EXECUTIVE, CCG, O.CHIEF_FINANCE_OFFICER),
        Member(gp, R.MEMBER, True, C.GP, CCG),
    ]
    rule = QuorumRule(
        minimum_voting=2,
        offices=(Offices(1, (O.ACCOUNTABLE_OFFICER, O.CHIEF_FINANCE_OFFICER)),),
        chair_or_vice_chair=True,
        fraction=(1, 2),
    )
    in_room = {chair, ao, gp}
    assert item_quorum(rule, {}, members, in_room, {}, {}).met
    conflicted = item_quorum(rule, {}, members, in_room, {ao: Management.LEAVE_ROOM, chair: Management.LEAVE_ROOM}, {})
    assert conflicted.unmet == (
        "At least two voting members must be present; one is.",
        "Neither the accountable officer nor the chief finance officer is present.",
        "Neither the chair nor the vice chair is present.",
        "At least half of the four voting members (two) must be present; one is.",
    )
