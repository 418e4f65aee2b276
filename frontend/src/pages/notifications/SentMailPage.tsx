import { sentMailQuery } from '../../api/notifications';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { Loading, QueryProblem } from '../../components/messages';
import { Pagination } from '../../components/Pagination';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLondonDate } from '../../dates';

const pageSize = 20;

const statusWords: Record<string, string> = {
  QUEUED: 'Waiting to be sent',
  DIGEST: 'Waiting for a daily digest',
  SENT: 'Sent',
  OUTBOX_ONLY: 'Not sent (no mail server: outbox only)',
  FAILED: 'Refused by the mail server',
};

/** The outbox, newest first: what Quorum sent, or would have sent (platform administrators, demo only). */
export function SentMailPage() {
  usePageTitle('Sent mail');
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(sentMailQuery, { first: pageSize, after: pages.after });
  const messages = data?.sentMail.edges.map(({ node }) => node) ?? [];

  return (
    <>
      <h1>Sent mail</h1>
      <p>
        Every message Quorum has sent, or would have sent, newest first. This page exists only in the demonstration.
      </p>
      <QueryProblem error={error} idPrefix="sent-mail" />
      {loading && !data && <Loading />}
      {data && !messages.length && <p>Nothing has been sent yet.</p>}
      {messages.map((message) => (
        <details className="nhsuk-details" key={message.id}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              {message.subject}
              <span className="nhsuk-u-visually-hidden">,</span> to {message.to}
            </span>
          </summary>
          <div className="nhsuk-details__text">
            <p className="nhsuk-body-s">
              {statusWords[message.status] ?? message.status}, {formatLondonDate(message.sentAt ?? message.createdAt)}
            </p>
            <pre className="app-sent-mail__body">{message.bodyText}</pre>
          </div>
        </details>
      ))}
      {data && <Pagination label="messages" pages={pages} pageInfo={data.sentMail.pageInfo} />}
    </>
  );
}
