import type { ChangeEvent } from 'react';
import { Checkboxes, Radios, TextArea, TextField } from '../fields';
import type { SurveyForAnsweringQuery } from '../../generated/graphql';
import { pickedKey } from './branching';

type SurveyNode = Extract<NonNullable<SurveyForAnsweringQuery['node']>, { __typename: 'Survey' }>;
export type AnsweringQuestion = SurveyNode['sections'][number]['questions'][number];

/** Answers in the form, by pickedKey: the choices picked, or the words or number typed (as one string). */
export type FormAnswers = Record<string, string[]>;

interface QuestionFieldProps {
  question: AnsweringQuestion;
  answers: FormAnswers;
  onChange: (key: string, value: string[]) => void;
}

export function questionFieldId(question: AnsweringQuestion, statementKey?: string): string {
  return `answer-${question.key}${statementKey ? `-${statementKey}` : ''}`;
}

function Legend({ question, text }: { question: AnsweringQuestion; text?: string }) {
  return (
    <>
      {text ?? `${question.number}. ${question.prompt}`}
      {question.required && <span className="app-survey-required"> (required)</span>}
    </>
  );
}

export function QuestionField({ question, answers, onChange }: QuestionFieldProps) {
  const id = questionFieldId(question);
  const key = pickedKey(question.key);
  const current = answers[key] ?? [];
  const hint = question.helpText || undefined;
  const label = `${question.number}. ${question.prompt}${question.required ? ' (required)' : ''}`;
  const scale = question.options.map((option) => ({ value: option.key, label: option.label }));

  switch (question.kind) {
    case 'AGREEMENT':
    case 'SINGLE_CHOICE':
      return (
        <Radios
          id={id}
          name={id}
          legend={<Legend question={question} />}
          hint={hint}
          items={scale}
          value={current[0] ?? ''}
          onChange={(value) => onChange(key, [value])}
        />
      );
    case 'RATING':
      return (
        <Radios
          id={id}
          name={id}
          legend={<Legend question={question} />}
          hint={hint ?? '0 is the lowest and 10 the highest.'}
          items={scale}
          value={current[0] ?? ''}
          onChange={(value) => onChange(key, [value])}
          inline
        />
      );
    case 'MULTIPLE_CHOICE':
      return (
        <div
          onChange={(event: ChangeEvent<HTMLDivElement>) => {
            const box = event.target as unknown as HTMLInputElement;
            if (box.type !== 'checkbox') return;
            const others = current.filter((value) => value !== box.value);
            onChange(key, box.checked ? [...others, box.value] : others);
          }}
        >
          <Checkboxes
            id={id}
            name={id}
            legend={label}
            hint={hint ?? 'Select all that apply.'}
            items={question.options.map((option) => ({
              value: option.key,
              label: option.label,
              defaultChecked: current.includes(option.key),
            }))}
          />
        </div>
      );
    case 'MATRIX':
      return (
        <div className="nhsuk-form-group app-survey-matrix">
          <h3 className="nhsuk-heading-s" id={`${id}-heading`}>
            <Legend question={question} />
          </h3>
          {hint && <p className="nhsuk-hint">{hint}</p>}
          {question.statements.map((statement) => {
            const statementKey = pickedKey(question.key, statement.key);
            return (
              <Radios
                key={statement.key}
                id={questionFieldId(question, statement.key)}
                name={questionFieldId(question, statement.key)}
                legend={statement.label}
                items={scale}
                value={(answers[statementKey] ?? [])[0] ?? ''}
                onChange={(value) => onChange(statementKey, [value])}
              />
            );
          })}
        </div>
      );
    case 'NUMBER': {
      const range =
        question.minimum !== null && question.minimum !== undefined && question.maximum !== null && question.maximum !== undefined
          ? `A number from ${question.minimum} to ${question.maximum}.`
          : undefined;
      return (
        <TextField
          id={id}
          label={label}
          hint={[hint, range].filter(Boolean).join(' ') || undefined}
          className="nhsuk-input--width-5"
          inputMode="decimal"
          value={current[0] ?? ''}
          onChange={(event) => onChange(key, [event.target.value])}
        />
      );
    }
    case 'SHORT_TEXT':
      return (
        <TextField
          id={id}
          label={label}
          hint={hint}
          maxLength={question.maxLength ?? undefined}
          value={current[0] ?? ''}
          onChange={(event) => onChange(key, [event.target.value])}
        />
      );
    case 'LONG_TEXT':
      return (
        <TextArea
          id={id}
          label={label}
          hint={hint}
          maxLength={question.maxLength ?? undefined}
          value={current[0] ?? ''}
          onChange={(event) => onChange(key, [event.target.value])}
        />
      );
  }
}
