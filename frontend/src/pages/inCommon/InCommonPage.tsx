import { type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { onFields, request } from '../../api/client';
import { committeesQuery } from '../../api/committees';
import {
  answerInCommonInvitationMutation,
  conveningCommitteesQuery,
  createInCommonArrangementMutation,
  inCommonArrangementsQuery,
  inviteToInCommonMutation,
} from '../../api/inCommon';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary, errorFor } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { ScheduleSessionForm } from '../../components/inCommon/ScheduleSessionForm';
import { Loading, QueryProblem } from '../../components/messages';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLondonDate } from '../../dates';
import type { InCommonArrangementsQuery, InCommonPartyStatus } from '../../generated/graphql';

type Arrangement = InCommonArrangementsQuery['inCommonArrangements'][number];
type Party = Arrangement['parties'][number];

const statusInWords: Record<InCommonPartyStatus, string> = {
  INVITED: 'Invited',
  ACCEPTED: 'Taking part',
  DECLINED: 'Declined',
};

function AnswerForm({ arrangement, party, onChanged }: { arrangement: Arrangement; party: Party; onChanged: () => void }) {
  const idPrefix = `answer-${arrangement.id}`;
  const { data } = useQuery(committeesQuery, { first: 100 });
  const { errors, setErrors, submitting, submit } = useSubmission();
  const ours = (data?.committees.edges ?? []).map((e) => e.node).filter((c) => c.host?.id === party.organisationId);

  async function answer(accept: boolean, form: HTMLFormElement) {
    if (submitting) return;
    const committeeId = String(new FormData(form).get('committeeId') ?? '');
    if (accept && !committeeId) {
      setErrors([{ field: 'committeeId', message: 'Choose the committee that takes part' }]);
      return;
    }
    const payload = await submit(async () => {
      const { answerInCommonInvitation } = await request(answerInCommonInvitationMutation, {
        input: { arrangementId: arrangement.id, organisationId: party.organisationId, accept, committeeId: accept ? committeeId : null },
      });
      return { ...answerInCommonInvitation, errors: onFields(answerInCommonInvitation.errors, { committeeId: 'committeeId' }) };
    });
    if (payload) onChanged();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void answer(true, event.currentTarget);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <SelectField
        id={`${idPrefix}-committeeId`}
        name="committeeId"
        label={`The committee ${party.organisationName} sends`}
        defaultValue=""
        error={errorFor(errors, 'committeeId')}
      >
        <option value="">Choose a committee</option>
        {ours.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <div className="app-button-row">
        <button className="nhsuk-button" type="submit">
          Accept the invitation
        </button>
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={(event) => void answer(false, event.currentTarget.form!)}
        >
          Decline
        </button>
      </div>
    </form>
  );
}

/** The convener invites an organisation by its ODS code; only that organisation's officers can accept. */
function InviteForm({ arrangement, onChanged }: { arrangement: Arrangement; onChanged: () => void }) {
  const idPrefix = `invite-${arrangement.id}`;
  const { errors, submitting, submit } = useSubmission();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const odsCode = String(new FormData(form).get('odsCode') ?? '');
    const payload = await submit(async () => {
      const { inviteToInCommon } = await request(inviteToInCommonMutation, {
        input: { arrangementId: arrangement.id, odsCode },
      });
      return { ...inviteToInCommon, errors: onFields(inviteToInCommon.errors, { odsCode: 'odsCode' }) };
    });
    if (payload) {
      form.reset();
      onChanged();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <TextField
        id={`${idPrefix}-odsCode`}
        name="odsCode"
        label="Invite an organisation"
        hint="Its ODS code, for example 08H. Its board secretary or administrator accepts and names its committee."
        className="nhsuk-input--width-5"
        autoComplete="off"
        error={errorFor(errors, 'odsCode')}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Invite
      </button>
    </form>
  );
}

/** A board secretary or administrator convenes committees in common with one of their organisation's committees. */
function ConveneForm({ onChanged }: { onChanged: () => void }) {
  const idPrefix = 'convene';
  const { data } = useQuery(conveningCommitteesQuery, {});
  const { errors, setErrors, submitting, submit } = useSubmission();
  const ours = (data?.committees.edges ?? []).map((e) => e.node).filter((c) => c.viewerCanManage);
  if (ours.length === 0) return null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const fields = new FormData(form);
    const name = String(fields.get('name') ?? '');
    const committeeId = String(fields.get('committeeId') ?? '');
    const missing = [
      ...(name.trim() ? [] : [{ field: 'name', message: 'Name the arrangement' }]),
      ...(committeeId ? [] : [{ field: 'committeeId', message: 'Choose the committee that convenes' }]),
    ];
    if (missing.length) {
      setErrors(missing);
      return;
    }
    const payload = await submit(async () => {
      const { createInCommonArrangement } = await request(createInCommonArrangementMutation, { input: { name, committeeId } });
      return {
        ...createInCommonArrangement,
        errors: onFields(createInCommonArrangement.errors, { name: 'name', committeeId: 'committeeId' }),
      };
    });
    if (payload) {
      form.reset();
      onChanged();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="convene-heading">
      <h2 id="convene-heading">Convene committees in common</h2>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <TextField
        id={`${idPrefix}-name`}
        name="name"
        label="Name of the arrangement"
        hint="For example, Greater Manchester primary care commissioning in common"
        error={errorFor(errors, 'name')}
      />
      <SelectField
        id={`${idPrefix}-committeeId`}
        name="committeeId"
        label="Your committee that convenes"
        hint="It takes part from the start; invite the other organisations afterwards."
        defaultValue=""
        error={errorFor(errors, 'committeeId')}
      >
        <option value="">Choose a committee</option>
        {ours.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
            {c.host ? ` (${c.host.name})` : ''}
          </option>
        ))}
      </SelectField>
      <button className="nhsuk-button" type="submit">
        Convene
      </button>
    </form>
  );
}

/** Arrangements of committees in common the viewer's organisations convene, take part in or are invited into. */
export function InCommonPage() {
  usePageTitle('Committees in common');
  const navigate = useNavigate();
  const { data, error, loading, reload } = useQuery(inCommonArrangementsQuery, {});
  const arrangements = data?.inCommonArrangements ?? [];

  return (
    <>
      <h1>Committees in common</h1>
      <QueryProblem error={error} idPrefix="in-common" />
      {loading && !data && <Loading />}
      {data && arrangements.length === 0 && <p>Your organisations convene no committees in common and have no invitations.</p>}
      {arrangements.map((arrangement) => (
        <section key={arrangement.id} aria-labelledby={`arrangement-${arrangement.id}`}>
          <h2 id={`arrangement-${arrangement.id}`}>{arrangement.name}</h2>
          <ul className="nhsuk-list">
            {arrangement.parties.map((party) => (
              <li key={party.organisationId}>
                {party.organisationName}
                {party.committeeName ? `: ${party.committeeName}` : ''} ({statusInWords[party.status].toLowerCase()})
                {party.viewerMayAnswer && <AnswerForm arrangement={arrangement} party={party} onChanged={reload} />}
              </li>
            ))}
          </ul>
          {arrangement.viewerConvenes && <InviteForm arrangement={arrangement} onChanged={reload} />}
          {arrangement.viewerConvenes && (
            <ScheduleSessionForm
              arrangementId={arrangement.id}
              committees={arrangement.parties.flatMap((party) =>
                party.status === 'ACCEPTED' && party.committeeId
                  ? [{ id: party.committeeId, name: `${party.committeeName} (${party.organisationName})` }]
                  : [],
              )}
              onScheduled={(sessionId) => void navigate(`/in-common/sessions/${encodeURIComponent(sessionId)}`)}
            />
          )}
          {arrangement.sessions.length > 0 && (
            <>
              <h3>Sessions</h3>
              <ul className="nhsuk-list">
                {arrangement.sessions.map((session) => (
                  <li key={session.id}>
                    <Link to={`/in-common/sessions/${encodeURIComponent(session.id)}`}>{session.title}</Link>,{' '}
                    {formatLondonDate(session.startsAt)}, {session.location}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
      <ConveneForm onChanged={reload} />
    </>
  );
}
