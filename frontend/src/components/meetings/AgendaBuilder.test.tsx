import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { AgendaBuilder } from './AgendaBuilder';
import type { AgendaItemDetail, MeetingDetail } from './types';

function item(id: string, number: string, title: string, extra: Partial<AgendaItemDetail> = {}): AgendaItemDetail {
  return {
    id,
    number,
    title,
    presenter: '',
    minutesAllotted: 5,
    purpose: 'NOTE',
    part: 'PUBLIC',
    needsPaper: false,
    isSubItem: false,
    startsAt: '2026-07-01T13:00:00Z',
    paper: null,
    ...extra,
  };
}

const meeting: MeetingDetail = {
  __typename: 'Meeting',
  id: 'meeting-1',
  title: 'Governing body meeting',
  startsAt: '2026-07-01T13:00:00Z',
  endsAt: null,
  location: 'Bolton Town Hall',
  callLink: '',
  status: 'DRAFT',
  papersDue: '2026-06-20',
  noticeSentAt: null,
  cancelledAt: null,
  calendarUrl: '/meetings/1/calendar.ics',
  viewerCanManage: true,
  committee: { id: 'committee-1', name: 'Governing body', kind: 'GOVERNING_BODY', host: { id: 'org-00t', odsCode: '00T', name: 'NHS Bolton CCG' } },
  agenda: [
    item('welcome', '1', 'Welcome'),
    item('questions', '2', 'Questions from the public'),
    item('finance', '3', 'Finance report', {
      purpose: 'DECISION',
      presenter: 'Chief Finance Officer',
      startsAt: '2026-07-01T13:25:00Z',
    }),
    item('contract', '4', 'Contract award', { part: 'PRIVATE' }),
  ],
  packs: [],
};

function moved(...order: [string, string, string][]) {
  return order.map(([id, number, title]) => ({ id, number, title, part: id === 'contract' ? 'PRIVATE' : 'PUBLIC', isSubItem: false }));
}

/** The button for an item (jsdom drops the space before a visually hidden span, so match around it). */
function named(label: string, item: string): RegExp {
  return new RegExp(`^${label} ?\\(${item.replace('.', '\\.')}\\)$`);
}

/** The items' headings, in the agenda's order. */
function agendaHeadings(): HTMLElement[] {
  return within(screen.getByRole('list', { name: `Agenda of ${meeting.title}` })).getAllByRole('heading', { level: 3 });
}

function renderBuilder(onChanged = vi.fn()) {
  render(
    <MemoryRouter>
      <AgendaBuilder meeting={meeting} onChanged={onChanged} />
    </MemoryRouter>,
  );
  return onChanged;
}

describe('AgendaBuilder', () => {
  it('shows when each item starts and opens an item’s forms inside its own row', () => {
    renderBuilder();
    const row = screen.getByRole('heading', { name: '3 Finance report' }).closest('li')!;
    expect(row.textContent).toContain('2:25pm for 5 min');
    fireEvent.click(within(row).getByRole('button', { name: /^Change ?item 3\. Finance report$/ }));
    expect(within(row).getByRole('heading', { name: 'Change item 3' })).toBeTruthy();
    expect(row.getAttribute('draggable')).toBe('false');
    const other = screen.getByRole('heading', { name: '1 Welcome' }).closest('li')!;
    fireEvent.click(within(other).getByRole('button', { name: /^Request a paper ?for 1\. Welcome$/ }));
    expect(within(other).getByRole('heading', { name: 'Request a paper for item 1' })).toBeTruthy();
    expect(within(row).queryByRole('heading', { name: 'Change item 3' })).toBeNull();
  });

  it('moves an item up by keyboard, numbers it from the answer, says so and keeps the focus on the item', async () => {
    const requests = fakeServer({
      'graphql:MoveAgendaItem': {
        body: {
          data: {
            moveAgendaItem: {
              agenda: moved(
                ['welcome', '1', 'Welcome'],
                ['finance', '2', 'Finance report'],
                ['questions', '3', 'Questions from the public'],
                ['contract', '4', 'Contract award'],
              ),
              errors: [],
            },
          },
        },
      },
    });
    renderBuilder();

    expect(screen.queryByRole('button', { name: named('Move up', '1. Welcome') })).toBeNull();
    expect(screen.queryByRole('button', { name: named('Move down', '3. Finance report') })).toBeNull();
    expect(screen.queryByRole('button', { name: named('Move up', '4. Contract award') })).toBeNull();
    const button = screen.getByRole('button', { name: named('Move up', '3. Finance report') });
    button.focus();
    fireEvent.click(button);

    expect(await screen.findByText('Moved “Finance report”: it is now item 2.')).toBeTruthy();
    expect(JSON.parse(String(requests[0].init.body)).variables.input).toEqual({ id: 'finance', parentId: null, position: 2 });
    const headings = agendaHeadings().map((heading) => heading.textContent);
    expect(headings).toEqual(['1 Welcome', '2 Finance report', '3 Questions from the public', '4 Contract award']);
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(named('Move up', '2. Finance report')));
  });

  it('moves an item dropped on another into its place, and explains a drop across the parts', async () => {
    const requests = fakeServer({
      'graphql:MoveAgendaItem': {
        body: { data: { moveAgendaItem: { agenda: moved(['finance', '1', 'Finance report'], ['welcome', '2', 'Welcome']), errors: [] } } },
      },
    });
    renderBuilder();
    const row = (name: string) => screen.getByRole('heading', { name }).closest('li')!;
    const dataTransfer = { setData: vi.fn(), getData: () => 'finance', effectAllowed: '', dropEffect: '' };

    fireEvent.dragStart(row('3 Finance report'), { dataTransfer });
    fireEvent.dragOver(row('4 Contract award'), { dataTransfer });
    fireEvent.drop(row('4 Contract award'), { dataTransfer });
    expect((await screen.findByRole('alert')).textContent).toContain('Part I items come before Part II items.');
    expect(requests).toHaveLength(0);

    fireEvent.dragStart(row('3 Finance report'), { dataTransfer });
    fireEvent.dragOver(row('1 Welcome'), { dataTransfer });
    fireEvent.drop(row('1 Welcome'), { dataTransfer });
    expect(await screen.findByText('Moved “Finance report”: it is now item 1.')).toBeTruthy();
    expect(JSON.parse(String(requests[0].init.body)).variables.input).toEqual({ id: 'finance', parentId: null, position: 1 });
  });

  it('offers the quality papers for a governing body meeting, and not for another committee’s', () => {
    renderBuilder();
    expect(screen.getByRole('heading', { name: 'Quality papers', level: 2 })).toBeTruthy();
    cleanup();
    render(
      <MemoryRouter>
        <AgendaBuilder meeting={{ ...meeting, committee: { ...meeting.committee!, kind: 'QUALITY' } }} onChanged={vi.fn()} />
      </MemoryRouter>,
    );
    expect(screen.queryByRole('heading', { name: 'Quality papers' })).toBeNull();
  });

  it('shows the API’s refusal and moves nothing', async () => {
    fakeServer({
      'graphql:MoveAgendaItem': {
        body: { data: { moveAgendaItem: { agenda: [], errors: [{ field: 'position', message: 'Position must be between 1 and 3.' }] } } },
      },
    });
    renderBuilder();
    fireEvent.click(screen.getByRole('button', { name: named('Move down', '1. Welcome') }));
    expect(await screen.findByText('Position must be between 1 and 3.')).toBeTruthy();
    expect(agendaHeadings()[0].textContent).toBe('1 Welcome');
  });

  it('adds an item where the API places it (before the closing items and Part II), with no second request', async () => {
    const requests = fakeServer({
      'graphql:AddAgendaItem': {
        body: {
          data: {
            addAgendaItem: {
              item: { id: 'strategy', number: '4', title: 'Strategy', part: 'PUBLIC', isSubItem: false },
              errors: [],
            },
          },
        },
      },
    });
    const onChanged = renderBuilder();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Strategy' } });
    fireEvent.change(screen.getByLabelText('Purpose'), { target: { value: 'DISCUSSION' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add item' }));

    expect(await screen.findByText('Added “Strategy” as item 4.')).toBeTruthy();
    expect(onChanged).toHaveBeenCalledOnce();
    expect(JSON.parse(String(requests[0].init.body)).variables.input).toMatchObject({
      meetingId: 'meeting-1',
      parentId: null,
      title: 'Strategy',
      purpose: 'DISCUSSION',
      part: 'PUBLIC',
      minutesAllotted: 10,
      closing: false,
    });
    expect(requests).toHaveLength(1);
  });

  it('adds a closing item as one, and refuses a closing sub-item before sending anything', async () => {
    const requests = fakeServer({
      'graphql:AddAgendaItem': {
        body: {
          data: {
            addAgendaItem: {
              item: { id: 'aob', number: '3', title: 'Any other business', part: 'PUBLIC', isSubItem: false },
              errors: [],
            },
          },
        },
      },
    });
    renderBuilder();
    fireEvent.change(screen.getByLabelText('Where it goes'), { target: { value: 'welcome' } });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Any other business' } });
    fireEvent.change(screen.getByLabelText('Purpose'), { target: { value: 'NOTE' } });
    fireEvent.click(screen.getByLabelText('It is a closing item'));
    fireEvent.click(screen.getByRole('button', { name: 'Add item' }));
    expect((await screen.findAllByText(/Only a main item can close the agenda/)).length).toBeGreaterThan(0);
    expect(requests).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Where it goes'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add item' }));
    expect(await screen.findByText('Added “Any other business” as item 3.')).toBeTruthy();
    expect(JSON.parse(String(requests[0].init.body)).variables.input).toMatchObject({
      parentId: null,
      title: 'Any other business',
      closing: true,
    });
  });

  it('changes an item, and moving it to Part II puts it first among the Part II items', async () => {
    const requests = fakeServer({
      'graphql:UpdateAgendaItem': {
        body: {
          data: {
            updateAgendaItem: {
              item: { id: 'finance', number: '4', title: 'Finance report', part: 'PRIVATE', isSubItem: false },
              errors: [],
            },
          },
        },
      },
      'graphql:MoveAgendaItem': {
        body: { data: { moveAgendaItem: { agenda: moved(['finance', '3', 'Finance report']), errors: [] } } },
      },
    });
    const onChanged = renderBuilder();
    fireEvent.click(screen.getByRole('button', { name: /^Change ?item 3\. Finance report$/ }));
    const heading = screen.getByRole('heading', { name: 'Change item 3' });
    expect(document.activeElement).toBe(heading);
    const panel = within(heading.closest('section')!);
    expect((panel.getByLabelText('Presenter (optional)') as HTMLInputElement).value).toBe('Chief Finance Officer');
    fireEvent.click(panel.getByLabelText('Part II (in private)'));
    fireEvent.click(panel.getByRole('button', { name: 'Save item' }));

    expect(await screen.findByText('Saved “Finance report”, item 3.')).toBeTruthy();
    expect(onChanged).toHaveBeenCalledOnce();
    expect(JSON.parse(String(requests[0].init.body)).variables.input).toEqual({
      id: 'finance',
      title: 'Finance report',
      presenter: 'Chief Finance Officer',
      minutesAllotted: 5,
      purpose: 'DECISION',
      part: 'PRIVATE',
      needsPaper: false,
    });
    expect(JSON.parse(String(requests[1].init.body)).variables.input).toEqual({ id: 'finance', parentId: null, position: 3 });
    expect(screen.queryByRole('heading', { name: 'Change item 3' })).toBeNull();
  });
});
