import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { delegationsQuery } from '../../api/delegations';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { AttachAgreementForm } from '../../components/delegations/AttachAgreementForm';
import {
  actionButtonId,
  type DelegationAction,
  DelegationsTable,
} from '../../components/delegations/DelegationsTable';
import { RecordDelegationForm } from '../../components/delegations/RecordDelegationForm';
import { RevokeDelegationForm } from '../../components/delegations/RevokeDelegationForm';
import type { RegisteredDelegation } from '../../components/delegations/types';
import { Confirmation, Loading, QueryProblem } from '../../components/messages';
import { Pagination } from '../../components/Pagination';
import { usePageTitle } from '../../components/usePageTitle';
import { holdsRole, useSession, type ViewerOrganisation } from '../../session';

const pageSize = 25;

interface Action {
  kind: DelegationAction;
  delegation: RegisteredDelegation;
}

function Register({ organisation, mayRecord }: { organisation: ViewerOrganisation; mayRecord: boolean }) {
  const pages = useCursorPages();
  const { data, error, loading, reload } = useQuery(delegationsQuery, {
    organisationId: organisation.id,
    first: pageSize,
    after: pages.after,
  });
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const delegations = data?.delegations;

  function open(kind: DelegationAction, delegation: RegisteredDelegation) {
    setDone(null);
    setAction({ kind, delegation });
  }

  function cancel() {
    const button = action && document.getElementById(actionButtonId(action.kind, action.delegation));
    setAction(null);
    button?.focus();
  }

  function finish(message: string) {
    setAction(null);
    setDone(message);
    reload();
    outcome.current?.focus();
  }

  return (
    <>
      <p>
        The delegations {organisation.name} has given or received: which functions, to which committee, over which
        CCGs’ practices, from when and until when.
      </p>
      <ul className="nhsuk-list">
        <li>
          <a href={`/exports/delegations.xlsx?organisation=${encodeURIComponent(organisation.id)}`}>
            Download the register (.xlsx)
          </a>
        </li>
        <li>
          <Link to={`/public/${encodeURIComponent(organisation.odsCode)}/delegations`}>
            The published scheme of delegation of {organisation.name}
          </Link>
        </li>
      </ul>
      <QueryProblem error={error} idPrefix="delegations" />
      {loading && !delegations && <Loading />}
      {delegations && delegations.totalCount === 0 && <p>{organisation.name} has no delegations on record.</p>}
      {delegations && delegations.edges.length > 0 && (
        <DelegationsTable
          caption={`Register of delegations of ${organisation.name}`}
          delegations={delegations.edges.map(({ node }) => node)}
          onAction={open}
        />
      )}
      {delegations && <Pagination label="delegations" pages={pages} pageInfo={delegations.pageInfo} />}
      <div tabIndex={-1} ref={outcome} className="app-outcome">
        <Confirmation>{done}</Confirmation>
      </div>
      {action?.kind === 'revoke' && (
        <RevokeDelegationForm
          key={action.delegation.id}
          delegation={action.delegation}
          onRevoked={finish}
          onCancel={cancel}
        />
      )}
      {action?.kind === 'attach' && (
        <AttachAgreementForm
          key={action.delegation.id}
          delegation={action.delegation}
          onAttached={finish}
          onCancel={cancel}
        />
      )}
      {mayRecord && (
        <RecordDelegationForm
          organisation={organisation}
          onRecorded={(message) => {
            setDone(message);
            pages.reset();
            reload();
            outcome.current?.focus();
          }}
        />
      )}
    </>
  );
}

export function DelegationsPage() {
  usePageTitle('Register of delegations');
  const { viewer, currentOrganisation } = useSession();
  const mayRecord = holdsRole(viewer, currentOrganisation?.id, 'AREA_TEAM_OFFICER', 'ADMINISTRATOR', 'BOARD_SECRETARY');

  return (
    <>
      <h1>Register of delegations</h1>
      {currentOrganisation ? (
        <Register key={currentOrganisation.id} organisation={currentOrganisation} mayRecord={mayRecord} />
      ) : (
        <p>You have no organisation whose register you can see.</p>
      )}
    </>
  );
}
