import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SubscriptionHandlers } from '../../api/subscriptions';
import type { PackBuildProgressSubscription } from '../../generated/graphql';
import { fakeServer } from '../../test/fakeServer';
import { PacksSection } from './PacksSection';
import type { MeetingDetail, PackDetail } from './types';

const live = vi.hoisted(() => ({
  handlers: null as SubscriptionHandlers<unknown> | null,
  variables: null as unknown,
  stopped: 0,
}));

vi.mock('../../api/subscriptions', () => ({
  subscribe: (_operation: unknown, variables: unknown, handlers: SubscriptionHandlers<unknown>) => {
    live.handlers = handlers;
    live.variables = variables;
    return () => {
      live.stopped += 1;
    };
  },
}));

/** What the live regions say. */
function announced(): string[] {
  return screen.getAllByRole('status').map((region) => region.textContent ?? '');
}

function report(event: PackBuildProgressSubscription['packBuildProgress']) {
  act(() => live.handlers!.next({ packBuildProgress: event }));
}

const built: PackDetail = {
  id: 'build-1',
  part: 'PUBLIC',
  number: 1,
  isSupplement: false,
  status: 'DONE',
  progress: 100,
  message: 'Built: 12 pages',
  pageCount: 12,
  createdAt: '2026-06-25T10:00:00Z',
  publishedAt: '2026-06-25T11:00:00Z',
  withdrawnAt: null,
  withdrawalReason: null,
  url: '/packs/1.pdf',
  itemPages: [
    { itemId: 'welcome', page: 3 },
    { itemId: 'finance', page: 5 },
  ],
};

function meeting(overrides: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
    __typename: 'Meeting',
    id: 'meeting-1',
    title: 'Governing body meeting',
    startsAt: '2026-07-01T13:00:00Z',
    endsAt: null,
    location: 'Bolton Town Hall',
    callLink: '',
    status: 'AGENDA_PUBLISHED',
    papersDue: null,
    noticeSentAt: null,
    cancelledAt: null,
    calendarUrl: '/meetings/1/calendar.ics',
    viewerCanManage: true,
    committee: null,
    agenda: [
      { id: 'welcome', number: '1', title: 'Welcome', presenter: '', minutesAllotted: 5, purpose: 'NOTE', part: 'PUBLIC', needsPaper: false, isSubItem: false, startsAt: null, paper: null },
      { id: 'finance', number: '2', title: 'Finance report', presenter: '', minutesAllotted: 20, purpose: 'DECISION', part: 'PUBLIC', needsPaper: true, isSubItem: false, startsAt: null, paper: null },
    ],
    packs: [],
    ...overrides,
  };
}

function renderSection(value: MeetingDetail, onChanged = vi.fn()) {
  render(
    <MemoryRouter>
      <PacksSection meeting={value} onChanged={onChanged} />
    </MemoryRouter>,
  );
  return onChanged;
}

beforeEach(() => {
  live.handlers = null;
  live.variables = null;
  live.stopped = 0;
});

describe('PacksSection', () => {
  it('follows a build live: the progress bar fills, each stage is announced, and the list refreshes when it is ready', async () => {
    fakeServer({
      'graphql:BuildPack': {
        body: {
          data: {
            buildPack: {
              build: { id: 'build-2', part: 'PUBLIC', number: 2, isSupplement: false, status: 'QUEUED', progress: 0, message: '', pageCount: null },
              errors: [],
            },
          },
        },
      },
    });
    const onChanged = renderSection(meeting());
    fireEvent.click(screen.getByRole('button', { name: 'Build the public pack' }));

    const bar = (await screen.findByRole('progressbar', { name: 'Progress of the public pack' })) as HTMLProgressElement;
    await waitFor(() => expect(live.variables).toEqual({ buildId: 'build-2' }));
    expect(announced()).toContain('The public pack is waiting to be built.');

    report({ status: 'RUNNING', progress: 30, message: 'Setting the pages', pageCount: null });
    expect(bar.value).toBe(30);
    expect(announced()).toContain('Building the public pack: Setting the pages (30%).');
    expect(onChanged).not.toHaveBeenCalled();

    report({ status: 'DONE', progress: 100, message: 'Built: 12 pages', pageCount: 12 });
    expect(bar.value).toBe(100);
    expect(announced()).toContain('The public pack is ready: 12 pages.');
    expect(onChanged).toHaveBeenCalledOnce();
    expect(live.stopped).toBe(1);
  });

  it('asks for the build’s state when the live connection fails', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      fakeServer({
        'graphql:PackBuildStatus': {
          body: { data: { node: { __typename: 'PackBuild', id: 'build-3', status: 'DONE', progress: 100, message: 'Built', pageCount: 9 } } },
        },
      });
      const running = { ...built, id: 'build-3', status: 'RUNNING' as const, progress: 30, publishedAt: null, url: null, itemPages: [] };
      renderSection(meeting({ packs: [running] }));
      await waitFor(() => expect(live.variables).toEqual({ buildId: 'build-3' }));
      act(() => live.handlers!.error(['Socket closed']));
      expect(await screen.findByText(/The live connection was lost/)).toBeTruthy();
      expect(await screen.findByText('The public pack is ready: 9 pages.')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers a reader the pack to download, to open in the browser and at each item', () => {
    renderSection(meeting({ viewerCanManage: false, packs: [built] }));
    expect(screen.queryByRole('button', { name: 'Build the public pack' })).toBeNull();
    expect(screen.getByRole('link', { name: /^Download\s?public pack 1 \(PDF\)$/ }).getAttribute('href')).toBe('/packs/1.pdf');
    expect(screen.getByRole('link', { name: /^Open in the browser/ }).getAttribute('href')).toBe('/packs/1.pdf?view=1');
    expect(screen.getByRole('link', { name: /^2\. Finance report/ }).getAttribute('href')).toBe('/packs/1.pdf?view=1#page=5');
  });
});
