import type { FormEvent } from 'react';
import { onFields, request } from '../../api/client';
import { choosePresidingMemberMutation } from '../../api/conduct';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { SelectField } from '../fields';
import type { Conduct, ItemConduct } from './types';

/** When neither the chair nor the vice chair can take the item, the member the members present chose to preside. */
export function PresidingForm({ conduct, item, onChanged }: { conduct: Conduct; item: ItemConduct; onChanged: () => void }) {
  const idPrefix = 'presiding';
  const { errors, setErrors, submitting, submit } = useSubmission();
  const excluded = new Set(item.quorum.excluded);
  const eligible = conduct.attendance.filter(
    (attendee) => attendee.personId && attendee.voting && attendee.inRoom && !excluded.has(attendee.name),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const personId = String(new FormData(event.currentTarget).get('personId') ?? '');
    if (!personId) {
      setErrors([{ field: 'personId', message: 'Choose the member who presides' }]);
      return;
    }
    const payload = await submit(async () => {
      const { choosePresidingMember } = await request(choosePresidingMemberMutation, {
        input: { itemId: item.item.id, personId },
      });
      return { ...choosePresidingMember, errors: onFields(choosePresidingMember.errors, { personId: 'personId', itemId: 'personId' }) };
    });
    if (payload) onChanged();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <SelectField
        id={`${idPrefix}-personId`}
        name="personId"
        label="Member the members present chose to preside"
        hint="They chair this item and hold its casting vote"
        defaultValue=""
        error={errorFor(errors, 'personId')}
      >
        <option value="">Choose a member</option>
        {eligible.map((attendee) => (
          <option key={attendee.personId} value={attendee.personId ?? ''}>
            {attendee.name}
          </option>
        ))}
      </SelectField>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Record who presides
      </button>
    </form>
  );
}
