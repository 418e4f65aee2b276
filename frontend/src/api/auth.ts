import { csrfHeaders, RequestError } from './client';

export interface DemoUser {
  email: string;
  name: string;
  description: string;
}

async function failure(response: Response, fallback: string): Promise<RequestError> {
  try {
    const body = (await response.json()) as {
      error?: string;
      detail?: string;
      message?: string;
      errors?: { message?: string }[];
    };
    // Refusals before any route (a body too slow or too large) come as {"errors": [{"message": ...}]}.
    const message = body.error ?? body.detail ?? body.message ?? body.errors?.[0]?.message;
    if (message) return new RequestError([message]);
  } catch {
    // The body was not JSON; fall back to the generic message.
  }
  return new RequestError([fallback]);
}

async function post(url: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...csrfHeaders },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new RequestError(['Quorum could not be reached. Check your connection and try again.']);
  }
}

export async function fetchDemoUsers(): Promise<DemoUser[]> {
  let response: Response;
  try {
    response = await fetch('/auth/demo/users', {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new RequestError(['Quorum could not be reached. Check your connection and try again.']);
  }
  if (!response.ok) throw await failure(response, 'The demo users could not be loaded.');
  return (await response.json()) as DemoUser[];
}

export async function signInAsDemoUser(email: string): Promise<void> {
  const response = await post('/auth/demo/sign-in', { email });
  if (!response.ok) throw await failure(response, 'You could not be signed in. Try again.');
}

export async function signOut(): Promise<void> {
  const response = await post('/auth/sign-out');
  if (!response.ok) throw await failure(response, 'You could not be signed out. Try again.');
}

/** Ends every sign-in of the person, on every device, and revokes every bearer token issued to them. */
export async function signOutEverywhere(): Promise<void> {
  const response = await post('/auth/sign-out?everywhere=1');
  if (!response.ok) throw await failure(response, 'You could not be signed out everywhere. Try again.');
}

/** A full page load, so the server's cookies and the whole app start afresh. */
export function goTo(path: string): void {
  window.location.assign(path);
}
