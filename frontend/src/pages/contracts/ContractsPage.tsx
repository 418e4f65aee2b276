import { useRef, useState } from 'react';
import { primaryCareContractsQuery } from '../../api/contracts';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { ChangeContractForm } from '../../components/contracts/ChangeContractForm';
import { type ContractRecord, practiceName } from '../../components/contracts/types';
import { CellList } from '../../components/delegations/DelegationStatusTag';
import { Confirmation, Loading, QueryProblem } from '../../components/messages';
import { Pagination } from '../../components/Pagination';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../dates';

const pageSize = 50;

function changeButtonId(contract: ContractRecord): string {
  return `change-${contract.id}`;
}

export function ContractsPage() {
  usePageTitle('Primary care contracts');
  const pages = useCursorPages();
  const { data, error, loading, reload } = useQuery(primaryCareContractsQuery, { first: pageSize, after: pages.after });
  const [editing, setEditing] = useState<ContractRecord | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const contracts = data?.primaryCareContracts;
  const records = (contracts?.edges ?? [])
    .map(({ node }) => node)
    .sort((a, b) => (a.practice?.name ?? '').localeCompare(b.practice?.name ?? ''));
  const anyChangeable = records.some((record) => record.viewerCanChange);

  function cancel() {
    const button = editing && document.getElementById(changeButtonId(editing));
    setEditing(null);
    button?.focus();
  }

  return (
    <>
      <h1>Primary care contracts</h1>
      <p>
        The GMS, PMS and APMS contract records you may see: those your area team holds, and those of the practices a
        committee you sit on has a live delegation over.
      </p>
      <QueryProblem error={error} idPrefix="contracts" />
      {loading && !contracts && <Loading />}
      {contracts && contracts.totalCount === 0 && <p>You have no access to primary care contract records.</p>}
      {records.length > 0 && (
        <>
          <p>
            {contracts?.totalCount} {contracts?.totalCount === 1 ? 'contract record' : 'contract records'}
          </p>
          <Table
            caption="Primary care contract records"
            head={[
              'Practice',
              'Contract type',
              'Start date',
              'Enhanced services',
              'Held by',
              ...(anyChangeable ? [<span className="nhsuk-u-visually-hidden">Actions</span>] : []),
            ]}
            rows={records.map((contract) => ({
              key: contract.id,
              cells: [
                practiceName(contract),
                contract.contractType,
                formatDate(contract.startDate),
                contract.enhancedServices.length ? <CellList items={contract.enhancedServices} /> : 'None',
                contract.areaTeam?.name ?? '',
                ...(anyChangeable
                  ? [
                      contract.viewerCanChange && (
                        <button
                          type="button"
                          id={changeButtonId(contract)}
                          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
                          onClick={() => {
                            setSaved(null);
                            setEditing(contract);
                          }}
                        >
                          Change
                          <span className="nhsuk-u-visually-hidden">
                            {' '}
                            the contract record of {practiceName(contract)}
                          </span>
                        </button>
                      ),
                    ]
                  : []),
              ],
            }))}
          />
        </>
      )}
      {contracts && <Pagination label="contract records" pages={pages} pageInfo={contracts.pageInfo} />}
      <div tabIndex={-1} ref={outcome} className="app-outcome">
        <Confirmation>{saved}</Confirmation>
      </div>
      {editing && (
        <ChangeContractForm
          key={editing.id}
          contract={editing}
          onCancel={cancel}
          onChanged={(message) => {
            setEditing(null);
            setSaved(message);
            reload();
            outcome.current?.focus();
          }}
        />
      )}
    </>
  );
}
