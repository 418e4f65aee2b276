import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Link } from 'react-router';
import { onFields, request } from '../../api/client';
import { addPracticeQualityPapersMutation, generateQualityReportMutation } from '../../api/qualityPapers';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { TextField } from '../fields';
import { Confirmation } from '../messages';
import { paperPath } from './AgendaTable';
import type { MeetingDetail } from './types';

/** The month before `today`'s, as a month input writes it (2026-11). */
export function lastMonth(today: Date): string {
  const month = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, '0')}`;
}

interface PaperLink {
  id: string;
  title: string;
}

function paperLink(paper: PaperLink) {
  return <Link to={paperPath(paper.id)}>{paper.title}</Link>;
}

interface FormProps {
  meetingId: string;
  onAdded: (message: ReactNode) => void;
}

const reportPrefix = 'quality-report';

function QualityReportForm({ meetingId, onAdded }: FormProps) {
  const { errors, setErrors, submitting, submit } = useSubmission();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const month = String(new FormData(event.currentTarget).get('month') ?? '').trim();
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      setErrors([{ field: 'month', message: 'Enter the month to report on, such as 2026-10' }]);
      return;
    }
    const payload = await submit(async () => {
      const { generateQualityReport } = await request(generateQualityReportMutation, {
        input: { meetingId, month: `${month}-01` },
      });
      return { ...generateQualityReport, errors: onFields(generateQualityReport.errors, { month: 'month' }) };
    });
    if (payload?.report) {
      onAdded(
        <>
          Added the item “{payload.report.paper.title}” to the agenda, with its paper {paperLink(payload.report.paper)}.
          The paper is submitted and awaits your approval before it goes in the pack.
        </>,
      );
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h3>Monthly quality report</h3>
      <ErrorSummary errors={errors} idPrefix={reportPrefix} title="The quality report was not added" />
      <TextField
        id={`${reportPrefix}-month`}
        name="month"
        type="month"
        label="Month to report on"
        hint="The quality concerns register’s month: new, escalated, de-escalated and overdue concerns. For example, 2026-10"
        className="nhsuk-input--width-10"
        defaultValue={lastMonth(new Date())}
        error={errorFor(errors, 'month')}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Add the monthly quality report
      </button>
    </form>
  );
}

const practicePrefix = 'practice-quality';

function PracticeQualityForm({ meetingId, onAdded }: FormProps) {
  const { errors, submitting, submit } = useSubmission();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const period = String(new FormData(event.currentTarget).get('period') ?? '').trim();
    const payload = await submit(async () => {
      const { addPracticeQualityPapers } = await request(addPracticeQualityPapersMutation, {
        input: { meetingId, period: period || null },
      });
      return { ...addPracticeQualityPapers, errors: onFields(addPracticeQualityPapers.errors, { period: 'period' }) };
    });
    if (payload?.papers) {
      const { partOne, partTwo } = payload.papers;
      onAdded(
        <>
          Added two items to the agenda: {paperLink(partOne)} in Part I and {paperLink(partTwo)} in Part II. Both
          papers are submitted and await your approval before they go in the pack.
        </>,
      );
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h3>Practice quality papers</h3>
      <p>
        A Part I paper with each indicator’s trend across the CCG’s practices, and a Part II paper naming every
        practice.
      </p>
      <ErrorSummary errors={errors} idPrefix={practicePrefix} title="The practice quality papers were not added" />
      <TextField
        id={`${practicePrefix}-period`}
        name="period"
        label="Period (optional)"
        hint="The period whose figures name the practices, such as 2025-Q3, 2025-09 or 2025. Leave it empty for each indicator’s latest."
        className="nhsuk-input--width-10"
        autoComplete="off"
        spellCheck={false}
        error={errorFor(errors, 'period')}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Add practice quality papers
      </button>
    </form>
  );
}

interface QualityPapersSectionProps {
  meeting: MeetingDetail;
  onAdded: () => void;
}

/** A governing body's quality papers, generated from the concerns register and the practice indicators. */
export function QualityPapersSection({ meeting, onAdded }: QualityPapersSectionProps) {
  const [news, setNews] = useState<ReactNode>(null);
  const outcome = useRef<HTMLDivElement>(null);
  if (meeting.committee?.kind !== 'GOVERNING_BODY' || !meeting.viewerCanManage) return null;

  function added(message: ReactNode) {
    setNews(message);
    onAdded();
    outcome.current?.focus();
  }

  return (
    <section aria-labelledby="quality-papers-heading">
      <h2 id="quality-papers-heading">Quality papers</h2>
      <div tabIndex={-1} ref={outcome} className="app-outcome">
        <Confirmation>{news}</Confirmation>
      </div>
      <QualityReportForm meetingId={meeting.id} onAdded={added} />
      <PracticeQualityForm meetingId={meeting.id} onAdded={added} />
    </section>
  );
}
