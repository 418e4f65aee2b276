import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { createBallotMutation } from '../../api/ballots';
import { type FormError, onFields, request } from '../../api/client';
import { useSubmission } from '../../api/useSubmission';
import { runsBallots } from '../../components/ballots/access';
import { ballotTimes, blankQuestion, draftField, type QuestionDraft, toQuestionInputs } from '../../components/ballots/ballotForm';
import { ConfirmStep } from '../../components/ConfirmStep';
import { DateTimeInput, readDateTime } from '../../components/DateTimeInput';
import { ErrorSummary, errorFor } from '../../components/ErrorSummary';
import { Checkbox, FileField, SelectField, TextArea, TextField } from '../../components/fields';
import { BackLink, Confirmation } from '../../components/messages';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLondonDateTime, toLondonLocal } from '../../dates';
import { chosenFile, readAsBase64 } from '../../files';
import type { BallotQuestionKind } from '../../generated/graphql';
import { useSession } from '../../session';

const idPrefix = 'create-ballot';
const apiFields = {
  title: 'title',
  description: 'description',
  opensAt: 'opensAt',
  closesAt: 'closesAt',
  document: 'document',
  secret: 'secret',
};

function QuestionFields({
  draft,
  index,
  errors,
  onChange,
  onRemove,
}: {
  draft: QuestionDraft;
  index: number;
  errors: FormError[];
  onChange: (draft: QuestionDraft) => void;
  onRemove: (() => void) | null;
}) {
  const id = (name: keyof QuestionDraft) => `${idPrefix}-${draftField(index, name)}`;
  const error = (name: keyof QuestionDraft) => errorFor(errors, draftField(index, name));
  return (
    <fieldset className="nhsuk-fieldset app-question-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Question {index + 1}</legend>
      <TextArea
        id={id('text')}
        label="Question"
        rows={2}
        hint="For example, Do you approve the revised constitution?"
        value={draft.text}
        onChange={(event) => onChange({ ...draft, text: event.target.value })}
        error={error('text')}
      />
      <SelectField
        id={id('kind')}
        label="Kind of question"
        value={draft.kind}
        onChange={(event) => onChange({ ...draft, kind: event.target.value as BallotQuestionKind })}
      >
        <option value="FOR_AGAINST">For, against or abstain</option>
        <option value="ELECTION">Election among candidates</option>
      </SelectField>
      {draft.kind === 'ELECTION' && (
        <>
          <TextField
            id={id('seats')}
            label="How many are elected"
            inputMode="numeric"
            className="nhsuk-input--width-2"
            value={draft.seats}
            onChange={(event) => onChange({ ...draft, seats: event.target.value })}
            error={error('seats')}
          />
          <TextArea
            id={id('candidates')}
            label="Candidates"
            hint="One a line. Practices may also abstain."
            value={draft.candidates}
            onChange={(event) => onChange({ ...draft, candidates: event.target.value })}
            error={error('candidates')}
          />
        </>
      )}
      {onRemove && (
        <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" onClick={onRemove}>
          Remove question {index + 1}
        </button>
      )}
    </fieldset>
  );
}

export function CreateBallotPage() {
  usePageTitle('Create a ballot');
  const { viewer, currentOrganisation } = useSession();
  const organisation = runsBallots(viewer, currentOrganisation) ? currentOrganisation : null;
  const nextKey = useRef(2);
  const [drafts, setDrafts] = useState<QuestionDraft[]>([blankQuestion(1)]);
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [created, setCreated] = useState<{
    id: string;
    title: string;
    document?: { inspectionNote?: string | null } | null;
  } | null>(null);
  const [defaults] = useState(() => {
    const now = new Date();
    return { opens: toLondonLocal(now), closes: toLondonLocal(new Date(now.getTime() + 14 * 24 * 3600 * 1000)) };
  });

  // Creating the ballot opens it at its opening time: asked first, then the form is submitted again.
  const [asking, setAsking] = useState<{ opensAt: string; closesAt: string } | null>(null);
  const confirmed = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  function confirm() {
    confirmed.current = true;
    setAsking(null);
    formRef.current?.requestSubmit();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting || !organisation) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const { questions, errors: questionErrors } = toQuestionInputs(drafts);
    const times = ballotTimes(
      readDateTime(values, 'opensAt', { date: 'opening date', time: 'opening time' }),
      readDateTime(values, 'closesAt', { date: 'closing date', time: 'closing time' }),
    );
    const problems = [
      ...(text('title') ? [] : [{ field: 'title', message: "Enter the ballot's title" }]),
      ...times.errors,
      ...questionErrors,
    ];
    if (problems.length || !times.opensAt || !times.closesAt) {
      setErrors(problems);
      setCreated(null);
      setAsking(null);
      return;
    }
    if (!confirmed.current) {
      setErrors([]);
      setCreated(null);
      setAsking({ opensAt: times.opensAt, closesAt: times.closesAt });
      return;
    }
    confirmed.current = false;
    const file = chosenFile(values, 'document');
    const payload = await submit(async () => {
      const { createBallot } = await request(createBallotMutation, {
        input: {
          organisationId: organisation.id,
          title: text('title'),
          description: text('description'),
          secret: values.get('secret') === 'yes',
          opensAt: times.opensAt!,
          closesAt: times.closesAt!,
          questions,
          document: file ? { filename: file.name, contentBase64: await readAsBase64(file) } : null,
        },
      });
      return { ...createBallot, errors: onFields(createBallot.errors, apiFields) };
    });
    setCreated(payload?.ballot ?? null);
    if (payload) {
      form.reset();
      setDrafts([blankQuestion(nextKey.current++)]);
    }
  }

  if (!organisation) {
    return (
      <>
        <BackLink to="/ballots">Back to ballots</BackLink>
        <h1>Create a ballot</h1>
        <p>Only a CCG's board secretary or administrator can create ballots.</p>
      </>
    );
  }

  return (
    <>
      <BackLink to="/ballots">Back to ballots</BackLink>
      <h1>Create a ballot</h1>
      <p>
        A ballot of {organisation.name}'s member practices under its <Link to="/ballots/rules">voting rules</Link>. The
        electorate is fixed when the ballot opens.
      </p>
      <form onSubmit={onSubmit} noValidate ref={formRef}>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <TextField id={`${idPrefix}-title`} name="title" label="Title" autoComplete="off" error={errorFor(errors, 'title')} />
        <TextArea
          id={`${idPrefix}-description`}
          name="description"
          label="Explanation for practices"
          error={errorFor(errors, 'description')}
        />
        <FileField
          id={`${idPrefix}-document`}
          name="document"
          label="Explanatory document (optional)"
          hint="A PDF or Word document"
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          error={errorFor(errors, 'document')}
        />
        <DateTimeInput
          id={`${idPrefix}-opensAt`}
          name="opensAt"
          legend="Opening date"
          timeLabel="Opening time"
          defaultValue={defaults.opens}
          errors={errors}
        />
        <DateTimeInput
          id={`${idPrefix}-closesAt`}
          name="closesAt"
          legend="Closing date"
          timeLabel="Closing time"
          defaultValue={defaults.closes}
          errors={errors}
        />
        <Checkbox
          id={`${idPrefix}-secret`}
          name="secret"
          label="Secret ballot"
          hint="Records that a practice voted, never how. Otherwise everyone sees how each practice voted once it closes."
          error={errorFor(errors, 'secret')}
        />
        {drafts.map((draft, index) => (
          <QuestionFields
            key={draft.key}
            draft={draft}
            index={index}
            errors={errors}
            onChange={(changed) => setDrafts((all) => all.map((one) => (one.key === draft.key ? changed : one)))}
            onRemove={drafts.length > 1 ? () => setDrafts((all) => all.filter((one) => one.key !== draft.key)) : null}
          />
        ))}
        <div className="app-button-group">
          <button
            className="nhsuk-button nhsuk-button--secondary"
            type="button"
            onClick={() => setDrafts((all) => [...all, blankQuestion(nextKey.current++)])}
          >
            Add another question
          </button>
        </div>
        {asking ? (
          <ConfirmStep
            heading="Create and open the ballot?"
            confirmLabel="Yes, create the ballot"
            onConfirm={confirm}
            onCancel={() => setAsking(null)}
            busy={submitting}
          >
            <p>
              It opens {new Date(asking.opensAt) <= new Date() ? 'now' : `on ${formatLondonDateTime(asking.opensAt)}`} and
              closes on {formatLondonDateTime(asking.closesAt)}. When it opens, the electorate is fixed and every
              practice's representatives are asked to vote; its questions cannot then change.
            </p>
          </ConfirmStep>
        ) : (
          <button className="nhsuk-button" type="submit">
            Create ballot
          </button>
        )}
      </form>
      <Confirmation>
        {created && (
          <>
            Created <Link to={`/ballots/${encodeURIComponent(created.id)}`}>{created.title}</Link>.
            {created.document?.inspectionNote && ` ${created.document.inspectionNote}`}
          </>
        )}
      </Confirmation>
    </>
  );
}
