import { Link } from 'react-router';
import { formatLondonDate } from '../../dates';
import { describeFile } from '../../files';
import { Table } from '../Table';
import { CellList, DelegationStatusTag } from './DelegationStatusTag';
import { describeDelegation, isOpen, type RegisteredDelegation } from './types';

export type DelegationAction = 'revoke' | 'attach';

/** The id of the button that opens an action, so focus can go back to it. */
export function actionButtonId(kind: DelegationAction, delegation: { id: string }): string {
  return `${kind}-${delegation.id}`;
}

interface CellProps {
  delegation: RegisteredDelegation;
  /** Offers the action's button when the viewer may change the delegation and it has not ended. */
  onAction?: (kind: DelegationAction, delegation: RegisteredDelegation) => void;
}

interface ActionButtonProps extends CellProps {
  kind: DelegationAction;
  children: string;
}

function ActionButton({ kind, delegation, onAction, children }: ActionButtonProps) {
  if (!onAction || !delegation.viewerCanChange || !isOpen(delegation)) return null;
  const what = kind === 'revoke' ? '' : ' the signed agreement for';
  return (
    <button
      type="button"
      id={actionButtonId(kind, delegation)}
      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-cell-button"
      onClick={() => onAction(kind, delegation)}
    >
      {children}
      <span className="nhsuk-u-visually-hidden">
        {what} {describeDelegation(delegation)}
      </span>
    </button>
  );
}

function Status({ delegation, onAction }: CellProps) {
  return (
    <>
      <span className="app-nowrap">
        <DelegationStatusTag status={delegation.status} />
      </span>
      {delegation.revokedAt && (
        <span className="nhsuk-body-s app-cell-note">
          Revoked on {formatLondonDate(delegation.revokedAt)}
          {delegation.revocationReason && `: ${delegation.revocationReason}`}
        </span>
      )}
      <ActionButton kind="revoke" delegation={delegation} onAction={onAction}>
        Revoke
      </ActionButton>
    </>
  );
}

function Agreement({ delegation, onAction }: CellProps) {
  const agreement = delegation.agreement;
  return (
    <>
      {agreement ? (
        <>
          <a href={agreement.url}>
            Agreement<span className="nhsuk-u-visually-hidden"> for {describeDelegation(delegation)}</span>
          </a>
          <span className="nhsuk-body-s app-cell-note">
            ({describeFile(agreement.contentType, agreement.sizeBytes)})
          </span>
          {onAction && agreement.inspectionNote && (
            <span className="nhsuk-body-s app-cell-note app-inspection-note">{agreement.inspectionNote}</span>
          )}
        </>
      ) : (
        'None'
      )}
      <ActionButton kind="attach" delegation={delegation} onAction={onAction}>
        {agreement ? 'Replace' : 'Attach'}
      </ActionButton>
    </>
  );
}

interface DelegationsTableProps {
  caption: string;
  delegations: RegisteredDelegation[];
  onAction?: CellProps['onAction'];
}

/** The register of delegations: who delegated what to which committee, over which practices, until when. */
export function DelegationsTable({ caption, delegations, onAction }: DelegationsTableProps) {
  return (
    <Table
      caption={caption}
      compact
      head={[
        'Delegating organisation',
        'Receiving committee',
        'Functions',
        'Scope',
        'Valid from',
        'Valid to',
        'Status',
        'Signed agreement',
      ]}
      rows={delegations.map((delegation) => ({
        key: delegation.id,
        cells: [
          delegation.delegatingOrganisation?.name ?? '',
          delegation.receivingCommittee ? (
            <>
              <Link to={`/committees/${encodeURIComponent(delegation.receivingCommittee.id)}`}>
                {delegation.receivingCommittee.name}
              </Link>
              {delegation.receivingCommittee.host && (
                <span className="nhsuk-body-s app-cell-note">
                  Hosted by {delegation.receivingCommittee.host.name}
                </span>
              )}
            </>
          ) : (
            ''
          ),
          <CellList items={delegation.functionDescriptions} />,
          <CellList items={delegation.scope.map((ccg) => `Practices of ${ccg.name}`)} />,
          <span className="app-nowrap">{formatLondonDate(delegation.validFrom)}</span>,
          <span className="app-nowrap">{formatLondonDate(delegation.validTo)}</span>,
          <Status delegation={delegation} onAction={onAction} />,
          <Agreement delegation={delegation} onAction={onAction} />,
        ],
      }))}
    />
  );
}
