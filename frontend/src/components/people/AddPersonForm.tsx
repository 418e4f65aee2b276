import { type FormEvent, useState } from 'react';
import { request } from '../../api/client';
import { createPersonMutation } from '../../api/operations';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { TextField } from '../fields';
import { Confirmation } from '../messages';

const idPrefix = 'add-person';

interface AddPersonFormProps {
  organisation: { id: string; name: string };
  onAdded: () => void;
}

export function AddPersonForm({ organisation, onAdded }: AddPersonFormProps) {
  const { errors, submitting, submit } = useSubmission();
  const [added, setAdded] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const payload = await submit(async () => {
      const data = await request(createPersonMutation, {
        input: {
          organisationId: organisation.id,
          name: String(values.get('name') ?? '').trim(),
          email: String(values.get('email') ?? '').trim(),
        },
      });
      return data.createPerson;
    });
    setAdded(payload?.person ? `Added ${payload.person.name} to ${organisation.name}.` : null);
    if (payload) {
      form.reset();
      onAdded();
    }
  }

  return (
    <section>
      <h2>Add person</h2>
      <p>They will be registered with {organisation.name}. Give them a role there under its memberships.</p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <TextField
          id={`${idPrefix}-name`}
          name="name"
          label="Name"
          autoComplete="off"
          error={errorFor(errors, 'name')}
        />
        <TextField
          id={`${idPrefix}-email`}
          name="email"
          type="email"
          label="Email"
          hint="The NHS.net or work email address they sign in with"
          autoComplete="off"
          spellCheck={false}
          error={errorFor(errors, 'email')}
        />
        <button className="nhsuk-button" type="submit">
          Add person
        </button>
      </form>
      <Confirmation>{added}</Confirmation>
    </section>
  );
}
