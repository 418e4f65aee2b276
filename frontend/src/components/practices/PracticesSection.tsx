import { type FormEvent, useState } from 'react';
import { organisationPracticesQuery } from '../../api/operations';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { TextField } from '../fields';
import { Loading, QueryProblem } from '../messages';
import { Pagination } from '../Pagination';
import { Table } from '../Table';
import { AddPracticeForm } from './AddPracticeForm';
import { ImportPracticesForm } from './ImportPracticesForm';

const pageSize = 25;

interface PracticesSectionProps {
  organisationId: string;
  canAdminister: boolean;
  onPracticesChanged: () => void;
}

export function PracticesSection({ organisationId, canAdminister, onPracticesChanged }: PracticesSectionProps) {
  const [draftSearch, setDraftSearch] = useState('');
  const [search, setSearch] = useState('');
  const pages = useCursorPages();
  const { data, error, loading, reload } = useQuery(organisationPracticesQuery, {
    organisationId,
    first: pageSize,
    after: pages.after,
    search: search || null,
  });
  const practices = data?.practices;

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSearch(draftSearch.trim());
    pages.reset();
  }

  function afterChange() {
    pages.reset();
    reload();
    onPracticesChanged();
  }

  return (
    <section>
      <h2>Practices</h2>
      <form role="search" aria-label="Practices" className="app-search" onSubmit={onSearch}>
        <TextField
          id="practice-search"
          label="Search practices"
          hint="By ODS code or name"
          className="nhsuk-input--width-20"
          value={draftSearch}
          onChange={(event) => setDraftSearch(event.target.value)}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Search
        </button>
      </form>
      <QueryProblem error={error} idPrefix="practices" />
      {loading && !practices && <Loading />}
      {practices && (
        <>
          <p>
            {practices.totalCount} {practices.totalCount === 1 ? 'practice' : 'practices'}
            {search && ` matching “${search}”`}
          </p>
          {practices.edges.length > 0 && (
            <Table
              caption="Practices"
              head={['ODS code', 'Name', 'List size', 'Locality']}
              rows={practices.edges.map(({ node }) => ({
                key: node.id,
                cells: [node.odsCode, node.name, node.listSize.toLocaleString('en-GB'), node.locality],
              }))}
            />
          )}
          <Pagination label="practices" pages={pages} pageInfo={practices.pageInfo} />
        </>
      )}
      {canAdminister && (
        <>
          <AddPracticeForm organisationId={organisationId} onAdded={afterChange} />
          <ImportPracticesForm organisationId={organisationId} onImported={afterChange} />
        </>
      )}
    </section>
  );
}
