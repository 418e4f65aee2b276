import { describe, expect, it } from 'vitest';
import { shownQuestions } from './branching';

const sections = [
  {
    questions: [
      { key: 'channel' },
      { key: 'other_detail', showIf: { questionKey: 'channel', anyOf: ['other'] } },
      { key: 'more', showIf: { questionKey: 'other_detail', anyOf: ['x'] } },
    ],
  },
  { showIf: { questionKey: 'channel', anyOf: ['meetings'] }, questions: [{ key: 'meetings_q' }] },
];

describe('shownQuestions', () => {
  it('shows a question only when its condition is met', () => {
    expect([...shownQuestions(sections, { 'channel|': ['other'] })]).toEqual(['channel', 'other_detail']);
  });

  it('hides a section whose condition is not met, and shows it when it is', () => {
    expect([...shownQuestions(sections, {})]).toEqual(['channel']);
    expect([...shownQuestions(sections, { 'channel|': ['meetings'] })]).toEqual(['channel', 'meetings_q']);
  });
});
