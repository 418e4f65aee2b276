import type { FormError } from '../../api/client';
import type { BallotAnswerInput } from '../../generated/graphql';

export interface PaperQuestion {
  id: string;
  position: number;
  kind: 'FOR_AGAINST' | 'ELECTION';
  text: string;
  seats: number;
  options: { id: string; kind: string; label: string }[];
}

/** The options chosen so far, by question. */
export type Choices = Record<string, string[]>;

/** The form field of a question (its first option's id ends with it). */
export function questionField(question: PaperQuestion): string {
  return `question-${question.position}`;
}

/** Ticks or unticks an option: a radio replaces the question's choice; an election's checkbox adds or removes one. */
export function choose(choices: Choices, question: PaperQuestion, optionId: string, checked: boolean): Choices {
  const abstain = question.options.find((option) => option.kind === 'ABSTAIN')?.id;
  const current = choices[question.id] ?? [];
  let next: string[];
  if (question.kind !== 'ELECTION' || optionId === abstain) next = checked ? [optionId] : [];
  else if (checked) next = [...current.filter((id) => id !== abstain && id !== optionId), optionId];
  else next = current.filter((id) => id !== optionId);
  return { ...choices, [question.id]: next };
}

/** What must be put right before the paper can be sent: every question answered, no more candidates than seats. */
export function paperProblems(questions: PaperQuestion[], choices: Choices): FormError[] {
  const problems: FormError[] = [];
  questions.forEach((question, index) => {
    const chosen = choices[question.id] ?? [];
    const name = `question ${index + 1}`;
    if (!chosen.length) {
      problems.push({
        field: questionField(question),
        message:
          question.kind === 'ELECTION'
            ? `Choose up to ${question.seats} ${question.seats === 1 ? 'candidate' : 'candidates'}, or abstain, for ${name}`
            : `Choose for, against or abstain for ${name}`,
      });
    } else if (question.kind === 'ELECTION' && chosen.length > question.seats) {
      problems.push({
        field: questionField(question),
        message: `Choose no more than ${question.seats} ${question.seats === 1 ? 'candidate' : 'candidates'} for ${name}; you chose ${chosen.length}`,
      });
    }
  });
  return problems;
}

export function toAnswers(questions: PaperQuestion[], choices: Choices): BallotAnswerInput[] {
  return questions.map((question) => ({ questionId: question.id, optionIds: choices[question.id] ?? [] }));
}

/** "1 of 2 chosen" beside an election's candidates. */
export function chosenCount(question: PaperQuestion, choices: Choices): string {
  const abstain = question.options.find((option) => option.kind === 'ABSTAIN')?.id;
  const chosen = (choices[question.id] ?? []).filter((id) => id !== abstain).length;
  return `${chosen} of ${question.seats} chosen`;
}

export interface Submission {
  /** The answers as sent, to tell a retry of the same paper from a new one. */
  answers: string;
  key: string;
}

/**
 * The idempotency key for sending these answers: the last one again when the same paper is sent again (a double tap
 * or a retry after a lost answer), a new one when the choices changed.
 */
export function submissionFor(previous: Submission | null, answers: BallotAnswerInput[], makeKey: () => string): Submission {
  const text = JSON.stringify(answers);
  return previous && previous.answers === text ? previous : { answers: text, key: makeKey() };
}

export function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
