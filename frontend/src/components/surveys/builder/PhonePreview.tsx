import { useMemo, useState } from 'react';
import { PagedSurvey, type AnsweringSection } from '../PagedSurvey';
import type { FormAnswers } from '../QuestionField';
import { scaleOf, textLimits } from '../scales';
import type { BuilderSurvey } from './model';

function bound(typed: string): number | null {
  const value = typed.trim() === '' ? Number.NaN : Number(typed);
  return Number.isFinite(value) ? value : null;
}

/** The survey as the respondent's pages would draw it, from the builder's working copy. */
export function previewSections(survey: BuilderSurvey): AnsweringSection[] {
  let number = 0;
  return survey.sections.map((section) => ({
    title: section.title,
    description: section.description,
    showIf: section.showIf,
    questions: section.questions.map((q) => {
      number += 1;
      return {
        id: `preview-${q.uid}`,
        key: q.key,
        kind: q.kind,
        number,
        prompt: q.prompt || '(No question written yet)',
        helpText: q.helpText,
        required: q.required,
        showIf: q.showIf,
        options: scaleOf(q.kind, q.kind === 'SINGLE_CHOICE' || q.kind === 'MULTIPLE_CHOICE' || q.kind === 'MATRIX' ? q.options : []).map(
          (o) => ({ key: o.key, label: o.label || '(No label yet)' }),
        ),
        statements: q.kind === 'MATRIX' ? q.statements.map((s) => ({ key: s.key, label: s.label || '(No label yet)' })) : [],
        minimum: q.kind === 'NUMBER' ? bound(q.minimum) : null,
        maximum: q.kind === 'NUMBER' ? bound(q.maximum) : null,
        maxLength: textLimits[q.kind] ?? null,
      };
    }),
  }));
}

/** A 360-pixel-wide pane answering the survey as a phone respondent would; nothing is sent. */
export function PhonePreview({ survey }: { survey: BuilderSurvey }) {
  const sections = useMemo(() => previewSections(survey), [survey]);
  const [answers, setAnswers] = useState<FormAnswers>({});
  const [finished, setFinished] = useState(0);
  return (
    <section className="app-phone-preview" aria-labelledby="phone-preview-title">
      <h2 id="phone-preview-title" className="nhsuk-heading-s">
        Preview as a phone respondent
      </h2>
      <div className="app-phone-preview__screen">
        <p className="nhsuk-heading-s">{survey.settings.title || 'Untitled survey'}</p>
        {finished > 0 ? (
          <>
            <p>That is the end of the survey: a respondent would send their response here.</p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => {
                setAnswers({});
                setFinished(0);
              }}
            >
              Start the preview again
            </button>
          </>
        ) : (
          <PagedSurvey
            key={finished}
            sections={sections}
            answers={answers}
            onChange={(key, value) => setAnswers((previous) => ({ ...previous, [key]: value }))}
            onFinish={() => setFinished((n) => n + 1)}
            finishLabel="Finish the preview"
            idPrefix="preview"
          />
        )}
      </div>
    </section>
  );
}
