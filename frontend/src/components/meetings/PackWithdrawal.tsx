import { type FormEvent, type ReactNode, useState } from 'react';
import { type FormError, onFields, request, toFormErrors } from '../../api/client';
import { unpublishPackMutation } from '../../api/packs';
import { formatLondonDate } from '../../dates';
import type { Part } from '../../generated/graphql';
import { ActionPanel } from '../ActionPanel';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { TextArea } from '../fields';

interface Publication {
  publishedAt?: string | null;
  withdrawnAt?: string | null;
  withdrawalReason?: string | null;
}

/** "Published on 3 March 2027", or, once withdrawn, when and why, as every reader of the pack sees it. */
export function publication(pack: Publication): ReactNode {
  if (pack.withdrawnAt) {
    return (
      <>
        <strong>Withdrawn on {formatLondonDate(pack.withdrawnAt)}:</strong> {pack.withdrawalReason}
      </>
    );
  }
  return pack.publishedAt ? formatLondonDate(pack.publishedAt) : 'Not published';
}

interface WithdrawPackFormProps {
  pack: { id: string; part: Part };
  /** "public pack 2" */
  title: string;
  onWithdrawn: (message: string) => void;
  onCancel: () => void;
}

/** Withdrawing a published pack: the reason is required, and every reader of the pack sees it in its place. */
export function WithdrawPackForm({ pack, title, onWithdrawn, onCancel }: WithdrawPackFormProps) {
  const idPrefix = 'withdraw-pack';
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    if (!reason) {
      setErrors([{ field: 'reason', message: 'Enter the reason for withdrawing the pack' }]);
      return;
    }
    setBusy(true);
    try {
      const { unpublishPack } = await request(unpublishPackMutation, { input: { id: pack.id, reason } });
      const problems = onFields(unpublishPack.errors, { reason: 'reason' });
      setErrors(problems);
      if (!problems.length) onWithdrawn(`Withdrew ${title}. Its readers now see: “${reason}”.`);
    } catch (problem) {
      setErrors(toFormErrors(problem));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ActionPanel heading={`Withdraw ${title}`}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <p>
          The pack can no longer be downloaded{pack.part === 'PUBLIC' ? ' by the public' : ''}. Where it was, its readers
          see when it was withdrawn and why.
        </p>
        <TextArea
          id={`${idPrefix}-reason`}
          name="reason"
          label="Why it is withdrawn"
          hint="Shown to everyone who could read the pack, for example “A corrected pack will follow.”"
          rows={3}
          error={errorFor(errors, 'reason')}
        />
        <div className="app-button-row">
          <button className="nhsuk-button nhsuk-button--warning" type="submit">
            Withdraw the pack
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}
