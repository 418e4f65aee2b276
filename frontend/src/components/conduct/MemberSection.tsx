import { type FormEvent, useState } from 'react';
import { onFields, request } from '../../api/client';
import { checkInMutation, declareInterestInItemMutation, sendApologiesMutation } from '../../api/conduct';
import { useSubmission } from '../../api/useSubmission';
import type { InterestCategory } from '../../generated/graphql';
import { useSession } from '../../session';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { InterestCategorySelect } from '../InterestCategorySelect';
import { SelectField, TextArea } from '../fields';
import { Confirmation } from '../messages';
import type { Conduct } from './types';

const idPrefix = 'member';

function DeclareForm({ conduct, onChanged }: { conduct: Conduct; onChanged: () => void }) {
  const formPrefix = 'own-declaration';
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const itemId = String(data.get('itemId') ?? '');
    const category = String(data.get('category') ?? '') as InterestCategory | '';
    const description = String(data.get('description') ?? '');
    if (!itemId) {
      setErrors([{ field: 'itemId', message: 'Choose the item your interest concerns' }]);
      return;
    }
    const payload = await submit(async () => {
      const { declareInterestInItem } = await request(declareInterestInItemMutation, {
        input: { meetingId: conduct.meeting.id, itemId, category: category || null, description },
      });
      return {
        ...declareInterestInItem,
        errors: onFields(declareInterestInItem.errors, { itemId: 'itemId', category: 'category', description: 'description' }),
      };
    });
    if (payload) {
      form.reset();
      setDone('Your declaration has been recorded. The chair will decide how it is managed.');
      onChanged();
    } else {
      setDone(null);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h3>Declare an interest in an item</h3>
      <ErrorSummary errors={errors} idPrefix={formPrefix} />
      <SelectField id={`${formPrefix}-itemId`} name="itemId" label="Item" defaultValue="" error={errorFor(errors, 'itemId')}>
        <option value="">Choose an item</option>
        {conduct.items.map(({ item }) => (
          <option key={item.id} value={item.id}>
            {item.number}. {item.title}
          </option>
        ))}
      </SelectField>
      <InterestCategorySelect id={`${formPrefix}-category`} error={errorFor(errors, 'category')} />
      <TextArea
        id={`${formPrefix}-description`}
        name="description"
        label="Your interest"
        rows={3}
        error={errorFor(errors, 'description')}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Declare interest
      </button>
      <Confirmation>{done}</Confirmation>
    </form>
  );
}

/** What a member does for themselves: apologies, checking in, declaring an interest in an item. */
export function MemberSection({ conduct, onChanged }: { conduct: Conduct; onChanged: () => void }) {
  const { viewer } = useSession();
  const { errors, submitting, submit } = useSubmission();
  const viewerId = viewer?.person.id;
  const own = conduct.attendance.find((attendee) => attendee.personId && attendee.personId === viewerId);
  // The secretary records attendance and declarations for everyone from the sections below.
  if (!conduct.viewerIsMember || conduct.viewerCanConduct || (conduct.stage !== 'NOT_OPEN' && conduct.stage !== 'OPEN')) return null;

  async function change(which: 'apologies' | 'checkIn') {
    if (submitting) return;
    const input = { meetingId: conduct.meeting.id };
    const payload = await submit(async () =>
      which === 'apologies'
        ? (await request(sendApologiesMutation, { input })).sendApologies
        : (await request(checkInMutation, { input })).checkIn,
    );
    if (payload) onChanged();
  }

  const mayApologise = own && (own.standing === 'EXPECTED' || own.standing === 'ABSENT');
  const mayCheckIn = own && conduct.stage === 'OPEN' && !own.inRoom;

  return (
    <section aria-labelledby="member-heading" className="nhsuk-card nhsuk-u-padding-4">
      <h2 id="member-heading">Your part in this meeting</h2>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      {own?.standing === 'APOLOGIES' && <p>You have sent your apologies.</p>}
      {own?.inRoom && <p>You are checked in.</p>}
      <div className="app-button-row">
        {mayApologise && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void change('apologies')}>
            Send apologies
          </button>
        )}
        {mayCheckIn && (
          <button type="button" className="nhsuk-button" onClick={() => void change('checkIn')}>
            Check in
          </button>
        )}
      </div>
      <DeclareForm conduct={conduct} onChanged={onChanged} />
    </section>
  );
}
