import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { CancelMeetingSection } from './CancelMeetingSection';
import { ChangeArrangementsSection } from './ChangeArrangementsSection';
import { mayChange, mayRearrange } from './mayChange';
import { fillDate } from '../../test/fillDate';
import { MeetingStateTag } from './StatusTags';

const meeting = {
  id: 'meeting-1',
  title: 'Governing body',
  status: 'AGENDA_PUBLISHED' as const,
  startsAt: '2026-07-01T13:00:00+00:00',
  endsAt: '2026-07-01T15:00:00+00:00',
  location: 'Bolton Town Hall',
  callLink: '',
};

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('ChangeArrangementsSection', () => {
  it('starts from the current arrangements and sends the new ones as English clocks show them', async () => {
    const requests = fakeServer({
      'graphql:ChangeMeetingArrangements': {
        body: {
          data: {
            changeMeetingArrangements: {
              meeting: { id: 'meeting-1', startsAt: '2026-07-02T09:30:00+00:00', endsAt: null, location: 'Online', callLink: '' },
              errors: [],
            },
          },
        },
      },
    });
    const onChanged = vi.fn();
    render(<ChangeArrangementsSection meeting={meeting} onChanged={onChanged} />);
    fireEvent.click(screen.getByRole('button', { name: 'Change date, time or place' }));
    expect((screen.getByLabelText('Day') as HTMLInputElement).value).toBe('1');
    expect((screen.getByLabelText('Month') as HTMLInputElement).value).toBe('7');
    expect((screen.getByLabelText('Year') as HTMLInputElement).value).toBe('2026');
    expect((screen.getByLabelText('Starts at') as HTMLInputElement).value).toBe('14:00');
    expect((screen.getByLabelText('Ends at (optional)') as HTMLInputElement).value).toBe('16:00');
    expect((screen.getByLabelText('Place') as HTMLInputElement).value).toBe('Bolton Town Hall');

    fillDate('Date', '2026-07-02');
    fill('Starts at', '10:30');
    fill('Ends at (optional)', '');
    fireEvent.click(screen.getByRole('button', { name: 'Save the new arrangements' }));

    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(JSON.parse(String(requests[0].init.body)).variables.input).toEqual({
      id: 'meeting-1',
      startsAt: '2026-07-02T10:30:00+01:00',
      endsAt: null,
      location: 'Bolton Town Hall',
      callLink: '',
    });
    expect(screen.getByRole('status').textContent).toContain('Thursday 2 July 2026, 10:30am');
    expect(screen.getByRole('status').textContent).toContain('told by email, with an updated calendar entry');
    expect(screen.queryByLabelText('Day')).toBeNull();
  });

  it('shows the API’s errors beside their fields and keeps the form open', async () => {
    fakeServer({
      'graphql:ChangeMeetingArrangements': {
        body: {
          data: {
            changeMeetingArrangements: {
              meeting: null,
              errors: [
                { field: 'callLink', message: 'The call link must start with https://.' },
                { field: 'startsAt', message: 'The meeting must start in the future.' },
              ],
            },
          },
        },
      },
    });
    const onChanged = vi.fn();
    render(<ChangeArrangementsSection meeting={meeting} onChanged={onChanged} />);
    fireEvent.click(screen.getByRole('button', { name: 'Change date, time or place' }));
    fill('Call link (optional)', 'http://example.org');
    fireEvent.click(screen.getByRole('button', { name: 'Save the new arrangements' }));

    const link = await screen.findByRole('link', { name: 'The call link must start with https://.' });
    expect(link.getAttribute('href')).toBe('#change-arrangements-callLink');
    expect(screen.getByRole('link', { name: 'The meeting must start in the future.' }).getAttribute('href')).toBe(
      '#change-arrangements-date',
    );
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('says a draft meeting’s members hear of it once the agenda is published', () => {
    render(<ChangeArrangementsSection meeting={{ ...meeting, status: 'DRAFT' }} onChanged={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Change date, time or place' }));
    expect(screen.getByText(/once the agenda has been published/)).toBeTruthy();
  });
});

describe('CancelMeetingSection', () => {
  it('asks again, naming the meeting, before cancelling it', async () => {
    const requests = fakeServer({
      'graphql:CancelMeeting': {
        body: { data: { cancelMeeting: { meeting: { id: 'meeting-1', cancelledAt: '2026-06-01T09:00:00Z' }, errors: [] } } },
      },
    });
    const onCancelled = vi.fn();
    render(<CancelMeetingSection meeting={meeting} onCancelled={onCancelled} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel meeting' }));
    expect(requests).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'Cancel Governing body?' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'No, keep it' }));
    expect(screen.getByRole('button', { name: 'Cancel meeting' })).toBeTruthy();
    expect(requests).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel meeting' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel the meeting' }));
    await waitFor(() => expect(onCancelled).toHaveBeenCalledOnce());
    expect(JSON.parse(String(requests[0].init.body)).variables.input).toEqual({ id: 'meeting-1' });
  });

  it('shows the API’s refusal and does not report the meeting cancelled', async () => {
    fakeServer({
      'graphql:CancelMeeting': {
        body: {
          data: {
            cancelMeeting: {
              meeting: null,
              errors: [{ field: 'id', message: 'A meeting that has been held cannot be rearranged or cancelled.' }],
            },
          },
        },
      },
    });
    const onCancelled = vi.fn();
    render(<CancelMeetingSection meeting={meeting} onCancelled={onCancelled} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel meeting' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel the meeting' }));
    expect(await screen.findByText('A meeting that has been held cannot be rearranged or cancelled.')).toBeTruthy();
    expect(onCancelled).not.toHaveBeenCalled();
  });
});

describe('who may change a meeting', () => {
  it('lets its secretary rearrange it until it is held or cancelled', () => {
    const secretary = { viewerCanManage: true, cancelledAt: null };
    expect(mayRearrange({ ...secretary, status: 'DRAFT' })).toBe(true);
    expect(mayRearrange({ ...secretary, status: 'PAPERS_PUBLISHED' })).toBe(true);
    expect(mayRearrange({ ...secretary, status: 'HELD' })).toBe(false);
    expect(mayRearrange({ ...secretary, status: 'DRAFT', cancelledAt: '2026-06-01T09:00:00Z' })).toBe(false);
    expect(mayChange({ ...secretary, status: 'HELD' })).toBe(true);
    expect(mayChange({ ...secretary, status: 'DRAFT', cancelledAt: '2026-06-01T09:00:00Z' })).toBe(false);
    expect(mayRearrange({ viewerCanManage: false, cancelledAt: null, status: 'DRAFT' })).toBe(false);
  });

  it('shows a cancelled meeting as cancelled, with the day', () => {
    render(<MeetingStateTag status="AGENDA_PUBLISHED" cancelledAt="2026-06-01T23:30:00Z" />);
    expect(screen.getByText('Cancelled on 2 June 2026')).toBeTruthy();
  });
});
