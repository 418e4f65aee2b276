import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../App';
import type { Role } from '../generated/graphql';
import { SessionProvider } from '../session';
import { fakeServer } from '../test/fakeServer';

const leeds = { id: 'org-leeds', kind: 'CCG', odsCode: '02V', name: 'NHS Leeds North CCG' };
const westYorkshire = { id: 'org-wy', kind: 'AREA_TEAM', odsCode: 'Q52', name: 'West Yorkshire Area Team' };

function membership(id: string, organisation: typeof leeds, role: Role) {
  return { id, role, validFrom: '2024-04-01', validTo: null, organisation, practice: null };
}

function signedInAs(memberships: ReturnType<typeof membership>[], isPlatformAdmin = false) {
  fakeServer({
    'graphql:Session': {
      body: {
        data: {
          viewer: {
            isPlatformAdmin,
            person: { id: 'person-1', name: 'Sam Secretary', email: 'sam@nhs.net' },
            memberships,
          },
          signInOptions: { oidcEnabled: true, demoMode: false },
        },
      },
    },
    'graphql:ToDoList': { body: { data: { viewer: { toDo: [] } } } },
  });
}

function renderApp(path = '/') {
  render(
    <SessionProvider>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </SessionProvider>,
  );
}

describe('Header', () => {
  it('offers sign-in and no administration to someone not signed in', async () => {
    fakeServer({
      'graphql:Session': {
        body: { data: { viewer: null, signInOptions: { oidcEnabled: true, demoMode: false } } },
      },
    });
    renderApp();

    const banner = await screen.findByRole('banner');
    expect(await within(banner).findByRole('link', { name: 'Sign in' })).toBeTruthy();
    const primary = screen.getByRole('navigation', { name: 'Primary navigation' });
    expect(within(primary).queryByRole('link', { name: 'Administration' })).toBeNull();
    await waitFor(() => expect(document.title).toBe('Home – Quorum'));
  });

  it('names the one organisation without a switcher, and hides administration from non-administrators', async () => {
    signedInAs([membership('m1', leeds, 'BOARD_SECRETARY')]);
    renderApp();

    const banner = await screen.findByRole('banner');
    expect(await within(banner).findByText('NHS Leeds North CCG')).toBeTruthy();
    expect(within(banner).queryByLabelText('Organisation')).toBeNull();
    expect(within(banner).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Administration' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('What needs you');
    expect(screen.getByRole('heading', { level: 2, name: 'Your memberships' })).toBeTruthy();
    expect(screen.getByRole('table').textContent).toContain('Board secretary');
  });

  it('switches organisation, remembers the choice and uses it in administration', async () => {
    signedInAs([membership('m1', leeds, 'ADMINISTRATOR'), membership('m2', westYorkshire, 'AREA_TEAM_OFFICER')]);
    renderApp('/admin');

    const switcher = (await screen.findByLabelText('Organisation')) as HTMLSelectElement;
    expect([...switcher.options].map((option) => option.text)).toEqual([
      'NHS Leeds North CCG',
      'West Yorkshire Area Team',
    ]);
    expect(screen.getByRole('link', { name: 'Administration' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Practices and memberships of NHS Leeds North CCG' })).toBeTruthy();

    fireEvent.change(switcher, { target: { value: 'org-wy' } });

    expect(window.localStorage.getItem('quorum.organisation')).toBe('org-wy');
    expect(
      screen.getByRole('link', { name: 'Practices and memberships of West Yorkshire Area Team' }).getAttribute('href'),
    ).toBe('/admin/organisations/org-wy');
  });

  it('offers committees, papers, delegations, contracts, practice quality, quality concerns and interests to everyone signed in, and the area team only to its members', async () => {
    signedInAs([membership('m1', leeds, 'BOARD_SECRETARY')]);
    renderApp();
    const primary = await screen.findByRole('navigation', { name: 'Primary navigation' });
    expect(await within(primary).findByRole('link', { name: 'Committees' })).toBeTruthy();
    expect(within(primary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Home',
      'Committees',
      'My papers',
      'Delegations',
      'Contracts',
      'Practice quality',
      'Quality concerns',
      'Ballots',
      'Interests',
      'Surveys',
    ]);
    cleanup();

    signedInAs([membership('m3', leeds, 'GOVERNING_BODY_MEMBER')]);
    renderApp();
    const others = await screen.findByRole('navigation', { name: 'Primary navigation' });
    expect(await within(others).findByRole('link', { name: 'Committees' })).toBeTruthy();
    expect(within(others).queryByRole('link', { name: 'Ballots' })).toBeNull();
    cleanup();

    signedInAs([membership('m4', leeds, 'PRACTICE_REPRESENTATIVE')]);
    renderApp();
    expect(await screen.findByRole('link', { name: 'Ballots' })).toBeTruthy();
    cleanup();

    signedInAs([membership('m2', westYorkshire, 'AREA_TEAM_OFFICER')]);
    renderApp('/area-team');
    const areaTeamLink = await screen.findByRole('link', { name: 'Area team' });
    expect(areaTeamLink.getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Area team: West Yorkshire Area Team');
  });
});

