import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { lastMonth, QualityPapersSection } from './QualityPapersSection';
import type { MeetingDetail } from './types';

const governingBody: MeetingDetail = {
  __typename: 'Meeting',
  id: 'meeting-1',
  title: 'Governing body meeting',
  startsAt: '2026-12-20T13:00:00Z',
  endsAt: null,
  location: 'Bolton Town Hall',
  callLink: '',
  status: 'DRAFT',
  papersDue: '2026-12-10',
  noticeSentAt: null,
  cancelledAt: null,
  calendarUrl: '/meetings/1/calendar.ics',
  viewerCanManage: true,
  committee: { id: 'committee-1', name: 'Governing body', kind: 'GOVERNING_BODY', host: { id: 'org-00t', odsCode: '00T', name: 'NHS Bolton CCG' } },
  agenda: [],
  packs: [],
};

function renderSection(meeting: MeetingDetail = governingBody) {
  const onAdded = vi.fn();
  render(
    <MemoryRouter>
      <QualityPapersSection meeting={meeting} onAdded={onAdded} />
    </MemoryRouter>,
  );
  return onAdded;
}

function sent(request: { init: RequestInit }) {
  return JSON.parse(String(request.init.body)).variables.input;
}

afterEach(() => vi.unstubAllGlobals());

describe('lastMonth', () => {
  it('is the month before, across a new year', () => {
    expect(lastMonth(new Date(2026, 11, 6))).toBe('2026-11');
    expect(lastMonth(new Date(2027, 0, 31))).toBe('2026-12');
  });
});

describe('QualityPapersSection', () => {
  it('shows nothing for a committee other than a governing body, or to a viewer who may not manage the meeting', () => {
    const audit = { ...governingBody, committee: { ...governingBody.committee!, kind: 'AUDIT' as const } };
    renderSection(audit);
    renderSection({ ...governingBody, viewerCanManage: false });
    expect(screen.queryByRole('heading', { name: 'Quality papers' })).toBeNull();
  });

  it('adds last month’s quality report, says the paper awaits approval, links to it and moves focus to the message', async () => {
    const requests = fakeServer({
      'graphql:GenerateQualityReport': {
        body: {
          data: {
            generateQualityReport: {
              report: { month: '2026-11-01', paper: { id: 'paper-9', title: 'Quality report: November 2026' } },
              errors: [],
            },
          },
        },
      },
    });
    const onAdded = renderSection();
    const month = screen.getByLabelText('Month to report on') as HTMLInputElement;
    expect(month.value).toBe(lastMonth(new Date()));
    fireEvent.change(month, { target: { value: '2026-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the monthly quality report' }));

    const link = await screen.findByRole('link', { name: 'Quality report: November 2026' });
    expect(link.getAttribute('href')).toBe('/papers/paper-9');
    expect(screen.getByRole('status').textContent).toContain('awaits your approval');
    expect(sent(requests[0])).toEqual({ meetingId: 'meeting-1', month: '2026-10-01' });
    expect(onAdded).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(screen.getByRole('status').parentElement);
  });

  it('refuses a month that is not one without asking the API, and shows the API’s own refusal beside the field', async () => {
    const requests = fakeServer({
      'graphql:GenerateQualityReport': {
        body: { data: { generateQualityReport: { report: null, errors: [{ field: 'month', message: 'Choose a month that has begun.' }] } } },
      },
    });
    const onAdded = renderSection();
    const month = screen.getByLabelText('Month to report on');
    fireEvent.change(month, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the monthly quality report' }));
    expect((await screen.findAllByText('Enter the month to report on, such as 2026-10')).length).toBe(2);
    expect(requests).toHaveLength(0);

    fireEvent.change(month, { target: { value: '2030-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the monthly quality report' }));
    // Once in the error summary and once beside the field.
    expect(await screen.findAllByText('Choose a month that has begun.')).toHaveLength(2);
    expect(month.getAttribute('aria-describedby')).toContain('quality-report-month-error');
    expect(onAdded).not.toHaveBeenCalled();
  });

  it('adds the practice quality papers for a period, linking to both', async () => {
    const requests = fakeServer({
      'graphql:AddPracticeQualityPapers': {
        body: {
          data: {
            addPracticeQualityPapers: {
              papers: {
                partOne: { id: 'paper-1', title: 'Practice quality dashboard' },
                partTwo: { id: 'paper-2', title: 'Practice quality dashboard: practices named' },
              },
              errors: [],
            },
          },
        },
      },
    });
    const onAdded = renderSection();
    fireEvent.change(screen.getByLabelText('Period (optional)'), { target: { value: ' 2025-Q3 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add practice quality papers' }));

    expect((await screen.findByRole('link', { name: 'Practice quality dashboard' })).getAttribute('href')).toBe('/papers/paper-1');
    expect(screen.getByRole('link', { name: 'Practice quality dashboard: practices named' }).getAttribute('href')).toBe('/papers/paper-2');
    expect(screen.getByRole('status').textContent).toContain('await your approval');
    expect(sent(requests[0])).toEqual({ meetingId: 'meeting-1', period: '2025-Q3' });
    expect(onAdded).toHaveBeenCalledOnce();
  });

  it('sends no period when none is given, and shows a refusal of the meeting in the summary and of the period beside it', async () => {
    const requests = fakeServer({
      'graphql:AddPracticeQualityPapers': (init) => {
        const { period } = JSON.parse(String(init.body)).variables.input;
        const error = period
          ? { field: 'period', message: `No indicator has figures for ${period}.` }
          : { field: 'meetingId', message: 'The CCG has no practice indicator figures to report; import them first.' };
        return { body: { data: { addPracticeQualityPapers: { papers: null, errors: [error] } } } };
      },
    });
    const onAdded = renderSection();
    fireEvent.click(screen.getByRole('button', { name: 'Add practice quality papers' }));
    expect(await screen.findAllByText('The CCG has no practice indicator figures to report; import them first.')).toHaveLength(1);
    expect(sent(requests[0])).toEqual({ meetingId: 'meeting-1', period: null });

    const period = screen.getByLabelText('Period (optional)');
    fireEvent.change(period, { target: { value: '2019-Q1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add practice quality papers' }));
    expect(await screen.findAllByText('No indicator has figures for 2019-Q1.')).toHaveLength(2);
    expect(period.getAttribute('aria-describedby')).toContain('practice-quality-period-error');
    expect(onAdded).not.toHaveBeenCalled();
  });
});
