import type { FormEvent } from 'react';
import { type FormError, onFields, request } from '../../api/client';
import { addAgendaItemMutation, moveAgendaItemMutation, updateAgendaItemMutation } from '../../api/meetings';
import { useSubmission } from '../../api/useSubmission';
import type { Part, Purpose } from '../../generated/graphql';
import { partInWords, purposeInWords, purposes } from '../../vocabulary';
import { ActionPanel } from '../ActionPanel';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { Checkbox, Radios, SelectField, TextField } from '../fields';
import { mainItems, positionAtPartBoundary } from './agendaMoves';
import type { AgendaItemDetail } from './types';
import { useUnsavedForm } from '../useUnsavedChangesWarning';

const apiFields = {
  title: 'title',
  presenter: 'presenter',
  minutesAllotted: 'minutesAllotted',
  purpose: 'purpose',
  part: 'part',
  needsPaper: 'needsPaper',
  parentId: 'parentId',
  closing: 'closing',
};

interface ItemValues {
  title: string;
  presenter: string;
  minutesAllotted: number;
  purpose: Purpose;
  part: Part;
  needsPaper: boolean;
  parentId: string | null;
}

function readItem(form: HTMLFormElement): { values: ItemValues | null; problems: FormError[] } {
  const values = new FormData(form);
  const text = (name: string) => String(values.get(name) ?? '').trim();
  const minutes = text('minutesAllotted');
  const purpose = text('purpose') as Purpose | '';
  const problems: FormError[] = [
    ...(text('title') ? [] : [{ field: 'title', message: 'Enter the item’s title' }]),
    ...(/^\d+$/.test(minutes)
      ? []
      : [{ field: 'minutesAllotted', message: 'Enter the minutes allotted as a whole number, for example 15' }]),
    ...(purpose ? [] : [{ field: 'purpose', message: 'Choose what the meeting is asked to do' }]),
  ];
  if (problems.length || !purpose) return { values: null, problems };
  return {
    values: {
      title: text('title'),
      presenter: text('presenter'),
      minutesAllotted: Number(minutes),
      purpose,
      part: text('part') === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC',
      needsPaper: values.get('needsPaper') === 'yes',
      parentId: text('parentId') || null,
    },
    problems: [],
  };
}

/** Keeps Part I items before Part II ones in the order the API shares between them (see agendaMoves). */
async function settleIntoPart(agenda: readonly AgendaItemDetail[], id: string): Promise<string | null> {
  const { moveAgendaItem } = await request(moveAgendaItemMutation, {
    input: { id, parentId: null, position: positionAtPartBoundary(agenda, id) },
  });
  return moveAgendaItem.agenda.find((item) => item.id === id)?.number ?? null;
}

function ItemFields({ idPrefix, errors, item }: { idPrefix: string; errors: FormError[]; item?: AgendaItemDetail }) {
  return (
    <>
      <TextField
        id={`${idPrefix}-title`}
        name="title"
        label="Title"
        defaultValue={item?.title}
        autoComplete="off"
        error={errorFor(errors, 'title')}
      />
      <TextField
        id={`${idPrefix}-presenter`}
        name="presenter"
        label="Presenter (optional)"
        hint="Who introduces the item, for example Chief Finance Officer"
        defaultValue={item?.presenter}
        autoComplete="off"
        error={errorFor(errors, 'presenter')}
      />
      <TextField
        id={`${idPrefix}-minutesAllotted`}
        name="minutesAllotted"
        label="Minutes allotted"
        inputMode="numeric"
        className="nhsuk-input--width-3"
        defaultValue={String(item?.minutesAllotted ?? 10)}
        error={errorFor(errors, 'minutesAllotted')}
      />
      <SelectField
        id={`${idPrefix}-purpose`}
        name="purpose"
        label="Purpose"
        hint="What the meeting is asked to do with the item"
        defaultValue={item?.purpose ?? ''}
        error={errorFor(errors, 'purpose')}
      >
        <option value="">Choose a purpose</option>
        {purposes.map((purpose) => (
          <option key={purpose} value={purpose}>
            {purposeInWords[purpose]}
          </option>
        ))}
      </SelectField>
      <Radios
        id={`${idPrefix}-part`}
        name="part"
        legend="Part of the meeting"
        hint="Part II business is taken in private and left out of the public pack"
        defaultValue={item?.part ?? 'PUBLIC'}
        error={errorFor(errors, 'part')}
        items={[
          { value: 'PUBLIC', label: partInWords.PUBLIC },
          { value: 'PRIVATE', label: partInWords.PRIVATE },
        ]}
      />
      <Checkbox
        id={`${idPrefix}-needsPaper`}
        name="needsPaper"
        label="The item needs a paper"
        defaultChecked={item?.needsPaper ?? false}
        error={errorFor(errors, 'needsPaper')}
      />
    </>
  );
}

const closingSubItem = 'Only a main item can close the agenda: choose “A main item of the agenda” under “Where it goes”';

interface AddAgendaItemFormProps {
  meetingId: string;
  agenda: readonly AgendaItemDetail[];
  onAdded: (message: string) => void;
}

export function AddAgendaItemForm({ meetingId, agenda, onAdded }: AddAgendaItemFormProps) {
  const idPrefix = 'add-item';
  const { errors, setErrors, submitting, submit } = useSubmission();
  const unsaved = useUnsavedForm();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const { values, problems } = readItem(form);
    const closing = new FormData(form).get('closing') === 'yes';
    if (closing && values?.parentId) problems.push({ field: 'closing', message: closingSubItem });
    if (!values || problems.length) {
      setErrors(problems);
      return;
    }
    const payload = await submit(async () => {
      const { addAgendaItem } = await request(addAgendaItemMutation, { input: { meetingId, ...values, closing } });
      return { ...addAgendaItem, errors: onFields(addAgendaItem.errors, apiFields) };
    });
    const added = payload?.item;
    if (!added) return;
    // The API places it: before the closing items (such as questions from the public) and before Part II.
    form.reset();
    unsaved.saved();
    onAdded(`Added “${added.title}” as item ${added.number}.`);
  }

  return (
    <section>
      <h2>Add an item</h2>
      <p>
        A new item goes at the end of its part of the agenda, before the closing items such as questions from the public,
        or at the end of its main item; move it from there.
      </p>
      <form onSubmit={onSubmit} onChange={unsaved.onChange} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <SelectField
          id={`${idPrefix}-parentId`}
          name="parentId"
          label="Where it goes"
          defaultValue=""
          error={errorFor(errors, 'parentId')}
        >
          <option value="">A main item of the agenda</option>
          {mainItems(agenda).map(({ item }) => (
            <option key={item.id} value={item.id}>
              A sub-item of {item.number}. {item.title}
            </option>
          ))}
        </SelectField>
        <ItemFields idPrefix={idPrefix} errors={errors} />
        <Checkbox
          id={`${idPrefix}-closing`}
          name="closing"
          label="It is a closing item"
          hint="Closing items end the agenda, for example any other business or the date of the next meeting: it goes after the other items of its part, and items added later go before it."
          error={errorFor(errors, 'closing')}
        />
        <button className="nhsuk-button" type="submit">
          Add item
        </button>
      </form>
    </section>
  );
}

interface ChangeAgendaItemFormProps {
  item: AgendaItemDetail;
  agenda: readonly AgendaItemDetail[];
  onChanged: (message: string) => void;
  onCancel: () => void;
}

export function ChangeAgendaItemForm({ item, agenda, onChanged, onCancel }: ChangeAgendaItemFormProps) {
  const idPrefix = 'change-item';
  const { errors, setErrors, submitting, submit } = useSubmission();
  const unsaved = useUnsavedForm();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const { values, problems } = readItem(event.currentTarget);
    if (!values) {
      setErrors(problems);
      return;
    }
    const { title, presenter, minutesAllotted, purpose, part, needsPaper } = values;
    const payload = await submit(async () => {
      const { updateAgendaItem } = await request(updateAgendaItemMutation, {
        input: { id: item.id, title, presenter, minutesAllotted, purpose, part, needsPaper },
      });
      return { ...updateAgendaItem, errors: onFields(updateAgendaItem.errors, apiFields) };
    });
    const changed = payload?.item;
    if (!changed) return;
    let number = changed.number;
    if (!changed.isSubItem && changed.part !== item.part) {
      number = (await settleIntoPart(agenda, changed.id).catch(() => null)) ?? number;
    }
    unsaved.saved();
    onChanged(`Saved “${changed.title}”, item ${number}.`);
  }

  return (
    <ActionPanel level={4} heading={`Change item ${item.number}`}>
      <form onSubmit={onSubmit} onChange={unsaved.onChange} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <ItemFields idPrefix={idPrefix} errors={errors} item={item} />
        <div className="app-button-row">
          <button className="nhsuk-button" type="submit">
            Save item
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}
