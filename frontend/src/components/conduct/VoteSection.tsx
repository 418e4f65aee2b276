import { type FormEvent, useState } from 'react';
import { onFields, request } from '../../api/client';
import { castVoteMutation, closeVoteMutation, openVoteMutation } from '../../api/conduct';
import { useSubmission } from '../../api/useSubmission';
import type { VoteChoice } from '../../generated/graphql';
import { voteChoiceInWords, voteChoices } from '../../vocabulary';
import { ConfirmStep } from '../ConfirmStep';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { Checkbox, SelectField, TextField } from '../fields';
import { Confirmation } from '../messages';
import { type Conduct, type ConductVote, type ItemConduct, runsItems } from './types';

interface Props {
  conduct: Conduct;
  item: ItemConduct;
  onChanged: () => void;
}

function OpenVoteForm({ item, onChanged }: Props) {
  const idPrefix = 'open-vote';
  const { errors, setErrors, submitting, submit } = useSubmission();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const motion = String(values.get('motion') ?? '').trim();
    if (!motion) {
      setErrors([{ field: 'motion', message: 'Enter the motion the members vote on' }]);
      return;
    }
    const payload = await submit(async () => {
      const { openVote } = await request(openVoteMutation, {
        input: { itemId: item.item.id, motion, secret: values.get('secret') === 'yes' },
      });
      return { ...openVote, errors: onFields(openVote.errors, { motion: 'motion', secret: 'secret' }) };
    });
    if (payload) {
      form.reset();
      onChanged();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h4>Open a vote</h4>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <TextField id={`${idPrefix}-motion`} name="motion" label="Motion" error={errorFor(errors, "motion")} />
      <Checkbox
        id={`${idPrefix}-secret`}
        name="secret"
        label="Secret ballot"
        hint="Quorum counts a secret vote without keeping who voted which way"
        error={errorFor(errors, 'secret')}
      />
      <button className="nhsuk-button" type="submit">
        Open vote
      </button>
    </form>
  );
}

function CastButtons({ vote, onChanged }: { vote: ConductVote; onChanged: () => void }) {
  const { errors, submitting, submit } = useSubmission();

  async function cast(choice: VoteChoice) {
    if (submitting) return;
    const payload = await submit(async () => {
      const { castVote } = await request(castVoteMutation, { input: { voteId: vote.id, choice } });
      return castVote;
    });
    if (payload) onChanged();
  }

  return (
    <div>
      <h5>Your vote</h5>
      <ErrorSummary errors={errors} idPrefix="cast-vote" />
      <div className="app-button-row nhsuk-u-margin-bottom-4">
        {voteChoices.map((choice) => (
          <button key={choice} type="button" className="nhsuk-button" onClick={() => void cast(choice)}>
            {voteChoiceInWords[choice]}
          </button>
        ))}
      </div>
    </div>
  );
}

interface RecordVoteProps {
  conduct: Conduct;
  item: ItemConduct;
  vote: ConductVote;
  onChanged: () => void;
}

/** The secretary records a member's named vote: members who may vote on the item and have not voted yet. */
function RecordVoteForm({ conduct, item, vote, onChanged }: RecordVoteProps) {
  const idPrefix = 'record-vote';
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [done, setDone] = useState<string | null>(null);
  const voted = new Set(vote.namedVotes.map((named) => named.person?.id));
  const mayVote = new Set(item.quorum.mayVote);
  const voters = conduct.attendance.filter((a) => a.personId && mayVote.has(a.name) && !voted.has(a.personId));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const personId = String(values.get('personId') ?? '');
    const choice = String(values.get('choice') ?? '') as VoteChoice | '';
    const missing = [
      ...(personId ? [] : [{ field: 'personId', message: 'Choose the member' }]),
      ...(choice ? [] : [{ field: 'choice', message: 'Choose how they voted' }]),
    ];
    if (missing.length || !choice) {
      setErrors(missing);
      setDone(null);
      return;
    }
    const payload = await submit(async () => {
      const { castVote } = await request(castVoteMutation, { input: { voteId: vote.id, choice, personId } });
      return { ...castVote, errors: onFields(castVote.errors, { personId: 'personId', choice: 'choice' }) };
    });
    if (payload) {
      const name = voters.find((v) => v.personId === personId)?.name ?? 'the member';
      setDone(`Recorded ${name}: ${voteChoiceInWords[choice].toLowerCase()}.`);
      form.reset();
      onChanged();
    } else setDone(null);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h5>Record a member&rsquo;s vote</h5>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <SelectField id={`${idPrefix}-personId`} name="personId" label="Member" defaultValue="" error={errorFor(errors, 'personId')}>
        <option value="">Choose a member</option>
        {voters.map((voter) => (
          <option key={voter.personId} value={voter.personId!}>
            {voter.name}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${idPrefix}-choice`} name="choice" label="Their vote" defaultValue="" error={errorFor(errors, 'choice')}>
        <option value="">Choose</option>
        {voteChoices.map((choice) => (
          <option key={choice} value={choice}>
            {voteChoiceInWords[choice]}
          </option>
        ))}
      </SelectField>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Record vote
      </button>
      <Confirmation>{done}</Confirmation>
    </form>
  );
}

function CloseVoteForm({ vote, onChanged }: { vote: ConductVote; onChanged: () => void }) {
  const idPrefix = 'close-vote';
  const { errors, submitting, submit } = useSubmission();
  // The casting vote chosen, while the chair confirms closing the vote.
  const [confirming, setConfirming] = useState<VoteChoice | '' | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setConfirming(String(new FormData(event.currentTarget).get('castingVote') ?? '') as VoteChoice | '');
  }

  async function close(casting: VoteChoice | '') {
    setConfirming(null);
    if (submitting) return;
    const payload = await submit(async () => {
      const { closeVote } = await request(closeVoteMutation, { input: { voteId: vote.id, castingVote: casting || null } });
      return { ...closeVote, errors: onFields(closeVote.errors, { castingVote: 'castingVote' }) };
    });
    if (payload) onChanged();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h5>Close the vote</h5>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <SelectField
        id={`${idPrefix}-castingVote`}
        name="castingVote"
        label="Chair's casting vote"
        hint="Only needed when the votes are tied"
        defaultValue=""
        error={errorFor(errors, 'castingVote')}
      >
        <option value="">No casting vote</option>
        <option value="FOR">For</option>
        <option value="AGAINST">Against</option>
      </SelectField>
      {confirming === null ? (
        <button className="nhsuk-button nhsuk-button--warning" type="submit">
          Close vote
        </button>
      ) : (
        <ConfirmStep
          heading="Close the vote?"
          confirmLabel="Yes, close the vote"
          onConfirm={() => void close(confirming)}
          onCancel={() => setConfirming(null)}
          level={3}
        >
          <p>
            {vote.castCount} of {vote.eligibleCount} eligible members have voted. Once the vote is closed no more votes
            can be cast, and the result is recorded in the minutes
            {confirming ? ` with the chair's casting vote ${voteChoiceInWords[confirming].toLowerCase()}` : ''}.
          </p>
        </ConfirmStep>
      )}
    </form>
  );
}

export function voteSummary(vote: ConductVote): string {
  if (vote.isOpen) return `${vote.castCount} of ${vote.eligibleCount} eligible members have voted.`;
  if (vote.result) return vote.result;
  return `For ${vote.forCount ?? 0}, against ${vote.againstCount ?? 0}, abstained ${vote.abstainCount ?? 0}.`;
}

export function VoteSection({ conduct, item, onChanged }: Props) {
  const canConduct = runsItems(conduct) && conduct.stage === 'OPEN';
  const open = item.votes.find((vote) => vote.isOpen);

  return (
    <section aria-labelledby="votes-heading">
      <h3 id="votes-heading">Votes</h3>
      {item.votes.length === 0 && <p>No vote has been taken on this item.</p>}
      {item.votes.map((vote) => (
        <div key={vote.id} className="nhsuk-card">
          <div className="nhsuk-card__content">
            <h4 className="nhsuk-card__heading">
              {vote.isOpen ? 'Vote in progress' : 'Vote closed'}: {vote.motion}
            </h4>
            <p>
              {vote.secret ? 'Secret ballot. ' : 'Named vote. '}
              {vote.chairedBy ? `Chaired by ${vote.chairedBy.name}. ` : ''}
              {voteSummary(vote)}
              {vote.castingVote ? ` The chair's casting vote: ${voteChoiceInWords[vote.castingVote].toLowerCase()}.` : ''}
            </p>
            {!vote.secret && vote.namedVotes.length > 0 && (
              <ul>
                {vote.namedVotes.map((named, index) => (
                  <li key={named.person?.id ?? index}>
                    {named.person?.name}: {voteChoiceInWords[named.choice].toLowerCase()}
                  </li>
                ))}
              </ul>
            )}
            {vote.isOpen && vote.viewerMayVote && !vote.viewerHasVoted && <CastButtons vote={vote} onChanged={onChanged} />}
            {vote.isOpen && vote.viewerHasVoted && <p>You have voted.</p>}
            {vote.isOpen && canConduct && !vote.secret && <RecordVoteForm conduct={conduct} item={item} vote={vote} onChanged={onChanged} />}
            {vote.isOpen && canConduct && <CloseVoteForm vote={vote} onChanged={onChanged} />}
          </div>
        </div>
      ))}
      {canConduct && !open && <OpenVoteForm conduct={conduct} item={item} onChanged={onChanged} />}
    </section>
  );
}
