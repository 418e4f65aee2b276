import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { publicDirectoryQuery } from '../../api/publicDirectory';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { TextField } from '../../components/fields';
import { Loading, QueryProblem } from '../../components/messages';
import { Pagination } from '../../components/Pagination';
import { usePageTitle } from '../../components/usePageTitle';
import { organisationKindInWords } from '../../vocabulary';

const pageSize = 25;
// The API's limit (quorum.organisations.directory.LONGEST_SEARCH).
const longestSearch = 100;

export function publicOrganisationPath(odsCode: string): string {
  return `/public/${encodeURIComponent(odsCode)}`;
}

/** Every organisation in Quorum, found by name or ODS code, each linking to what it publishes. No sign-in. */
export function PublicDirectoryPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  // The search is in the address, so it can be shared and the back button returns to it; a new search starts
  // afresh (its first page, the box showing it).
  return <Directory key={search} search={search} onSearch={(wanted) => setParams(wanted ? { search: wanted } : {})} />;
}

function Directory({ search, onSearch }: { search: string; onSearch: (wanted: string) => void }) {
  const [draft, setDraft] = useState(search);
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(publicDirectoryQuery, {
    search: search || null,
    first: pageSize,
    after: pages.after,
  });
  const directory = data?.publicDirectory;
  usePageTitle(search ? `Organisations matching “${search}”` : 'Find an organisation');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(draft.trim());
  }

  return (
    <>
      <h1>Find an organisation</h1>
      <p className="nhsuk-lede-text">
        Clinical commissioning groups and NHS England area teams publish their meetings, board papers, decisions,
        registers of interests and gifts, and schemes of delegation here. You do not need to sign in.
      </p>
      <form role="search" aria-label="Organisations" className="app-search" onSubmit={submit}>
        <TextField
          id="directory-search"
          name="search"
          label="Search by name or ODS code"
          hint="For example, Bolton or 00T"
          className="nhsuk-input--width-20"
          maxLength={longestSearch}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Find organisations
        </button>
      </form>
      <QueryProblem error={error} idPrefix="directory" />
      {loading && !directory && <Loading />}
      {directory && (
        <>
          <p role="status">
            {directory.totalCount} {directory.totalCount === 1 ? 'organisation' : 'organisations'}
            {search && ` matching “${search}”`}
          </p>
          {directory.edges.length > 0 && (
            <ul className="nhsuk-list nhsuk-list--border" aria-label="Organisations">
              {directory.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link to={publicOrganisationPath(node.odsCode)}>{node.name}</Link>
                  <span className="app-cell-note">
                    {organisationKindInWords[node.kind]}, ODS code {node.odsCode}
                    {node.areaTeamName && `, in ${node.areaTeamName}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {directory.totalCount === 0 && <p>Check the spelling, or search for part of the name or the ODS code.</p>}
          <Pagination label="organisations" pages={pages} pageInfo={directory.pageInfo} />
        </>
      )}
    </>
  );
}
