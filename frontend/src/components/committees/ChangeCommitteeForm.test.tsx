import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { ChangeCommitteeForm } from './ChangeCommitteeForm';
import type { CommitteeDetail } from './types';

const committee = {
  id: 'c-finance',
  name: 'Finance committee',
  termsSummary: '',
  isJoint: false,
  quorumRule: {
    minimumVoting: 4,
    categoryMinimums: [],
    eachParty: false,
    pools: [
      { count: 2, categories: ['LAY_MEMBER', 'NURSE'] },
      { count: 1, categories: ['GP', 'SECONDARY_CARE_DOCTOR'] },
    ],
    officeGroups: [{ count: 2, offices: ['ACCOUNTABLE_OFFICER', 'CHIEF_FINANCE_OFFICER', 'DIRECTOR_OF_NURSING'] }],
    chairOrViceChair: true,
    clinicalMajority: false,
    fraction: null,
    inWords: '',
  },
} as unknown as CommitteeDetail;

describe('ChangeCommitteeForm', () => {
  it('keeps the clauses the form does not show, and flags a rule the members cannot meet', async () => {
    const requests = fakeServer({
      'graphql:UpdateCommittee': {
        body: {
          data: {
            updateCommittee: {
              committee: {
                id: 'c-finance',
                name: 'Finance committee',
                quorumRule: { inWords: 'Quorate with at least five voting members present.' },
                quorumCannotBeMet: ['At least five voting members must be present; four are.'],
              },
              errors: [],
            },
          },
        },
      },
    });
    render(<ChangeCommitteeForm committee={committee} onChanged={vi.fn()} />);
    expect((screen.getByLabelText('The chair or the vice chair present') as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByLabelText('Minimum number of voting members present'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Quorate with at least five'));
    expect(screen.getByText('At least five voting members must be present; four are.')).toBeTruthy();
    const rule = JSON.parse(String(requests[0].init.body)).variables.input.quorumRule;
    expect(rule.minimumVoting).toBe(5);
    expect(rule.pools).toEqual(committee.quorumRule.pools);
    expect(rule.officeGroups).toEqual(committee.quorumRule.officeGroups);
  });
});
