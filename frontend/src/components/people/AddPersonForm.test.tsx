import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { AddPersonForm } from './AddPersonForm';

const organisation = { id: 'T3JnOjE=', name: 'NHS Leeds North CCG' };

function fillIn(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('AddPersonForm', () => {
  it('shows the payload’s user errors in the summary and beside the field', async () => {
    const requests = fakeServer({
      'graphql:CreatePerson': {
        body: {
          data: {
            createPerson: {
              person: null,
              errors: [{ field: 'email', message: 'Someone with this email is already registered' }],
            },
          },
        },
      },
    });
    const onAdded = vi.fn();
    render(<AddPersonForm organisation={organisation} onAdded={onAdded} />);

    fillIn('Name', 'Dr Asha Patel');
    fillIn('Email', 'asha.patel@nhs.net');
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByRole('link', { name: 'Someone with this email is already registered' })).toBeTruthy();
    const descriptions = screen
      .getByLabelText('Email')
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(descriptions).toContain('Error: Someone with this email is already registered');
    expect(onAdded).not.toHaveBeenCalled();
    expect(JSON.parse(String(requests[0].init.body)).variables).toEqual({
      input: { organisationId: organisation.id, name: 'Dr Asha Patel', email: 'asha.patel@nhs.net' },
    });
  });

  it('confirms and clears the form when the person is added', async () => {
    fakeServer({
      'graphql:CreatePerson': {
        body: { data: { createPerson: { person: { id: 'UDox', name: 'Dr Asha Patel' }, errors: [] } } },
      },
    });
    const onAdded = vi.fn();
    render(<AddPersonForm organisation={organisation} onAdded={onAdded} />);

    fillIn('Name', 'Dr Asha Patel');
    fillIn('Email', 'asha.patel@nhs.net');
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));

    await waitFor(() => expect(onAdded).toHaveBeenCalledOnce());
    expect(screen.getByRole('status').textContent).toBe('Added Dr Asha Patel to NHS Leeds North CCG.');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
