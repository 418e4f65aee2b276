import { type Client, createClient } from 'graphql-ws';
import type { Operation } from './client';

let client: Client | null = null;

/** The page's own origin over WebSocket: the session cookie goes with it, as with any same-origin request. */
export function subscriptionUrl(location: { protocol: string; host: string } = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

function sharedClient(): Client {
  client ??= createClient({ url: subscriptionUrl(), lazy: true, retryAttempts: 2 });
  return client;
}

export interface SubscriptionHandlers<TData> {
  next: (data: TData) => void;
  /** The server could not be reached or refused the subscription. */
  error: (messages: string[]) => void;
  complete: () => void;
}

function messagesOf(problem: unknown): string[] {
  if (Array.isArray(problem)) {
    return problem.map((error) =>
      error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error),
    );
  }
  if (problem instanceof Error) return [problem.message];
  return ['The live connection to Quorum closed.'];
}

/** Follows a GraphQL subscription over graphql-transport-ws; returns the function that stops following it. */
export function subscribe<TData, TVariables>(
  operation: Operation<TData, TVariables>,
  variables: TVariables,
  handlers: SubscriptionHandlers<TData>,
): () => void {
  return sharedClient().subscribe<TData>(
    { query: operation.source, variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.errors?.length) handlers.error(result.errors.map((error) => error.message));
        else if (result.data) handlers.next(result.data as TData);
      },
      error: (problem) => handlers.error(messagesOf(problem)),
      complete: handlers.complete,
    },
  );
}
