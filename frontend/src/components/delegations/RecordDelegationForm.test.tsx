import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { fillDate } from '../../test/fillDate';
import { RecordDelegationForm } from './RecordDelegationForm';

const areaTeam = { id: 'org-q46', name: 'Greater Manchester Area Team' };

const choices = {
  body: {
    data: {
      delegationTargets: [{ committeeId: 'c-joint', name: 'Bolton primary care joint committee', hostName: 'NHS Bolton CCG' }],
      delegableFunctions: [
        { code: 'primary_care.contracts', description: 'GMS, PMS and APMS contracts', retainedByNhsEngland: false },
        { code: 'primary_care.mergers', description: 'Approving practice mergers', retainedByNhsEngland: false },
        { code: 'primary_care.appraisal', description: 'Appraisal', retainedByNhsEngland: true },
      ],
      organisations: {
        edges: [
          { node: { id: 'org-01d', odsCode: '01D', name: 'NHS Heywood, Middleton and Rochdale CCG' } },
          { node: { id: 'org-00t', odsCode: '00T', name: 'NHS Bolton CCG' } },
        ],
      },
    },
  },
};

async function fillInTheForm() {
  // Wait until every choice has arrived, or a change to a select without its options is lost.
  const contracts = await screen.findByLabelText('GMS, PMS and APMS contracts');
  await screen.findByLabelText('NHS Bolton CCG (00T)');
  const committee = (await screen.findByLabelText('Receiving committee')) as HTMLSelectElement;
  await waitFor(() => expect([...committee.options].some((option) => option.value === 'c-joint')).toBe(true));
  fireEvent.change(committee, { target: { value: 'c-joint' } });
  fireEvent.click(contracts);
  fireEvent.click(screen.getByLabelText('NHS Bolton CCG (00T)'));
  fillDate('Valid from', '2026-04-01');
  fillDate('Valid to', '2027-01-01');
}

describe('RecordDelegationForm', () => {
  it('offers the functions NHS England keeps only as disabled boxes, saying why', async () => {
    fakeServer({ 'graphql:DelegationChoices': choices });
    render(<RecordDelegationForm organisation={areaTeam} onRecorded={vi.fn()} />);

    const appraisal = (await screen.findByLabelText('Appraisal')) as HTMLInputElement;
    expect(appraisal.disabled).toBe(true);
    expect(document.getElementById(appraisal.getAttribute('aria-describedby')!)?.textContent).toBe(
      'NHS England keeps this function',
    );
    expect((screen.getByLabelText('Approving practice mergers') as HTMLInputElement).disabled).toBe(false);
  });

  it('sends the dates as midnight in England and the chosen functions and scope', async () => {
    const requests = fakeServer({
      'graphql:DelegationChoices': choices,
      'graphql:RecordDelegation': {
        body: {
          data: {
            recordDelegation: {
              delegation: { id: 'd1', receivingCommittee: { id: 'c-joint', name: 'Bolton primary care joint committee' } },
              errors: [],
            },
          },
        },
      },
    });
    const onRecorded = vi.fn();
    render(<RecordDelegationForm organisation={areaTeam} onRecorded={onRecorded} />);

    await fillInTheForm();
    fireEvent.click(screen.getByRole('button', { name: 'Record delegation' }));

    await waitFor(() => expect(onRecorded).toHaveBeenCalledWith('Recorded the delegation to Bolton primary care joint committee.'));
    const sent = requests.find((r) => String(r.init.body).includes('RecordDelegation'))!;
    expect(JSON.parse(String(sent.init.body)).variables).toEqual({
      input: {
        organisationId: 'org-q46',
        committeeId: 'c-joint',
        functions: ['primary_care.contracts'],
        scopeIds: ['org-00t'],
        validFrom: '2026-04-01T00:00:00+01:00',
        validTo: '2027-01-01T00:00:00+00:00',
        agreement: null,
      },
    });
  });

  it('asks for the dates before sending anything', async () => {
    const requests = fakeServer({ 'graphql:DelegationChoices': choices });
    render(<RecordDelegationForm organisation={areaTeam} onRecorded={vi.fn()} />);
    await screen.findByLabelText('Appraisal');
    fillDate('Valid from', ['', '', '']);

    fireEvent.click(screen.getByRole('button', { name: 'Record delegation' }));

    const summary = await screen.findByRole('alert');
    expect(screen.getByRole('link', { name: 'Enter the date the delegation starts' }).getAttribute('href')).toBe(
      '#record-delegation-validFrom',
    );
    expect(summary.textContent).toContain('Enter the date the delegation ends');
    expect(requests.map((r) => String(r.init.body))).not.toContainEqual(expect.stringContaining('RecordDelegation'));
  });

  it('says which date is wrong and how, before sending anything', async () => {
    const requests = fakeServer({ 'graphql:DelegationChoices': choices });
    render(<RecordDelegationForm organisation={areaTeam} onRecorded={vi.fn()} />);
    await screen.findByLabelText('Appraisal');
    fillDate('Valid from', ['1', '', '2027']);
    fillDate('Valid to', ['31', '2', '2027']);

    fireEvent.click(screen.getByRole('button', { name: 'Record delegation' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Date the delegation starts must include a month');
    expect(summary.textContent).toContain('Date the delegation ends must be a real date: February 2027 has 28 days');
    expect(requests.map((r) => String(r.init.body))).not.toContainEqual(expect.stringContaining('RecordDelegation'));
  });

  it('shows the API’s errors beside their fields, and the rest at the top', async () => {
    fakeServer({
      'graphql:DelegationChoices': choices,
      'graphql:RecordDelegation': {
        body: {
          data: {
            recordDelegation: {
              delegation: null,
              errors: [
                { field: 'scopeIds', message: 'The scope must be CCGs within Greater Manchester Area Team’s area.' },
                { field: 'organisationId', message: 'No such organisation.' },
              ],
            },
          },
        },
      },
    });
    const onRecorded = vi.fn();
    render(<RecordDelegationForm organisation={areaTeam} onRecorded={onRecorded} />);

    await fillInTheForm();
    fireEvent.click(screen.getByRole('button', { name: 'Record delegation' }));

    const link = await screen.findByRole('link', {
      name: 'The scope must be CCGs within Greater Manchester Area Team’s area.',
    });
    const summary = screen.getByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(link.getAttribute('href')).toBe('#record-delegation-scopeIds');
    expect(summary.textContent).toContain('No such organisation.');
    expect(screen.queryByRole('link', { name: 'No such organisation.' })).toBeNull();
    expect(onRecorded).not.toHaveBeenCalled();
  });
});
