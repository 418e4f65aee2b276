import { Link, useParams } from 'react-router';
import { request } from '../../api/client';
import { inCommonSessionQuery, takePartInSessionMutation } from '../../api/inCommon';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SessionPacks } from '../../components/inCommon/SessionPacks';
import { Loading, QueryProblem } from '../../components/messages';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLondonDate } from '../../dates';
import type { InCommonSessionQuery } from '../../generated/graphql';
import { purposeInWords } from '../../vocabulary';

type Session = NonNullable<InCommonSessionQuery['inCommonSession']>;

function TakePart({ session, onChanged }: { session: Session; onChanged: () => void }) {
  const { errors, submitting, submit } = useSubmission();
  const mine = session.meetings.filter((m) => session.viewerMayTakePartWith.includes(m.committeeId));
  if (mine.length === 0) return null;

  async function takePart(committeeId: string) {
    if (submitting) return;
    const payload = await submit(
      async () => (await request(takePartInSessionMutation, { input: { sessionId: session.id, committeeId } })).takePartInSession,
    );
    if (payload) onChanged();
  }

  return (
    <>
      <ErrorSummary errors={errors} idPrefix="take-part" />
      {mine.map((m) => (
        <button key={m.committeeId} type="button" className="nhsuk-button" onClick={() => void takePart(m.committeeId)}>
          Arrange the meeting of {m.committeeName}
        </button>
      ))}
    </>
  );
}

/** One session of committees in common: one agenda, and each committee's own outcome of each item side by side. */
export function InCommonSessionPage() {
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useQuery(inCommonSessionQuery, { id });
  const session = data?.inCommonSession;
  usePageTitle(session ? session.title : 'Committees in common');

  if (!session) {
    return (
      <>
        <h1>Committees in common</h1>
        <QueryProblem error={error} idPrefix="session" />
        {loading && <Loading />}
        {!loading && !error && <p>There is no such session.</p>}
      </>
    );
  }

  return (
    <>
      <span className="nhsuk-caption-l">{session.arrangement.name}</span>
      <h1>{session.title}</h1>
      <p>
        {formatLondonDate(session.startsAt)}, {session.location}. The committees meet in common: one agenda, and each
        committee decides each item it takes for itself.
      </p>
      <TakePart session={session} onChanged={reload} />
      <h2>Committees taking part</h2>
      <ul className="nhsuk-list">
        {session.meetings.map((m) => (
          <li key={m.committeeId}>
            {m.committeeName}, {m.organisationName}:{' '}
            {m.meeting ? (
              <Link to={`/meetings/${encodeURIComponent(m.meeting.id)}`}>its meeting of this session</Link>
            ) : (
              'its meeting has not been arranged yet'
            )}
          </li>
        ))}
      </ul>
      <SessionPacks session={session} onChanged={reload} />
      <h2>Agenda</h2>
      <ol className="nhsuk-list">
        {session.items.map((item) => (
          <li key={item.id} className="nhsuk-card nhsuk-u-padding-3">
            <h3 className="nhsuk-heading-s">
              {item.number}. {item.title}
              {item.part === 'PRIVATE' ? ' (Part II)' : ''}
            </h3>
            <p className="nhsuk-body-s">
              For {purposeInWords[item.purpose].toLowerCase()}.{' '}
              {item.commonToAll ? 'Common to every committee.' : `Taken by ${item.committeeNames.join(', ')}.`}
            </p>
            <dl className="nhsuk-summary-list">
              {item.outcomes.map((outcome) => (
                <div key={outcome.committeeId} className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">
                    {outcome.committeeName} ({outcome.organisationName})
                  </dt>
                  <dd className="nhsuk-summary-list__value">{outcome.inWords}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </>
  );
}
