import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { CreateCommitteeForm } from './CreateCommitteeForm';

const bolton = { id: 'org-00t', name: 'NHS Bolton CCG' };

function renderForm(onCreated = vi.fn()) {
  render(
    <MemoryRouter>
      <CreateCommitteeForm organisation={bolton} onCreated={onCreated} />
    </MemoryRouter>,
  );
  return onCreated;
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('CreateCommitteeForm', () => {
  it('builds the quorum rule from the form and links to the new committee', async () => {
    const requests = fakeServer({
      'graphql:CreateCommittee': {
        body: {
          data: {
            createCommittee: {
              committee: {
                id: 'c-quality',
                name: 'Quality committee',
                quorumRule: {
                  inWords:
                    'Quorate with at least three voting members present, at least one lay member, at least one ' +
                    'executive, at least two of the nurses and secondary care doctors and the chair or the vice chair.',
                },
                quorumCannotBeMet: ['Neither the chair nor the vice chair is present.'],
              },
              errors: [],
            },
          },
        },
      },
    });
    const onCreated = renderForm();

    fill('Kind of committee', 'QUALITY');
    fill('Name', 'Quality committee');
    fill('Minimum number of voting members present', '3');
    fill('Lay members', '1');
    fill('Executives', '1');
    fill('How many of the group must be present', '2');
    fireEvent.click(screen.getByLabelText('Nurse'));
    fireEvent.click(screen.getByLabelText('Secondary care doctor'));
    fireEvent.click(screen.getByLabelText('The chair or the vice chair present'));
    expect(screen.queryByLabelText('At least one voting member from each party')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Create committee' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledOnce());
    expect(JSON.parse(String(requests[0].init.body)).variables.input).toEqual({
      organisationId: 'org-00t',
      kind: 'QUALITY',
      name: 'Quality committee',
      termsSummary: '',
      quorumRule: {
        minimumVoting: 3,
        categoryMinimums: [
          { category: 'LAY_MEMBER', count: 1 },
          { category: 'EXECUTIVE', count: 1 },
        ],
        eachParty: false,
        pools: [{ count: 2, categories: ['NURSE', 'SECONDARY_CARE_DOCTOR'] }],
        officeGroups: [],
        chairOrViceChair: true,
        clinicalMajority: false,
        fraction: null,
      },
      partyIds: [],
      coCommissioningLevel: null,
    });
    expect(screen.getByRole('link', { name: 'Quality committee' }).getAttribute('href')).toBe('/committees/c-quality');
    expect(screen.getByRole('status').textContent).toContain('at least two of the nurses and secondary care doctors');
  });

  it('asks a joint committee for its parties, its level and a member from each party', async () => {
    const requests = fakeServer({
      'graphql:PartyChoices': {
        body: {
          data: {
            organisations: {
              edges: [
                { node: { id: 'org-00t', kind: 'CCG', odsCode: '00T', name: 'NHS Bolton CCG' } },
                { node: { id: 'org-q46', kind: 'AREA_TEAM', odsCode: 'Q46', name: 'Greater Manchester Area Team' } },
              ],
            },
          },
        },
      },
      'graphql:CreateCommittee': {
        body: {
          data: {
            createCommittee: {
              committee: null,
              errors: [{ field: 'quorumRule', message: 'The members required by category are more than the minimum number present.' }],
            },
          },
        },
      },
    });
    renderForm();

    fill('Kind of committee', 'JOINT_COMMITTEE');
    fireEvent.click(await screen.findByLabelText('Greater Manchester Area Team (Q46)'));
    expect(screen.queryByLabelText('NHS Bolton CCG (00T)')).toBeNull();
    fill('Co-commissioning level', 'JOINT');
    fill('Name', 'Bolton joint committee');
    fill('Minimum number of voting members present', '1');
    fill('GPs', '2');
    fireEvent.click(screen.getByRole('button', { name: 'Create committee' }));

    const link = await screen.findByRole('link', {
      name: 'The members required by category are more than the minimum number present.',
    });
    expect(link.getAttribute('href')).toBe('#create-committee-quorumRule');
    const input = JSON.parse(String(requests.at(-1)!.init.body)).variables.input;
    expect(input.partyIds).toEqual(['org-q46']);
    expect(input.coCommissioningLevel).toBe('JOINT');
    expect(input.quorumRule).toEqual({
      minimumVoting: 1,
      categoryMinimums: [{ category: 'GP', count: 2 }],
      eachParty: true,
      pools: [],
      officeGroups: [],
      chairOrViceChair: false,
      clinicalMajority: false,
      fraction: null,
    });
  });

  it('reads the rule back as a sentence before anything is saved', async () => {
    const requests = fakeServer({
      'graphql:QuorumRuleInWords': {
        body: {
          data: {
            quorumRuleInWords: {
              inWords: 'Quorate with at least three voting members present and the chair or the vice chair.',
              errors: [],
            },
          },
        },
      },
    });
    renderForm();
    fill('Minimum number of voting members present', 'x');
    fireEvent.click(screen.getByRole('button', { name: 'Read the rule back' }));
    expect(
      await screen.findByText('Enter the minimum number of voting members present as a whole number, like 3'),
    ).toBeTruthy();
    expect(requests).toHaveLength(0);
    fill('Minimum number of voting members present', '3');
    fireEvent.click(screen.getByLabelText('The chair or the vice chair present'));
    fireEvent.click(screen.getByRole('button', { name: 'Read the rule back' }));
    expect(
      await screen.findByText('Quorate with at least three voting members present and the chair or the vice chair.'),
    ).toBeTruthy();
    const variables = JSON.parse(String(requests[0].init.body)).variables;
    expect(variables.rule.chairOrViceChair).toBe(true);
    expect(variables.joint).toBe(false);
  });
});
