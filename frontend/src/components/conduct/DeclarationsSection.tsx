import { type FormEvent, useState } from 'react';
import { type FormError, onFields, request } from '../../api/client';
import { recordDeclarationMutation } from '../../api/conduct';
import { useSubmission } from '../../api/useSubmission';
import type { ConflictManagement, InterestCategory } from '../../generated/graphql';
import { conflictManagementInWords, conflictManagements, interestCategoryInWords } from '../../vocabulary';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { InterestCategorySelect } from '../InterestCategorySelect';
import { SelectField, TextArea } from '../fields';
import { Confirmation } from '../messages';
import { type Conduct, type ItemConduct, peopleOf, type Suggestion } from './types';

const apiFields = { personId: 'personId', category: 'category', description: 'description', management: 'management' };

function ManagementSelect({ id, error, defaultValue }: { id: string; error?: string; defaultValue?: string }) {
  return (
    <SelectField id={id} name="management" label="How the chair manages it" defaultValue={defaultValue ?? ''} error={error}>
      <option value="">Choose how it is managed</option>
      {conflictManagements.map((value) => (
        <option key={value} value={value}>
          {conflictManagementInWords[value]}
        </option>
      ))}
    </SelectField>
  );
}

interface Props {
  conduct: Conduct;
  item: ItemConduct;
  onChanged: () => void;
}

function SuggestionForm({ conduct, item, suggestion, index, onChanged }: Props & { suggestion: Suggestion; index: number }) {
  const idPrefix = `suggestion-${index}`;
  const { errors, setErrors, submitting, submit } = useSubmission();
  const name = suggestion.person?.name ?? 'Someone';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting || !suggestion.person) return;
    const management = String(new FormData(event.currentTarget).get('management') ?? '') as ConflictManagement | '';
    if (!management) {
      setErrors([{ field: 'management', message: 'Choose how the chair manages the interest' }]);
      return;
    }
    const payload = await submit(async () => {
      const { recordDeclaration } = await request(recordDeclarationMutation, {
        input: {
          meetingId: conduct.meeting.id,
          itemId: item.item.id,
          personId: suggestion.person!.id,
          interestId: suggestion.interest.id,
          management,
        },
      });
      return { ...recordDeclaration, errors: onFields(recordDeclaration.errors, { management: 'management' }) };
    });
    if (payload) onChanged();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="nhsuk-card nhsuk-u-padding-3">
      <h5>{name}</h5>
      <p>
        {interestCategoryInWords[suggestion.interest.category]}: {suggestion.interest.description}. {suggestion.reason}
      </p>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <ManagementSelect
        id={`${idPrefix}-management`}
        error={errorFor(errors, 'management')}
        defaultValue={suggestion.suggestedManagement}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" aria-label={`Record the declaration of ${name}`}>
        Record declaration
      </button>
    </form>
  );
}

function DeclarationForm({ conduct, item, onChanged }: Props) {
  const idPrefix = 'declaration';
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [done, setDone] = useState<string | null>(null);
  const people = peopleOf(conduct.attendance);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const personId = text('personId');
    const category = text('category') as InterestCategory | '';
    const management = text('management') as ConflictManagement | '';
    const description = text('description');
    const missing: FormError[] = [
      ...(personId ? [] : [{ field: 'personId', message: 'Choose who is declaring' }]),
      ...(category ? [] : [{ field: 'category', message: 'Choose the kind of interest' }]),
      ...(description ? [] : [{ field: 'description', message: 'Describe the interest' }]),
      ...(management ? [] : [{ field: 'management', message: 'Choose how the chair manages the interest' }]),
    ];
    if (missing.length || !category || !management) {
      setErrors(missing);
      setDone(null);
      return;
    }
    const payload = await submit(async () => {
      const { recordDeclaration } = await request(recordDeclarationMutation, {
        input: { meetingId: conduct.meeting.id, itemId: item.item.id, personId, category, description, management },
      });
      return { ...recordDeclaration, errors: onFields(recordDeclaration.errors, apiFields) };
    });
    if (payload) {
      setDone(`Recorded the declaration of ${people.find((p) => p.id === personId)?.name ?? 'the member'}.`);
      form.reset();
      onChanged();
    } else setDone(null);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h4>Record another declaration</h4>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <SelectField id={`${idPrefix}-personId`} name="personId" label="Who" defaultValue="" error={errorFor(errors, 'personId')}>
        <option value="">Choose a person</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </SelectField>
      <InterestCategorySelect id={`${idPrefix}-category`} error={errorFor(errors, 'category')} />
      <TextArea
        id={`${idPrefix}-description`}
        name="description"
        label="The interest"
        rows={2}
        error={errorFor(errors, 'description')}
      />
      <ManagementSelect id={`${idPrefix}-management`} error={errorFor(errors, 'management')} />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Record declaration
      </button>
      <Confirmation>{done}</Confirmation>
    </form>
  );
}

export function DeclarationsSection({ conduct, item, onChanged }: Props) {
  const declared = new Set(item.declarations.map((declaration) => declaration.person?.id));
  const suggestions = conduct.conflictSuggestions.filter(
    (suggestion) => suggestion.item?.id === item.item.id && !declared.has(suggestion.person?.id),
  );
  const canConduct = conduct.viewerCanConduct && conduct.stage === 'OPEN';

  return (
    <section aria-labelledby="declarations-heading">
      <h3 id="declarations-heading">Declarations of interest</h3>
      {item.declarations.length === 0 ? (
        <p>No interests have been declared for this item.</p>
      ) : (
        <ul>
          {item.declarations.map((declaration) => (
            <li key={declaration.id}>
              {declaration.person?.name}: {declaration.description}.{' '}
              {conflictManagementInWords[declaration.management]}.
              {declaration.warning && (
                <p>
                  <strong>Warning:</strong> {declaration.warning}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {canConduct && suggestions.length > 0 && (
        <>
          <h4>Likely conflicts from the register</h4>
          <p>Confirm each with the member, then record it.</p>
          {suggestions.map((suggestion, index) => (
            <SuggestionForm
              key={`${suggestion.person?.id}-${suggestion.interest.id}`}
              conduct={conduct}
              item={item}
              suggestion={suggestion}
              index={index}
              onChanged={onChanged}
            />
          ))}
        </>
      )}
      {canConduct && <DeclarationForm conduct={conduct} item={item} onChanged={onChanged} />}
    </section>
  );
}
