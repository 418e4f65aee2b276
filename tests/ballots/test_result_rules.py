"""Ballot results by hand: turnout, majorities, weighting, elections and ties, without a database."""

from __future__ import annotations

import uuid
from fractions import Fraction

import pytest

from quorum.ballots.rules import (
    Count,
    OptionTotal,
    Outcome,
    Rules,
    Turnout,
    decide_election,
    decide_question,
    percent,
)
from quorum.ballots.tables import Majority, OptionKind, TurnoutBasis, Weighting

HALF = Fraction(1, 2)


def rules(
    weighting=Weighting.EQUAL, basis=TurnoutBasis.PRACTICES, threshold=HALF, majority=Majority.SIMPLE, share=None
) -> Rules:
    return Rules(weighting, basis, threshold, majority, share)


def voters(*list_sizes: int) -> Count:
    return Count(len(list_sizes), sum(list_sizes))


def question(for_: Count, against: Count, abstain: Count = Count()) -> list[OptionTotal]:
    return [
        OptionTotal(uuid.uuid4(), OptionKind.FOR, "For", for_),
        OptionTotal(uuid.uuid4(), OptionKind.AGAINST, "Against", against),
        OptionTotal(uuid.uuid4(), OptionKind.ABSTAIN, "Abstain", abstain),
    ]


def turnout_of(electorate: Count, *groups: Count, basis=TurnoutBasis.PRACTICES, threshold=HALF) -> Turnout:
    voted = Count()
    for group in groups:
        voted = voted + group
    return Turnout(electorate, voted, basis, threshold)


def test_one_practice_one_vote_simple_majority():
    # Eleven practices; seven vote: four for, two against, one abstains.
    totals = question(voters(*[1] * 4), voters(1, 1), voters(1))
    turnout = turnout_of(voters(*[1] * 11), *(t.count for t in totals))
    assert turnout.share == Fraction(7, 11) and turnout.met
    result = decide_question(rules(), turnout, totals)
    assert result.outcome == Outcome.CARRIED and result.carried and not result.tied
    assert [o.share for o in result.options] == [Fraction(4, 6), Fraction(2, 6), None]
    assert result.summary == "Carried: 4 for, 2 against (practices); 66.67% for, a simple majority needed."


def test_the_same_votes_weighted_by_list_size_go_the_other_way():
    # One large practice (10,000) for; two smaller (3,000 and 4,000) against; one (2,000) abstains;
    # one (6,000) does not vote. Electorate 25,000 patients; 19,000 voted (76%).
    for_, against, abstain = voters(10_000), voters(3_000, 4_000), voters(2_000)
    electorate = voters(10_000, 3_000, 4_000, 2_000, 6_000)
    by_weight = turnout_of(electorate, for_, against, abstain, basis=TurnoutBasis.LIST_SIZE)
    assert by_weight.share == Fraction(19_000, 25_000) and by_weight.met

    weighted = decide_question(
        rules(Weighting.LIST_SIZE, TurnoutBasis.LIST_SIZE), by_weight, question(for_, against, abstain)
    )
    assert weighted.outcome == Outcome.CARRIED
    assert weighted.options[0].share == Fraction(10_000, 17_000)  # 58.82%
    assert (
        weighted.summary
        == "Carried: 10,000 for, 7,000 against (registered patients); 58.82% for, a simple majority needed."
    )

    equal = decide_question(rules(), turnout_of(electorate, for_, against, abstain), question(for_, against, abstain))
    assert equal.outcome == Outcome.NOT_CARRIED
    assert equal.options[0].share == Fraction(1, 3)


def test_turnout_by_practices_and_by_weight_differ():
    # Ten practices; three large ones (5,000 each) vote, seven small ones (1,000 each) do not.
    electorate = voters(*[5_000] * 3, *[1_000] * 7)
    voted = voters(*[5_000] * 3)
    by_practices = turnout_of(electorate, voted)
    by_weight = turnout_of(electorate, voted, basis=TurnoutBasis.LIST_SIZE)
    assert by_practices.share == Fraction(3, 10) and not by_practices.met
    assert by_weight.share == Fraction(15_000, 22_000) and by_weight.met


def test_turnout_exactly_at_the_threshold_is_enough():
    electorate = voters(*[1] * 10)
    assert turnout_of(electorate, voters(*[1] * 5)).met
    assert not turnout_of(electorate, voters(*[1] * 4)).met
    assert turnout_of(electorate, voters(*[1] * 4), threshold=Fraction(40, 100)).met


def test_below_the_turnout_threshold_nothing_is_carried():
    totals = question(voters(1, 1, 1), Count())
    result = decide_question(rules(), turnout_of(voters(*[1] * 11), voters(1, 1, 1)), totals)
    assert result.outcome == Outcome.NOT_VALID and not result.carried
    assert result.summary == "Not valid: turnout was 27.27%, below the 50% needed."


def test_two_thirds_majority_exactly_and_just_short():
    two_thirds = rules(majority=Majority.TWO_THIRDS)
    electorate = voters(*[1] * 20)
    # 6 for, 3 against: exactly two-thirds of those voting for or against; five abstentions do not count.
    exact = question(voters(*[1] * 6), voters(1, 1, 1), voters(*[1] * 5))
    result = decide_question(two_thirds, turnout_of(electorate, *(t.count for t in exact)), exact)
    assert result.outcome == Outcome.CARRIED
    assert result.summary == "Carried: 6 for, 3 against (practices); 66.67% for, two-thirds needed."
    # 5 for, 3 against: 62.5%.
    short = question(voters(*[1] * 5), voters(1, 1, 1), voters(1, 1))
    result = decide_question(two_thirds, turnout_of(electorate, *(t.count for t in short)), short)
    assert result.outcome == Outcome.NOT_CARRIED
    assert result.summary == "Not carried: 5 for, 3 against (practices); 62.5% for, two-thirds needed."


def test_two_thirds_by_weight():
    # For: 8,000 + 4,000 = 12,000; against 6,000: exactly two-thirds of 18,000.
    two_thirds = rules(Weighting.LIST_SIZE, majority=Majority.TWO_THIRDS)
    totals = question(voters(8_000, 4_000), voters(6_000))
    assert decide_question(
        two_thirds, turnout_of(voters(8_000, 4_000, 6_000), voters(8_000, 4_000, 6_000)), totals
    ).carried
    totals = question(voters(8_000, 3_999), voters(6_000))
    assert not decide_question(two_thirds, turnout_of(voters(8_000, 3_999, 6_000), voters(1, 1, 1)), totals).carried


def test_a_stated_share_of_those_voting():
    seventy_five = rules(majority=Majority.STATED_SHARE, share=percent("75.00"))
    electorate = voters(*[1] * 8)
    at = question(voters(1, 1, 1), voters(1))
    assert decide_question(seventy_five, turnout_of(electorate, voters(1, 1, 1, 1)), at).carried
    below = question(voters(*[1] * 5), voters(1, 1))
    result = decide_question(seventy_five, turnout_of(electorate, voters(*[1] * 7)), below)
    assert result.outcome == Outcome.NOT_CARRIED
    assert result.summary == "Not carried: 5 for, 2 against (practices); 71.43% for, 75% needed."


def test_level_for_and_against_is_a_tie_and_not_carried():
    totals = question(voters(1, 1, 1), voters(1, 1, 1))
    result = decide_question(rules(), turnout_of(voters(*[1] * 6), voters(*[1] * 6)), totals)
    assert result.outcome == Outcome.TIED and result.tied and not result.carried
    assert result.summary == "Tied: 3 for, 3 against (practices)."
    weighted_tie = question(voters(4_000, 2_000), voters(6_000))
    result = decide_question(
        rules(Weighting.LIST_SIZE), turnout_of(voters(4_000, 2_000, 6_000), voters(1, 1, 1)), weighted_tie
    )
    assert result.outcome == Outcome.TIED


def test_everyone_abstaining_carries_nothing():
    totals = question(Count(), Count(), voters(1, 1, 1))
    result = decide_question(rules(), turnout_of(voters(1, 1, 1), voters(1, 1, 1)), totals)
    assert result.outcome == Outcome.NOT_CARRIED
    assert result.summary == "Not carried: no votes were cast for or against."


def candidates(**scores: Count) -> list[OptionTotal]:
    return [OptionTotal(uuid.uuid4(), OptionKind.CANDIDATE, name, count) for name, count in scores.items()] + [
        OptionTotal(uuid.uuid4(), OptionKind.ABSTAIN, "Abstain", Count())
    ]


def elected(result) -> list[str]:
    return [o.total.label for o in result.options if o.elected]


def tied(result) -> list[str]:
    return [o.total.label for o in result.options if o.tied]


def test_two_seats_filled_by_the_two_chosen_most():
    # Six practices vote, each choosing up to two: Ahmed 5, Brown 4, Clarke 3.
    totals = candidates(Ahmed=voters(*[1] * 5), Brown=voters(*[1] * 4), Clarke=voters(1, 1, 1))
    result = decide_election(rules(), turnout_of(voters(*[1] * 10), voters(*[1] * 6)), 2, totals)
    assert result.outcome == Outcome.ELECTED
    assert elected(result) == ["Ahmed", "Brown"] and tied(result) == []
    assert [o.share for o in result.options[:3]] == [Fraction(5, 6), Fraction(4, 6), Fraction(3, 6)]
    assert result.summary == "Elected: Ahmed, Brown."


def test_a_tie_for_the_last_seat_is_reported_not_decided():
    totals = candidates(Ahmed=voters(*[1] * 5), Brown=voters(*[1] * 4), Clarke=voters(*[1] * 4), Dunn=voters(1))
    result = decide_election(rules(), turnout_of(voters(*[1] * 8), voters(*[1] * 7)), 2, totals)
    assert result.outcome == Outcome.TIED and result.tied
    assert elected(result) == ["Ahmed"] and tied(result) == ["Brown", "Clarke"]
    assert result.summary == "Elected: Ahmed. Tied for the last seat: Brown, Clarke."


def test_candidates_level_within_the_seats_are_all_elected():
    totals = candidates(Ahmed=voters(1, 1, 1), Brown=voters(1, 1, 1), Clarke=voters(1))
    result = decide_election(rules(), turnout_of(voters(1, 1, 1, 1), voters(1, 1, 1)), 2, totals)
    assert result.outcome == Outcome.ELECTED and elected(result) == ["Ahmed", "Brown"]


def test_a_three_way_tie_for_one_seat():
    totals = candidates(Ahmed=voters(1, 1), Brown=voters(1, 1), Clarke=voters(1, 1))
    result = decide_election(rules(), turnout_of(voters(*[1] * 6), voters(*[1] * 6)), 1, totals)
    assert result.outcome == Outcome.TIED and elected(result) == [] and tied(result) == ["Ahmed", "Brown", "Clarke"]
    assert result.summary == "Tied for the last seat: Ahmed, Brown, Clarke."


def test_a_weighted_election_is_won_by_weight_not_by_practices():
    # Brown is chosen by three small practices (3 x 2,000); Ahmed by one large one (9,000).
    totals = candidates(Ahmed=voters(9_000), Brown=voters(2_000, 2_000, 2_000))
    turnout = turnout_of(voters(9_000, 2_000, 2_000, 2_000), voters(9_000, 2_000, 2_000, 2_000))
    assert elected(decide_election(rules(Weighting.LIST_SIZE), turnout, 1, totals)) == ["Ahmed"]
    assert elected(decide_election(rules(), turnout, 1, totals)) == ["Brown"]


def test_seats_no_candidate_was_chosen_for_stay_empty():
    totals = candidates(Ahmed=voters(1, 1), Brown=Count())
    result = decide_election(rules(), turnout_of(voters(1, 1), voters(1, 1)), 2, totals)
    assert result.outcome == Outcome.ELECTED and elected(result) == ["Ahmed"]
    assert result.summary == "Elected: Ahmed. 1 of 2 seats remain unfilled."
    nobody = decide_election(rules(), turnout_of(voters(1, 1), voters(1, 1)), 1, candidates(Ahmed=Count()))
    assert nobody.outcome == Outcome.NONE_ELECTED


def test_an_election_below_turnout_elects_nobody():
    totals = candidates(Ahmed=voters(1))
    result = decide_election(rules(), turnout_of(voters(*[1] * 4), voters(1)), 1, totals)
    assert result.outcome == Outcome.NOT_VALID and elected(result) == []


@pytest.mark.parametrize(
    ("stored", "words"),
    [
        (
            rules(),
            [
                "One practice, one vote.",
                "The ballot is valid if at least 50% of the practices vote.",
                "A question is carried by a simple majority: more for than against.",
            ],
        ),
        (
            rules(Weighting.LIST_SIZE, TurnoutBasis.LIST_SIZE, Fraction(1, 3), Majority.STATED_SHARE, percent("60")),
            [
                "Each practice's vote is weighted by its registered list size.",
                "The ballot is valid if the practices voting hold at least 33.33% of the registered patients.",
                "A question is carried by at least 60% of the votes cast for or against.",
            ],
        ),
    ],
)
def test_rules_in_words(stored, words):
    assert stored.in_words() == [*words, "Abstentions count towards turnout, not towards the majority."]
