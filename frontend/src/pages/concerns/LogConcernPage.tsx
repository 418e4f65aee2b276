import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { onFields, request } from '../../api/client';
import { logConcernFormQuery, logConcernMutation } from '../../api/concerns';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { DateInput, dateProblems, readDate } from '../../components/DateInput';
import { ErrorSummary, errorFor } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { BackLink } from '../../components/messages';
import { usePageTitle } from '../../components/usePageTitle';
import type { ConcernCategory, ConcernSource, ProviderType } from '../../generated/graphql';
import { useSession } from '../../session';
import {
  concernCategories,
  concernCategoryInWords,
  concernSourceInWords,
  concernSources,
  providerTypeInWords,
  providerTypes,
} from './words';

const idPrefix = 'log-concern';
const apiFields = {
  practiceId: 'practiceId',
  providerName: 'providerName',
  providerType: 'providerType',
  source: 'source',
  category: 'category',
  title: 'title',
  summary: 'summary',
  reviewDate: 'reviewDate',
  nextSteps: 'nextSteps',
};

export function LogConcernPage() {
  usePageTitle('Log a concern');
  const navigate = useNavigate();
  const { currentOrganisation, viewer } = useSession();
  const organisationId = currentOrganisation?.id ?? '';
  const { data } = useQuery(logConcernFormQuery, { organisationId }, { skip: !organisationId });
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [about, setAbout] = useState<'practice' | 'provider'>('practice');
  const practices = (data?.practices.edges ?? []).map(({ node }) => node);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting || !viewer?.person) return;
    const values = new FormData(event.currentTarget);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const review = readDate(values, 'reviewDate', 'date of the next review');
    const problems = dateProblems(review, 'reviewDate', 'Enter the date of the next review');
    if (problems.length) {
      setErrors(problems);
      return;
    }
    const payload = await submit(async () => {
      const { logConcern } = await request(logConcernMutation, {
        input: {
          organisationId,
          practiceId: about === 'practice' ? text('practiceId') || null : null,
          providerName: about === 'provider' ? text('providerName') : null,
          providerType: about === 'provider' ? ((text('providerType') || null) as ProviderType | null) : null,
          source: text('source') as ConcernSource,
          category: text('category') as ConcernCategory,
          title: text('title'),
          summary: text('summary'),
          ownerId: viewer.person.id,
          reviewDate: review.value,
          nextSteps: text('nextSteps'),
        },
      });
      return { ...logConcern, errors: onFields(logConcern.errors, apiFields) };
    });
    if (payload?.concern) navigate(`/concerns/${encodeURIComponent(payload.concern.id)}`);
  }

  return (
    <>
      <BackLink to="/concerns">Quality concerns</BackLink>
      <h1>Log a concern</h1>
      <p>You will own the concern; it starts at the first step of the escalation ladder.</p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What is the concern about?</legend>
          <div className="nhsuk-radios nhsuk-radios--inline">
            {(['practice', 'provider'] as const).map((value) => (
              <div className="nhsuk-radios__item" key={value}>
                <input
                  className="nhsuk-radios__input"
                  id={`${idPrefix}-about-${value}`}
                  type="radio"
                  name="about"
                  value={value}
                  checked={about === value}
                  onChange={() => setAbout(value)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${idPrefix}-about-${value}`}>
                  {value === 'practice' ? 'A member practice' : 'A provider'}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        {about === 'practice' ? (
          <SelectField
            id={`${idPrefix}-practiceId`}
            name="practiceId"
            label="Practice"
            error={errorFor(errors, 'practiceId')}
          >
            <option value="">Choose a practice</option>
            {practices.map((practice) => (
              <option key={practice.id} value={practice.id}>
                {practice.name} ({practice.odsCode})
              </option>
            ))}
          </SelectField>
        ) : (
          <>
            <TextField
              id={`${idPrefix}-providerName`}
              name="providerName"
              label="Provider"
              error={errorFor(errors, 'providerName')}
            />
            <SelectField
              id={`${idPrefix}-providerType`}
              name="providerType"
              label="Kind of provider"
              error={errorFor(errors, 'providerType')}
            >
              <option value="">Choose</option>
              {providerTypes.map((value) => (
                <option key={value} value={value}>
                  {providerTypeInWords[value]}
                </option>
              ))}
            </SelectField>
          </>
        )}
        <SelectField id={`${idPrefix}-source`} name="source" label="Source" error={errorFor(errors, 'source')}>
          {concernSources.map((value) => (
            <option key={value} value={value}>
              {concernSourceInWords[value]}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${idPrefix}-category`} name="category" label="Category" error={errorFor(errors, 'category')}>
          {concernCategories.map((value) => (
            <option key={value} value={value}>
              {concernCategoryInWords[value]}
            </option>
          ))}
        </SelectField>
        <TextField id={`${idPrefix}-title`} name="title" label="Title" error={errorFor(errors, 'title')} />
        <TextArea
          id={`${idPrefix}-summary`}
          name="summary"
          label="Summary"
          hint="What is known so far; this becomes the paper if the concern goes on an agenda"
          rows={5}
          error={errorFor(errors, 'summary')}
        />
        <TextArea
          id={`${idPrefix}-nextSteps`}
          name="nextSteps"
          label="What happens next"
          rows={3}
          error={errorFor(errors, 'nextSteps')}
        />
        <DateInput
          id={`${idPrefix}-reviewDate`}
          name="reviewDate"
          legend="Next review"
          hint="For example, 15 3 2027"
          error={errorFor(errors, 'reviewDate')}
        />
        <button className="nhsuk-button" type="submit">
          Log concern
        </button>
      </form>
    </>
  );
}
