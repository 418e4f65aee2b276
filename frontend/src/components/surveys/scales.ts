import type { QuestionKind } from '../../generated/graphql';

/** The fixed scales, as the API defines them (surveys/definition.py). */
export const agreementScale = [
  { key: 'STRONGLY_AGREE', label: 'Strongly agree' },
  { key: 'AGREE', label: 'Agree' },
  { key: 'NEITHER', label: 'Neither agree nor disagree' },
  { key: 'DISAGREE', label: 'Disagree' },
  { key: 'STRONGLY_DISAGREE', label: 'Strongly disagree' },
  { key: 'DONT_KNOW', label: "Don't know" },
];
export const ratingScale = Array.from({ length: 11 }, (_, n) => ({ key: String(n), label: String(n) }));

export const kindInWords: Record<QuestionKind, string> = {
  AGREEMENT: 'Agreement (strongly agree to strongly disagree)',
  SINGLE_CHOICE: 'One answer from a list',
  MULTIPLE_CHOICE: 'Several answers from a list',
  MATRIX: 'Several statements on one scale',
  RATING: 'Rating from 0 to 10',
  NUMBER: 'A number',
  SHORT_TEXT: 'A few words',
  LONG_TEXT: 'A longer written answer',
};

/** Kinds answered from a list: only these can decide whether a later question is shown. */
export const pickedKinds: readonly QuestionKind[] = ['AGREEMENT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'MATRIX', 'RATING'];

export const textLimits: Partial<Record<QuestionKind, number>> = { SHORT_TEXT: 200, LONG_TEXT: 5000 };

export function scaleOf(kind: QuestionKind, options: readonly { key: string; label: string }[]) {
  if (kind === 'AGREEMENT') return agreementScale;
  if (kind === 'RATING') return ratingScale;
  if (kind === 'MATRIX') return options.length ? options : agreementScale;
  return options;
}
