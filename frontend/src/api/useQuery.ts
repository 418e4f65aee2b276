import { useCallback, useEffect, useState } from 'react';
import { type Operation, request, RequestError } from './client';

interface QueryState<TData> {
  data: TData | undefined;
  error: RequestError | undefined;
  loading: boolean;
}

/** Runs a query when the component mounts and again whenever its variables change. */
export function useQuery<TData, TVariables>(
  operation: Operation<TData, TVariables>,
  variables: TVariables,
  { skip = false }: { skip?: boolean } = {},
): QueryState<TData> & { reload: () => void } {
  const [state, setState] = useState<QueryState<TData>>({
    data: undefined,
    error: undefined,
    loading: !skip,
  });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);

  useEffect(() => {
    if (skip) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    request(operation, JSON.parse(key) as TVariables).then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) =>
        current &&
        setState((previous) => ({
          data: previous.data,
          error: error instanceof RequestError ? error : new RequestError([String(error)]),
          loading: false,
        })),
    );
    return () => {
      current = false;
    };
  }, [operation, key, skip, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}

/** Remembers the cursors of the pages already seen, so a list can go forwards and back. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1],
    pageNumber: cursors.length,
    next: (endCursor: string | null) => setCursors((seen) => [...seen, endCursor]),
    previous: () => setCursors((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen)),
    reset: () => setCursors([null]),
  };
}
