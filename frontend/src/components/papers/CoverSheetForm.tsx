import { type FormEvent, useState } from 'react';
import { type FormError, onFields, request } from '../../api/client';
import { savePaperDraftMutation } from '../../api/papers';
import { useSubmission } from '../../api/useSubmission';
import type { Purpose } from '../../generated/graphql';
import { type ImpactArea, impactAreaInWords, impactAreas, purposeInWords, purposes } from '../../vocabulary';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { Radios, SelectField, TextArea } from '../fields';
import { useUnsavedForm } from '../useUnsavedChangesWarning';
import type { PaperDetail, PaperVersionDetail } from './types';

const idPrefix = 'cover-sheet';

const apiFields = {
  purpose: 'purpose',
  isPublic: 'isPublic',
  executiveSummary: 'executiveSummary',
  recommendation: 'recommendation',
  strategicObjectives: 'strategicObjectives',
  assuranceRisks: 'assuranceRisks',
  conflictsNoted: 'conflictsNoted',
  impacts: 'impact-quality',
  publicInvolvement: 'publicInvolvement',
  bodyMarkdown: 'bodyMarkdown',
};

/** The cover sheet's text fields, in the order of the NHS cover sheet. */
export const coverSheetTexts = [
  ['executiveSummary', 'Executive summary', 'What the paper says, in a few paragraphs'],
  [
    'recommendation',
    'Recommendation',
    'What the committee is asked to do, for example “The governing body is asked to approve…”',
  ],
  [
    'strategicObjectives',
    'Links to strategic objectives',
    'Which of the organisation’s strategic objectives the paper supports',
  ],
  ['assuranceRisks', 'Board Assurance Framework risks', 'The risks in the Board Assurance Framework the paper bears on'],
  ['conflictsNoted', 'Conflicts of interest noted', 'Any conflicts of interest the paper raises, and how they are managed'],
] as const;

type Applies = Record<ImpactArea, 'yes' | 'no'>;

function appliesFrom(version: PaperVersionDetail): Applies {
  const applies = Object.fromEntries(impactAreas.map((area) => [area, 'no'])) as Applies;
  for (const impact of version.impacts) {
    if (impact.area in applies && impact.applies) applies[impact.area as ImpactArea] = 'yes';
  }
  return applies;
}

interface CoverSheetFormProps {
  paper: PaperDetail;
  version: PaperVersionDetail;
  onSaved: (message: string) => void;
}

/** The author's cover sheet and body; saving an approved paper starts a new version. */
export function CoverSheetForm({ paper, version, onSaved }: CoverSheetFormProps) {
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [applies, setApplies] = useState<Applies>(() => appliesFrom(version));
  const unsaved = useUnsavedForm();
  const approved = !!version.approvedAt;
  const details = new Map(version.impacts.map((impact) => [impact.area, impact.detail]));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const values = new FormData(event.currentTarget);
    const text = (name: string) => String(values.get(name) ?? '');
    const purpose = text('purpose') as Purpose | '';
    const problems: FormError[] = [
      ...(purpose ? [] : [{ field: 'purpose', message: 'Choose what the committee is asked to do' }]),
      ...impactAreas
        .filter((area) => applies[area] === 'yes' && !text(`impact-${area}-detail`).trim())
        .map((area) => ({
          field: `impact-${area}-detail`,
          message: `Say what the ${impactAreaInWords[area].toLowerCase()} impact is`,
        })),
    ];
    if (problems.length || !purpose) {
      setErrors(problems);
      return;
    }
    const payload = await submit(async () => {
      const { savePaperDraft } = await request(savePaperDraftMutation, {
        input: {
          id: paper.id,
          isPublic: text('isPublic') !== 'no',
          purpose,
          executiveSummary: text('executiveSummary'),
          recommendation: text('recommendation'),
          strategicObjectives: text('strategicObjectives'),
          assuranceRisks: text('assuranceRisks'),
          conflictsNoted: text('conflictsNoted'),
          impacts: impactAreas.map((area) => ({
            area,
            applies: applies[area] === 'yes',
            detail: applies[area] === 'yes' ? text(`impact-${area}-detail`).trim() : '',
          })),
          publicInvolvement: text('publicInvolvement'),
          bodyMarkdown: text('bodyMarkdown'),
        },
      });
      return { ...savePaperDraft, errors: onFields(savePaperDraft.errors, apiFields) };
    });
    if (payload?.version) {
      unsaved.saved();
      onSaved(
        payload.version.number === version.number
          ? `Saved the draft of “${paper.title}”.`
          : `Saved your changes as version ${payload.version.number} of “${paper.title}”: ` +
              'it is a draft again and needs its sponsor’s approval.',
      );
    }
  }

  return (
    <section>
      <h2>Cover sheet and paper</h2>
      {approved && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Version {version.number} is approved and cannot change. Saving a change makes version {version.number + 1},
            which goes back to its sponsor for approval.
          </p>
        </div>
      )}
      <form onSubmit={onSubmit} onChange={unsaved.onChange} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <SelectField
          id={`${idPrefix}-purpose`}
          name="purpose"
          label="Purpose"
          hint="What the committee is asked to do with the paper"
          defaultValue={version.purpose}
          error={errorFor(errors, 'purpose')}
        >
          <option value="">Choose a purpose</option>
          {purposes.map((purpose) => (
            <option key={purpose} value={purpose}>
              {purposeInWords[purpose]}
            </option>
          ))}
        </SelectField>
        {coverSheetTexts.map(([name, label, hint]) => (
          <TextArea
            key={name}
            id={`${idPrefix}-${name}`}
            name={name}
            label={label}
            hint={hint}
            rows={name === 'executiveSummary' ? 6 : 3}
            defaultValue={version[name]}
            error={errorFor(errors, name)}
          />
        ))}
        <h3>Impact assessments</h3>
        {impactAreas.map((area) => {
          const words = impactAreaInWords[area];
          return (
            <Radios
              key={area}
              id={`${idPrefix}-impact-${area}`}
              name={`impact-${area}`}
              legend={`${words} impact`}
              inline={false}
              value={applies[area]}
              onChange={(value) => setApplies((current) => ({ ...current, [area]: value === 'yes' ? 'yes' : 'no' }))}
              error={errorFor(errors, `impact-${area}`)}
              items={[
                {
                  value: 'yes',
                  label: 'Yes',
                  conditional: (
                    <TextArea
                      id={`${idPrefix}-impact-${area}-detail`}
                      name={`impact-${area}-detail`}
                      label={`What is the ${words.toLowerCase()} impact?`}
                      rows={3}
                      defaultValue={details.get(area) ?? ''}
                      error={errorFor(errors, `impact-${area}-detail`)}
                    />
                  ),
                },
                { value: 'no', label: 'No' },
              ]}
            />
          );
        })}
        <TextArea
          id={`${idPrefix}-publicInvolvement`}
          name="publicInvolvement"
          label="Patient and public involvement to date"
          rows={3}
          defaultValue={version.publicInvolvement}
          error={errorFor(errors, 'publicInvolvement')}
        />
        <Radios
          id={`${idPrefix}-isPublic`}
          name="isPublic"
          legend="Can the paper be published?"
          defaultValue={paper.isPublic ? 'yes' : 'no'}
          error={errorFor(errors, 'isPublic')}
          items={[
            { value: 'yes', label: 'Yes, it is public', hint: 'It goes in the public pack if its item is in Part I' },
            { value: 'no', label: 'No, it is private', hint: 'Only the committee’s members read it, in the private pack' },
          ]}
        />
        <TextArea
          id={`${idPrefix}-bodyMarkdown`}
          name="bodyMarkdown"
          label="The paper"
          hint={
            <>
              Written in Markdown: a blank line between paragraphs, <code>## </code> before a heading, <code>- </code>{' '}
              before each point of a list, <code>**bold**</code>. Save to see a preview.
            </>
          }
          rows={16}
          className="app-markdown"
          defaultValue={version.bodyMarkdown}
          error={errorFor(errors, 'bodyMarkdown')}
        />
        <button className="nhsuk-button" type="submit">
          {approved ? 'Save as a new version' : 'Save draft'}
        </button>
      </form>
    </section>
  );
}
