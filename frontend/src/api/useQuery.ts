import { useCallback, useEffect, useMemo, useState } from 'react';
import { type Operation, request, RequestError } from './client';

interface QueryState<TData> {
  data: TData | undefined;
  error: RequestError | undefined;
  loading: boolean;
}

/** One run of a query: a new one for new variables, a new operation or a reload. */
interface Run<TData, TVariables> {
  operation: Operation<TData, TVariables>;
  variables: string;
  generation: number;
}

/** The last answer, and the run it answers; the query is loading while that is not the current run. */
interface Settled<TData, TVariables> {
  data: TData | undefined;
  error: RequestError | undefined;
  run: Run<TData, TVariables> | undefined;
}

/** Runs a query when the component mounts and again whenever its variables change. */
export function useQuery<TData, TVariables>(
  operation: Operation<TData, TVariables>,
  variables: TVariables,
  { skip = false }: { skip?: boolean } = {},
): QueryState<TData> & { reload: () => void } {
  const [settled, setSettled] = useState<Settled<TData, TVariables>>({
    data: undefined,
    error: undefined,
    run: undefined,
  });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);
  const run = useMemo(() => ({ operation, variables: key, generation }), [operation, key, generation]);

  useEffect(() => {
    if (skip) return;
    let current = true;
    request(run.operation, JSON.parse(run.variables) as TVariables).then(
      (data) => current && setSettled({ data, error: undefined, run }),
      (error: unknown) =>
        current &&
        setSettled((previous) => ({
          data: previous.data,
          error: error instanceof RequestError ? error : new RequestError([String(error)]),
          run,
        })),
    );
    return () => {
      current = false;
    };
  }, [run, skip]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data: settled.data, error: settled.error, loading: !skip && settled.run !== run, reload };
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
