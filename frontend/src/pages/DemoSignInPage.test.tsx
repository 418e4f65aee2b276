import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { goTo } from '../api/auth';
import { SessionProvider } from '../session';
import { fakeServer } from '../test/fakeServer';
import { DemoSignInPage } from './DemoSignInPage';

vi.mock('../api/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/auth')>()),
  goTo: vi.fn(),
}));

const session = (demoMode: boolean) => ({
  body: { data: { viewer: null, signInOptions: { oidcEnabled: false, demoMode } } },
});

const demoUsers = [
  { email: 'secretary@demo.nhs.net', name: 'Sam Secretary', description: 'Board secretary, NHS Leeds North CCG' },
  { email: 'gp@demo.nhs.net', name: 'Dr Gita Patel', description: 'Practice representative, Oakwood Surgery' },
];

function renderPage() {
  render(
    <SessionProvider>
      <MemoryRouter initialEntries={['/sign-in/demo']}>
        <DemoSignInPage />
      </MemoryRouter>
    </SessionProvider>,
  );
}

describe('DemoSignInPage', () => {
  it('offers one button for each demo user, with their description', async () => {
    fakeServer({ 'graphql:Session': session(true), '/auth/demo/users': { body: demoUsers } });
    renderPage();

    const button = await screen.findByRole('button', { name: 'Sign in as Sam Secretary' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in as a demo user');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Sign in as Sam Secretary',
      'Sign in as Dr Gita Patel',
    ]);
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Board secretary, NHS Leeds North CCG',
    );
  });

  it('signs in as the chosen user with the CSRF header, then loads the home page', async () => {
    const requests = fakeServer({
      'graphql:Session': session(true),
      '/auth/demo/users': { body: demoUsers },
      '/auth/demo/sign-in': { status: 204, body: undefined },
    });
    renderPage();

    fireEvent.click(await screen.findByRole('button', { name: 'Sign in as Dr Gita Patel' }));

    await waitFor(() => expect(goTo).toHaveBeenCalledWith('/'));
    const signIn = requests.find((r) => r.url === '/auth/demo/sign-in')!;
    expect(signIn.init.method).toBe('POST');
    expect((signIn.init.headers as Record<string, string>)['X-Quorum-CSRF']).toBe('1');
    expect(JSON.parse(String(signIn.init.body))).toEqual({ email: 'gp@demo.nhs.net' });
  });

  it('shows the server’s reason when signing in fails', async () => {
    fakeServer({
      'graphql:Session': session(true),
      '/auth/demo/users': { body: demoUsers },
      '/auth/demo/sign-in': { status: 403, body: { error: 'Demo sign-in is switched off' } },
    });
    renderPage();

    fireEvent.click(await screen.findByRole('button', { name: 'Sign in as Sam Secretary' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Demo sign-in is switched off');
    expect(goTo).not.toHaveBeenCalled();
  });

  it('is not there when demo mode is off', async () => {
    const requests = fakeServer({ 'graphql:Session': session(false), '/auth/demo/users': { body: demoUsers } });
    renderPage();

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Page not found');
    expect(requests.map((r) => r.url)).not.toContain('/auth/demo/users');
  });
});
