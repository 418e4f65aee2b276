import { Link } from 'react-router';
import { mySurveysQuery } from '../../api/surveys';
import { useQuery } from '../../api/useQuery';
import { Loading, QueryProblem } from '../../components/messages';
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

export function SurveysPage() {
  usePageTitle('Surveys');
  return (
    <>
      <h1>Surveys</h1>
      <SurveysAskingYou />
    </>
  );
}
