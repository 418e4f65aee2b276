import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { onFields, request } from '../../api/client';
import {
  agendaCommitteesQuery,
  concernPageQuery,
  deEscalateConcernMutation,
  escalateConcernMutation,
  putConcernOnAgendaMutation,
  upcomingMeetingsQuery,
} from '../../api/concerns';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { ActionPanel } from '../../components/ActionPanel';
import { ErrorSummary, errorFor } from '../../components/ErrorSummary';
import { SelectField, TextArea } from '../../components/fields';
import { BackLink, Confirmation, Loading, QueryProblem } from '../../components/messages';
import { SummaryList, SummaryRow } from '../../components/SummaryList';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatLondonDate, formatMeetingTime } from '../../dates';
import type { ConcernPageQuery } from '../../generated/graphql';
import { AddEvidenceForm, CloseConcernForm, UpdateConcernForm } from './ConcernForms';
import { concernCategoryInWords, concernSourceInWords, providerTypeInWords } from './words';

type Concern = Extract<NonNullable<ConcernPageQuery['node']>, { __typename?: 'Concern'; ladder: unknown }>;

const directionInWords = { LOGGED: 'Logged', UP: 'Escalated', DOWN: 'De-escalated' } as const;

export function ConcernPage() {
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useQuery(concernPageQuery, { id });
  const concern = data?.node && 'ladder' in data.node ? (data.node as Concern) : null;
  usePageTitle(concern?.title ?? 'Concern');
  const [done, setDone] = useState<string | null>(null);
  const [acting, setActing] = useState<'move' | 'agenda' | 'update' | 'evidence' | 'close' | null>(null);

  if (loading && !data) return <Loading />;
  if (!concern) {
    return (
      <>
        <BackLink to="/concerns">Quality concerns</BackLink>
        <QueryProblem error={error} idPrefix="concern" />
        {!error && <h1>No such concern</h1>}
      </>
    );
  }
  const current = concern.currentStep;
  const changeable = concern.viewerCanChange && !concern.closedAt;

  function finished(message: string) {
    setActing(null);
    setDone(message);
    reload();
  }

  return (
    <>
      <BackLink to="/concerns">Quality concerns</BackLink>
      <h1>{concern.title}</h1>
      <Confirmation>{done}</Confirmation>
      <SummaryList>
        <SummaryRow label="About">
          {concern.practice?.name ?? concern.providerName}
          {concern.providerType && ` (${providerTypeInWords[concern.providerType]})`}
        </SummaryRow>
        <SummaryRow label="Category">{concernCategoryInWords[concern.category]}</SummaryRow>
        <SummaryRow label="Source">{concernSourceInWords[concern.source]}</SummaryRow>
        <SummaryRow label="Owner">{concern.owner?.name ?? ''}</SummaryRow>
        <SummaryRow label="Next review">
          {formatDate(concern.reviewDate)}
          {concern.reviewOverdue && ' (overdue)'}
        </SummaryRow>
        <SummaryRow label="Escalated to NHS England">{concern.escalatedToNhsEngland ? 'Yes' : 'No'}</SummaryRow>
        {concern.closedAt && <SummaryRow label="Closed">{formatLondonDate(concern.closedAt)}</SummaryRow>}
      </SummaryList>
      {changeable && (
        <div className="app-button-row">
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => setActing('update')}>
            Change owner or review date
          </button>
          <button className="nhsuk-button nhsuk-button--warning" type="button" onClick={() => setActing('close')}>
            Close the concern
          </button>
        </div>
      )}
      {acting === 'update' && (
        <UpdateConcernForm concern={concern} onCancel={() => setActing(null)} onDone={finished} />
      )}
      {acting === 'close' && <CloseConcernForm concern={concern} onCancel={() => setActing(null)} onDone={finished} />}
      <h2>Summary</h2>
      <p>{concern.summary}</p>

      <h2>Escalation ladder</h2>
      <ol className="app-ladder">
        {concern.ladder.map((step) => (
          <li key={step.id} aria-current={step.id === current?.id ? 'step' : undefined}>
            <strong>{step.name}</strong>
            {step.id === current?.id && <strong className="nhsuk-tag nhsuk-tag--blue app-tag-after">Current step</strong>}
            <br />
            <span className="nhsuk-body-s">{step.description}</span>
          </li>
        ))}
      </ol>
      {changeable && (
        <div className="app-button-row">
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => setActing('move')}>
            Escalate or de-escalate
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => setActing('agenda')}>
            Put on an agenda
          </button>
        </div>
      )}
      {acting === 'move' && (
        <MoveForm concern={concern} onCancel={() => setActing(null)} onMoved={finished} />
      )}
      {acting === 'agenda' && (
        <AgendaForm concern={concern} onCancel={() => setActing(null)} onAdded={finished} />
      )}

      <h2>History</h2>
      <Table
        caption="Steps on the ladder, oldest first"
        head={['When', 'What', 'Decided by', 'Why', 'What happens next']}
        rows={concern.history.map((change, index) => ({
          key: String(index),
          cells: [
            formatLondonDate(change.decidedAt),
            `${directionInWords[change.direction]}: ${change.toStep?.name ?? ''}`,
            change.decidedBy?.name ?? '',
            change.reason,
            change.nextSteps,
          ],
        }))}
      />

      <h2>Evidence</h2>
      {concern.evidence.length === 0 && <p>No evidence has been added.</p>}
      {concern.evidence.length > 0 && (
        <ul>
          {concern.evidence.map((item) => (
            <li key={item.id}>
              <a href={item.downloadUrl}>{item.description || 'Evidence'}</a>, added {formatLondonDate(item.addedAt)}
            </li>
          ))}
        </ul>
      )}
      {changeable && (
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => setActing('evidence')}>
          Add evidence
        </button>
      )}
      {acting === 'evidence' && (
        <AddEvidenceForm concern={concern} onCancel={() => setActing(null)} onDone={finished} />
      )}

      <h2>On agendas</h2>
      {concern.agendaItems.length === 0 && <p>The concern has not been put on an agenda.</p>}
      <ul>
        {concern.agendaItems.map((entry, index) => (
          <li key={index}>
            {entry.meeting ? (
              <Link to={`/meetings/${encodeURIComponent(entry.meeting.id)}`}>
                {entry.meeting.title}, {formatMeetingTime(entry.meeting.startsAt)}
              </Link>
            ) : (
              'A meeting you cannot see'
            )}
            {entry.itemTitle && `: ${entry.itemTitle}`}
            {entry.paper && (
              <>
                {' '}
                (
                <Link to={`/papers/${encodeURIComponent(entry.paper.id)}`}>
                  the paper<span className="nhsuk-u-visually-hidden"> for {entry.itemTitle ?? 'the item'}</span>
                </Link>
                )
              </>
            )}
            {entry.decisions.length > 0 && (
              <ul>
                {entry.decisions.map((decision) => (
                  <li key={decision.id}>Decided: {decision.text}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function MoveForm({
  concern,
  onCancel,
  onMoved,
}: {
  concern: Concern;
  onCancel: () => void;
  onMoved: (message: string) => void;
}) {
  const idPrefix = 'move-concern';
  const { errors, submitting, submit } = useSubmission();
  const position = concern.currentStep?.position ?? 0;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const values = new FormData(event.currentTarget);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const stepId = text('stepId');
    const step = concern.ladder.find((s) => s.id === stepId);
    const up = !step || step.position > position;
    const input = { id: concern.id, stepId, reason: text('reason'), nextSteps: text('nextSteps') };
    const fields = { stepId: 'stepId', reason: 'reason', nextSteps: 'nextSteps' };
    const payload = await submit(async () => {
      if (up) {
        const { escalateConcern } = await request(escalateConcernMutation, { input });
        return { ...escalateConcern, errors: onFields(escalateConcern.errors, fields) };
      }
      const { deEscalateConcern } = await request(deEscalateConcernMutation, { input });
      return { ...deEscalateConcern, errors: onFields(deEscalateConcern.errors, fields) };
    });
    if (payload) onMoved(`${up ? 'Escalated' : 'De-escalated'} to ${step?.name ?? 'the step chosen'}.`);
  }

  return (
    <ActionPanel heading="Move the concern on the ladder">
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <SelectField id={`${idPrefix}-stepId`} name="stepId" label="Step" error={errorFor(errors, 'stepId')}>
          {concern.ladder
            .filter((step) => step.position !== position)
            .map((step) => (
              <option key={step.id} value={step.id}>
                {step.position}. {step.name} ({step.position > position ? 'escalate' : 'de-escalate'})
              </option>
            ))}
        </SelectField>
        <TextArea id={`${idPrefix}-reason`} name="reason" label="Why" rows={3} error={errorFor(errors, 'reason')} />
        <TextArea
          id={`${idPrefix}-nextSteps`}
          name="nextSteps"
          label="What happens next"
          rows={3}
          error={errorFor(errors, 'nextSteps')}
        />
        <div className="app-button-row">
          <button className="nhsuk-button" type="submit">
            Record the step
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}

function AgendaForm({
  concern,
  onCancel,
  onAdded,
}: {
  concern: Concern;
  onCancel: () => void;
  onAdded: (message: string) => void;
}) {
  const idPrefix = 'concern-agenda';
  const organisationId = concern.organisation?.id ?? '';
  const committees = useQuery(agendaCommitteesQuery, { organisationId }, { skip: !organisationId });
  const [committeeId, setCommitteeId] = useState('');
  const meetings = useQuery(upcomingMeetingsQuery, { committeeId }, { skip: !committeeId });
  const { errors, submitting, submit } = useSubmission();
  const now = new Date().toISOString();
  const choices = (meetings.data?.meetings.edges ?? [])
    .map(({ node }) => node)
    .filter((meeting) => meeting.viewerCanManage && !meeting.cancelledAt && meeting.startsAt > now);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const values = new FormData(event.currentTarget);
    const meetingId = String(values.get('meetingId') ?? '');
    const part = String(values.get('part') ?? 'PRIVATE') as 'PUBLIC' | 'PRIVATE';
    const payload = await submit(async () => {
      const { putConcernOnAgenda } = await request(putConcernOnAgendaMutation, {
        input: { concernId: concern.id, meetingId, part },
      });
      return { ...putConcernOnAgenda, errors: onFields(putConcernOnAgenda.errors, { meetingId: 'meetingId' }) };
    });
    if (payload) onAdded('Put the concern on the agenda; its paper is with the concern’s owner to approve.');
  }

  return (
    <ActionPanel heading="Put the concern on an agenda">
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <SelectField
          id={`${idPrefix}-committeeId`}
          name="committeeId"
          label="Committee"
          value={committeeId}
          onChange={(event) => setCommitteeId(event.target.value)}
        >
          <option value="">Choose a committee</option>
          {(committees.data?.committees.edges ?? []).map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${idPrefix}-meetingId`} name="meetingId" label="Meeting" error={errorFor(errors, 'meetingId')}>
          {choices.length === 0 && <option value="">No upcoming meeting you run</option>}
          {choices.map((meeting) => (
            <option key={meeting.id} value={meeting.id}>
              {meeting.title}, {formatMeetingTime(meeting.startsAt)}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${idPrefix}-part`} name="part" label="Part of the meeting" defaultValue="PRIVATE">
          <option value="PRIVATE">Part II (the public excluded)</option>
          <option value="PUBLIC">Part I (in public)</option>
        </SelectField>
        <div className="app-button-row">
          <button className="nhsuk-button" type="submit">
            Put on the agenda
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}
