import { type FormEvent, useState } from 'react';
import { onFields, request } from '../../api/client';
import { updateCommitteeMutation } from '../../api/committees';
import type { QuorumRuleInput } from '../../generated/graphql';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { TextArea, TextField } from '../fields';
import { Confirmation } from '../messages';
import { draftFromRule, quorumDraftFrom, toQuorumRuleInput } from './quorumRule';
import { QuorumCannotBeMet } from './QuorumCannotBeMet';
import { QuorumRuleFields } from './QuorumRuleFields';
import type { CommitteeDetail } from './types';

const idPrefix = 'change-committee';

const apiFields = { name: 'name', termsSummary: 'termsSummary', quorumRule: 'quorumRule' };

/**
 * The form builds one pool and one group of offices; a rule given more through the API keeps the others, and a
 * group of offices needing more than one of them keeps its count while it names enough.
 */
function clausesBeyondTheForm(
  stored: CommitteeDetail['quorumRule'],
  built: QuorumRuleInput,
): Pick<QuorumRuleInput, 'pools' | 'officeGroups'> {
  const [firstGroup, ...otherGroups] = built.officeGroups ?? [];
  const storedCount = stored.officeGroups[0]?.count ?? 1;
  const group = firstGroup && { ...firstGroup, count: storedCount <= firstGroup.offices.length ? storedCount : 1 };
  return {
    pools: [...(built.pools ?? []), ...stored.pools.slice(1)],
    officeGroups: [...(group ? [group] : []), ...otherGroups, ...stored.officeGroups.slice(1)],
  };
}

/** The committee's name, summary and quorum rule, for the host's board secretary or administrator to change. */
export function ChangeCommitteeForm({ committee, onChanged }: { committee: CommitteeDetail; onChanged: () => void }) {
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [saved, setSaved] = useState<string | null>(null);
  const [cannotBeMet, setCannotBeMet] = useState<string[]>([]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const values = new FormData(event.currentTarget);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const { rule: built, errors: ruleErrors } = toQuorumRuleInput(quorumDraftFrom(values), { joint: committee.isJoint });
    const rule = { ...built, ...clausesBeyondTheForm(committee.quorumRule, built) };
    setSaved(null);
    if (ruleErrors.length) {
      setErrors(ruleErrors);
      return;
    }
    const payload = await submit(async () => {
      const { updateCommittee } = await request(updateCommitteeMutation, {
        input: { id: committee.id, name: text('name'), termsSummary: text('termsSummary'), quorumRule: rule },
      });
      return { ...updateCommittee, errors: onFields(updateCommittee.errors, apiFields) };
    });
    if (payload) {
      const rule = payload.committee?.quorumRule.inWords ?? '';
      setSaved(`Saved the changes to ${payload.committee?.name ?? committee.name}. ${rule}`);
      setCannotBeMet(payload.committee?.quorumCannotBeMet ?? []);
      onChanged();
    }
  }

  return (
    <section>
      <h2>Change the committee</h2>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <TextField
          id={`${idPrefix}-name`}
          name="name"
          label="Name"
          autoComplete="off"
          defaultValue={committee.name}
          error={errorFor(errors, 'name')}
        />
        <TextArea
          id={`${idPrefix}-termsSummary`}
          name="termsSummary"
          label="Summary of its terms of reference"
          defaultValue={committee.termsSummary}
          error={errorFor(errors, 'termsSummary')}
        />
        <QuorumRuleFields
          idPrefix={idPrefix}
          errors={errors}
          joint={committee.isJoint}
          initial={draftFromRule(committee.quorumRule)}
        />
        <button className="nhsuk-button" type="submit">
          Save changes
        </button>
      </form>
      <Confirmation>{saved}</Confirmation>
      {saved && <QuorumCannotBeMet reasons={cannotBeMet} />}
    </section>
  );
}
