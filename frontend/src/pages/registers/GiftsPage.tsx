import { type FormEvent, useState } from 'react';
import { type FormError, onFields, request } from '../../api/client';
import { seatChoicesQuery } from '../../api/committees';
import {
  designateGiftApproverMutation,
  giftsAndHospitalityQuery,
  recordGiftOrHospitalityMutation,
  updateGiftOrHospitalityMutation,
} from '../../api/registers';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { DateInput, dateProblems, readDate } from '../../components/DateInput';
import { ErrorSummary, errorFor } from '../../components/ErrorSummary';
import { Checkbox, SelectField, TextField } from '../../components/fields';
import { Confirmation, Loading, QueryProblem } from '../../components/messages';
import { Pagination } from '../../components/Pagination';
import { poundsToPence } from '../../components/registers/money';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, today } from '../../dates';
import type { GiftChange, GiftKind, GiftRequirement } from '../../generated/graphql';
import { holdsRole, useSession } from '../../session';
import { giftChangeInWords, giftKindInWords } from '../../vocabulary';

const pageSize = 50;
const idPrefix = 'record-gift';

const requirementTag: Record<GiftRequirement, [string, string]> = {
  NOT_REQUIRED: ['Need not be declared', 'nhsuk-tag--grey'],
  DECLARE: ['Must be declared', 'nhsuk-tag--yellow'],
  REFUSE_UNLESS_APPROVED: ['Refuse unless approved', 'nhsuk-tag--orange'],
  REFUSE: ['Must be refused', 'nhsuk-tag--red'],
};

const apiFields = {
  personId: 'personId',
  kind: 'kind',
  description: 'description',
  offeredBy: 'offeredBy',
  valuePence: 'value',
  offeredOn: 'offeredOn',
  approvedById: 'approvedById',
};

function RecordGiftForm({ organisationId, onRecorded }: { organisationId: string; onRecorded: () => void }) {
  const people = useQuery(seatChoicesQuery, { organisationId });
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const kind = text('kind') as GiftKind | '';
    const valuePence = poundsToPence(text('value'));
    const offered = readDate(values, 'offeredOn', 'date it was offered');
    const missing: FormError[] = [
      ...(text('personId') ? [] : [{ field: 'personId', message: 'Choose who was offered it' }]),
      ...(kind ? [] : [{ field: 'kind', message: 'Choose whether it is a gift, hospitality or cash' }]),
      ...(text('description') ? [] : [{ field: 'description', message: 'Describe what was offered' }]),
      ...(text('offeredBy') ? [] : [{ field: 'offeredBy', message: 'Enter who offered it' }]),
      ...(valuePence === null ? [{ field: 'value', message: 'Enter the value in pounds, like 25 or 25.50' }] : []),
      ...dateProblems(offered, 'offeredOn', 'Enter the date it was offered'),
    ];
    if (missing.length || !kind || valuePence === null) {
      setErrors(missing);
      setDone(null);
      return;
    }
    const payload = await submit(async () => {
      const { recordGiftOrHospitality } = await request(recordGiftOrHospitalityMutation, {
        input: {
          organisationId,
          personId: text('personId'),
          kind,
          description: text('description'),
          offeredBy: text('offeredBy'),
          fromSupplier: values.get('fromSupplier') === 'yes',
          valuePence,
          offeredOn: offered.value,
          accepted: values.get('accepted') === 'yes',
          approvedById: text('approvedById') || null,
        },
      });
      return { ...recordGiftOrHospitality, errors: onFields(recordGiftOrHospitality.errors, apiFields) };
    });
    if (payload) {
      const assessment = payload.entry?.assessment;
      setDone(`Recorded. ${assessment?.explanation ?? ''}${assessment?.breach ? ` ${assessment.breach}` : ''}`);
      form.reset();
      onRecorded();
    } else setDone(null);
  }

  const options = people.data?.people.edges.map(({ node }) => (
    <option key={node.id} value={node.id}>
      {node.name}
    </option>
  ));

  return (
    <section>
      <h2>Record a gift or hospitality</h2>
      <QueryProblem error={people.error} idPrefix={`${idPrefix}-people`} />
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <SelectField id={`${idPrefix}-personId`} name="personId" label="Offered to" defaultValue="" error={errorFor(errors, 'personId')}>
          <option value="">Choose a person</option>
          {options}
        </SelectField>
        <SelectField id={`${idPrefix}-kind`} name="kind" label="What it was" defaultValue="" error={errorFor(errors, 'kind')}>
          <option value="">Choose</option>
          {(Object.keys(giftKindInWords) as GiftKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {giftKindInWords[kind]}
            </option>
          ))}
        </SelectField>
        <TextField id={`${idPrefix}-description`} name="description" label="Description" error={errorFor(errors, 'description')} />
        <TextField id={`${idPrefix}-offeredBy`} name="offeredBy" label="Offered by" error={errorFor(errors, 'offeredBy')} />
        <Checkbox id={`${idPrefix}-fromSupplier`} name="fromSupplier" label="From a supplier or contractor, or one who may become one" />
        <TextField
          id={`${idPrefix}-value`}
          name="value"
          label="Value in pounds"
          inputMode="decimal"
          className="nhsuk-input--width-5"
          error={errorFor(errors, 'value')}
        />
        <DateInput
          id={`${idPrefix}-offeredOn`}
          name="offeredOn"
          legend="Offered on"
          hint="For example, 27 3 2026"
          defaultValue={today()}
          error={errorFor(errors, 'offeredOn')}
        />
        <Checkbox id={`${idPrefix}-accepted`} name="accepted" label="Accepted" />
        <SelectField
          id={`${idPrefix}-approvedById`}
          name="approvedById"
          label="Approved by"
          hint="Who approved accepting it, where approval is needed"
          defaultValue=""
          error={errorFor(errors, 'approvedById')}
        >
          <option value="">Nobody</option>
          {options}
        </SelectField>
        <button className="nhsuk-button" type="submit">
          Record
        </button>
      </form>
      <Confirmation>{done}</Confirmation>
    </section>
  );
}

/** The register's keeper designates who may approve gifts and hospitality (never for their own). */
function DesignateApproverForm({ organisationId }: { organisationId: string }) {
  const formId = 'designate-approver';
  const people = useQuery(seatChoicesQuery, { organisationId });
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const personId = String(new FormData(form).get('personId') ?? '');
    setDone(null);
    if (!personId) {
      setErrors([{ field: 'personId', message: 'Choose who may approve' }]);
      return;
    }
    const payload = await submit(async () => {
      const { designateGiftApprover } = await request(designateGiftApproverMutation, { input: { organisationId, personId } });
      return { ...designateGiftApprover, errors: onFields(designateGiftApprover.errors, { personId: 'personId' }) };
    });
    if (payload?.approver) {
      setDone(`${payload.approver.name} may now approve gifts and hospitality offered to others.`);
      form.reset();
    }
  }

  return (
    <section aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>Designate an approver</h2>
      <p>Only someone designated here approves a gift or hospitality, and never one offered to themselves.</p>
      <QueryProblem error={people.error} idPrefix={`${formId}-people`} />
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={formId} />
        <SelectField
          id={`${formId}-personId`}
          name="personId"
          label="Approver"
          defaultValue=""
          error={errorFor(errors, 'personId')}
        >
          <option value="">Choose a person</option>
          {people.data?.people.edges.map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </SelectField>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Designate
        </button>
      </form>
      <Confirmation>{done}</Confirmation>
    </section>
  );
}

export function GiftsPage() {
  usePageTitle('Gifts and hospitality');
  const { viewer, currentOrganisation } = useSession();
  const organisationId = currentOrganisation?.id ?? '';
  const keeper = holdsRole(viewer, organisationId, 'ADMINISTRATOR', 'BOARD_SECRETARY');
  const pages = useCursorPages();
  const { data, error, loading, reload } = useQuery(
    giftsAndHospitalityQuery,
    { organisationId, first: pageSize, after: pages.after },
    { skip: !organisationId },
  );
  const gifts = data?.giftsAndHospitality;
  const { errors, submitting, submit } = useSubmission();
  const [changed, setChanged] = useState<string | null>(null);

  async function update(id: string, change: GiftChange, what: string) {
    if (submitting) return;
    const payload = await submit(async () => (await request(updateGiftOrHospitalityMutation, { input: { id, change } })).updateGiftOrHospitality);
    setChanged(payload ? `${giftChangeInWords[change]}: ${what}.` : null);
    if (payload) reload();
  }

  return (
    <>
      <h1>Gifts and hospitality</h1>
      <p>
        Gifts and hospitality offered to staff and members, flagged against the 2017 guidance on managing conflicts of
        interest: what must be declared, and what must be refused.
      </p>
      <QueryProblem error={error} idPrefix="gifts" />
      {loading && !gifts && <Loading />}
      {gifts && gifts.totalCount === 0 && <p>Nothing has been recorded.</p>}
      <ErrorSummary errors={errors} idPrefix="gift-update" />
      {gifts && gifts.totalCount > 0 && (
        <Table
          caption="Gifts and hospitality"
          compact
          head={['Offered to', 'What', 'Offered by', 'Value', 'Offered on', 'Accepted', 'Guidance', 'History']}
          rows={gifts.edges.map(({ node }) => {
            const [label, tag] = requirementTag[node.assessment.requirement];
            const what = `${node.person?.name ?? ''}, ${node.description}`;
            const approvable = node.assessment.requirement === 'REFUSE_UNLESS_APPROVED' && !node.approvedBy;
            const settled = node.history.some((entry) => entry.change === 'RETURNED' || entry.change === 'DECLINED');
            return {
              key: node.id,
              cells: [
                node.person?.name ?? '',
                `${giftKindInWords[node.kind]}: ${node.description}`,
                `${node.offeredBy}${node.fromSupplier ? ' (supplier)' : ''}`,
                node.value,
                formatDate(node.offeredOn),
                node.accepted ? `Yes${node.approvedBy ? `, approved by ${node.approvedBy.name}` : ''}` : 'No',
                <>
                  <strong className={`nhsuk-tag ${tag}`}>{label}</strong> {node.assessment.explanation}
                  {node.assessment.breach && <strong> {node.assessment.breach}</strong>}
                </>,
                <>
                  {node.history.map((entry) => (
                    <p key={entry.at}>
                      {giftChangeInWords[entry.change]} on {formatDate(entry.at)} by {entry.recordedBy?.name}
                      {entry.note ? `: ${entry.note}` : ''}
                    </p>
                  ))}
                  {approvable && (
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
                      aria-label={`Approve: ${what}`}
                      onClick={() => void update(node.id, 'APPROVED', what)}
                    >
                      Approve
                    </button>
                  )}
                  {approvable && !node.accepted && !settled && (
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
                      aria-label={`Declined: ${what}`}
                      onClick={() => void update(node.id, 'DECLINED', what)}
                    >
                      Declined
                    </button>
                  )}
                  {node.accepted && (
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
                      aria-label={`Returned: ${what}`}
                      onClick={() => void update(node.id, 'RETURNED', what)}
                    >
                      Returned
                    </button>
                  )}
                </>,
              ],
            };
          })}
        />
      )}
      <Confirmation>{changed}</Confirmation>
      {gifts && <Pagination label="gifts and hospitality" pages={pages} pageInfo={gifts.pageInfo} />}
      {currentOrganisation && <RecordGiftForm key={organisationId} organisationId={organisationId} onRecorded={reload} />}
      {currentOrganisation && keeper && <DesignateApproverForm key={`approver-${organisationId}`} organisationId={organisationId} />}
    </>
  );
}
