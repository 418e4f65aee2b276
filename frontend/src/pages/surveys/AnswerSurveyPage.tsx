import { useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type FormError, onFields, request } from '../../api/client';
import {
  saveSurveyDraftMutation,
  submitSurveyResponseMutation,
  surveyForAnsweringQuery,
} from '../../api/surveys';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { Confirmation, Loading, QueryProblem } from '../../components/messages';
import { pickedKey, shownQuestions } from '../../components/surveys/branching';
import { PagedSurvey } from '../../components/surveys/PagedSurvey';
import { type AnsweringQuestion, type FormAnswers } from '../../components/surveys/QuestionField';
import { keepResumeToken, readResumeToken } from '../../components/surveys/resumeTokens';
import { usePageTitle } from '../../components/usePageTitle';
import { formatMeetingTime } from '../../dates';
import type { SurveyAnswerInput, SurveyForAnsweringQuery } from '../../generated/graphql';

type SurveyNode = Extract<NonNullable<SurveyForAnsweringQuery['node']>, { __typename: 'Survey' }>;
type SavedAnswer = NonNullable<SurveyNode['myDraft']>['answers'][number];

function toFormAnswers(survey: SurveyNode, saved: readonly SavedAnswer[]): FormAnswers {
  const keys = new Map<string, string>();
  for (const section of survey.sections) for (const question of section.questions) keys.set(question.id, question.key);
  const answers: FormAnswers = {};
  for (const answer of saved) {
    const questionKey = keys.get(answer.questionId);
    if (!questionKey) continue;
    const value =
      answer.choices ??
      (answer.choice !== null && answer.choice !== undefined
        ? [answer.choice]
        : answer.number !== null && answer.number !== undefined
          ? [String(answer.number)]
          : answer.text !== null && answer.text !== undefined
            ? [answer.text]
            : []);
    answers[pickedKey(questionKey, answer.statementKey)] = value;
  }
  return answers;
}

function toInputs(survey: SurveyNode, answers: FormAnswers): SurveyAnswerInput[] {
  const shown = shownQuestions(survey.sections, answers);
  const inputs: SurveyAnswerInput[] = [];
  for (const section of survey.sections) {
    for (const question of section.questions) {
      if (!shown.has(question.key)) continue;
      inputs.push(...questionInputs(question, answers));
    }
  }
  return inputs;
}

function questionInputs(question: AnsweringQuestion, answers: FormAnswers): SurveyAnswerInput[] {
  const value = answers[pickedKey(question.key)] ?? [];
  switch (question.kind) {
    case 'MATRIX':
      return question.statements.flatMap((statement) => {
        const choice = (answers[pickedKey(question.key, statement.key)] ?? [])[0];
        return choice ? [{ questionId: question.id, statementKey: statement.key, choice }] : [];
      });
    case 'MULTIPLE_CHOICE':
      return value.length ? [{ questionId: question.id, choices: value }] : [];
    case 'NUMBER': {
      const typed = (value[0] ?? '').trim();
      if (!typed) return [];
      const number = Number(typed.replace(/,/g, ''));
      return [{ questionId: question.id, number: Number.isFinite(number) ? number : Number.NaN }];
    }
    case 'SHORT_TEXT':
    case 'LONG_TEXT': {
      const text = (value[0] ?? '').trim();
      return text ? [{ questionId: question.id, text }] : [];
    }
    default:
      return value[0] ? [{ questionId: question.id, choice: value[0] }] : [];
  }
}

/** Numbers that do not parse are caught here, so the server is not sent NaN. */
function numberProblems(survey: SurveyNode, inputs: SurveyAnswerInput[]): FormError[] {
  const numbers = new Map<string, number>();
  for (const section of survey.sections) for (const question of section.questions) numbers.set(question.id, question.number);
  return inputs
    .filter((input) => input.number !== undefined && input.number !== null && Number.isNaN(input.number))
    .map((input) => ({ field: null, message: `Question ${numbers.get(String(input.questionId))}: enter a number, like 12.` }));
}

function Answering({ survey, token }: { survey: SurveyNode; token: string | null }) {
  const alreadySent = survey.myResponse?.status === 'SUBMITTED';
  const [answers, setAnswers] = useState<FormAnswers>(() =>
    toFormAnswers(survey, (!alreadySent && survey.myDraft?.answers) || survey.myResponse?.answers || []),
  );
  const [saved, setSaved] = useState('');
  const [sent, setSent] = useState(false);
  const { errors, setErrors, submitting, submit } = useSubmission();
  const resumeToken = useRef(token);
  const answeringAs = survey.viewerAnswersAs[0];
  const practiceId = answeringAs?.practice?.id ?? null;
  usePageTitle(sent ? 'Response sent' : survey.title);

  function checkedInputs(): SurveyAnswerInput[] | null {
    const inputs = toInputs(survey, answers);
    const problems = numberProblems(survey, inputs);
    if (problems.length) {
      setErrors(problems);
      return null;
    }
    return inputs;
  }

  /** Keeps the answers so far on the server, to finish on any device; a sent response is changed only by sending. */
  async function saveDraft(): Promise<boolean> {
    if (alreadySent) return true;
    const inputs = checkedInputs();
    if (!inputs) return false;
    const payload = await submit(async () => {
      const data = await request(saveSurveyDraftMutation, { input: { surveyId: survey.id, answers: inputs, practiceId } });
      return { ...data.saveSurveyDraft, errors: onFields(data.saveSurveyDraft.errors, {}) };
    });
    return payload !== null;
  }

  async function send() {
    setSaved('');
    const inputs = checkedInputs();
    if (!inputs) return;
    const input = { surveyId: survey.id, answers: inputs, token: resumeToken.current, practiceId };
    const payload = await submit(async () => {
      const data = await request(submitSurveyResponseMutation, { input });
      return { ...data.submitResponse, errors: onFields(data.submitResponse.errors, {}) };
    });
    if (!payload) return;
    if (payload.resumeToken) {
      resumeToken.current = payload.resumeToken;
      keepResumeToken(survey.id, payload.resumeToken);
    }
    setSent(true);
    window.scrollTo(0, 0);
  }

  if (sent) {
    return (
      <>
        <div className="nhsuk-panel app-survey-panel">
          <h1 className="nhsuk-panel__title">Response sent</h1>
          <div className="nhsuk-panel__body">Thank you for answering “{survey.title}”.</div>
        </div>
        <p>
          {survey.anonymity === 'ANONYMOUS'
            ? 'Your answers are not linked to you or your practice.'
            : survey.anonymity === 'CONFIDENTIAL'
              ? `${survey.organisation?.name ?? 'The CCG'} knows that you answered, but reports never show who said what.`
              : 'Your name is kept with your answers.'}
        </p>
        <p>
          <Link to="/surveys">Back to your surveys</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{survey.title}</h1>
      {survey.description && <p className="nhsuk-lede-text">{survey.description}</p>}
      {answeringAs?.practice && <p>You are answering for {answeringAs.practice.name}.</p>}
      {survey.closesAt && <p>The survey closes at {formatMeetingTime(survey.closesAt)}.</p>}
      {alreadySent ? (
        <div className="nhsuk-inset-text">
          <p>You have sent your response. You can change it until the survey closes.</p>
        </div>
      ) : (
        <p className="nhsuk-body-s">
          Your answers are saved as you go, so you can finish on any device where you sign in.
          {survey.anonymity === 'ANONYMOUS' &&
            ' Until you send them they are kept with your name; when you send your response they are deleted, and nothing links you to what you said.'}
        </p>
      )}
      <PagedSurvey
        sections={survey.sections}
        answers={answers}
        onChange={(key, value) => {
          setSaved('');
          setAnswers((previous) => ({ ...previous, [key]: value }));
        }}
        onPageDone={saveDraft}
        onFinish={() => void send()}
        finishLabel={alreadySent ? 'Send changed response' : 'Send response'}
        busy={submitting}
        errors={errors}
        idPrefix="answer"
      />
      <Confirmation>{saved}</Confirmation>
      {!alreadySent && (
        <p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            disabled={submitting}
            onClick={async () => {
              setSaved('');
              if (await saveDraft()) {
                setSaved(
                  survey.closesAt
                    ? `Your answers are saved. Come back to finish them before ${formatMeetingTime(survey.closesAt)}.`
                    : 'Your answers are saved. Come back to finish them before the survey closes.',
                );
              }
            }}
          >
            Save and come back later
          </button>
        </p>
      )}
    </>
  );
}

export function AnswerSurveyPage() {
  const { id = '' } = useParams();
  const token = useMemo(() => readResumeToken(id), [id]);
  const { data, error, loading } = useQuery(surveyForAnsweringQuery, { id, token });
  const survey = data?.node?.__typename === 'Survey' ? data.node : undefined;
  usePageTitle(survey?.title ?? 'Survey');

  if (loading && !data) return <Loading />;
  if (error && !survey) {
    return (
      <>
        <h1>Survey</h1>
        <QueryProblem error={error} idPrefix="survey" />
      </>
    );
  }
  if (!survey) {
    return (
      <>
        <h1>Survey not found</h1>
        <p>There is no survey at this address that you can see.</p>
      </>
    );
  }
  const respondedAndLocked =
    survey.viewerAnswersAs.length > 0 &&
    survey.viewerAnswersAs.every((way) => way.hasResponded) &&
    !(survey.myResponse && survey.myResponse.canChange);
  if (survey.status !== 'OPEN' || !survey.viewerAnswersAs.length || respondedAndLocked) {
    return (
      <>
        <h1>{survey.title}</h1>
        <p>
          {survey.status !== 'OPEN'
            ? 'This survey is not open for answers.'
            : !survey.viewerAnswersAs.length
              ? 'This survey does not ask you.'
              : 'You have already sent your response. Thank you.'}
        </p>
        <p>
          <Link to="/surveys">Back to your surveys</Link>
        </p>
      </>
    );
  }
  return <Answering key={survey.id} survey={survey} token={token} />;
}
