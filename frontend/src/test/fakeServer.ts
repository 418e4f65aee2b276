import { vi } from 'vitest';

export interface RecordedRequest {
  url: string;
  init: RequestInit;
}

type Answer = { status?: number; body: unknown } | ((init: RequestInit) => { status?: number; body: unknown });

/**
 * Replaces global fetch with answers keyed by URL; for "/graphql" the key is the operation's name
 * ("graphql:Session"). Returns the requests made, in order.
 */
export function fakeServer(answers: Record<string, Answer>): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      requests.push({ url, init });
      let key = url;
      if (url === '/graphql') {
        const { query } = JSON.parse(String(init.body)) as { query: string };
        key = `graphql:${/(?:query|mutation)\s+(\w+)/.exec(query)?.[1]}`;
      }
      const answer = answers[key];
      if (!answer) return new Response(JSON.stringify({ error: `No fake answer for ${key}` }), { status: 404 });
      const { status = 200, body } = typeof answer === 'function' ? answer(init) : answer;
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return requests;
}
