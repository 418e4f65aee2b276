import { describe, expect, it } from 'vitest';
import { draftFromRule, type QuorumRuleDraft, quorumDraftFrom, toQuorumRuleInput } from './quorumRule';

const NO_CLAUSES = {
  poolCount: '',
  poolCategories: [],
  offices: [],
  chairOrViceChair: false,
  clinicalMajority: false,
  fraction: '',
} satisfies Partial<QuorumRuleDraft>;
const NO_CLAUSES_INPUT = { pools: [], officeGroups: [], chairOrViceChair: false, clinicalMajority: false, fraction: null };

function form(entries: Record<string, string>): FormData {
  const values = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    for (const one of value.split('|')) values.append(name, one);
  }
  return values;
}

describe('toQuorumRuleInput', () => {
  it('builds the rule from the minimum, the categories given and the party requirement', () => {
    const draft = quorumDraftFrom(
      form({
        minimumVoting: ' 4 ',
        'quorumRule-LAY_MEMBER': '1',
        'quorumRule-GP': '2',
        'quorumRule-EXECUTIVE': '0',
        'quorumRule-NURSE': '',
        eachParty: 'yes',
      }),
    );
    expect(toQuorumRuleInput(draft, { joint: true })).toEqual({
      rule: {
        minimumVoting: 4,
        categoryMinimums: [
          { category: 'GP', count: 2 },
          { category: 'LAY_MEMBER', count: 1 },
        ],
        eachParty: true,
        ...NO_CLAUSES_INPUT,
      },
      errors: [],
    });
  });

  it('builds a pooled clause, named offices, the chair or vice chair, a clinical majority and a fraction', () => {
    const draft = quorumDraftFrom(
      form({
        minimumVoting: '5',
        poolCount: '2',
        poolCategories: 'LAY_MEMBER|NURSE|SECONDARY_CARE_DOCTOR',
        offices: 'ACCOUNTABLE_OFFICER|CHIEF_FINANCE_OFFICER',
        chairOrViceChair: 'yes',
        clinicalMajority: 'yes',
        fraction: '1/3',
      }),
    );
    expect(toQuorumRuleInput(draft, { joint: false })).toEqual({
      rule: {
        minimumVoting: 5,
        categoryMinimums: [],
        eachParty: false,
        pools: [{ count: 2, categories: ['LAY_MEMBER', 'NURSE', 'SECONDARY_CARE_DOCTOR'] }],
        officeGroups: [{ count: 1, offices: ['ACCOUNTABLE_OFFICER', 'CHIEF_FINANCE_OFFICER'] }],
        chairOrViceChair: true,
        clinicalMajority: true,
        fraction: { numerator: 1, denominator: 3 },
      },
      errors: [],
    });
  });

  it('asks for a count and two kinds of member for a group', () => {
    const noCount = { ...NO_CLAUSES, minimumVoting: '3', categories: {}, eachParty: false, poolCategories: ['GP' as const] };
    expect(toQuorumRuleInput(noCount, { joint: false }).errors).toEqual([
      { field: 'poolCount', message: 'Enter how many of the chosen kinds of member must be present, like 2' },
    ]);
    const oneKind = { ...noCount, poolCount: '1' };
    expect(toQuorumRuleInput(oneKind, { joint: false }).errors).toEqual([
      { field: 'poolCategories', message: 'Choose at least two kinds of member for the group' },
    ]);
  });

  it('asks for a member from each party only of joint committees', () => {
    const draft = { ...NO_CLAUSES, minimumVoting: '3', categories: {}, eachParty: true };
    expect(toQuorumRuleInput(draft, { joint: false }).rule.eachParty).toBe(false);
  });

  it('names each field that is not a whole number', () => {
    const draft = { ...NO_CLAUSES, minimumVoting: 'three', categories: { LAY_MEMBER: 'one', GP: '-1' }, eachParty: false };
    expect(toQuorumRuleInput(draft, { joint: false }).errors).toEqual([
      { field: 'quorumRule', message: 'Enter the minimum number of voting members present as a whole number, like 3' },
      {
        field: 'quorumRule-GP',
        message: 'Enter the minimum number of GPs as a whole number, or leave it empty',
      },
      {
        field: 'quorumRule-LAY_MEMBER',
        message: 'Enter the minimum number of lay members as a whole number, or leave it empty',
      },
    ]);
  });

  it('needs at least one voting member present', () => {
    const draft = { ...NO_CLAUSES, minimumVoting: '0', categories: {}, eachParty: false };
    expect(toQuorumRuleInput(draft, { joint: false }).errors.map((error) => error.field)).toEqual(['quorumRule']);
  });

  it('fills the form in from a rule as it stands', () => {
    const rule = { minimumVoting: 3, categoryMinimums: [{ category: 'GP' as const, count: 1 }], eachParty: true };
    expect(draftFromRule(rule)).toEqual({ minimumVoting: '3', categories: { GP: '1' }, eachParty: true, ...NO_CLAUSES });
    expect(toQuorumRuleInput(draftFromRule(rule), { joint: true }).rule).toEqual({ ...rule, ...NO_CLAUSES_INPUT });
    const pooled = {
      ...rule,
      pools: [{ count: 2, categories: ['LAY_MEMBER' as const, 'NURSE' as const] }],
      officeGroups: [{ count: 1, offices: ['ACCOUNTABLE_OFFICER' as const] }],
      chairOrViceChair: true,
      clinicalMajority: false,
      fraction: { numerator: 2, denominator: 3 },
    };
    expect(toQuorumRuleInput(draftFromRule(pooled), { joint: true }).rule).toEqual(pooled);
  });
});
