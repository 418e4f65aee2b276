import { type FormEvent, useState } from 'react';
import { type FormError, onFields, request } from '../../api/client';
import {
  addActionMutation,
  recordDecisionMutation,
  referralChoicesQuery,
  rescindDecisionMutation,
  saveMinuteNotesMutation,
} from '../../api/conduct';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { formatDate } from '../../dates';
import type { DecisionRoute } from '../../generated/graphql';
import { actionStatusInWords, decisionRouteInWords } from '../../vocabulary';
import { DateInput, dateProblems, readDate } from '../DateInput';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { SelectField, TextArea } from '../fields';
import { Confirmation } from '../messages';
import { useUnsavedForm } from '../useUnsavedChangesWarning';
import { type Conduct, type ItemConduct, peopleOf, runsItems } from './types';

interface Props {
  conduct: Conduct;
  item: ItemConduct;
  onChanged: () => void;
}

/** The outcomes a secretary may record by hand: a quorate item by consensus, deferred, referred or withdrawn; an
 * inquorate one deferred, withdrawn or by chair's action; after the meeting closes, only a chair's action. */
export function decisionRoutesFor(quorate: boolean, closed = false): DecisionRoute[] {
  if (closed) return ['CHAIRS_ACTION'];
  return quorate ? ['CONSENSUS', 'DEFERRED', 'REFERRED', 'WITHDRAWN'] : ['DEFERRED', 'CHAIRS_ACTION', 'WITHDRAWN'];
}

type Decision = ItemConduct['decisions'][number];

/** The item's standing outcome: one not rescinded (a ratification or an approval of minutes reported under it does not count). */
export function standingOutcome(item: ItemConduct): Decision | undefined {
  return item.decisions.find((decision) => !decision.rescindedAt && decision.isItemOutcome);
}

function ReferralField({ error }: { error?: string }) {
  const { data } = useQuery(referralChoicesQuery, {});
  return (
    <SelectField
      id="decision-referredToCommitteeId"
      name="referredToCommitteeId"
      label="Committee referred to (for a referral)"
      defaultValue=""
      error={error}
    >
      <option value="">Choose a committee</option>
      {(data?.committees.edges ?? []).map(({ node }) => (
        <option key={node.id} value={node.id}>
          {node.name}, {node.host?.name}
        </option>
      ))}
    </SelectField>
  );
}

function DecisionForm({ conduct, item, onChanged }: Props) {
  const idPrefix = 'decision';
  const { errors, setErrors, submitting, submit } = useSubmission();
  const closed = conduct.stage === 'CLOSED';
  const routes = decisionRoutesFor(item.quorum.met, closed);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const route = String(values.get('route') ?? '') as DecisionRoute | '';
    const text = String(values.get('text') ?? '').trim();
    const referredToCommitteeId = String(values.get('referredToCommitteeId') ?? '') || null;
    const missing: FormError[] = [
      ...(route ? [] : [{ field: 'route', message: 'Choose how the item was decided' }]),
      ...(text || route === 'DEFERRED' || route === 'WITHDRAWN' ? [] : [{ field: 'text', message: 'Enter what was decided' }]),
      ...(route !== 'REFERRED' || referredToCommitteeId
        ? []
        : [{ field: 'referredToCommitteeId', message: 'Choose the committee the item is referred to' }]),
    ];
    if (missing.length || !route) {
      setErrors(missing);
      return;
    }
    const payload = await submit(async () => {
      const { recordDecision } = await request(recordDecisionMutation, {
        input: { itemId: item.item.id, route, text, referredToCommitteeId: route === 'REFERRED' ? referredToCommitteeId : null },
      });
      return {
        ...recordDecision,
        errors: onFields(recordDecision.errors, {
          route: 'route',
          text: 'text',
          referredToCommitteeId: 'referredToCommitteeId',
          itemId: 'route',
        }),
      };
    });
    if (payload) {
      form.reset();
      onChanged();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h4>Record the outcome</h4>
      {closed && (
        <div className="nhsuk-inset-text">
          <p>The meeting has closed. As the standing orders allow, an urgent decision can still be taken by chair&rsquo;s action, to be ratified at the next meeting.</p>
        </div>
      )}
      {!closed && !item.quorum.met && (
        <div className="nhsuk-inset-text">
          <p>
            The item is not quorate, so it cannot be decided here. The standing orders allow it to be deferred or decided
            by chair&rsquo;s action, to be ratified at the next meeting.
          </p>
        </div>
      )}
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <SelectField id={`${idPrefix}-route`} name="route" label="How it was decided" defaultValue="" error={errorFor(errors, 'route')}>
        <option value="">Choose</option>
        {routes.map((route) => (
          <option key={route} value={route}>
            {decisionRouteInWords[route]}
          </option>
        ))}
      </SelectField>
      <TextArea
        id={`${idPrefix}-text`}
        name="text"
        label="The decision"
        hint="A decision by vote is recorded when the vote closes"
        rows={3}
        error={errorFor(errors, 'text')}
      />
      {routes.includes('REFERRED') && <ReferralField error={errorFor(errors, 'referredToCommitteeId')} />}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Record outcome
      </button>
    </form>
  );
}

function RescindForm({ decision, onChanged }: { decision: Decision; onChanged: () => void }) {
  const idPrefix = 'rescind';
  const { errors, setErrors, submitting, submit } = useSubmission();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const reason = String(new FormData(form).get('reason') ?? '').trim();
    if (!reason) {
      setErrors([{ field: 'reason', message: 'Enter why the outcome is rescinded' }]);
      return;
    }
    const payload = await submit(async () => {
      const { rescindDecision } = await request(rescindDecisionMutation, { input: { decisionId: decision.id, reason } });
      return { ...rescindDecision, errors: onFields(rescindDecision.errors, { reason: 'reason', decisionId: 'reason' }) };
    });
    if (payload) {
      form.reset();
      onChanged();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h4>Rescind the outcome</h4>
      <p>An item has one outcome at a time. To record another, rescind this one first; it stays in the record.</p>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <TextArea id={`${idPrefix}-reason`} name="reason" label="Why it is rescinded" rows={2} error={errorFor(errors, 'reason')} />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Rescind outcome
      </button>
    </form>
  );
}

function outcomeInWords(decision: Decision): string {
  const route = decision.route === 'REFERRED' && decision.referredTo ? `Referred to ${decision.referredTo}` : decisionRouteInWords[decision.route];
  return `${route}: ${decision.text}${decision.chairedBy ? ` (chaired by ${decision.chairedBy.name})` : ''}`;
}

export function DecisionsSection({ conduct, item, onChanged }: Props) {
  const mayRecord =
    (runsItems(conduct) && conduct.stage === 'OPEN') || (conduct.viewerCanConduct && conduct.stage === 'CLOSED');
  const standing = standingOutcome(item);
  return (
    <section aria-labelledby="decisions-heading">
      <h3 id="decisions-heading">Outcome</h3>
      {item.decisions.length === 0 ? (
        <p>No outcome has been recorded for this item.</p>
      ) : (
        <ul>
          {item.decisions.map((decision) => (
            <li key={decision.id}>
              {decision.rescindedAt ? (
                <>
                  <s>{outcomeInWords(decision)}</s> Rescinded on {formatDate(decision.rescindedAt)}
                  {decision.rescindedBy ? ` by ${decision.rescindedBy.name}` : ''}: {decision.rescissionReason}
                </>
              ) : (
                outcomeInWords(decision)
              )}
            </li>
          ))}
        </ul>
      )}
      {mayRecord && conduct.viewerCanConduct && standing && <RescindForm decision={standing} onChanged={onChanged} />}
      {mayRecord && !standing && <DecisionForm conduct={conduct} item={item} onChanged={onChanged} />}
    </section>
  );
}

function ActionForm({ conduct, item, onChanged }: Props) {
  const idPrefix = 'action';
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [done, setDone] = useState<string | null>(null);
  const people = peopleOf(conduct.attendance);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const [description, ownerId] = [text('description'), text('ownerId')];
    const due = readDate(values, 'dueDate', 'date the action is due');
    const dueDate = due.value;
    const missing: FormError[] = [
      ...(description ? [] : [{ field: 'description', message: 'Enter the action' }]),
      ...(ownerId ? [] : [{ field: 'ownerId', message: 'Choose who owns the action' }]),
      ...dateProblems(due, 'dueDate', 'Enter the date it is due'),
    ];
    if (missing.length) {
      setErrors(missing);
      setDone(null);
      return;
    }
    const payload = await submit(async () => {
      const { addAction } = await request(addActionMutation, {
        input: { meetingId: conduct.meeting.id, itemId: item.item.id, description, ownerId, dueDate },
      });
      return {
        ...addAction,
        errors: onFields(addAction.errors, { description: 'description', ownerId: 'ownerId', dueDate: 'dueDate' }),
      };
    });
    if (payload) {
      setDone(`Added the action for ${people.find((p) => p.id === ownerId)?.name ?? 'its owner'}.`);
      form.reset();
      onChanged();
    } else setDone(null);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h4>Add an action</h4>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <TextArea id={`${idPrefix}-description`} name="description" label="Action" rows={2} error={errorFor(errors, 'description')} />
      <SelectField id={`${idPrefix}-ownerId`} name="ownerId" label="Owner" defaultValue="" error={errorFor(errors, 'ownerId')}>
        <option value="">Choose an owner</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </SelectField>
      <DateInput
        id={`${idPrefix}-dueDate`}
        name="dueDate"
        legend="Due"
        hint="For example, 15 3 2027"
        error={errorFor(errors, 'dueDate')}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Add action
      </button>
      <Confirmation>{done}</Confirmation>
    </form>
  );
}

export function ActionsSection({ conduct, item, onChanged }: Props) {
  const canConduct = conduct.viewerCanConduct && conduct.stage === 'OPEN';
  return (
    <section aria-labelledby="actions-heading">
      <h3 id="actions-heading">Actions</h3>
      {item.actions.length === 0 ? (
        <p>No actions from this item.</p>
      ) : (
        <ul>
          {item.actions.map((action) => (
            <li key={action.id}>
              {action.description}: {action.owner?.name ?? 'no owner'}, due {formatDate(action.dueDate)} (
              {actionStatusInWords[action.status].toLowerCase()})
            </li>
          ))}
        </ul>
      )}
      {canConduct && <ActionForm conduct={conduct} item={item} onChanged={onChanged} />}
    </section>
  );
}

export function NotesSection({ conduct, item, onChanged }: Props) {
  const idPrefix = 'notes';
  const { errors, submitting, submit } = useSubmission();
  const [saved, setSaved] = useState<string | null>(null);
  const canConduct = conduct.viewerCanConduct && conduct.stage !== 'MINUTES_APPROVED';
  const unsaved = useUnsavedForm();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const notes = String(new FormData(event.currentTarget).get('notes') ?? '');
    const payload = await submit(async () => {
      const { saveMinuteNotes } = await request(saveMinuteNotesMutation, { input: { itemId: item.item.id, notes } });
      return { ...saveMinuteNotes, errors: onFields(saveMinuteNotes.errors, { notes: 'notes' }) };
    });
    setSaved(payload ? 'Saved the notes.' : null);
    if (payload) {
      unsaved.saved();
      onChanged();
    }
  }

  if (!canConduct) {
    return item.notes ? (
      <section aria-labelledby="notes-heading">
        <h3 id="notes-heading">Notes for the minutes</h3>
        <p className="app-pre-wrap">{item.notes}</p>
      </section>
    ) : null;
  }
  return (
    <section aria-labelledby="notes-heading">
      <h3 id="notes-heading">Notes for the minutes</h3>
      <form onSubmit={onSubmit} onChange={unsaved.onChange} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <TextArea
          key={item.item.id}
          id={`${idPrefix}-notes`}
          name="notes"
          label={`Secretary's notes on item ${item.item.number}`}
          defaultValue={item.notes ?? ''}
          error={errorFor(errors, 'notes')}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Save notes
        </button>
        <Confirmation>{saved}</Confirmation>
      </form>
    </section>
  );
}
