import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { fillDate } from '../../test/fillDate';
import { CloseConcernForm, UpdateConcernForm } from './ConcernForms';

const concern = {
  id: 'concern-1',
  title: 'Access to appointments',
  reviewDate: '2030-01-31',
  escalatedToNhsEngland: false,
  organisation: { id: 'org-bolton', name: 'NHS Bolton CCG' },
  owner: { id: 'person-priya', name: 'Priya Shah' },
};

const people = {
  body: {
    data: {
      people: {
        edges: [
          { node: { id: 'person-priya', name: 'Priya Shah' } },
          { node: { id: 'person-fiona', name: 'Fiona Clarke' } },
        ],
      },
    },
  },
};

describe('UpdateConcernForm', () => {
  it('shows the API’s errors beside their fields and does not report success', async () => {
    const requests = fakeServer({
      'graphql:ConcernOwners': people,
      'graphql:UpdateConcern': {
        body: {
          data: {
            updateConcern: {
              concern: null,
              errors: [
                { field: 'ownerId', message: "Choose an owner from the CCG's officers, staff or governing body." },
                { field: 'reviewDate', message: 'The review date cannot be in the past.' },
              ],
            },
          },
        },
      },
    });
    const onDone = vi.fn();
    render(<UpdateConcernForm concern={concern} onCancel={vi.fn()} onDone={onDone} />);
    await waitFor(() => expect(screen.getByRole('option', { name: 'Fiona Clarke' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'person-fiona' } });
    fillDate('Next review', '2020-01-01');
    fireEvent.click(screen.getByLabelText('Escalated to NHS England'));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(document.getElementById('update-concern-reviewDate-error')).toBeTruthy());
    expect(document.getElementById('update-concern-ownerId-error')?.textContent).toContain('Choose an owner');
    expect(onDone).not.toHaveBeenCalled();
    const input = JSON.parse(String(requests.at(-1)?.init.body)).variables.input;
    expect(input).toEqual({
      id: 'concern-1',
      ownerId: 'person-fiona',
      reviewDate: '2020-01-01',
      escalatedToNhsEngland: true,
    });
  });
});

describe('CloseConcernForm', () => {
  it('sends nothing until the closing is confirmed', async () => {
    const requests = fakeServer({
      'graphql:CloseConcern': { body: { data: { closeConcern: { concern: { id: 'concern-1' }, errors: [] } } } },
    });
    const onCancel = vi.fn();
    const onDone = vi.fn();
    render(<CloseConcernForm concern={concern} onCancel={onCancel} onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: 'No, keep it open' }));
    expect(onCancel).toHaveBeenCalled();
    expect(requests).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Yes, close the concern' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Closed the concern.'));
    expect(JSON.parse(String(requests[0].init.body)).variables.input).toEqual({ id: 'concern-1' });
  });
});
