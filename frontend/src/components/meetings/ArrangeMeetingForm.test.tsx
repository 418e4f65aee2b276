import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { fillDate } from '../../test/fillDate';
import { ArrangeMeetingForm } from './ArrangeMeetingForm';
import { nextActions } from './MeetingStatusActions';

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('ArrangeMeetingForm', () => {
  it('sends the date and times as English clocks show them, and links to the new meeting', async () => {
    const requests = fakeServer({
      'graphql:CreateMeeting': {
        body: {
          data: {
            createMeeting: {
              meeting: { id: 'meeting-1', title: 'Governing body', startsAt: '2026-07-01T13:00:00+00:00' },
              errors: [],
            },
          },
        },
      },
    });
    const onArranged = vi.fn();
    render(
      <MemoryRouter>
        <ArrangeMeetingForm committee={{ id: 'committee-1', name: 'Governing body' }} onArranged={onArranged} />
      </MemoryRouter>,
    );
    fill('Title', 'Governing body');
    fillDate('Date', '2026-07-01');
    fill('Starts at', '14:00');
    fill('Ends at (optional)', '16:30');
    fill('Place', 'Bolton Town Hall');
    fillDate('Papers due (optional)', '2026-06-22');
    fireEvent.click(screen.getByRole('button', { name: 'Arrange meeting' }));

    await waitFor(() => expect(onArranged).toHaveBeenCalledOnce());
    expect(JSON.parse(String(requests[0].init.body)).variables.input).toEqual({
      committeeId: 'committee-1',
      title: 'Governing body',
      startsAt: '2026-07-01T14:00:00+01:00',
      endsAt: '2026-07-01T16:30:00+01:00',
      location: 'Bolton Town Hall',
      callLink: '',
      papersDue: '2026-06-22',
    });
    expect(screen.getByRole('link', { name: 'Governing body' }).getAttribute('href')).toBe('/meetings/meeting-1');
    expect(screen.getByRole('status').textContent).toContain('Wednesday 1 July 2026, 2pm');
  });

  it('asks for the date and start time before sending, and shows the API’s errors beside their fields', async () => {
    const requests = fakeServer({
      'graphql:CreateMeeting': {
        body: { data: { createMeeting: { meeting: null, errors: [{ field: 'startsAt', message: 'The meeting must start in the future.' }] } } },
      },
    });
    render(
      <MemoryRouter>
        <ArrangeMeetingForm committee={{ id: 'committee-1', name: 'Governing body' }} onArranged={vi.fn()} />
      </MemoryRouter>,
    );
    fill('Title', 'Governing body');
    fillDate('Date', '2026-07-01');
    fireEvent.click(screen.getByRole('button', { name: 'Arrange meeting' }));
    expect((await screen.findByRole('link', { name: /Enter the time the meeting starts/ })).getAttribute('href')).toBe(
      '#arrange-meeting-startTime',
    );
    expect(requests).toHaveLength(0);

    fill('Starts at', '10:00');
    fireEvent.click(screen.getByRole('button', { name: 'Arrange meeting' }));
    const link = await screen.findByRole('link', { name: 'The meeting must start in the future.' });
    expect(link.getAttribute('href')).toBe('#arrange-meeting-date');
  });

  it('refuses a date that does not exist, saying why, and sends nothing', async () => {
    const requests = fakeServer({});
    render(
      <MemoryRouter>
        <ArrangeMeetingForm committee={{ id: 'committee-1', name: 'Governing body' }} onArranged={vi.fn()} />
      </MemoryRouter>,
    );
    fill('Title', 'Governing body');
    fillDate('Date', ['31', '2', '2027']);
    fill('Starts at', '10:00');
    fireEvent.click(screen.getByRole('button', { name: 'Arrange meeting' }));
    const message = 'Date of the meeting must be a real date: February 2027 has 28 days';
    expect((await screen.findByRole('link', { name: message })).getAttribute('href')).toBe('#arrange-meeting-date');
    expect(document.getElementById('arrange-meeting-date-error')?.textContent).toBe(`Error: ${message}`);
    expect(screen.getByLabelText('Day', { selector: '#arrange-meeting-date' }).className).toContain('nhsuk-input--error');
    expect(requests).toHaveLength(0);
  });
});

describe('nextActions', () => {
  const now = new Date('2026-07-01T12:00:00Z');
  it('offers to publish a draft agenda, to mark a started meeting held, then to record its minutes', () => {
    expect(nextActions({ status: 'DRAFT', startsAt: '2026-07-08T13:00:00Z' }, now).map((a) => a.to)).toEqual([
      'AGENDA_PUBLISHED',
    ]);
    expect(nextActions({ status: 'PAPERS_PUBLISHED', startsAt: '2026-07-08T13:00:00Z' }, now)).toEqual([]);
    expect(nextActions({ status: 'PAPERS_PUBLISHED', startsAt: '2026-07-01T09:00:00Z' }, now).map((a) => a.to)).toEqual([
      'HELD',
    ]);
    expect(nextActions({ status: 'HELD', startsAt: '2026-07-01T09:00:00Z' }, now).map((a) => a.to)).toEqual([
      'MINUTES_APPROVED',
    ]);
    expect(nextActions({ status: 'MINUTES_APPROVED', startsAt: '2026-07-01T09:00:00Z' }, now)).toEqual([]);
  });
});
