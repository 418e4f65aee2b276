import { describe, expect, it } from 'vitest';
import { draftFromRule, quorumDraftFrom, toQuorumRuleInput } from './quorumRule';

function form(entries: Record<string, string>): FormData {
  const values = new FormData();
  for (const [name, value] of Object.entries(entries)) values.set(name, value);
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
      },
      errors: [],
    });
  });

  it('asks for a member from each party only of joint committees', () => {
    const draft = { minimumVoting: '3', categories: {}, eachParty: true };
    expect(toQuorumRuleInput(draft, { joint: false }).rule.eachParty).toBe(false);
  });

  it('names each field that is not a whole number', () => {
    const draft = { minimumVoting: 'three', categories: { LAY_MEMBER: 'one', GP: '-1' }, eachParty: false };
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
    const draft = { minimumVoting: '0', categories: {}, eachParty: false };
    expect(toQuorumRuleInput(draft, { joint: false }).errors.map((error) => error.field)).toEqual(['quorumRule']);
  });

  it('fills the form in from a rule as it stands', () => {
    const rule = { minimumVoting: 3, categoryMinimums: [{ category: 'GP' as const, count: 1 }], eachParty: true };
    expect(draftFromRule(rule)).toEqual({ minimumVoting: '3', categories: { GP: '1' }, eachParty: true });
    expect(toQuorumRuleInput(draftFromRule(rule), { joint: true }).rule).toEqual(rule);
  });
});
