import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { createSurveyFromTemplateMutation, surveyTemplatesQuery, updateSurveyMutation } from '../../api/surveys';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import type { SurveyAudienceRole } from '../../generated/graphql';
import { ErrorSummary, errorFor, fieldId } from '../ErrorSummary';
import { Checkboxes, Radios, TextField } from '../fields';
import { Confirmation, QueryProblem } from '../messages';
import { sectionsInput } from './definitionInput';

const idPrefix = 'new-survey';

const audienceRoles: { value: SurveyAudienceRole; label: string }[] = [
  { value: 'PRACTICE_REPRESENTATIVE', label: 'Representatives of member practices' },
  { value: 'GOVERNING_BODY_MEMBER', label: 'Governing body members' },
  { value: 'COMMITTEE_MEMBER', label: 'Committee members' },
  { value: 'STAFF', label: 'Staff of the CCG' },
];

interface Created {
  id: string;
  title: string;
}

/** A draft survey copied from a template, with its own title and audience, ready to be opened. */
export function CreateFromTemplateForm({ organisationId, onCreated }: { organisationId: string; onCreated: () => void }) {
  const templates = useQuery(surveyTemplatesQuery, {});
  const [templateKey, setTemplateKey] = useState('');
  const [created, setCreated] = useState<Created | null>(null);
  const { errors, setErrors, submitting, submit } = useSubmission();
  const choices = templates.data?.surveyTemplates ?? [];
  const chosenKey = templateKey || (choices.length === 1 ? choices[0].key : '');

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const form = new FormData(event.currentTarget);
    const roles = form.getAll('roles').map(String) as SurveyAudienceRole[];
    const title = String(form.get('title') ?? '').trim();
    const problems = [
      ...(chosenKey ? [] : [{ field: 'templateKey', message: 'Choose a template.' }]),
      ...(roles.length ? [] : [{ field: 'audience', message: 'Choose who the survey is for.' }]),
    ];
    if (problems.length) {
      setErrors(problems);
      return;
    }
    const made = await submit(async () => {
      const data = await request(createSurveyFromTemplateMutation, { input: { organisationId, templateKey: chosenKey } });
      return data.createSurveyFromTemplate;
    });
    const survey = made?.survey;
    if (!survey) return;
    const updated = await submit(async () => {
      const data = await request(updateSurveyMutation, {
        input: {
          id: survey.id,
          title: title || survey.title,
          anonymity: survey.anonymity,
          description: survey.description,
          respondentUnit: survey.respondentUnit,
          suppressionThreshold: survey.suppressionThreshold,
          allowEditsAfterSubmit: survey.allowEditsAfterSubmit,
          closesAt: survey.closesAt ?? null,
          audience: { roles },
          sections: sectionsInput(survey),
        },
      });
      return data.updateSurvey;
    });
    if (!updated) return;
    setCreated({ id: survey.id, title: title || survey.title });
    onCreated();
  }

  return (
    <section>
      <h2>Create from the template</h2>
      <p>Copy a ready-made survey, then open it when you are ready for answers.</p>
      <QueryProblem error={templates.error} idPrefix="templates" />
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <Confirmation>
        {created && (
          <>
            The draft survey <Link to={`/surveys/${encodeURIComponent(created.id)}/build`}>{created.title}</Link> has
            been created. Open it below when you are ready for answers.
          </>
        )}
      </Confirmation>
      <form noValidate onSubmit={create}>
        <Radios
          id={fieldId(idPrefix, 'templateKey')}
          name="templateKey"
          legend="Template"
          error={errorFor(errors, 'templateKey')}
          items={choices.map((template) => ({
            value: template.key,
            label: template.title,
            hint: `${template.description} ${template.questionCount} questions.`,
          }))}
          value={chosenKey}
          onChange={setTemplateKey}
        />
        <TextField
          id={fieldId(idPrefix, 'title')}
          name="title"
          label="Title (optional)"
          hint="Leave it blank to keep the template's title."
          error={errorFor(errors, 'title')}
        />
        <Checkboxes
          id={fieldId(idPrefix, 'audience')}
          name="roles"
          legend="Who is asked"
          hint="Everyone in the organisation who holds any of these roles."
          error={errorFor(errors, 'audience')}
          items={audienceRoles.map((role) => ({
            value: role.value,
            label: role.label,
            defaultChecked: role.value === 'PRACTICE_REPRESENTATIVE',
          }))}
        />
        <button type="submit" className="nhsuk-button" disabled={submitting}>
          Create from the template
        </button>
      </form>
    </section>
  );
}
