/** The survey builder's working copy of a survey, what it sends, and the problems it can see before sending. */
import type { FormError } from '../../../api/client';
import type {
  QuestionKind,
  SurveyAnonymity,
  SurveyAudienceRole,
  SurveyForBuildingQuery,
  SurveyRespondentUnit,
  SurveySectionInput,
} from '../../../generated/graphql';
import { readOptionalDateTime } from '../../DateTimeInput';
import { agreementScale, pickedKinds, scaleOf } from '../scales';

type BuiltSurvey = Extract<NonNullable<SurveyForBuildingQuery['node']>, { __typename: 'Survey' }>;

export interface BuilderOption {
  key: string;
  label: string;
}

export interface BuilderCondition {
  questionKey: string;
  statementKey: string | null;
  anyOf: string[];
}

export interface BuilderQuestion {
  uid: string;
  key: string;
  kind: QuestionKind;
  prompt: string;
  helpText: string;
  required: boolean;
  options: BuilderOption[];
  statements: BuilderOption[];
  minimum: string;
  maximum: string;
  showIf: BuilderCondition | null;
}

export interface BuilderSection {
  uid: string;
  title: string;
  description: string;
  showIf: BuilderCondition | null;
  questions: BuilderQuestion[];
}

export interface BuilderSettings {
  title: string;
  description: string;
  anonymity: SurveyAnonymity;
  respondentUnit: SurveyRespondentUnit;
  roles: SurveyAudienceRole[];
  localities: string[];
  practiceIds: string[];
  suppressionThreshold: string;
  allowEditsAfterSubmit: boolean;
  closesAt: string | null;
}

export interface BuilderSurvey {
  settings: BuilderSettings;
  sections: BuilderSection[];
}

let counter = 0;
export function newUid(): string {
  counter += 1;
  return `u${counter}`;
}

/** A key not yet used among `taken`: prefix1, prefix2, ... */
export function freshKey(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n += 1) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function allQuestions(survey: BuilderSurvey): BuilderQuestion[] {
  return survey.sections.flatMap((section) => section.questions);
}

export function newQuestion(survey: BuilderSurvey): BuilderQuestion {
  return {
    uid: newUid(),
    key: freshKey('q', allQuestions(survey).map((q) => q.key)),
    kind: 'SINGLE_CHOICE',
    prompt: '',
    helpText: '',
    required: false,
    options: [
      { key: 'o1', label: '' },
      { key: 'o2', label: '' },
    ],
    statements: [],
    minimum: '',
    maximum: '',
    showIf: null,
  };
}

export function newSection(survey: BuilderSurvey): BuilderSection {
  return { uid: newUid(), title: '', description: '', showIf: null, questions: [newQuestion(survey)] };
}

export function emptySurvey(): BuilderSurvey {
  const survey: BuilderSurvey = {
    settings: {
      title: '',
      description: '',
      anonymity: 'ANONYMOUS',
      respondentUnit: 'PERSON',
      roles: ['PRACTICE_REPRESENTATIVE'],
      localities: [],
      practiceIds: [],
      suppressionThreshold: '5',
      allowEditsAfterSubmit: false,
      closesAt: null,
    },
    sections: [],
  };
  survey.sections.push(newSection(survey));
  return survey;
}

function condition(showIf: BuiltSurvey['sections'][number]['showIf']): BuilderCondition | null {
  return showIf ? { questionKey: showIf.questionKey, statementKey: showIf.statementKey ?? null, anyOf: [...showIf.anyOf] } : null;
}

function usesAgreementScale(options: readonly BuilderOption[]): boolean {
  return options.length === agreementScale.length && options.every((option, i) => option.key === agreementScale[i].key);
}

export function fromSurvey(survey: BuiltSurvey): BuilderSurvey {
  return {
    settings: {
      title: survey.title,
      description: survey.description,
      anonymity: survey.anonymity,
      respondentUnit: survey.respondentUnit,
      roles: [...survey.audience.roles],
      localities: [...survey.audience.localities],
      practiceIds: survey.audience.practices.map((p) => p.id),
      suppressionThreshold: String(survey.suppressionThreshold),
      allowEditsAfterSubmit: survey.allowEditsAfterSubmit,
      closesAt: survey.closesAt ?? null,
    },
    sections: survey.sections.map((section) => ({
      uid: newUid(),
      title: section.title,
      description: section.description,
      showIf: condition(section.showIf),
      questions: section.questions.map((q) => {
        const options = q.options.map(({ key, label }) => ({ key, label }));
        const fixed = q.kind === 'AGREEMENT' || q.kind === 'RATING' || (q.kind === 'MATRIX' && usesAgreementScale(options));
        return {
          uid: newUid(),
          key: q.key,
          kind: q.kind,
          prompt: q.prompt,
          helpText: q.helpText,
          required: q.required,
          options: fixed ? [] : options,
          statements: q.statements.map(({ key, label }) => ({ key, label })),
          minimum: q.minimum === null || q.minimum === undefined ? '' : String(q.minimum),
          maximum: q.maximum === null || q.maximum === undefined ? '' : String(q.maximum),
          showIf: condition(q.showIf),
        };
      }),
    })),
  };
}

export const hasOptions = (kind: QuestionKind) => kind === 'SINGLE_CHOICE' || kind === 'MULTIPLE_CHOICE' || kind === 'MATRIX';

function bound(typed: string): number | null {
  return typed.trim() === '' ? null : Number(typed.replace(/,/g, ''));
}

/** What the API takes: options only where the kind has them, limits only on numbers. */
export function sectionsInput(survey: BuilderSurvey): SurveySectionInput[] {
  return survey.sections.map((section) => ({
    title: section.title,
    description: section.description,
    showIf: section.showIf,
    questions: section.questions.map((q) => ({
      key: q.key,
      kind: q.kind,
      prompt: q.prompt,
      helpText: q.helpText,
      required: q.required,
      options: hasOptions(q.kind) ? q.options : [],
      statements: q.kind === 'MATRIX' ? q.statements : [],
      minimum: q.kind === 'NUMBER' ? bound(q.minimum) : null,
      maximum: q.kind === 'NUMBER' ? bound(q.maximum) : null,
      showIf: q.showIf,
    })),
  }));
}

export function settingsInput(settings: BuilderSettings) {
  return {
    title: settings.title,
    description: settings.description,
    anonymity: settings.anonymity,
    respondentUnit: settings.respondentUnit,
    suppressionThreshold: Number(settings.suppressionThreshold),
    allowEditsAfterSubmit: settings.allowEditsAfterSubmit,
    closesAt: settings.closesAt,
    audience: { roles: settings.roles, localities: settings.localities, practiceIds: settings.practiceIds },
  };
}

/** The error field that shows beside a question or a section (and the id of its first input). */
export const questionField = (question: BuilderQuestion) => `question-${question.uid}`;
export const sectionField = (section: BuilderSection) => `section-${section.uid}`;

const QUESTION_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_OPTIONS = 30;

function conditionProblem(
  condition: BuilderCondition,
  earlier: Map<string, BuilderQuestion>,
  ownKey: string | null,
): string | null {
  if (condition.questionKey === ownKey) return 'a question cannot depend on its own answer.';
  const target = earlier.get(condition.questionKey);
  if (!target) return `it can only depend on an earlier question, and '${condition.questionKey}' is not one.`;
  if (!pickedKinds.includes(target.kind)) return 'it can only depend on a question answered from a list.';
  if (target.kind === 'MATRIX' && !target.statements.some((s) => s.key === condition.statementKey)) {
    return `name one of the statements of '${condition.questionKey}'.`;
  }
  const scale = new Set(scaleOf(target.kind, target.options).map((o) => o.key));
  if (!condition.anyOf.length || condition.anyOf.some((key) => !scale.has(key))) {
    return `choose which answers to '${condition.questionKey}' show it, from that question's options.`;
  }
  return null;
}

function questionProblems(q: BuilderQuestion, earlier: Map<string, BuilderQuestion>): string[] {
  const problems: string[] = [];
  if (!QUESTION_KEY.test(q.key)) {
    problems.push('its key must start with a lower-case letter and use only a-z, 0-9 and _ (40 at most).');
  } else if (earlier.has(q.key)) {
    problems.push(`the key '${q.key}' is already used by another question.`);
  }
  if (!q.prompt.trim()) problems.push('enter the question (1,000 characters or fewer).');
  if ((q.kind === 'SINGLE_CHOICE' || q.kind === 'MULTIPLE_CHOICE') && !(q.options.length >= 2 && q.options.length <= MAX_OPTIONS)) {
    problems.push(`give between 2 and ${MAX_OPTIONS} options to choose from.`);
  }
  if (q.kind === 'MATRIX') {
    if (q.statements.length < 1) problems.push(`give between 1 and ${MAX_OPTIONS} statements.`);
    if (q.options.length === 1) problems.push(`give between 2 and ${MAX_OPTIONS} scale points, or none for the agreement scale.`);
    if (q.statements.some((s) => !s.label.trim())) problems.push('give every statement a label (500 characters or fewer).');
  }
  if (hasOptions(q.kind) && q.options.some((o) => !o.label.trim())) {
    problems.push('give every option a label (500 characters or fewer).');
  }
  if (q.kind === 'NUMBER') {
    const [low, high] = [bound(q.minimum), bound(q.maximum)];
    if ((low !== null && !Number.isFinite(low)) || (high !== null && !Number.isFinite(high))) {
      problems.push('the limits must be numbers.');
    } else if (low !== null && high !== null && low > high) {
      problems.push('the minimum must not be more than the maximum.');
    }
  }
  if (q.showIf) {
    const problem = conditionProblem(q.showIf, earlier, q.key);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The problems the API would find that are simple to see here, worded as it words them. */
export function builderProblems(survey: BuilderSurvey): FormError[] {
  const errors: FormError[] = [];
  const { settings } = survey;
  if (!settings.title.trim()) errors.push({ field: 'title', message: "Enter the survey's title (200 characters or fewer)." });
  const threshold = Number(settings.suppressionThreshold);
  if (!Number.isInteger(threshold) || threshold < 3 || threshold > 100) {
    errors.push({
      field: 'suppressionThreshold',
      message: 'Withhold groups smaller than a number from 3 to 100 (usually 5).',
    });
  }
  if (!settings.roles.length) errors.push({ field: 'audience', message: 'Choose who the survey is for.' });
  else if (
    settings.respondentUnit === 'PRACTICE' &&
    (settings.roles.length !== 1 || settings.roles[0] !== 'PRACTICE_REPRESENTATIVE')
  ) {
    errors.push({ field: 'audience', message: 'A survey answered once per practice is for practice representatives only.' });
  }
  const earlier = new Map<string, BuilderQuestion>();
  let number = 0;
  survey.sections.forEach((section, index) => {
    if (section.showIf) {
      const problem = conditionProblem(section.showIf, earlier, null);
      if (problem) errors.push({ field: sectionField(section), message: `Section ${index + 1}: ${problem}` });
    }
    for (const question of section.questions) {
      number += 1;
      for (const problem of questionProblems(question, earlier)) {
        errors.push({ field: questionField(question), message: `Question ${number}: ${problem}` });
      }
      if (!earlier.has(question.key)) earlier.set(question.key, question);
    }
  });
  if (!number) errors.push({ field: null, message: 'Add at least one question.' });
  return errors;
}

/**
 * The closing time typed into the builder's date and time fields: null when left empty (the survey stays open
 * until it is closed), refused when it has already passed, since the survey could not then be opened.
 */
export function readClosingTime(values: FormData, now: Date = new Date()): { closesAt: string | null; problems: FormError[] } {
  const reading = readOptionalDateTime(values, 'closesAt', { date: 'closing date', time: 'closing time' });
  if (reading.value && new Date(reading.value).getTime() <= now.getTime()) {
    return { closesAt: null, problems: [{ field: 'closesAt', message: 'The closing date and time must be in the future' }] };
  }
  return { closesAt: reading.value, problems: reading.problems };
}

const settingsFields = new Set(['title', 'description', 'suppressionThreshold', 'audience', 'closesAt']);

/** The API's errors, each placed beside what it is about: "Question 3: ..." beside question 3. */
export function placeApiErrors(survey: BuilderSurvey, errors: readonly FormError[]): FormError[] {
  const questions = allQuestions(survey);
  return errors.map(({ field, message }) => {
    const numbered = /^(Question|Section) (\d+):/.exec(message);
    if (numbered) {
      const n = Number(numbered[2]) - 1;
      const target = numbered[1] === 'Question' ? questions[n] && questionField(questions[n]) : survey.sections[n] && sectionField(survey.sections[n]);
      if (target) return { field: target, message };
    }
    return { field: field !== null && settingsFields.has(field) ? field : null, message };
  });
}

export interface Numbered {
  question: BuilderQuestion;
  number: number;
}

/** Each section with its questions numbered through the survey, and what comes before each (for branching). */
export function numberedSections(survey: BuilderSurvey) {
  const before: Numbered[] = [];
  return survey.sections.map((section) => {
    const sectionEarlier = [...before];
    const questions = section.questions.map((question) => {
      const earlier = [...before];
      const number = before.length + 1;
      before.push({ question, number });
      return { question, number, earlier };
    });
    return { section, earlier: sectionEarlier, questions };
  });
}
