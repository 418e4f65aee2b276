import { describe, expect, it } from 'vitest';
import { ballotTimes, blankQuestion, parsePercent, toQuestionInputs } from './ballotForm';

describe('the ballot form', () => {
  it('reads percentages from 0 to 100', () => {
    expect(parsePercent('66.7')).toBe(66.7);
    expect(parsePercent('100')).toBe(100);
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('half')).toBeNull();
    expect(parsePercent('')).toBeNull();
  });

  it('builds motions and elections, and says what is missing', () => {
    const motion = { ...blankQuestion(1), text: ' Approve the annual report? ' };
    const election = { ...blankQuestion(2), text: 'Elect the chair', kind: 'ELECTION' as const, seats: '1', candidates: 'Dr Ahmed\n\n Dr Baker \n' };
    expect(toQuestionInputs([motion, election])).toEqual({
      questions: [
        { text: 'Approve the annual report?', kind: 'FOR_AGAINST', seats: 1, candidates: [] },
        { text: 'Elect the chair', kind: 'ELECTION', seats: 1, candidates: ['Dr Ahmed', 'Dr Baker'] },
      ],
      errors: [],
    });

    const bad = { ...blankQuestion(3), kind: 'ELECTION' as const, seats: '2', candidates: 'Dr Ahmed\nDr Baker' };
    expect(toQuestionInputs([bad]).errors).toEqual([
      { field: 'q1-text', message: 'Enter the text of question 1' },
      { field: 'q1-seats', message: 'Elect fewer in question 1 than there are candidates' },
    ]);
  });

  it('reads opening and closing times on London clocks', () => {
    const at = (value: string | null) => ({ value, problems: [] });
    expect(ballotTimes(at('2026-07-01T09:00:00+01:00'), at('2026-12-01T17:30:00+00:00'))).toEqual({
      opensAt: '2026-07-01T09:00:00+01:00',
      closesAt: '2026-12-01T17:30:00+00:00',
      errors: [],
    });
    expect(ballotTimes(at('2026-07-01T09:00:00+01:00'), at('2026-07-01T08:00:00+01:00')).errors).toEqual([
      { field: 'closesAt', message: 'The closing time must be after the opening time' },
    ]);
    const missing = { value: null, problems: [{ field: 'opensAt', message: 'Enter the opening date' }] };
    const unreal = { value: null, problems: [{ field: 'closesAt', message: 'Closing date must be a real date' }] };
    expect(ballotTimes(missing, unreal).errors.map((error) => error.field)).toEqual(['opensAt', 'closesAt']);
  });
});
