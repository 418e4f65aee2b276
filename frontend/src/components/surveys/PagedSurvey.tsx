import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormError } from '../../api/client';
import type { SurveyForAnsweringQuery } from '../../generated/graphql';
import { ErrorSummary } from '../ErrorSummary';
import { pickedKey, shownQuestions } from './branching';
import { type AnsweringQuestion, type FormAnswers, QuestionField, questionFieldId } from './QuestionField';

type SurveyNode = Extract<NonNullable<SurveyForAnsweringQuery['node']>, { __typename: 'Survey' }>;
export type AnsweringSection = Pick<SurveyNode['sections'][number], 'title' | 'description' | 'showIf'> & {
  questions: AnsweringQuestion[];
};

export function isAnswered(question: AnsweringQuestion, answers: FormAnswers): boolean {
  if (question.kind === 'MATRIX') {
    return question.statements.some((statement) => (answers[pickedKey(question.key, statement.key)] ?? []).length > 0);
  }
  return (answers[pickedKey(question.key)] ?? []).some((value) => value.trim() !== '');
}

interface PagedSurveyProps {
  sections: readonly AnsweringSection[];
  answers: FormAnswers;
  onChange: (key: string, value: string[]) => void;
  /** Called before moving on from a page (to save the answers so far); false keeps the respondent there. */
  onPageDone?: () => Promise<boolean>;
  onFinish: () => void;
  finishLabel: string;
  busy?: boolean;
  errors?: FormError[];
  idPrefix: string;
}

/** One question a page, with progress, following the branching as the respondent answers. */
export function PagedSurvey({
  sections,
  answers,
  onChange,
  onPageDone,
  onFinish,
  finishLabel,
  busy = false,
  errors = [],
  idPrefix,
}: PagedSurveyProps) {
  const pages = useMemo(() => {
    const shown = shownQuestions(sections, answers);
    return sections.flatMap((section) =>
      section.questions.filter((question) => shown.has(question.key)).map((question) => ({ section, question })),
    );
  }, [sections, answers]);
  const [index, setIndex] = useState(0);
  const [missing, setMissing] = useState<FormError[]>([]);
  const progress = useRef<HTMLParagraphElement>(null);
  const moved = useRef(false);
  const at = Math.min(index, Math.max(pages.length - 1, 0));
  const page = pages[at];

  useEffect(() => {
    if (moved.current) progress.current?.focus();
  }, [at]);

  if (!page) return <p>This survey has no questions yet.</p>;
  const last = at === pages.length - 1;
  const question = { ...page.question, number: at + 1 };

  async function next() {
    if (question.required && !isAnswered(question, answers)) {
      setMissing([{ field: null, message: `Answer question ${at + 1} to continue: it is required.` }]);
      return;
    }
    setMissing([]);
    if (onPageDone && !(await onPageDone())) return;
    if (last) {
      onFinish();
      return;
    }
    moved.current = true;
    setIndex(at + 1);
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void next();
      }}
    >
      <p className="app-survey-progress" ref={progress} tabIndex={-1} aria-live="polite">
        Question {at + 1} of {pages.length}
      </p>
      <progress className="app-survey-progress-bar" max={pages.length} value={at + 1} aria-hidden="true" />
      <ErrorSummary errors={[...missing, ...errors]} idPrefix={idPrefix} />
      {page.section.title && <h2 className="nhsuk-heading-s app-survey-section-title">{page.section.title}</h2>}
      {page.section.description && <p>{page.section.description}</p>}
      <div key={questionFieldId(question)}>
        <QuestionField question={question} answers={answers} onChange={onChange} />
      </div>
      <div className="app-button-row">
        <button type="submit" className="nhsuk-button" disabled={busy}>
          {last ? finishLabel : 'Continue'}
        </button>
        {at > 0 && (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            disabled={busy}
            onClick={() => {
              setMissing([]);
              moved.current = true;
              setIndex(at - 1);
            }}
          >
            Back
          </button>
        )}
      </div>
    </form>
  );
}
