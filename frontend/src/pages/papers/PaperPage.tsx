import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { paperQuery } from '../../api/papers';
import { useQuery } from '../../api/useQuery';
import { meetingPath } from '../../components/meetings/MeetingsTable';
import { PaperStatusTag } from '../../components/meetings/StatusTags';
import { BackLink, Confirmation, Loading, QueryProblem } from '../../components/messages';
import { AppendicesSection } from '../../components/papers/AppendicesSection';
import { CoverSheetForm } from '../../components/papers/CoverSheetForm';
import { CoverSheetView, PaperBody } from '../../components/papers/CoverSheetView';
import { PaperActions } from '../../components/papers/PaperActions';
import type { PaperDetail } from '../../components/papers/types';
import { VersionsTable } from '../../components/papers/VersionsTable';
import { WordBodySection } from '../../components/papers/WordBodySection';
import { SummaryList, SummaryRow } from '../../components/SummaryList';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatMeetingTime } from '../../dates';
import { useSession } from '../../session';
import { NotFoundPage } from '../NotFoundPage';

function PaperSummary({ paper }: { paper: PaperDetail }) {
  const { meeting, item } = paper;
  return (
    <SummaryList>
      {meeting && (
        <SummaryRow label="Meeting">
          <Link to={meetingPath(meeting.id)}>
            {meeting.committee ? `${meeting.committee.name}: ` : ''}
            {meeting.title}
          </Link>
          <span className="app-cell-note">{formatMeetingTime(meeting.startsAt)}</span>
        </SummaryRow>
      )}
      {item && (
        <SummaryRow label="Agenda item">
          {item.number}. {item.title}
        </SummaryRow>
      )}
      {/* People are named only to those who may see them; for the public the rows are left out, not filled with a
          placeholder. */}
      {paper.author && <SummaryRow label="Author">{paper.author.name}</SummaryRow>}
      {paper.sponsor && <SummaryRow label="Executive sponsor">{paper.sponsor.name}</SummaryRow>}
      {paper.status !== 'INCLUDED' && <SummaryRow label="Due">{formatDate(paper.dueDate)}</SummaryRow>}
      <SummaryRow label="Status">
        <PaperStatusTag status={paper.status} />
      </SummaryRow>
      {paper.currentVersion && <SummaryRow label="Version">{paper.currentVersion.number}</SummaryRow>}
    </SummaryList>
  );
}

/** A board paper: its author writes it here, its sponsor approves it here, and everyone else who may reads it here. */
export function PaperPage() {
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const { data, error, loading, reload } = useQuery(paperQuery, { id });
  const paper = data?.node?.__typename === 'Paper' ? data.node : null;
  const [saved, setSaved] = useState<string | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  usePageTitle(paper?.title ?? 'Paper');

  if (loading && !data) return <Loading />;
  if (error && !paper) {
    return (
      <>
        <h1>Paper</h1>
        <QueryProblem error={error} idPrefix="paper" />
      </>
    );
  }
  if (!paper) return <NotFoundPage />;

  const version = paper.currentVersion;
  const editable = paper.viewerCanWrite && paper.status !== 'SUBMITTED' && !!version;
  const canAddAppendix = paper.viewerCanWrite && paper.status === 'DRAFT' && !!version && !version.approvedAt;
  const back = viewer ? { to: '/my-papers', name: 'my papers' } : null;

  return (
    <>
      {paper.meeting ? (
        <BackLink to={meetingPath(paper.meeting.id)}>Back to the meeting</BackLink>
      ) : (
        back && <BackLink to={back.to}>Back to {back.name}</BackLink>
      )}
      <h1>
        <span className="nhsuk-caption-l">
          {paper.item ? `Paper for item ${paper.item.number}` : 'Paper'}
          <span className="nhsuk-u-visually-hidden">: </span>
        </span>
        {paper.title}
      </h1>
      <PaperSummary paper={paper} />
      {paper.status === 'SUBMITTED' && paper.viewerCanWrite && !paper.viewerCanApprove && (
        <p>The paper is with {paper.sponsor?.name ?? 'its sponsor'} for approval. Take it back to change it.</p>
      )}
      <PaperActions
        paper={paper}
        onChanged={() => {
          setSaved(null);
          reload();
        }}
      />
      <div tabIndex={-1} ref={outcome} className="app-outcome">
        <Confirmation>{saved}</Confirmation>
      </div>
      {!version && <p>You cannot read this paper’s text yet.</p>}
      {version && editable && (
        <>
          <CoverSheetForm
            key={version.id}
            paper={paper}
            version={version}
            onSaved={(message) => {
              setSaved(message);
              reload();
              outcome.current?.focus();
            }}
          />
          <WordBodySection paper={paper} version={version} canChange onChanged={reload} />
          <PaperBody version={version} heading="Preview of the paper as saved" />
        </>
      )}
      {version && !editable && (
        <>
          <CoverSheetView paper={paper} version={version} />
          <WordBodySection paper={paper} version={version} canChange={false} onChanged={reload} />
          <PaperBody version={version} heading="The paper" />
        </>
      )}
      {version && (
        <AppendicesSection paper={paper} appendices={version.appendices} canAdd={canAddAppendix} onChanged={reload} />
      )}
      {paper.versions.length > 0 && <VersionsTable paper={paper} />}
    </>
  );
}
