import { describe, expect, it } from 'vitest';
import { choose, chosenCount, type PaperQuestion, paperProblems, submissionFor, toAnswers } from './ballotPaper';

const motion: PaperQuestion = {
  id: 'q1',
  position: 1,
  kind: 'FOR_AGAINST',
  text: 'Do you approve the revised constitution?',
  seats: 1,
  options: [
    { id: 'for', kind: 'FOR', label: 'For' },
    { id: 'against', kind: 'AGAINST', label: 'Against' },
    { id: 'abstain', kind: 'ABSTAIN', label: 'Abstain' },
  ],
};

const election: PaperQuestion = {
  id: 'q2',
  position: 2,
  kind: 'ELECTION',
  text: 'Elect two GP members',
  seats: 2,
  options: [
    { id: 'ahmed', kind: 'CANDIDATE', label: 'Dr Ahmed' },
    { id: 'baker', kind: 'CANDIDATE', label: 'Dr Baker' },
    { id: 'chen', kind: 'CANDIDATE', label: 'Dr Chen' },
    { id: 'abstain-2', kind: 'ABSTAIN', label: 'Abstain' },
  ],
};

describe('the ballot paper', () => {
  it('keeps one choice for a motion and several candidates for an election, abstaining alone', () => {
    let choices = choose({}, motion, 'for', true);
    choices = choose(choices, motion, 'against', true);
    expect(choices.q1).toEqual(['against']);

    choices = choose(choices, election, 'ahmed', true);
    choices = choose(choices, election, 'chen', true);
    expect(choices.q2).toEqual(['ahmed', 'chen']);
    expect(chosenCount(election, choices)).toBe('2 of 2 chosen');
    choices = choose(choices, election, 'ahmed', false);
    expect(choices.q2).toEqual(['chen']);

    choices = choose(choices, election, 'abstain-2', true);
    expect(choices.q2).toEqual(['abstain-2']);
    expect(chosenCount(election, choices)).toBe('0 of 2 chosen');
    choices = choose(choices, election, 'baker', true);
    expect(choices.q2).toEqual(['baker']);

    expect(toAnswers([motion, election], choices)).toEqual([
      { questionId: 'q1', optionIds: ['against'] },
      { questionId: 'q2', optionIds: ['baker'] },
    ]);
  });

  it('asks for every question and refuses more candidates than seats', () => {
    const tooMany = { q2: ['ahmed', 'baker', 'chen'] };
    expect(paperProblems([motion, election], tooMany)).toEqual([
      { field: 'question-1', message: 'Choose for, against or abstain for question 1' },
      { field: 'question-2', message: 'Choose no more than 2 candidates for question 2; you chose 3' },
    ]);
    expect(paperProblems([motion, election], { q1: ['for'], q2: ['ahmed'] })).toEqual([]);
  });

  it('sends the same key again for the same paper and a new one when the choices change', () => {
    let made = 0;
    const makeKey = () => `key-${++made}`;
    const first = submissionFor(null, toAnswers([motion], { q1: ['for'] }), makeKey);
    const retry = submissionFor(first, toAnswers([motion], { q1: ['for'] }), makeKey);
    expect(retry.key).toBe('key-1');
    const changed = submissionFor(retry, toAnswers([motion], { q1: ['against'] }), makeKey);
    expect(changed.key).toBe('key-2');
  });
});
