import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { committeesQuery } from '../api/committees';
import { searchQuery } from '../api/search';
import { useCursorPages, useQuery } from '../api/useQuery';
import type { FormError } from '../api/client';
import { DateInput, dateProblems, readDate } from '../components/DateInput';
import { ErrorSummary, errorFor } from '../components/ErrorSummary';
import { Loading, QueryProblem } from '../components/messages';
import { Pagination } from '../components/Pagination';
import { usePageTitle } from '../components/usePageTitle';
import { formatDate } from '../dates';
import type { SearchKind, SearchQuery } from '../generated/graphql';
import { useSession } from '../session';

const PAGE_SIZE = 20;

export const searchKindInWords: Record<SearchKind, string> = {
  MEETING: 'Meeting',
  AGENDA_ITEM: 'Agenda item',
  PAPER: 'Paper',
  DECISION: 'Decision',
  ACTION: 'Action',
  MINUTES: 'Minutes',
  DRAFT_MINUTES: 'Draft minutes',
  INTEREST: 'Register of interests',
  GIFT_OR_HOSPITALITY: 'Register of gifts and hospitality',
};

type Result = NonNullable<SearchQuery['search']>['edges'][number]['node'];

interface Criteria {
  query: string;
  organisationId: string;
  committeeId: string;
  from: string;
  to: string;
}

function criteriaFrom(params: URLSearchParams): Criteria {
  return {
    query: params.get('q') ?? '',
    organisationId: params.get('organisation') ?? '',
    committeeId: params.get('committee') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

function paramsFrom(criteria: Criteria): URLSearchParams {
  const params = new URLSearchParams();
  params.set('q', criteria.query);
  if (criteria.organisationId) params.set('organisation', criteria.organisationId);
  if (criteria.committeeId) params.set('committee', criteria.committeeId);
  if (criteria.from) params.set('from', criteria.from);
  if (criteria.to) params.set('to', criteria.to);
  return params;
}

/** A snippet's matched words are marked; every fragment is rendered as text, never as markup. */
function Snippet({ fragments }: { fragments: Result['snippet'] }) {
  if (fragments.length === 0) return null;
  return (
    <p className="nhsuk-body-s app-search-result__snippet">
      {fragments.map((fragment, index) =>
        fragment.highlighted ? <mark key={index}>{fragment.text}</mark> : <span key={index}>{fragment.text}</span>,
      )}
    </p>
  );
}

function SearchResultItem({ result }: { result: Result }) {
  const where = [result.organisationName, result.committeeName, result.date ? formatDate(result.date) : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="app-search-result">
      <span className="nhsuk-caption-m">{searchKindInWords[result.kind]}</span>
      <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
        <Link to={result.path}>{result.title || searchKindInWords[result.kind]}</Link>
      </h2>
      {where && <p className="nhsuk-body-s nhsuk-u-secondary-text-color nhsuk-u-margin-bottom-1">{where}</p>}
      <Snippet fragments={result.snippet} />
    </li>
  );
}

function Results({ criteria }: { criteria: Criteria }) {
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(searchQuery, {
    query: criteria.query,
    organisationId: criteria.organisationId || null,
    committeeId: criteria.committeeId || null,
    from: criteria.from || null,
    to: criteria.to || null,
    first: PAGE_SIZE,
    after: pages.after,
  });
  if (loading && !data) return <Loading />;
  if (error) return <QueryProblem error={error} idPrefix="search" />;
  const found = data?.search;
  if (!found) return null;
  if (found.problem) {
    return <ErrorSummary errors={[{ field: 'words', message: found.problem }]} idPrefix="search" />;
  }
  return (
    <section aria-labelledby="search-results-heading">
      <div role="status">
        <h2 id="search-results-heading" className="nhsuk-heading-m">
          {found.edges.length === 0
            ? `Nothing you can see matches “${criteria.query}”`
            : `Results for “${criteria.query}”${pages.pageNumber > 1 ? `, page ${pages.pageNumber}` : ''}`}
        </h2>
      </div>
      {found.edges.length > 0 && (
        <ol className="nhsuk-list app-search-results">
          {found.edges.map((edge) => (
            <SearchResultItem key={edge.cursor} result={edge.node} />
          ))}
        </ol>
      )}
      <Pagination label="results" pages={pages} pageInfo={found.pageInfo} />
    </section>
  );
}

function CommitteeFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { data } = useQuery(committeesQuery, { first: 100, after: null });
  const committees = data?.committees.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor="search-committee">
        Committee
      </label>
      <select
        className="nhsuk-select"
        id="search-committee"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">Any committee</option>
        {committees.map((committee) => (
          <option key={committee.id} value={committee.id}>
            {committee.host ? `${committee.name} (${committee.host.name})` : committee.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Search everything the reader may see, with filters by organisation, committee and date. */
export function SearchPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { viewer, organisations } = useSession();
  const current = criteriaFrom(params);
  const [draft, setDraft] = useState<Criteria>(current);
  const [shown, setShown] = useState(params.toString());
  const [dateErrors, setDateErrors] = useState<FormError[]>([]);
  if (shown !== params.toString()) {
    // Arrived here afresh (the header's search box): the form shows what is being searched for.
    setShown(params.toString());
    setDraft(current);
    setDateErrors([]);
  }
  usePageTitle(current.query ? `Search: ${current.query}` : 'Search');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const from = readDate(values, 'from', 'from date');
    const to = readDate(values, 'to', 'to date');
    const problems = [...dateProblems(from, 'from'), ...dateProblems(to, 'to')];
    setDateErrors(problems);
    if (problems.length) return;
    const criteria = { ...draft, query: draft.query.trim(), from: from.value, to: to.value };
    void navigate(`/search?${paramsFrom(criteria).toString()}`);
  }
  const set = (field: keyof Criteria) => (value: string) => setDraft((before) => ({ ...before, [field]: value }));

  return (
    <>
      <h1>Search</h1>
      <form onSubmit={submit} noValidate role="search" aria-label="Search Quorum">
        <ErrorSummary errors={dateErrors} idPrefix="search" />
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="search-words">
            Words to search for
          </label>
          <div className="nhsuk-hint" id="search-words-hint">
            Meetings, agenda items, papers, decisions, actions, minutes and registers you may see. Put a phrase in
            quotes; use a minus sign to leave a word out.
          </div>
          <input
            className="nhsuk-input"
            id="search-words"
            name="q"
            type="search"
            aria-describedby="search-words-hint"
            value={draft.query}
            maxLength={200}
            onChange={(event) => set('query')(event.target.value)}
          />
        </div>
        <details className="nhsuk-details" open={Boolean(current.organisationId || current.committeeId || current.from || current.to || dateErrors.length)}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Filters</span>
          </summary>
          <div className="nhsuk-details__text">
            {viewer && organisations.length > 0 && (
              <div className="nhsuk-form-group">
                <label className="nhsuk-label" htmlFor="search-organisation">
                  Organisation
                </label>
                <select
                  className="nhsuk-select"
                  id="search-organisation"
                  value={draft.organisationId}
                  onChange={(event) => set('organisationId')(event.target.value)}
                >
                  <option value="">Any organisation</option>
                  {organisations.map((organisation) => (
                    <option key={organisation.id} value={organisation.id}>
                      {organisation.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {viewer && <CommitteeFilter value={draft.committeeId} onChange={set('committeeId')} />}
            {/* Remounted when the search changes, so the fields show the dates searched for. */}
            <DateInput
              key={`from-${shown}`}
              id="search-from"
              name="from"
              legend="From (date)"
              hint="For example, 1 4 2026"
              defaultValue={current.from}
              error={errorFor(dateErrors, 'from')}
            />
            <DateInput
              key={`to-${shown}`}
              id="search-to"
              name="to"
              legend="To (date)"
              hint="For example, 31 3 2027"
              defaultValue={current.to}
              error={errorFor(dateErrors, 'to')}
            />
          </div>
        </details>
        <button className="nhsuk-button" type="submit">
          Search
        </button>
      </form>
      {params.has('q') && <Results key={params.toString()} criteria={current} />}
    </>
  );
}
