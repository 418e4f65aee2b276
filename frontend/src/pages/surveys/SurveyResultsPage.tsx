import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { surveyResultsQuery } from '../../api/surveys';
import { useQuery } from '../../api/useQuery';
import { Loading, QueryProblem } from '../../components/messages';
import { SummaryList, SummaryRow } from '../../components/SummaryList';
import { AgreementBars, formatPercent } from '../../components/surveys/AgreementBars';
import { Radios } from '../../components/fields';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import type { RespondentGroupSplit, SurveyResultsQuery } from '../../generated/graphql';

type SurveyNode = Extract<NonNullable<SurveyResultsQuery['node']>, { __typename: 'Survey' }>;
type Results = NonNullable<SurveyNode['results']>;
type QuestionResult = Results['questions'][number];
type Figures = QuestionResult['overall'];

const splits: { value: RespondentGroupSplit | ''; label: string }[] = [
  { value: '', label: 'Everyone only' },
  { value: 'LEADERSHIP', label: 'Leaders and other members' },
  { value: 'ROLE', label: 'Role' },
  { value: 'LOCALITY', label: 'Locality' },
  { value: 'LIST_SIZE', label: 'Practice list size' },
];

// A group may be withheld for being small or for giving a small group away in combination: the reasons
// (for the survey's managers) say which.
const WITHHELD = 'Withheld';

function OptionCell({ figures, optionKey }: { figures: Figures; optionKey: string }) {
  if (figures.withheld) return <>{WITHHELD}</>;
  const option = figures.options.find((candidate) => candidate.key === optionKey);
  if (!option) return <>0</>;
  return (
    <>
      {option.count} ({formatPercent(option.percent)})
    </>
  );
}

function respondentsCell(figures: Figures): string {
  return figures.withheld ? WITHHELD : String(figures.respondents ?? 0);
}

function QuestionFigures({ result, threshold, splitLabel }: { result: QuestionResult; threshold: number; splitLabel: string | null }) {
  const { question, overall, groups } = result;
  const columns = [overall, ...groups];
  const head = ['Answer', 'Everyone', ...groups.map((group) => group.label)];
  const isAgreement = question.kind === 'AGREEMENT';
  const hasOptions = question.kind !== 'MATRIX' && question.options.length > 0;

  return (
    <section className="app-survey-result">
      <h2 className="nhsuk-heading-m">
        {question.number}. {question.prompt}
      </h2>
      {overall.withheld ? (
        <p>
          {overall.withheldReason
            ? `Its figures are withheld. ${overall.withheldReason}`
            : `Its figures are withheld: fewer than ${threshold} people answered, or they would give a small group away.`}
        </p>
      ) : (
        <p>
          {overall.respondents} {overall.respondents === 1 ? 'person' : 'people'} answered.
          {overall.agreePercent !== null && overall.agreePercent !== undefined && (
            <> {formatPercent(overall.agreePercent)} agree or strongly agree.</>
          )}
          {overall.mean !== null && overall.mean !== undefined && <> Mean {overall.mean.toFixed(1)}.</>}
          {overall.median !== null && overall.median !== undefined && <> Median {overall.median}.</>}
        </p>
      )}
      {isAgreement && !overall.withheld && <AgreementBars label="Everyone" options={overall.options} />}
      {hasOptions && (
        <Table
          caption={`Answers to question ${question.number}${splitLabel ? `, by ${splitLabel.toLowerCase()}` : ''}`}
          head={head}
          rows={[
            {
              key: '__respondents',
              cells: ['People answering', ...columns.map((figures) => respondentsCell(figures))],
            },
            ...question.options.map((option) => ({
              key: option.key,
              cells: [
                option.label,
                ...columns.map((figures) => <OptionCell figures={figures} optionKey={option.key} />),
              ],
            })),
          ]}
        />
      )}
      {question.statements.map((statement) => {
        const everyone = overall.withheld ? undefined : overall.statements.find((candidate) => candidate.key === statement.key);
        return (
        <section key={statement.key}>
          <h3 className="nhsuk-heading-s">{statement.label}</h3>
          {everyone ? (
            <>
              <p>
                {everyone.respondents} answered.
                {everyone.agreePercent !== null && everyone.agreePercent !== undefined && (
                  <> {formatPercent(everyone.agreePercent)} agree or strongly agree.</>
                )}
              </p>
              <AgreementBars label={`${statement.label}: everyone`} options={everyone.options} />
            </>
          ) : (
            <p>Everyone: {WITHHELD}</p>
          )}
          {groups.length > 0 && (
            <Table
              caption={`Agreement with “${statement.label}”, by ${splitLabel?.toLowerCase() ?? 'group'}`}
              head={['Group', 'People answering', 'Agree or strongly agree']}
              rows={groups.map((group) => {
                const figures = group.statements.find((candidate) => candidate.key === statement.key);
                return {
                  key: group.key,
                  cells: [
                    group.label,
                    group.withheld || !figures ? WITHHELD : String(figures.respondents),
                    group.withheld || !figures ? WITHHELD : formatPercent(figures.agreePercent),
                  ],
                };
              })}
            />
          )}
        </section>
        );
      })}
      {!hasOptions && question.kind !== 'MATRIX' && groups.length > 0 && (
        <Table
          caption={`People answering question ${question.number}, by ${splitLabel?.toLowerCase() ?? 'group'}`}
          head={['Group', 'People answering', 'Mean']}
          rows={groups.map((group) => ({
            key: group.key,
            cells: [
              group.label,
              respondentsCell(group),
              group.withheld || group.mean === null || group.mean === undefined ? '' : group.mean.toFixed(1),
            ],
          }))}
        />
      )}
      {result.previousRound && (
        <p className="app-survey-comparison">
          In {result.previousRound.surveyTitle}:{' '}
          {result.previousRound.overall.withheld
            ? WITHHELD
            : `${result.previousRound.overall.respondents ?? 0} answered${
                result.previousRound.overall.agreePercent !== null && result.previousRound.overall.agreePercent !== undefined
                  ? `, ${formatPercent(result.previousRound.overall.agreePercent)} agreed or strongly agreed`
                  : ''
              }.`}
        </p>
      )}
      {result.textAnswers && result.textAnswers.texts.length > 0 && (
        <>
          <h3 className="nhsuk-heading-s">
            What people wrote ({result.textAnswers.texts.length} of {result.textAnswers.totalCount})
          </h3>
          <ul className="app-survey-texts">
            {result.textAnswers.texts.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ul>
        </>
      )}
      {groups.some((group) => group.withheld && group.withheldReason) && (
        <ul className="app-survey-withheld">
          {groups
            .filter((group) => group.withheld && group.withheldReason)
            .map((group) => (
              <li key={group.key}>
                {group.label}: {group.withheldReason}
              </li>
            ))}
        </ul>
      )}
      {(question.kind === 'SHORT_TEXT' || question.kind === 'LONG_TEXT') && !result.textAnswers && (
        <p>The written answers are withheld: too few people answered to show them without identifying anyone.</p>
      )}
    </section>
  );
}

function ResultsView({ survey, results }: { survey: SurveyNode; results: Results }) {
  const threshold = results.suppressionThreshold;
  if (results.provisional && survey.status !== 'OPEN') {
    return (
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          The previous round of this survey is still open. This round’s figures are shown once it closes, because the
          two rounds are checked together so that comparing them gives no small group away.
        </p>
      </div>
    );
  }
  if (results.provisional) {
    return (
      <>
        <h2>Responses so far</h2>
        <SummaryList>
          <SummaryRow label="Responses">{results.responseCount} or more</SummaryRow>
        </SummaryList>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            The survey is still open. The figures are shown once it closes; until then the count of responses moves
            only in steps of {threshold}, so that no one’s answer or the time they sent it can be told from a change.
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      {results.withheldReasons.length > 0 && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">What is withheld and why</span>
          </summary>
          <div className="nhsuk-details__text">
            <ul>
              {results.withheldReasons.map((reason, index) => (
                <li key={index}>{reason}</li>
              ))}
            </ul>
          </div>
        </details>
      )}
      <h2>Responses</h2>
      <SummaryList>
        <SummaryRow label="Responses">{results.responseCount}</SummaryRow>
        {results.invitedCount !== null && results.invitedCount !== undefined && (
          <SummaryRow label="People asked">{results.invitedCount}</SummaryRow>
        )}
        {results.responseRate !== null && results.responseRate !== undefined && (
          <SummaryRow label="Response rate">{formatPercent(results.responseRate)}</SummaryRow>
        )}
        <SummaryRow label="Smallest group shown">
          {threshold} people. Smaller groups are shown as “{WITHHELD}”, and so is anything that,
          combined with other figures (including the previous round’s), would give a smaller group away.
        </SummaryRow>
      </SummaryList>
      {results.byLocality.length > 0 && (
        <Table
          caption="Response rate by locality"
          head={['Locality', 'Asked', 'Responses', 'Response rate']}
          rows={results.byLocality.map((rate) => ({
            key: rate.locality,
            cells: [
              rate.locality,
              rate.invited ?? '',
              rate.responses === null || rate.responses === undefined ? WITHHELD : rate.responses,
              rate.responses === null || rate.responses === undefined ? WITHHELD : formatPercent(rate.percent),
            ],
          }))}
        />
      )}
      {survey.resultsExportUrl && (
        <p>
          <a href={survey.resultsExportUrl} download>
            Download the results as a spreadsheet (.xlsx)
          </a>
        </p>
      )}
      {survey.previousRound && (
        <p>
          Compared with the previous round, <Link to={`/surveys/${encodeURIComponent(survey.previousRound.id)}/results`}>{survey.previousRound.title}</Link>.
        </p>
      )}
      {results.questions.map((result) => (
        <QuestionFigures key={result.question.id} result={result} threshold={threshold} splitLabel={results.splitLabel ?? null} />
      ))}
    </>
  );
}

export function SurveyResultsPage() {
  const { id = '' } = useParams();
  const [split, setSplit] = useState<RespondentGroupSplit | ''>('');
  const { data, error, loading } = useQuery(surveyResultsQuery, { id, split: split || null });
  const survey = data?.node?.__typename === 'Survey' ? data.node : undefined;
  usePageTitle(survey ? `Results: ${survey.title}` : 'Survey results');

  if (loading && !data) return <Loading />;
  if (!survey) {
    return (
      <>
        <h1>Survey results</h1>
        <QueryProblem error={error} idPrefix="results" />
        {!error && <p>There is no survey at this address that you can see.</p>}
      </>
    );
  }
  return (
    <>
      <h1>Results: {survey.title}</h1>
      <QueryProblem error={error} idPrefix="results" />
      {!survey.results ? (
        <p>You cannot read this survey’s results.</p>
      ) : (
        <>
          <Radios
            id="results-split"
            name="split"
            legend="Compare groups of respondents"
            hint="Each question shows everyone, and each group of the kind you choose."
            items={splits.map((choice) => ({ value: choice.value, label: choice.label }))}
            value={split}
            onChange={(value) => setSplit(value as RespondentGroupSplit | '')}
          />
          <div aria-live="polite" className="nhsuk-u-visually-hidden">
            {loading ? 'Loading results…' : survey.results.splitLabel ? `Showing groups by ${survey.results.splitLabel.toLowerCase()}.` : ''}
          </div>
          <ResultsView survey={survey} results={survey.results} />
        </>
      )}
      <p>
        <Link to="/surveys">Back to surveys</Link>
      </p>
    </>
  );
}
