import { describe, expect, it } from 'vitest';
import {
  type BuilderSurvey,
  builderProblems,
  emptySurvey,
  newQuestion,
  placeApiErrors,
  questionField,
  readClosingTime,
  sectionField,
  sectionsInput,
} from './model';

function survey(): BuilderSurvey {
  const built = emptySurvey();
  built.settings.title = 'Locality meetings';
  const [first] = built.sections[0].questions;
  Object.assign(first, {
    key: 'attends',
    prompt: 'Do you go?',
    options: [
      { key: 'yes', label: 'Yes' },
      { key: 'no', label: 'No' },
    ],
  });
  const second = newQuestion(built);
  Object.assign(second, {
    key: 'useful',
    kind: 'AGREEMENT',
    prompt: 'Are they useful?',
    options: [],
    showIf: { questionKey: 'attends', statementKey: null, anyOf: ['yes'] },
  });
  built.sections[0].questions.push(second);
  return built;
}

describe('the builder', () => {
  it('finds nothing wrong with a sound survey with branching', () => {
    expect(builderProblems(survey())).toEqual([]);
  });

  it('words problems as the API does, placed beside their question', () => {
    const built = survey();
    const [first, second] = built.sections[0].questions;
    first.options[1].label = ' ';
    second.showIf = { questionKey: 'useful', statementKey: null, anyOf: ['yes'] };
    expect(builderProblems(built)).toEqual([
      { field: questionField(first), message: 'Question 1: give every option a label (500 characters or fewer).' },
      { field: questionField(second), message: 'Question 2: a question cannot depend on its own answer.' },
    ]);
  });

  it('refuses branching on a later question, on a written answer, or with no answers chosen', () => {
    const built = survey();
    const [first, second] = built.sections[0].questions;
    first.showIf = { questionKey: 'useful', statementKey: null, anyOf: ['AGREE'] };
    second.showIf = { questionKey: 'attends', statementKey: null, anyOf: [] };
    expect(builderProblems(built).map((error) => error.message)).toEqual([
      "Question 1: it can only depend on an earlier question, and 'useful' is not one.",
      "Question 2: choose which answers to 'attends' show it, from that question's options.",
    ]);
  });

  it("places the API's numbered errors beside the question or section they name", () => {
    const built = survey();
    const [, second] = built.sections[0].questions;
    expect(
      placeApiErrors(built, [
        { field: 'sections', message: 'Question 2: enter the question (1,000 characters or fewer).' },
        { field: 'sections', message: 'Section 1: keep the title to 200 characters.' },
        { field: 'suppressionThreshold', message: 'Withhold groups smaller than a number from 3 to 100.' },
        { field: 'sections', message: 'Question 9: no such question here.' },
      ]),
    ).toEqual([
      { field: questionField(second), message: 'Question 2: enter the question (1,000 characters or fewer).' },
      { field: sectionField(built.sections[0]), message: 'Section 1: keep the title to 200 characters.' },
      { field: 'suppressionThreshold', message: 'Withhold groups smaller than a number from 3 to 100.' },
      { field: null, message: 'Question 9: no such question here.' },
    ]);
  });

  it('sends options only where the kind has them and limits only on numbers', () => {
    const built = survey();
    const [first, second] = built.sections[0].questions;
    second.options = [{ key: 'stray', label: 'Stray' }];
    second.minimum = '3';
    first.kind = 'NUMBER';
    first.minimum = '0';
    first.maximum = '1,000';
    const [section] = sectionsInput(built);
    expect(section.questions?.[0]).toMatchObject({ options: [], minimum: 0, maximum: 1000 });
    expect(section.questions?.[1]).toMatchObject({ options: [], minimum: null, maximum: null });
  });
});

describe('the closing time', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return data;
  };
  const closing = (day: string, time: string) =>
    form({ 'closesAt-day': day, 'closesAt-month': '12', 'closesAt-year': '2026', closesAtTime: time });

  it('may be left out: the survey then stays open until it is closed', () => {
    expect(readClosingTime(form({ 'closesAt-day': ' ', closesAtTime: '' }), now)).toEqual({ closesAt: null, problems: [] });
  });

  it('is read as London clocks show it', () => {
    expect(readClosingTime(closing('21', '17:00'), now)).toEqual({ closesAt: '2026-12-21T17:00:00+00:00', problems: [] });
  });

  it('must be complete and still to come', () => {
    expect(readClosingTime(closing('21', ''), now).problems).toEqual([
      { field: 'closesAtTime', message: 'Enter the closing time, for example 09:00' },
    ]);
    expect(readClosingTime(closing('7', '09:59'), now)).toEqual({
      closesAt: null,
      problems: [{ field: 'closesAt', message: 'The closing date and time must be in the future' }],
    });
  });
});
