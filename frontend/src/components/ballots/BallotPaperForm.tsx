import { type FormEvent, useRef, useState } from 'react';
import { castBallotVoteMutation } from '../../api/ballots';
import { onFields, request } from '../../api/client';
import { useSubmission } from '../../api/useSubmission';
import type { BallotVoteOutcome } from '../../generated/graphql';
import { ErrorSummary, errorFor, fieldId } from '../ErrorSummary';
import {
  type Choices,
  choose,
  chosenCount,
  type PaperQuestion,
  paperProblems,
  questionField,
  randomKey,
  type Submission,
  submissionFor,
  toAnswers,
} from './ballotPaper';

export interface VoteOutcome {
  outcome: BallotVoteOutcome;
  message: string;
  practiceName: string;
}

interface BallotPaperFormProps {
  ballotId: string;
  questions: PaperQuestion[];
  practice: { id: string; name: string; odsCode: string };
  /** Send the practice's id: the viewer may vote for more than one practice. */
  namePractice: boolean;
  asProxy: boolean;
  /** The practice's current choices, when it has voted and may change them. */
  initialChoices: Choices;
  changing: boolean;
  onVoted: (outcome: VoteOutcome) => void;
}

function QuestionFieldset({
  idPrefix,
  question,
  index,
  choices,
  error,
  onChoose,
}: {
  idPrefix: string;
  question: PaperQuestion;
  index: number;
  choices: Choices;
  error: string | undefined;
  onChoose: (optionId: string, checked: boolean) => void;
}) {
  const election = question.kind === 'ELECTION';
  const firstId = fieldId(idPrefix, questionField(question));
  const name = `${idPrefix}-q${question.position}`;
  const chosen = choices[question.id] ?? [];
  const hintId = `${firstId}-hint`;
  const describedBy = [election && hintId, error && `${firstId}-error`].filter(Boolean).join(' ') || undefined;
  const kind = election ? 'checkboxes' : 'radios';
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 className="nhsuk-fieldset__heading">
            <span className="nhsuk-caption-m">Question {index + 1}</span>
            {question.text}
          </h2>
        </legend>
        {election && (
          <div className="nhsuk-hint" id={hintId}>
            Choose up to {question.seats} {question.seats === 1 ? 'candidate' : 'candidates'}, or abstain.{' '}
            <span aria-live="polite">{chosenCount(question, choices)}.</span>
          </div>
        )}
        {error && (
          <span className="nhsuk-error-message" id={`${firstId}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <div className={`nhsuk-${kind}`}>
          {question.options.map((option, optionIndex) => {
            const id = optionIndex ? `${firstId}-${optionIndex + 1}` : firstId;
            return (
              <div key={option.id} className={`nhsuk-${kind}__item`}>
                <input
                  className={`nhsuk-${kind}__input`}
                  id={id}
                  name={name}
                  type={election ? 'checkbox' : 'radio'}
                  value={option.id}
                  checked={chosen.includes(option.id)}
                  onChange={(event) => onChoose(option.id, event.target.checked)}
                />
                <label className={`nhsuk-label nhsuk-${kind}__label`} htmlFor={id}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** One practice's ballot paper: a fieldset per question, checked before it is sent, safe to send twice. */
export function BallotPaperForm({
  ballotId,
  questions,
  practice,
  namePractice,
  asProxy,
  initialChoices,
  changing,
  onVoted,
}: BallotPaperFormProps) {
  const idPrefix = `paper-${practice.odsCode}`;
  const [choices, setChoices] = useState<Choices>(initialChoices);
  const { errors, setErrors, submitting, submit } = useSubmission();
  const lastSubmission = useRef<Submission | null>(null);
  const inFlight = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    const problems = paperProblems(questions, choices);
    if (problems.length) {
      setErrors(problems);
      return;
    }
    const answers = toAnswers(questions, choices);
    const submission = submissionFor(lastSubmission.current, answers, randomKey);
    lastSubmission.current = submission;
    inFlight.current = true;
    try {
      const payload = await submit(async () => {
        const { castBallotVote } = await request(castBallotVoteMutation, {
          input: {
            ballotId,
            practiceId: namePractice ? practice.id : null,
            answers,
            submissionKey: submission.key,
          },
        });
        return { ...castBallotVote, errors: onFields(castBallotVote.errors, {}) };
      });
      if (payload?.outcome) {
        onVoted({ outcome: payload.outcome, message: payload.message ?? '', practiceName: practice.name });
      }
    } finally {
      inFlight.current = false;
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {(namePractice || asProxy) && (
        <p className="nhsuk-body-l">
          Voting for {practice.name} ({practice.odsCode}){asProxy ? ', as its proxy' : ''}
        </p>
      )}
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      {questions.map((question, index) => (
        <QuestionFieldset
          key={question.id}
          idPrefix={idPrefix}
          question={question}
          index={index}
          choices={choices}
          error={errorFor(errors, questionField(question))}
          onChoose={(optionId, checked) => setChoices((previous) => choose(previous, question, optionId, checked))}
        />
      ))}
      <button className="nhsuk-button" type="submit" aria-disabled={submitting || undefined}>
        {changing ? 'Change vote' : 'Submit vote'}
        {namePractice && <span className="nhsuk-u-visually-hidden"> for {practice.name}</span>}
      </button>
    </form>
  );
}
