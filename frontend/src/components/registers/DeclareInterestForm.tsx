import { type FormEvent, useState } from 'react';
import { type FormError, onFields, request } from '../../api/client';
import { seatChoicesQuery } from '../../api/committees';
import { declareInterestMutation } from '../../api/registers';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { today } from '../../dates';
import type { InterestCategory } from '../../generated/graphql';
import { DateInput, dateProblems, readDate } from '../DateInput';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { InterestCategorySelect } from '../InterestCategorySelect';
import { Checkbox, SelectField, TextArea } from '../fields';
import { Confirmation, QueryProblem } from '../messages';

const idPrefix = 'declare-interest';
const apiFields = {
  personId: 'personId',
  category: 'category',
  description: 'description',
  validFrom: 'validFrom',
  validTo: 'validTo',
  actionTaken: 'actionTaken',
  becameAwareOn: 'becameAwareOn',
};

export function DeclareInterestForm({ organisationId, onDeclared }: { organisationId: string; onDeclared: () => void }) {
  const people = useQuery(seatChoicesQuery, { organisationId });
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const personId = text('personId');
    const category = text('category') as InterestCategory | '';
    const description = text('description');
    const from = readDate(values, 'validFrom', 'date the interest began');
    const to = readDate(values, 'validTo', 'date the interest ended');
    const aware = readDate(values, 'becameAwareOn', 'date they became aware of it');
    const validFrom = from.value;
    const missing: FormError[] = [
      ...(personId ? [] : [{ field: 'personId', message: 'Choose whose interest it is' }]),
      ...(category ? [] : [{ field: 'category', message: 'Choose the kind of interest' }]),
      ...(description ? [] : [{ field: 'description', message: 'Describe the interest' }]),
      ...dateProblems(from, 'validFrom', 'Enter the date the interest began'),
      ...dateProblems(to, 'validTo'),
      ...dateProblems(aware, 'becameAwareOn'),
    ];
    if (missing.length || !category) {
      setErrors(missing);
      setDone(null);
      return;
    }
    const payload = await submit(async () => {
      const { declareInterest } = await request(declareInterestMutation, {
        input: {
          organisationId,
          personId,
          category,
          description,
          validFrom,
          validTo: to.value || null,
          becameAwareOn: aware.value || null,
          actionTaken: text('actionTaken'),
          withheldFromPublication: values.get('withheld') === 'yes',
        },
      });
      return { ...declareInterest, errors: onFields(declareInterest.errors, apiFields) };
    });
    if (payload) {
      const name = people.data?.people.edges.find(({ node }) => node.id === personId)?.node.name ?? 'the person';
      setDone(
        `Declared the interest of ${name}.${payload.interest?.declaredLate ? ' It was declared more than 28 days after they became aware of it.' : ''}`,
      );
      form.reset();
      onDeclared();
    } else setDone(null);
  }

  return (
    <section>
      <h2>Declare an interest</h2>
      <p>Interests must be declared within 28 days of the person becoming aware of them.</p>
      <QueryProblem error={people.error} idPrefix={`${idPrefix}-people`} />
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <SelectField id={`${idPrefix}-personId`} name="personId" label="Person" defaultValue="" error={errorFor(errors, 'personId')}>
          <option value="">Choose a person</option>
          {people.data?.people.edges.map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </SelectField>
        <InterestCategorySelect id={`${idPrefix}-category`} error={errorFor(errors, 'category')} />
        <TextArea id={`${idPrefix}-description`} name="description" label="The interest" rows={3} error={errorFor(errors, 'description')} />
        <DateInput
          id={`${idPrefix}-validFrom`}
          name="validFrom"
          legend="From"
          hint="For example, 27 3 2026"
          defaultValue={today()}
          error={errorFor(errors, 'validFrom')}
        />
        <DateInput
          id={`${idPrefix}-validTo`}
          name="validTo"
          legend="To"
          hint="Leave empty while the interest continues"
          error={errorFor(errors, 'validTo')}
        />
        <DateInput
          id={`${idPrefix}-becameAwareOn`}
          name="becameAwareOn"
          legend="Became aware of it on"
          hint="Leave empty if the same as the start"
          error={errorFor(errors, 'becameAwareOn')}
        />
        <TextArea
          id={`${idPrefix}-actionTaken`}
          name="actionTaken"
          label="Action taken to manage it"
          rows={2}
          error={errorFor(errors, 'actionTaken')}
        />
        <Checkbox
          id={`${idPrefix}-withheld`}
          name="withheld"
          label="Withhold from the published register"
          hint="Only where publishing it could cause the person substantial damage or distress"
        />
        <button className="nhsuk-button" type="submit">
          Declare interest
        </button>
      </form>
      <Confirmation>{done}</Confirmation>
    </section>
  );
}
