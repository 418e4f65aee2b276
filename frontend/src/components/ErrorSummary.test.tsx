import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FormError } from '../api/client';
import { ErrorSummary, errorFor } from './ErrorSummary';
import { TextField } from './fields';

function PersonForm({ errors }: { errors: FormError[] }) {
  return (
    <form>
      <ErrorSummary errors={errors} idPrefix="add-person" />
      <TextField id="add-person-name" name="name" label="Name" error={errorFor(errors, 'name')} />
      <TextField id="add-person-email" name="email" label="Email" error={errorFor(errors, 'email')} />
    </form>
  );
}

describe('ErrorSummary', () => {
  it('shows nothing when there are no errors', () => {
    render(<PersonForm errors={[]} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists every error, links field errors to their inputs and takes focus', () => {
    render(
      <PersonForm
        errors={[
          { field: 'email', message: 'Enter an email address, like name@nhs.net' },
          { field: null, message: 'You may not add people to this organisation' },
        ]}
      />,
    );

    const summary = screen.getByRole('alert');
    expect(summary.querySelector('h2')?.textContent).toBe('There is a problem');
    expect(document.activeElement).toBe(summary);

    const link = screen.getByRole('link', { name: 'Enter an email address, like name@nhs.net' });
    expect(link.getAttribute('href')).toBe('#add-person-email');
    expect(summary.textContent).toContain('You may not add people to this organisation');

    fireEvent.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('Email'));
  });

  it('shows the message beside the field and ties it to the input', () => {
    render(<PersonForm errors={[{ field: 'email', message: 'Enter a valid email address' }]} />);

    const input = screen.getByLabelText('Email');
    const describedBy = input.getAttribute('aria-describedby') ?? '';
    const message = document.getElementById(describedBy);
    expect(message?.textContent).toBe('Error: Enter a valid email address');
    expect(input.className).toContain('nhsuk-input--error');
    expect(screen.getByLabelText('Name').getAttribute('aria-describedby')).toBeNull();
  });
});
