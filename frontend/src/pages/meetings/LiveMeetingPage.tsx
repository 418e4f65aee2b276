import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { request } from '../../api/client';
import { closeMeetingMutation, meetingConductQuery, openMeetingMutation, takeItemMutation } from '../../api/conduct';
import { useMeetingEvents } from '../../api/meetingEvents';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { AttendanceSection } from '../../components/conduct/AttendanceSection';
import { DeclarationsSection } from '../../components/conduct/DeclarationsSection';
import { MemberSection } from '../../components/conduct/MemberSection';
import { announcementFor, quorumInWords } from '../../components/conduct/live';
import { ActionsSection, DecisionsSection, NotesSection, standingOutcome } from '../../components/conduct/OutcomeSections';
import { type Conduct, type ItemConduct, runsItems } from '../../components/conduct/types';
import { PresidingForm } from '../../components/conduct/PresidingForm';
import { VoteSection } from '../../components/conduct/VoteSection';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/fields';
import { Loading, QueryProblem } from '../../components/messages';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLondonDate } from '../../dates';

const stageInWords: Record<Conduct['stage'], string> = {
  UNPUBLISHED: 'The agenda has not been published yet.',
  NOT_OPEN: 'The meeting has not been opened.',
  OPEN: 'The meeting is open.',
  CLOSED: 'The meeting has closed.',
  MINUTES_APPROVED: 'The meeting has closed and its minutes have been approved.',
};

function MeetingControls({ conduct, onChanged }: { conduct: Conduct; onChanged: () => void }) {
  const { errors, submitting, submit } = useSubmission();
  const meetingId = conduct.meeting.id;

  async function run(which: 'open' | 'close') {
    if (submitting) return;
    const payload = await submit(async () => {
      if (which === 'open') return (await request(openMeetingMutation, { input: { meetingId } })).openMeeting;
      return (await request(closeMeetingMutation, { input: { meetingId } })).closeMeeting;
    });
    if (payload) onChanged();
  }

  return (
    <>
      <ErrorSummary errors={errors} idPrefix="meeting-controls" />
      {conduct.stage === 'NOT_OPEN' && (
        <button type="button" className="nhsuk-button" onClick={() => void run('open')}>
          Open the meeting
        </button>
      )}
      {conduct.stage === 'OPEN' && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void run('close')}>
          Close the meeting
        </button>
      )}
    </>
  );
}

function AgendaSection({ conduct, onChanged }: { conduct: Conduct; onChanged: () => void }) {
  const { errors, submitting, submit } = useSubmission();
  const current = conduct.live.currentItem?.itemId;
  const canTake = runsItems(conduct) && conduct.stage === 'OPEN';

  async function take(itemId: string) {
    if (submitting) return;
    const payload = await submit(
      async () => (await request(takeItemMutation, { input: { meetingId: conduct.meeting.id, itemId } })).takeItem,
    );
    if (payload) onChanged();
  }

  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">Agenda</h2>
      <ErrorSummary errors={errors} idPrefix="agenda" />
      <ol className="nhsuk-list app-agenda">
        {conduct.items.map(({ item, quorum }) => (
          <li key={item.id} className="app-agenda__item">
            <span>
              {item.number}. {item.title}
              {item.part === 'PRIVATE' ? ' (Part II)' : ''}
              {item.id === current ? <strong> (current item)</strong> : ''}
              {!quorum.met && (
                <span className="nhsuk-tag nhsuk-tag--red nhsuk-u-margin-left-2">
                  {quorum.expected ? 'Quorum not expected' : 'Not quorate'}
                </span>
              )}
            </span>
            {canTake && item.id !== current && (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                aria-label={`Take item ${item.number}: ${item.title}`}
                onClick={() => void take(item.id)}
              >
                Take item
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function QuorumSection({ conduct, item, onChanged }: { conduct: Conduct; item: ItemConduct; onChanged: () => void }) {
  const { quorum } = item;
  return (
    <section aria-labelledby="quorum-heading">
      <h3 id="quorum-heading">Quorum</h3>
      <div className={quorum.met ? 'nhsuk-inset-text' : 'nhsuk-warning-callout'}>
        {!quorum.met && <h4 className="nhsuk-warning-callout__label">Not quorate</h4>}
        <p>{quorumInWords(quorum)}</p>
      </div>
      <p>
        {quorum.chairedBy ? `Chaired by ${quorum.chairedBy}.` : 'No chair present.'}
        {quorum.chairNote ? ` ${quorum.chairNote}` : ''}
      </p>
      {quorum.mayVote.length > 0 && <p>May vote: {quorum.mayVote.join(', ')}.</p>}
      {quorum.excluded.length > 0 && <p>Excluded by a conflict of interest: {quorum.excluded.join(', ')}.</p>}
      {!quorum.chairedBy && conduct.viewerCanConduct && conduct.stage === 'OPEN' && (
        <PresidingForm conduct={conduct} item={item} onChanged={onChanged} />
      )}
    </section>
  );
}

/** After the meeting closes, standing orders still allow an urgent decision by chair's action on an undecided item. */
function AfterTheClose({ conduct, onChanged }: { conduct: Conduct; onChanged: () => void }) {
  const [chosenId, setChosenId] = useState('');
  // The chosen item stays chosen once decided, so its recorded outcome shows.
  const undecided = conduct.items.filter((item) => !standingOutcome(item) || item.item.id === chosenId);
  const chosen = undecided.find(({ item }) => item.id === chosenId);
  if (undecided.length === 0) return null;
  return (
    <section aria-labelledby="after-close-heading">
      <h2 id="after-close-heading">Chair&rsquo;s action after the meeting</h2>
      <SelectField
        id="after-close-item"
        name="itemId"
        label="Item decided by chair's action"
        hint="Only items with no outcome; the action is ratified at the next quorate meeting"
        value={chosenId}
        onChange={(event) => setChosenId(event.currentTarget.value)}
      >
        <option value="">Choose an item</option>
        {undecided.map(({ item }) => (
          <option key={item.id} value={item.id}>
            {item.number}. {item.title}
          </option>
        ))}
      </SelectField>
      {chosen && <DecisionsSection conduct={conduct} item={chosen} onChanged={onChanged} />}
    </section>
  );
}

function CurrentItem({ conduct, item, onChanged }: { conduct: Conduct; item: ItemConduct; onChanged: () => void }) {
  return (
    <section aria-labelledby="current-item-heading">
      <h2 id="current-item-heading">
        Item {item.item.number}: {item.item.title}
      </h2>
      <QuorumSection conduct={conduct} item={item} onChanged={onChanged} />
      <DeclarationsSection conduct={conduct} item={item} onChanged={onChanged} />
      <VoteSection conduct={conduct} item={item} onChanged={onChanged} />
      <DecisionsSection conduct={conduct} item={item} onChanged={onChanged} />
      <ActionsSection conduct={conduct} item={item} onChanged={onChanged} />
      <NotesSection conduct={conduct} item={item} onChanged={onChanged} />
    </section>
  );
}

/** Before the meeting opens: who is expected (every member who has not sent apologies) and whether that is quorate. */
function ExpectedQuorum({ conduct }: { conduct: Conduct }) {
  const expected = conduct.attendance.filter((attendee) => attendee.standing === 'EXPECTED' && attendee.voting).length;
  const apologies = conduct.attendance.filter((attendee) => attendee.standing === 'APOLOGIES').length;
  const short = conduct.items.filter(({ quorum }) => !quorum.met);
  return (
    <div className={short.length === 0 ? 'nhsuk-inset-text' : 'nhsuk-warning-callout'}>
      {short.length > 0 && <h2 className="nhsuk-warning-callout__label">Quorum not expected</h2>}
      <p>
        {expected} voting {expected === 1 ? 'member is' : 'members are'} expected; {apologies}{' '}
        {apologies === 1 ? 'has' : 'have'} sent apologies.{' '}
        {short.length === 0
          ? 'The meeting is expected to be quorate for every item.'
          : `Not expected to be quorate for ${short.map(({ item }) => `item ${item.number}`).join(', ')}: ${short[0].quorum.unmet.join(' ')}`}
      </p>
    </div>
  );
}


export function LiveMeetingPage() {
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useQuery(meetingConductQuery, { meetingId: id });
  const conduct = data?.meetingConduct;
  const [announcement, setAnnouncement] = useState('');
  usePageTitle(conduct ? `${conduct.meeting.title}: live` : 'Live meeting');

  /** After the viewer's own change: refetch (its event, marked byViewer, is not announced). */
  const onChanged = useCallback(() => reload(), [reload]);

  useMeetingEvents(conduct ? id : undefined, (event) => {
    if (event.kind === 'SNAPSHOT') return;
    reload();
    // An event with nothing to say must not wipe the last announcement before a screen reader reads it.
    const text = announcementFor(event);
    if (text && !event.byViewer) setAnnouncement(text);
  });

  if (!conduct) {
    return (
      <>
        <h1>Live meeting</h1>
        <QueryProblem error={error} idPrefix="conduct" />
        {loading && <Loading />}
        {!loading && !error && <p>There is no such meeting, or you cannot see it.</p>}
      </>
    );
  }

  const current = conduct.items.find(({ item }) => item.id === conduct.live.currentItem?.itemId);

  return (
    <>
      <span className="nhsuk-caption-l">{conduct.meeting.committee?.name}</span>
      <h1>{conduct.meeting.title}</h1>
      <p>
        {formatLondonDate(conduct.meeting.startsAt)}
        {conduct.meeting.location ? `, ${conduct.meeting.location}` : ''}. {stageInWords[conduct.stage]}
        {conduct.viewerCanConduct ? '' : conduct.viewerChairs ? ' You chair this committee: you take items, run votes and record outcomes.' : ' You are following the meeting; the chair and secretary record it.'}
      </p>
      <div className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      <QueryProblem error={error} idPrefix="conduct" />
      {conduct.viewerCanConduct && <MeetingControls conduct={conduct} onChanged={onChanged} />}
      <p>
        <Link to={`/meetings/${encodeURIComponent(id)}/minutes`}>Minutes of this meeting</Link>
      </p>
      <MemberSection conduct={conduct} onChanged={onChanged} />
      {conduct.items.some(({ quorum }) => quorum.expected) && <ExpectedQuorum conduct={conduct} />}
      <AttendanceSection conduct={conduct} onChanged={onChanged} />
      <AgendaSection conduct={conduct} onChanged={onChanged} />
      {current ? (
        <CurrentItem conduct={conduct} item={current} onChanged={onChanged} />
      ) : (
        conduct.stage === 'OPEN' && <p>No item has been taken yet.</p>
      )}
      {!current && conduct.stage === 'CLOSED' && conduct.viewerCanConduct && (
        <AfterTheClose conduct={conduct} onChanged={onChanged} />
      )}
    </>
  );
}
