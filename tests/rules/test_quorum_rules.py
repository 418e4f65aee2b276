"""Quorum rules, evaluated without a database: met and unmet for each kind of requirement."""

from __future__ import annotations

import uuid

import pytest

from quorum.committees.quorum import InvalidRule, PresentMember, QuorumRule, evaluate
from quorum.committees.tables import MemberCategory as C

CCG, AREA_TEAM = uuid.uuid4(), uuid.uuid4()
PARTIES = {CCG: "NHS Bolton CCG", AREA_TEAM: "Greater Manchester Area Team"}


def member(category: C, party=CCG, voting=True) -> PresentMember:
    return PresentMember(voting=voting, category=category, party_org_id=party)


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
    non_voting_only = evaluate(rule, [member(C.GP), member(C.GP), member(C.NHS_ENGLAND, AREA_TEAM, voting=False)], PARTIES)
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
