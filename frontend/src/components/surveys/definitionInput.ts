import type { CreateSurveyFromTemplateMutation, SurveySectionInput } from '../../generated/graphql';

type CreatedSurvey = NonNullable<CreateSurveyFromTemplateMutation['createSurveyFromTemplate']['survey']>;

const agreementKeys = ['STRONGLY_AGREE', 'AGREE', 'NEITHER', 'DISAGREE', 'STRONGLY_DISAGREE', 'DONT_KNOW'];

function condition(showIf: CreatedSurvey['sections'][number]['showIf']) {
  return showIf ? { questionKey: showIf.questionKey, statementKey: showIf.statementKey ?? null, anyOf: showIf.anyOf } : null;
}

function usesAgreementScale(options: readonly { key: string }[]): boolean {
  return options.length === agreementKeys.length && options.every((option, index) => option.key === agreementKeys[index]);
}

/** A survey as read back, as the sections to send when it is saved again: fixed scales are left to the server. */
export function sectionsInput(survey: CreatedSurvey): SurveySectionInput[] {
  return survey.sections.map((section) => ({
    title: section.title,
    description: section.description,
    showIf: condition(section.showIf),
    questions: section.questions.map((question) => {
      const fixedScale =
        question.kind === 'AGREEMENT' ||
        question.kind === 'RATING' ||
        (question.kind === 'MATRIX' && usesAgreementScale(question.options));
      return {
        key: question.key,
        kind: question.kind,
        prompt: question.prompt,
        helpText: question.helpText,
        required: question.required,
        options: fixedScale ? [] : question.options.map(({ key, label }) => ({ key, label })),
        statements: question.statements.map(({ key, label }) => ({ key, label })),
        minimum: question.minimum ?? null,
        maximum: question.maximum ?? null,
        showIf: condition(question.showIf),
      };
    }),
  }));
}
