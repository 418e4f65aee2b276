import { Link, useParams, useSearchParams } from 'react-router';
import { minutesQuery } from '../../api/conduct';
import { useQuery } from '../../api/useQuery';
import { Loading, QueryProblem } from '../../components/messages';
import { SummaryList, SummaryRow } from '../../components/SummaryList';
import { usePageTitle } from '../../components/usePageTitle';
import type { MinutesPart, MinutesQuery } from '../../generated/graphql';

type Minutes = NonNullable<MinutesQuery['minutes']>;

const partInWords: Record<MinutesPart, string> = {
  PUBLIC: 'Public minutes (Part I)',
  PRIVATE: 'Full minutes (Parts I and II)',
};

function names(list: readonly string[]): string {
  return list.length ? list.join(', ') : 'None';
}

function MinutesItems({ minutes }: { minutes: Minutes }) {
  return (
    <>
      {minutes.items.map((item) => (
        <section key={item.number} aria-labelledby={`minutes-item-${item.number}`}>
          <h3 id={`minutes-item-${item.number}`}>
            {item.number}. {item.title}
            {item.part === 'PRIVATE' ? ' (Part II)' : ''}
          </h3>
          {item.chairNote && <p>{item.chairNote}</p>}
          {item.declarations.length > 0 && (
            <>
              <h4>Declarations of interest</h4>
              <ul>
                {item.declarations.map((declaration, index) => (
                  <li key={index}>{declaration}</li>
                ))}
              </ul>
            </>
          )}
          {item.movements.length > 0 && (
            <ul>
              {item.movements.map((movement, index) => (
                <li key={index}>{movement}</li>
              ))}
            </ul>
          )}
          {item.notes && <p className="app-pre-wrap">{item.notes}</p>}
          {item.decisions.map((decision, index) => (
            <div key={index} className="nhsuk-inset-text">
              <h4>Decision: {decision.route}</h4>
              <p>{decision.text}</p>
              <p>{decision.outcome}</p>
              <p>
                Chaired by {decision.chairedBy}. {decision.quorum}
                {decision.delegation ? ` Taken under ${decision.delegation}.` : ''}
              </p>
              {decision.vote && (
                <p>
                  {decision.vote.secret ? 'Secret ballot' : 'Named vote'} on the motion &ldquo;{decision.vote.motion}&rdquo;:{' '}
                  for {decision.vote.forCount}, against {decision.vote.againstCount}, abstained {decision.vote.abstainCount}.{' '}
                  {decision.vote.result}
                  {decision.vote.named.length > 0 && ` ${decision.vote.named.join('; ')}.`}
                </p>
              )}
            </div>
          ))}
          {item.actions.length > 0 && (
            <>
              <h4>Actions</h4>
              <ul>
                {item.actions.map((action, index) => (
                  <li key={index}>{action}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </>
  );
}

export function MinutesPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const part: MinutesPart = search.get('part') === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC';
  const { data, error, loading } = useQuery(minutesQuery, { meetingId: id, part });
  const minutes = data?.minutes;
  usePageTitle(minutes ? `Minutes: ${minutes.meetingTitle}` : 'Minutes');

  return (
    <>
      {minutes && <span className="nhsuk-caption-l">{minutes.committee}</span>}
      <h1>{minutes ? `Minutes: ${minutes.meetingTitle}` : 'Minutes'}</h1>
      <QueryProblem error={error} idPrefix="minutes" />
      {loading && !minutes && <Loading />}
      {!loading && !minutes && !error && <p>There are no minutes of this meeting that you can see.</p>}
      {minutes && (
        <>
          <p>
            <Link to={`/meetings/${encodeURIComponent(id)}/live`}>Back to the meeting</Link>
          </p>
          <nav aria-label="Versions of the minutes">
            <ul className="nhsuk-list app-button-row">
              {(['PUBLIC', 'PRIVATE'] as MinutesPart[]).map((value) => (
                <li key={value}>
                  {value === part ? (
                    <strong aria-current="page">{partInWords[value]}</strong>
                  ) : (
                    <a
                      href={`?part=${value}`}
                      onClick={(event) => {
                        event.preventDefault();
                        setSearch({ part: value });
                      }}
                    >
                      {partInWords[value]}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <SummaryList>
            <SummaryRow label="Status">{minutes.status}</SummaryRow>
            <SummaryRow label="Approval">{minutes.approval}</SummaryRow>
            <SummaryRow label="When">{minutes.when}</SummaryRow>
            <SummaryRow label="Where">{minutes.place}</SummaryRow>
          </SummaryList>
          <p>
            <a href={minutes.pdfUrl} download>
              Download the {part === 'PUBLIC' ? 'public' : 'full'} minutes as a PDF
            </a>
          </p>
          <h2>{partInWords[part]}</h2>
          <SummaryList>
            <SummaryRow label="Present">{names(minutes.present)}</SummaryRow>
            <SummaryRow label="In attendance">{names(minutes.inAttendance)}</SummaryRow>
            <SummaryRow label="Apologies">{names(minutes.apologies)}</SummaryRow>
            <SummaryRow label="Absent">{names(minutes.absent)}</SummaryRow>
          </SummaryList>
          {minutes.arrivals.length > 0 && (
            <>
              <h3>Arrivals and departures</h3>
              <ul>
                {minutes.arrivals.map((arrival, index) => (
                  <li key={index}>{arrival}</li>
                ))}
              </ul>
            </>
          )}
          <MinutesItems minutes={minutes} />
          {minutes.actionLog.length > 0 && (
            <section aria-labelledby="action-log-heading">
              <h3 id="action-log-heading">Action log</h3>
              <ul>
                {minutes.actionLog.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}
