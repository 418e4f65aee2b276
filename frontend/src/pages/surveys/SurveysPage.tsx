import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { request } from '../../api/client';
import {
  closeSurveyMutation,
  copySurveyAsNextRoundMutation,
  mySurveysQuery,
  openSurveyMutation,
  publishSurveyResultsMutation,
  surveysQuery,
} from '../../api/surveys';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { ConfirmStep } from '../../components/ConfirmStep';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Confirmation, Loading, QueryProblem } from '../../components/messages';
import { CreateFromTemplateForm } from '../../components/surveys/CreateFromTemplateForm';
import { Table } from '../../components/Table';
import type { SurveysQuery } from '../../generated/graphql';
import { holdsRole, useSession } from '../../session';
import { usePageTitle } from '../../components/usePageTitle';
import { formatMeetingTime } from '../../dates';

function SurveysAskingYou() {
  const { data, error, loading } = useQuery(mySurveysQuery, {});
  const surveys = data?.mySurveys;

  return (
    <section>
      <h2>Surveys asking you</h2>
      <p>Open surveys that ask you, or your practice, for your views.</p>
      <QueryProblem error={error} idPrefix="my-surveys" />
      {loading && !surveys && <Loading />}
      {surveys && surveys.length === 0 && <p>No survey is asking you for your views at the moment.</p>}
      {surveys && surveys.length > 0 && (
        <ul className="nhsuk-list app-survey-list">
          {surveys.map((survey) => {
            const done = survey.viewerAnswersAs.length > 0 && survey.viewerAnswersAs.every((way) => way.hasResponded);
            return (
              <li key={survey.id} className="nhsuk-card">
                <div className="nhsuk-card__content">
                  <h3 className="nhsuk-card__heading nhsuk-heading-m">
                    <Link to={`/surveys/${encodeURIComponent(survey.id)}/answer`}>{survey.title}</Link>
                  </h3>
                  <p className="nhsuk-card__description">
                    {survey.organisation?.name}
                    {survey.closesAt && <> · closes {formatMeetingTime(survey.closesAt)}</>}
                  </p>
                  <p className="nhsuk-card__description">
                    <strong className={done ? 'nhsuk-tag nhsuk-tag--green' : 'nhsuk-tag nhsuk-tag--blue'}>
                      {done ? 'Answered' : 'Waiting for your answers'}
                    </strong>
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

type ListedSurvey = SurveysQuery['surveys']['edges'][number]['node'];

const statusInWords = { DRAFT: 'Draft', OPEN: 'Open', CLOSED: 'Closed' } as const;
const anonymityInWords = { ANONYMOUS: 'Anonymous', CONFIDENTIAL: 'Confidential', NAMED: 'Named' } as const;

type Action = 'open' | 'close' | 'publish' | 'withdraw' | 'copy';

async function act(action: Action, id: string) {
  switch (action) {
    case 'open':
      return (await request(openSurveyMutation, { input: { id } })).openSurvey;
    case 'close':
      return (await request(closeSurveyMutation, { input: { id } })).closeSurvey;
    case 'publish':
      return (await request(publishSurveyResultsMutation, { input: { id, published: true } })).publishSurveyResults;
    case 'withdraw':
      return (await request(publishSurveyResultsMutation, { input: { id, published: false } })).publishSurveyResults;
    case 'copy':
      return (await request(copySurveyAsNextRoundMutation, { input: { surveyId: id } })).copySurveyAsNextRound;
  }
}

const actionDone: Record<Action, string> = {
  open: 'is open for answers',
  close: 'is closed',
  publish: 'has its results published to members',
  withdraw: 'no longer has its results published',
  copy: 'is copied as a new draft round',
};

function actionsFor(survey: ListedSurvey): { action: Action; label: string }[] {
  if (!survey.viewerCanManage) return [];
  const copy = { action: 'copy' as const, label: 'Copy as next round' };
  if (survey.status === 'DRAFT') return [{ action: 'open', label: 'Open' }, copy];
  const actions: { action: Action; label: string }[] = [];
  if (survey.status === 'OPEN') actions.push({ action: 'close', label: 'Close' });
  actions.push(survey.resultsPublished ? { action: 'withdraw', label: 'Withdraw results' } : { action: 'publish', label: 'Publish results' });
  actions.push(copy);
  return actions;
}

/** What opening or closing a round means, asked before it is done. */
const confirmations: Partial<Record<Action, { heading: string; warning: string; button: string }>> = {
  open: {
    heading: 'Open the survey',
    warning:
      'Everyone in its audience is invited to answer it from now until it closes, and its questions are fixed.',
    button: 'Yes, open the survey',
  },
  close: {
    heading: 'Close the survey',
    warning: 'No one will be able to answer it once it is closed, and it cannot be opened again.',
    button: 'Yes, close the survey',
  },
};

function OrganisationSurveys({ organisationId }: { organisationId: string }) {
  const { data, error, loading, reload } = useQuery(surveysQuery, { first: 100, after: null, organisationId });
  const { errors, submitting, submit } = useSubmission();
  const [done, setDone] = useState('');
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<{ action: Action; survey: ListedSurvey } | null>(null);
  const surveys = data?.surveys.edges.map(({ node }) => node) ?? [];
  const asked = confirming && confirmations[confirming.action];

  function choose(action: Action, survey: ListedSurvey) {
    setDone('');
    if (confirmations[action]) setConfirming({ action, survey });
    else void run(action, survey);
  }

  async function run(action: Action, survey: ListedSurvey) {
    setConfirming(null);
    setDone('');
    const payload = await submit(() => act(action, survey.id));
    if (!payload) return;
    if (action === 'copy' && payload.survey) {
      navigate(`/surveys/${encodeURIComponent(payload.survey.id)}/build`);
      return;
    }
    setDone(`“${survey.title}” ${actionDone[action]}.`);
    reload();
  }

  return (
    <>
      <section>
        <h2>Your organisation’s surveys</h2>
        <QueryProblem error={error} idPrefix="surveys" />
        <ErrorSummary errors={errors} idPrefix="survey-action" />
        <Confirmation>{done}</Confirmation>
        {loading && !data && <Loading />}
        {data && surveys.length === 0 && <p>There are no surveys yet.</p>}
        {surveys.length > 0 && (
          <Table
            caption="Your organisation’s surveys"
            head={['Survey', 'Status', 'Responses', 'Actions']}
            rows={surveys.map((survey) => ({
              key: survey.id,
              cells: [
                <>
                  {survey.title}
                  <span className="app-cell-note">
                    {anonymityInWords[survey.anonymity]}
                    {survey.resultsPublished ? ', results published' : ''}
                  </span>
                </>,
                statusInWords[survey.status],
                survey.responseCount ?? '',
                <ul className="nhsuk-list app-cell-list">
                  {survey.viewerCanManage && survey.status === 'DRAFT' && (
                    <li>
                      <Link to={`/surveys/${encodeURIComponent(survey.id)}/build`}>
                        Edit<span className="nhsuk-u-visually-hidden"> {survey.title}</span>
                      </Link>
                    </li>
                  )}
                  {survey.viewerCanReadResults && survey.status !== 'DRAFT' && (
                    <li>
                      <Link to={`/surveys/${encodeURIComponent(survey.id)}/results`}>
                        Results<span className="nhsuk-u-visually-hidden"> of {survey.title}</span>
                      </Link>
                    </li>
                  )}
                  {actionsFor(survey).map(({ action, label }) => (
                    <li key={action}>
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--secondary app-cell-button"
                        disabled={submitting}
                        onClick={() => choose(action, survey)}
                      >
                        {label}
                        <span className="nhsuk-u-visually-hidden"> {survey.title}</span>
                      </button>
                    </li>
                  ))}
                </ul>,
              ],
            }))}
          />
        )}
        {confirming && asked && (
          <ConfirmStep
            heading={`${asked.heading} “${confirming.survey.title}”?`}
            confirmLabel={asked.button}
            onConfirm={() => void run(confirming.action, confirming.survey)}
            onCancel={() => setConfirming(null)}
            level={3}
            busy={submitting}
          >
            <p>{asked.warning}</p>
          </ConfirmStep>
        )}
      </section>
      <section>
        <h2>Build a survey</h2>
        <p>Write your own questions, with branching, and preview them as a respondent on a phone.</p>
        <p>
          <Link to="/surveys/new" className="nhsuk-button">
            Build a new survey
          </Link>
        </p>
      </section>
      <CreateFromTemplateForm organisationId={organisationId} onCreated={reload} />
    </>
  );
}

export function SurveysPage() {
  usePageTitle('Surveys');
  const { viewer, currentOrganisation } = useSession();
  const mayManage = holdsRole(viewer, currentOrganisation?.id, 'ADMINISTRATOR', 'BOARD_SECRETARY');
  return (
    <>
      <h1>Surveys</h1>
      <SurveysAskingYou />
      {mayManage && currentOrganisation && (
        <OrganisationSurveys key={currentOrganisation.id} organisationId={currentOrganisation.id} />
      )}
    </>
  );
}
