import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../App';
import { SessionProvider } from '../../session';
import { fakeServer } from '../../test/fakeServer';

const bolton = {
  id: 'org-bolton',
  kind: 'CCG',
  odsCode: '00T',
  name: 'NHS Bolton CCG',
  areaTeamName: 'Greater Manchester Area Team',
};

function page(nodes: (typeof bolton)[]) {
  return {
    body: {
      data: {
        publicDirectory: {
          totalCount: nodes.length,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: nodes.map((node) => ({ node })),
        },
      },
    },
  };
}

function renderAt(path: string) {
  render(
    <SessionProvider>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </SessionProvider>,
  );
}

afterEach(cleanup);

describe('PublicDirectoryPage', () => {
  it('is in the header for someone not signed in, and searches by what they typed', async () => {
    const requests = fakeServer({
      'graphql:Session': { body: { data: { viewer: null, signInOptions: { oidcEnabled: true, demoMode: false } } } },
      'graphql:PublicDirectory': (init) => {
        const { variables } = JSON.parse(String(init.body)) as { variables: { search: string | null } };
        const islington = { ...bolton, id: 'org-islington', odsCode: '08H', name: 'NHS Islington CCG' };
        return page(variables.search ? [bolton] : [bolton, islington]);
      },
    });
    renderAt('/');

    const primary = await screen.findByRole('navigation', { name: 'Primary navigation' });
    fireEvent.click(await within(primary).findByRole('link', { name: 'Organisations' }));
    expect(await screen.findByRole('heading', { name: 'Find an organisation', level: 1 })).toBeTruthy();
    expect(await screen.findByText('2 organisations')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Search by name or ODS code'), { target: { value: '  bolton ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find organisations' }));
    expect(await screen.findByText('1 organisation matching “bolton”')).toBeTruthy();
    const results = screen.getByRole('list', { name: 'Organisations' });
    const link = within(results).getByRole('link', { name: 'NHS Bolton CCG' });
    expect(link.getAttribute('href')).toBe('/public/00T');
    expect(screen.getByText('CCG, ODS code 00T, in Greater Manchester Area Team')).toBeTruthy();
    const searched = requests
      .filter((request) => String(request.init.body ?? '').includes('PublicDirectory'))
      .map((request) => JSON.parse(String(request.init.body)) as { variables: { search: string | null } })
      .map((body) => body.variables.search);
    expect(searched).toEqual([null, 'bolton']);
  });
});
