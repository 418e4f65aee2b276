import type { ReactNode } from 'react';
import { onFields, request } from '../../api/client';
import { unpublishPackMutation } from '../../api/packs';
import { formatLondonDate } from '../../dates';
import type { Part } from '../../generated/graphql';
import { ActionPanel } from '../ActionPanel';
import { ReasonForm } from '../ReasonForm';

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
  async function send(reason: string) {
    const { unpublishPack } = await request(unpublishPackMutation, { input: { id: pack.id, reason } });
    return { ...unpublishPack, errors: onFields(unpublishPack.errors, { reason: 'reason' }) };
  }

  return (
    <ActionPanel heading={`Withdraw ${title}`}>
      <ReasonForm
        idPrefix="withdraw-pack"
        name="reason"
        label="Why it is withdrawn"
        hint="Shown to everyone who could read the pack, for example “A corrected pack will follow.”"
        missing="Enter the reason for withdrawing the pack"
        submitLabel="Withdraw the pack"
        send={send}
        onDone={(reason) => onWithdrawn(`Withdrew ${title}. Its readers now see: “${reason}”.`)}
        onCancel={onCancel}
      >
        <p>
          The pack can no longer be downloaded{pack.part === 'PUBLIC' ? ' by the public' : ''}. Where it was, its readers
          see when it was withdrawn and why.
        </p>
      </ReasonForm>
    </ActionPanel>
  );
}
