import type { FormError } from '../../api/client';
import type { BallotQuestionInput, BallotQuestionKind } from '../../generated/graphql';
import type { DateTimeReading } from '../DateTimeInput';

/** "66.7" → 66.7; anything that is not a number from 0 to 100 → null. */
export function parsePercent(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= 0 && value <= 100 ? value : null;
}

export interface QuestionDraft {
  key: number;
  text: string;
  kind: BallotQuestionKind;
  seats: string;
  /** One candidate a line. */
  candidates: string;
}

export function blankQuestion(key: number): QuestionDraft {
  return { key, text: '', kind: 'FOR_AGAINST', seats: '1', candidates: '' };
}

/** A question's form field: "q1-text", "q2-candidates". */
export function draftField(index: number, name: keyof QuestionDraft): string {
  return `q${index + 1}-${name}`;
}

export function candidatesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The questions as the API takes them, or what to put right first. */
export function toQuestionInputs(drafts: QuestionDraft[]): { questions: BallotQuestionInput[]; errors: FormError[] } {
  const errors: FormError[] = [];
  const questions = drafts.map((draft, index): BallotQuestionInput => {
    const name = `question ${index + 1}`;
    if (!draft.text.trim()) errors.push({ field: draftField(index, 'text'), message: `Enter the text of ${name}` });
    if (draft.kind !== 'ELECTION') return { text: draft.text.trim(), kind: 'FOR_AGAINST', seats: 1, candidates: [] };
    const candidates = candidatesOf(draft.candidates);
    const seats = /^\d+$/.test(draft.seats.trim()) ? Number(draft.seats) : NaN;
    if (!(seats >= 1)) {
      errors.push({ field: draftField(index, 'seats'), message: `Enter how many are elected in ${name} as a whole number` });
    }
    if (candidates.length < 2) {
      errors.push({ field: draftField(index, 'candidates'), message: `Enter at least two candidates for ${name}, one a line` });
    } else if (seats >= candidates.length) {
      errors.push({ field: draftField(index, 'seats'), message: `Elect fewer in ${name} than there are candidates` });
    }
    return { text: draft.text.trim(), kind: 'ELECTION', seats: Number.isNaN(seats) ? 1 : seats, candidates };
  });
  return { questions, errors };
}

/** Opening and closing times from London wall-clock values, or what to put right. */
export function ballotTimes(
  opens: DateTimeReading,
  closes: DateTimeReading,
): { opensAt: string | null; closesAt: string | null; errors: FormError[] } {
  const errors: FormError[] = [...opens.problems, ...closes.problems];
  if (opens.value && closes.value && new Date(closes.value) <= new Date(opens.value)) {
    errors.push({ field: 'closesAt', message: 'The closing time must be after the opening time' });
  }
  return { opensAt: opens.value, closesAt: closes.value, errors };
}
