import { type FormEvent, useState } from 'react';
import { request } from '../../api/client';
import { createPracticeMutation } from '../../api/operations';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { TextField } from '../fields';
import { Confirmation } from '../messages';

const idPrefix = 'add-practice';

const requiredMessages = {
  odsCode: 'Enter the practice’s ODS code',
  name: 'Enter the practice’s name',
  listSize: 'Enter the practice’s list size',
  locality: 'Enter the practice’s locality',
};

interface AddPracticeFormProps {
  organisationId: string;
  onAdded: () => void;
}

export function AddPracticeForm({ organisationId, onAdded }: AddPracticeFormProps) {
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [added, setAdded] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const listSize = text('listSize').replace(/,/g, '');
    if (!/^\d+$/.test(listSize)) {
      // A list size that is not a number cannot be sent, so report every blank field along with it.
      setErrors(
        Object.entries(requiredMessages).flatMap(([field, message]) => {
          if (field === 'listSize' && listSize) return [{ field, message: 'Enter the list size as a whole number, like 8500' }];
          return text(field) ? [] : [{ field, message }];
        }),
      );
      setAdded(null);
      return;
    }
    const payload = await submit(async () => {
      const data = await request(createPracticeMutation, {
        input: {
          organisationId,
          odsCode: text('odsCode'),
          name: text('name'),
          listSize: Number(listSize),
          locality: text('locality'),
        },
      });
      return data.createPractice;
    });
    const practice = payload?.practice;
    setAdded(practice ? `${practice.name} (${practice.odsCode})` : null);
    if (payload) {
      form.reset();
      onAdded();
    }
  }

  return (
    <section>
      <h3>Add practice</h3>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <TextField
          id={`${idPrefix}-odsCode`}
          name="odsCode"
          label="ODS code"
          hint="For example, H84001"
          className="nhsuk-input--width-10"
          autoComplete="off"
          spellCheck={false}
          error={errorFor(errors, 'odsCode')}
        />
        <TextField
          id={`${idPrefix}-name`}
          name="name"
          label="Name"
          autoComplete="off"
          error={errorFor(errors, 'name')}
        />
        <TextField
          id={`${idPrefix}-listSize`}
          name="listSize"
          label="List size"
          hint="The number of patients on the practice's registered list"
          inputMode="numeric"
          className="nhsuk-input--width-10"
          autoComplete="off"
          error={errorFor(errors, 'listSize')}
        />
        <TextField
          id={`${idPrefix}-locality`}
          name="locality"
          label="Locality"
          autoComplete="off"
          error={errorFor(errors, 'locality')}
        />
        <button className="nhsuk-button" type="submit">
          Add practice
        </button>
      </form>
      <Confirmation>{added && `Added ${added}.`}</Confirmation>
    </section>
  );
}
