import type { useCursorPages } from '../api/useQuery';

interface PaginationProps {
  /** What the list holds, in words, e.g. "practices". */
  label: string;
  pages: ReturnType<typeof useCursorPages>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined;
}

export function Pagination({ label, pages, pageInfo }: PaginationProps) {
  const hasPrevious = pages.pageNumber > 1;
  const hasNext = !!pageInfo?.hasNextPage;
  if (!hasPrevious && !hasNext) return null;

  return (
    <div className="app-pagination">
      {hasPrevious && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={pages.previous}
        >
          Previous page<span className="nhsuk-u-visually-hidden"> of {label}</span>
        </button>
      )}
      <p className="nhsuk-body-s app-pagination__page">Page {pages.pageNumber}</p>
      {hasNext && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={() => pages.next(pageInfo.endCursor)}
        >
          Next page<span className="nhsuk-u-visually-hidden"> of {label}</span>
        </button>
      )}
    </div>
  );
}
