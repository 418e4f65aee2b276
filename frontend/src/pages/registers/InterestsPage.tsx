import { useState } from 'react';
import { Link } from 'react-router';
import { request } from '../../api/client';
import {
  endInterestMutation,
  interestReturnsDueQuery,
  interestsQuery,
  recordInterestReviewMutation,
  reviewPendingInterestMutation,
} from '../../api/registers';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Confirmation, Loading, QueryProblem } from '../../components/messages';
import { Pagination } from '../../components/Pagination';
import { DeclareInterestForm } from '../../components/registers/DeclareInterestForm';
import { ImportInterestsForm } from '../../components/registers/ImportInterestsForm';
import { type PendingEntry, RejectEntryForm } from '../../components/registers/RejectEntryForm';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, today } from '../../dates';
import type { InterestReturnStatus } from '../../generated/graphql';
import { holdsRole, useSession } from '../../session';
import { interestCategoryInWords } from '../../vocabulary';

const pageSize = 50;

const returnStatusTag: Record<InterestReturnStatus, [string, string]> = {
  UP_TO_DATE: ['Up to date', 'nhsuk-tag--green'],
  DUE: ['Due', 'nhsuk-tag--yellow'],
  OVERDUE: ['Overdue', 'nhsuk-tag--red'],
};

function ReturnsDue({ organisationId, onReviewed }: { organisationId: string; onReviewed: () => void }) {
  const { data, error, loading, reload } = useQuery(interestReturnsDueQuery, { organisationId });
  const { errors, submitting, submit } = useSubmission();
  const [done, setDone] = useState<string | null>(null);

  async function review(personId: string, name: string, nilReturn: boolean) {
    if (submitting) return;
    const payload = await submit(async () => {
      const { recordInterestReview } = await request(recordInterestReviewMutation, {
        input: { organisationId, personId, reviewedOn: today(), nilReturn },
      });
      return recordInterestReview;
    });
    setDone(payload ? `Recorded the annual review of ${name}${nilReturn ? ' (nil return)' : ''}.` : null);
    if (payload) {
      reload();
      onReviewed();
    }
  }

  return (
    <section>
      <h2>Declarations and reviews due</h2>
      <p>Decision-makers declare within 28 days of appointment and review their declarations every year.</p>
      <QueryProblem error={error} idPrefix="returns-due" />
      <ErrorSummary errors={errors} idPrefix="returns-review" />
      {loading && !data && <Loading />}
      {data && data.interestReturnsDue.length === 0 && <p>Nobody is due to declare or review.</p>}
      {data && data.interestReturnsDue.length > 0 && (
        <Table
          caption="Declarations and reviews due"
          head={['Person', 'Status', 'Due', 'Why', 'Record review']}
          rows={data.interestReturnsDue.map((due, index) => {
            const [label, tag] = returnStatusTag[due.status];
            const name = due.person?.name ?? 'Unknown';
            return {
              key: due.person?.id ?? String(index),
              cells: [
                <>
                  {name}
                  <br />
                  <span className="nhsuk-body-s">{due.positions.join(', ')}</span>
                </>,
                <strong className={`nhsuk-tag ${tag}`}>{label}</strong>,
                formatDate(due.dueOn),
                due.reason,
                due.person ? (
                  <div className="app-button-row">
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      aria-label={`Reviewed today: ${name}`}
                      onClick={() => void review(due.person!.id, name, false)}
                    >
                      Reviewed
                    </button>
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      aria-label={`Nil return today: ${name}`}
                      onClick={() => void review(due.person!.id, name, true)}
                    >
                      Nil return
                    </button>
                  </div>
                ) : (
                  ''
                ),
              ],
            };
          })}
          compact
        />
      )}
      <Confirmation>{done}</Confirmation>
    </section>
  );
}

export function InterestsPage() {
  usePageTitle('Register of interests');
  const { viewer, currentOrganisation } = useSession();
  const organisationId = currentOrganisation?.id ?? '';
  const pages = useCursorPages();
  const { data, error, loading, reload } = useQuery(
    interestsQuery,
    { organisationId, first: pageSize, after: pages.after },
    { skip: !organisationId },
  );
  const { errors, submitting, submit } = useSubmission();
  const [ended, setEnded] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<PendingEntry | null>(null);
  const keeper = holdsRole(viewer, organisationId, 'ADMINISTRATOR', 'BOARD_SECRETARY');
  const interests = data?.interests;

  async function review(id: string, name: string, confirm: boolean) {
    if (submitting) return;
    const payload = await submit(
      async () => (await request(reviewPendingInterestMutation, { input: { id, confirm } })).reviewPendingInterest,
    );
    setEnded(payload ? `Confirmed the entry of ${name} declared at a meeting.` : null);
    if (payload) reload();
  }

  async function end(id: string, name: string) {
    if (submitting) return;
    const payload = await submit(async () => (await request(endInterestMutation, { input: { id, validTo: today() } })).endInterest);
    setEnded(payload ? `Ended the interest of ${name} today.` : null);
    if (payload) reload();
  }

  if (!currentOrganisation) {
    return (
      <>
        <h1>Register of interests</h1>
        <p>You are not a member of an organisation with a register of interests.</p>
      </>
    );
  }

  return (
    <>
      <h1>Register of interests</h1>
      <p>
        The interests declared to {currentOrganisation.name}: who, what, the organisations and practices each concerns, and
        how it is managed.{' '}
        {currentOrganisation.odsCode && (
          <Link to={`/public/${encodeURIComponent(currentOrganisation.odsCode)}/interests`}>The published register</Link>
        )}{' '}
        shows decision-makers&rsquo; interests to the public.
      </p>
      <p>
        The other registers: <Link to="/gifts">gifts and hospitality</Link> and{' '}
        <Link to="/decisions">decisions</Link>.
      </p>
      <p>
        <a href={`/exports/interests.xlsx?organisation=${encodeURIComponent(organisationId)}`} download>
          Download the register as a spreadsheet (.xlsx)
        </a>
      </p>
      <QueryProblem error={error} idPrefix="interests" />
      <ErrorSummary errors={errors} idPrefix="end-interest" />
      {loading && !interests && <Loading />}
      {interests && interests.totalCount === 0 && <p>No interests have been declared.</p>}
      {interests && interests.totalCount > 0 && (
        <Table
          caption="Register of interests"
          compact
          head={['Person', 'Interest', 'Concerns', 'From', 'To', 'Action taken', 'Declared', <span className="nhsuk-u-visually-hidden">End</span>]}
          rows={interests.edges.map(({ node }) => {
            const concerns = [
              ...node.concernsOrganisations.map((o) => o.name),
              ...node.concernsPractices.map((p) => `${p.name} (${p.odsCode})`),
            ];
            const name = node.person?.name ?? 'Unknown';
            return {
              key: node.id,
              cells: [
                name,
                <>
                  <strong>{interestCategoryInWords[node.category]}</strong>: {node.description}
                  {node.withheldFromPublication && <> (withheld from publication)</>}
                  {node.status === 'PENDING' && <strong className="nhsuk-tag nhsuk-tag--yellow">Pending</strong>}
                  {node.status === 'REJECTED' && (
                    <>
                      {' '}
                      <strong className="nhsuk-tag nhsuk-tag--grey">Rejected</strong> {node.reviewNote}
                    </>
                  )}
                  {keeper && node.status === 'PENDING' && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
                        aria-label={`Confirm: ${name}, ${node.description}`}
                        onClick={() => void review(node.id, name, true)}
                      >
                        Confirm
                      </button>{' '}
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
                        aria-label={`Reject: ${name}, ${node.description}`}
                        onClick={() => {
                          setEnded(null);
                          setRejecting({ id: node.id, name, description: node.description });
                        }}
                      >
                        Reject
                      </button>
                    </>
                  )}
                </>,
                concerns.join(', '),
                formatDate(node.validFrom),
                formatDate(node.validTo),
                node.actionTaken,
                <>
                  {formatDate(node.declaredOn)}
                  {node.declaredLate && <strong className="nhsuk-tag nhsuk-tag--red">Late</strong>}
                </>,
                node.viewerCanChange && node.isCurrent ? (
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
                    aria-label={`End today: ${name}, ${node.description}`}
                    onClick={() => void end(node.id, name)}
                  >
                    End today
                  </button>
                ) : (
                  ''
                ),
              ],
            };
          })}
        />
      )}
      {rejecting && (
        <RejectEntryForm
          key={rejecting.id}
          entry={rejecting}
          onCancel={() => setRejecting(null)}
          onRejected={(message) => {
            setRejecting(null);
            setEnded(message);
            reload();
          }}
        />
      )}
      <Confirmation>{ended}</Confirmation>
      {interests && <Pagination label="interests" pages={pages} pageInfo={interests.pageInfo} />}
      {keeper && <ReturnsDue organisationId={organisationId} onReviewed={reload} />}
      <DeclareInterestForm
        key={organisationId}
        organisationId={organisationId}
        onDeclared={() => {
          pages.reset();
          reload();
        }}
      />
      {keeper && <ImportInterestsForm organisationId={organisationId} onImported={reload} />}
    </>
  );
}
