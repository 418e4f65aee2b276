import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../test/fakeServer';
import { signOutEverywhere } from './auth';
import { RequestError } from './client';

afterEach(() => vi.unstubAllGlobals());

describe('signOutEverywhere', () => {
  it('posts with the CSRF header and asks for every sign-in to end', async () => {
    const requests = fakeServer({ '/auth/sign-out?everywhere=1': { status: 204, body: undefined } });
    await signOutEverywhere();
    expect(requests).toHaveLength(1);
    expect(requests[0].init.method).toBe('POST');
    expect((requests[0].init.headers as Record<string, string>)['X-Quorum-CSRF']).toBe('1');
  });

  it("shows the server's sentence when the request is refused before the route (GraphQL-shaped errors)", async () => {
    fakeServer({
      '/auth/sign-out?everywhere=1': {
        status: 408,
        body: { errors: [{ message: 'The request body took longer than 30 seconds to arrive; send it again.' }] },
      },
    });
    const failure = await signOutEverywhere().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RequestError);
    expect((failure as RequestError).message).toBe(
      'The request body took longer than 30 seconds to arrive; send it again.',
    );
  });
});
