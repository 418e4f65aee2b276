import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../App';
import { SessionProvider } from '../session';
import { fakeServer } from '../test/fakeServer';

const bolton = { id: 'org-bolton', kind: 'CCG', odsCode: '00T', name: 'NHS Bolton CCG' };
const hmr = { id: 'org-hmr', kind: 'CCG', odsCode: '01D', name: 'NHS Heywood, Middleton and Rochdale CCG' };

function item(key: string, kind: string, title: string, dueOn: string | null, overdue = false, organisation = bolton) {
  return {
    key,
    kind,
    title,
    detail: `What to do about ${title}.`,
    dueOn,
    overdue,
    url: `/somewhere/${key}`,
    subjectId: key,
    organisation: { id: organisation.id, name: organisation.name },
  };
}

function signedIn(toDo: ReturnType<typeof item>[]) {
  fakeServer({
    'graphql:Session': {
      body: {
        data: {
          viewer: {
            isPlatformAdmin: false,
            person: { id: 'person-1', name: 'Tom Ashworth', email: 'tom@nhs.net' },
            memberships: [
              { id: 'm1', role: 'STAFF', validFrom: '2024-04-01', validTo: null, organisation: bolton, practice: null },
              { id: 'm2', role: 'STAFF', validFrom: '2024-04-01', validTo: null, organisation: hmr, practice: null },
            ],
          },
          signInOptions: { oidcEnabled: true, demoMode: false },
        },
      },
    },
    'graphql:ToDoList': { body: { data: { viewer: { toDo } } } },
  });
  render(
    <SessionProvider>
      <MemoryRouter initialEntries={['/']}>
        <AppRoutes />
      </MemoryRouter>
    </SessionProvider>,
  );
}

afterEach(cleanup);

describe('HomePage', () => {
  it('lists what needs the viewer with links, due dates and organisations, then the memberships', async () => {
    signedIn([
      item('a', 'PAPER_TO_WRITE', 'Write “Finance report”', '2026-12-01', true),
      item('b', 'MEETING_COMING_UP', 'Governing body, 10 December 2026', '2026-12-10', false, hmr),
      item('c', 'MINUTES_TO_APPROVE', 'Minutes of the governing body', null),
    ]);
    // Two requests in turn (the session, then the list): allow for a busy machine.
    const list = await screen.findByRole('list', { name: 'Things to do' }, { timeout: 5000 });
    const entries = within(list).getAllByRole('listitem');
    expect(entries).toHaveLength(3);
    expect(within(entries[0]).getByRole('link', { name: 'Write “Finance report”' }).getAttribute('href')).toBe(
      '/somewhere/a',
    );
    expect(entries[0].textContent).toContain('Paper to write');
    expect(entries[0].textContent).toContain('Was due 1 December 2026');
    expect(entries[0].textContent).toContain('Overdue');
    expect(entries[1].textContent).toContain('Due 10 December 2026');
    expect(entries[1].textContent).toContain('NHS Heywood, Middleton and Rochdale CCG');
    expect(entries[2].textContent).toContain('No date set');
    expect(screen.getByText('3 things to do, the soonest due first.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Your memberships' })).toBeTruthy();
  });

  it('says so when nothing needs the viewer', async () => {
    signedIn([]);
    expect(await screen.findByText('Nothing needs you at the moment.', {}, { timeout: 5000 })).toBeTruthy();
  });
});
