import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../test/fakeServer';
import { gql, onFields, request, RequestError, toFormErrors } from './client';

const peopleQuery = gql<{ people: { totalCount: number } }, { first: number }>(
  'query People($first: Int!) { people(first: $first) { totalCount } }',
);

describe('request', () => {
  it('posts the query and variables as JSON with the CSRF header and same-origin cookies', async () => {
    const requests = fakeServer({ 'graphql:People': { body: { data: { people: { totalCount: 3 } } } } });

    const data = await request(peopleQuery, { first: 10 });

    expect(data).toEqual({ people: { totalCount: 3 } });
    expect(requests).toHaveLength(1);
    const { url, init } = requests[0];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    const headers = init.headers as Record<string, string>;
    expect(headers['X-Quorum-CSRF']).toBe('1');
    expect(headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({ query: peopleQuery.source, variables: { first: 10 } });
  });

  it('rejects with every GraphQL error message', async () => {
    fakeServer({
      'graphql:People': {
        body: { data: null, errors: [{ message: 'Not signed in' }, { message: 'Second problem' }] },
      },
    });

    const failure = await request(peopleQuery, { first: 10 }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(RequestError);
    expect((failure as RequestError).messages).toEqual(['Not signed in', 'Second problem']);
    expect(toFormErrors(failure)).toEqual([
      { field: null, message: 'Not signed in' },
      { field: null, message: 'Second problem' },
    ]);
  });

  it('rejects with a readable message when the server answers without JSON', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })));

    await expect(request(peopleQuery, { first: 10 })).rejects.toThrow(
      'Quorum answered with an error (502). Try again later.',
    );
  });

  it('rejects with a readable message when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));

    await expect(request(peopleQuery, { first: 10 })).rejects.toThrow('Quorum could not be reached.');
  });
});

describe('toFormErrors', () => {
  it('turns an unexpected failure into a general message rather than a stack trace', () => {
    expect(toFormErrors(new Error('boom'))).toEqual([
      { field: null, message: 'Something went wrong. Try again.' },
    ]);
  });
});

describe('onFields', () => {
  it('points errors at the form’s fields and sends the rest to the top of the form', () => {
    expect(
      onFields(
        [
          { field: 'reason', message: 'Say why the delegation is revoked' },
          { field: 'contentBase64', message: 'agreement.docx is not a PDF.' },
          { field: 'id', message: 'No such delegation.' },
          { field: null, message: 'Only the delegating organisation can change a delegation.' },
        ],
        { reason: 'reason', contentBase64: 'file' },
      ),
    ).toEqual([
      { field: 'reason', message: 'Say why the delegation is revoked' },
      { field: 'file', message: 'agreement.docx is not a PDF.' },
      { field: null, message: 'No such delegation.' },
      { field: null, message: 'Only the delegating organisation can change a delegation.' },
    ]);
  });
});
