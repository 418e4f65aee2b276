import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type FormError, onFields, request, toFormErrors } from '../../api/client';
import { buildPackMutation, publishPackMutation } from '../../api/packs';
import { formatLondonDate } from '../../dates';
import type { Part } from '../../generated/graphql';
import { ConfirmStep } from '../ConfirmStep';
import { ErrorSummary } from '../ErrorSummary';
import { Checkbox } from '../fields';
import { Confirmation } from '../messages';
import { Table } from '../Table';
import { packName, progressAnnouncement } from './packProgress';
import { publication, WithdrawPackForm } from './PackWithdrawal';
import { PackStatusTag } from './StatusTags';
import type { MeetingDetail, PackDetail } from './types';
import { usePackProgress } from './usePackProgress';

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Public pack 2", "Private supplement 3". */
export function packTitle(pack: Pick<PackDetail, 'part' | 'isSupplement' | 'number'>): string {
  return `${capitalised(packName(pack.part, pack.isSupplement))} ${pack.number}`;
}

/** The newest finished build of each part that has pages to jump to (builds come newest first). */
function packsToJumpInto(packs: readonly PackDetail[]): PackDetail[] {
  const chosen = new Map<Part, PackDetail>();
  for (const pack of packs) {
    if (pack.status === 'DONE' && pack.url && !pack.isSupplement && pack.itemPages.length && !chosen.has(pack.part)) {
      chosen.set(pack.part, pack);
    }
  }
  return [...chosen.values()];
}

function JumpToItem({ pack, meeting }: { pack: PackDetail; meeting: MeetingDetail }) {
  const items = new Map(meeting.agenda.map((item) => [item.id, item]));
  const title = packTitle(pack);
  return (
    <section>
      <h3>Open {title.toLowerCase()} at an item</h3>
      <ol className="nhsuk-list app-jump-list">
        {pack.itemPages.map(({ itemId, page }) => {
          const item = items.get(itemId);
          if (!item) return null;
          return (
            <li key={itemId}>
              <a href={`${pack.url}?view=1#page=${page}`}>
                {item.number}. {item.title}
                <span className="nhsuk-u-visually-hidden"> in {title.toLowerCase()}</span>
              </a>{' '}
              <span className="app-secondary-text">(page {page})</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

interface BuildControlsProps {
  meeting: MeetingDetail;
  onChanged: () => void;
}

/** The secretary's buttons to build each pack, and the build's progress as it happens. */
function BuildControls({ meeting, onChanged }: BuildControlsProps) {
  const [progress, dispatch] = usePackProgress();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [supplement, setSupplement] = useState(false);
  const [starting, setStarting] = useState(false);
  const hasPublished = meeting.packs.some((pack) => pack.publishedAt && !pack.withdrawnAt);
  const following = useRef<string | null>(null);

  // Follow a build already under way when the page opens (the newest build comes first).
  const running = meeting.packs.find((pack) => pack.status === 'QUEUED' || pack.status === 'RUNNING');
  useEffect(() => {
    if (running && following.current === null) {
      following.current = running.id;
      const { id, part, isSupplement } = running;
      dispatch({ type: 'started', buildId: id, part, isSupplement, event: running });
    }
  }, [running, dispatch]);

  // Show the finished build in the list.
  const finished = progress && (progress.status === 'DONE' || progress.status === 'FAILED') ? progress.buildId : null;
  useEffect(() => {
    if (finished) onChanged();
  }, [finished, onChanged]);

  async function build(part: Part) {
    if (starting) return;
    setStarting(true);
    setErrors([]);
    try {
      const isSupplement = supplement && hasPublished;
      const { buildPack } = await request(buildPackMutation, {
        input: { meetingId: meeting.id, part, supplement: isSupplement },
      });
      setErrors(onFields(buildPack.errors, {}));
      if (buildPack.build) {
        following.current = buildPack.build.id;
        dispatch({
          type: 'started',
          buildId: buildPack.build.id,
          part: buildPack.build.part,
          isSupplement: buildPack.build.isSupplement,
          event: buildPack.build,
        });
      }
    } catch (problem) {
      setErrors(toFormErrors(problem));
    } finally {
      setStarting(false);
    }
  }

  const busy = starting || (progress !== null && (progress.status === 'QUEUED' || progress.status === 'RUNNING'));
  return (
    <>
      <ErrorSummary errors={errors} idPrefix="build-pack" title="The pack cannot be built" />
      <p>
        The public pack holds the Part I items; the private pack holds every item and is stamped with the reader’s name
        when downloaded. Each pack holds the papers their sponsors have approved.
      </p>
      {hasPublished && (
        <Checkbox
          id="build-pack-supplement"
          name="supplement"
          label="Build a supplement"
          hint="Only the papers approved since the pack was published, for papers that arrived late"
          defaultChecked={supplement}
          onChange={(event) => setSupplement(event.currentTarget.checked)}
        />
      )}
      <div className="app-button-row">
        <button type="button" className="nhsuk-button" onClick={() => !busy && build('PUBLIC')}>
          Build the public pack
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => !busy && build('PRIVATE')}
        >
          Build the private pack
        </button>
      </div>
      {progress && (
        <div className="app-pack-progress">
          <label className="nhsuk-label" htmlFor="pack-progress">
            Progress of the {packName(progress.part, progress.isSupplement)}
          </label>
          <progress id="pack-progress" className="app-progress" max={100} value={progress.progress}>
            {progress.progress}%
          </progress>
          {progress.lost && (
            <p className="nhsuk-body-s">The live connection was lost; Quorum is checking on the build every second.</p>
          )}
        </div>
      )}
      <div role="status" className="app-pack-progress__status">
        {progress && <p>{progressAnnouncement(progress)}</p>}
      </div>
    </>
  );
}

interface PacksTableProps {
  meeting: MeetingDetail;
  onPublish?: (pack: PackDetail) => void;
  onWithdraw?: (pack: PackDetail) => void;
}

function PacksTable({ meeting, onPublish, onWithdraw }: PacksTableProps) {
  return (
    <Table
      caption={`Board packs of ${meeting.title}`}
      compact
      head={['Pack', 'Status', 'Pages', 'Built', 'Published', <span className="nhsuk-u-visually-hidden">Actions</span>]}
      rows={meeting.packs.map((pack) => {
        const title = packTitle(pack);
        const actions: ReactNode[] = [];
        if (pack.url) {
          actions.push(
            <a key="download" href={pack.url} className="app-cell-link">
              Download<span className="nhsuk-u-visually-hidden"> {title.toLowerCase()}</span> (PDF)
            </a>,
            <a key="view" href={`${pack.url}?view=1`} className="app-cell-link">
              Open in the browser<span className="nhsuk-u-visually-hidden"> ({title.toLowerCase()})</span>
            </a>,
          );
        }
        if (onPublish && pack.status === 'DONE' && !pack.publishedAt) {
          actions.push(
            <button
              key="publish"
              type="button"
              className="nhsuk-button nhsuk-button--small app-cell-button"
              onClick={() => onPublish(pack)}
            >
              Publish<span className="nhsuk-u-visually-hidden"> {title.toLowerCase()}</span>
            </button>,
          );
        }
        if (onWithdraw && pack.publishedAt && !pack.withdrawnAt) {
          actions.push(
            <button
              key="withdraw"
              type="button"
              className="nhsuk-button nhsuk-button--small nhsuk-button--secondary app-cell-button"
              onClick={() => onWithdraw(pack)}
            >
              Withdraw<span className="nhsuk-u-visually-hidden"> {title.toLowerCase()}</span>
            </button>,
          );
        }
        return {
          key: pack.id,
          cells: [
            title,
            <>
              <PackStatusTag status={pack.status} />
              {pack.status === 'FAILED' && pack.message && <span className="app-cell-note">{pack.message}</span>}
            </>,
            pack.pageCount ?? '',
            formatLondonDate(pack.createdAt),
            publication(pack),
            actions.length ? <div className="app-cell-actions">{actions}</div> : '',
          ],
        };
      })}
    />
  );
}

/** The meeting's board packs: building them (for its secretary), publishing them, reading them. */
export function PacksSection({ meeting, onChanged }: { meeting: MeetingDetail; onChanged: () => void }) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [published, setPublished] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<PackDetail | null>(null);
  const [withdrawing, setWithdrawing] = useState<PackDetail | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const manage = meeting.viewerCanManage;

  function ask(pack: PackDetail) {
    setPublished(null);
    setErrors([]);
    setWithdrawing(null);
    setConfirming(pack);
  }

  function askWithdraw(pack: PackDetail) {
    setPublished(null);
    setConfirming(null);
    setWithdrawing(pack);
  }

  function withdrawn(message: string) {
    setWithdrawing(null);
    setPublished(message);
    onChanged();
    outcome.current?.focus();
  }

  async function publish(pack: PackDetail) {
    setConfirming(null);
    setPublished(null);
    try {
      const { publishPack } = await request(publishPackMutation, { input: { id: pack.id } });
      setErrors(onFields(publishPack.errors, {}));
      if (!publishPack.errors.length) {
        setPublished(
          pack.part === 'PUBLIC'
            ? `Published ${packTitle(pack).toLowerCase()}: anyone can now read it and its papers.`
            : `Published ${packTitle(pack).toLowerCase()} to the committee’s members.`,
        );
        onChanged();
        outcome.current?.focus();
      }
    } catch (problem) {
      setErrors(toFormErrors(problem));
    }
  }

  return (
    <section>
      <h2>Board packs</h2>
      {manage && <BuildControls meeting={meeting} onChanged={onChanged} />}
      <ErrorSummary errors={errors} idPrefix="publish-pack" />
      {meeting.packs.length ? (
        <PacksTable
          meeting={meeting}
          onPublish={manage ? ask : undefined}
          onWithdraw={manage ? askWithdraw : undefined}
        />
      ) : (
        <p>
          {manage
            ? 'No pack has been built for this meeting yet.'
            : 'The papers for this meeting have not been published yet.'}
        </p>
      )}
      {confirming && (
        <ConfirmStep
          heading={`Publish ${packTitle(confirming).toLowerCase()}?`}
          confirmLabel="Yes, publish"
          onConfirm={() => publish(confirming)}
          onCancel={() => setConfirming(null)}
          level={3}
        >
          {confirming.part === 'PUBLIC' ? (
            <p>
              Anyone, without signing in, will be able to read this pack and the Part I papers in it. Its papers become
              part of the published record; to take the pack down later you must withdraw it and say why, publicly.
            </p>
          ) : (
            <p>
              Every member of the committee who may see private business will be able to read this pack and its Part II
              papers, and will be told it is published.
            </p>
          )}
        </ConfirmStep>
      )}
      {withdrawing && (
        <WithdrawPackForm
          pack={withdrawing}
          title={packTitle(withdrawing).toLowerCase()}
          onWithdrawn={withdrawn}
          onCancel={() => setWithdrawing(null)}
        />
      )}
      <div tabIndex={-1} ref={outcome} className="app-outcome">
        <Confirmation>{published}</Confirmation>
      </div>
      {packsToJumpInto(meeting.packs).map((pack) => (
        <JumpToItem key={pack.id} pack={pack} meeting={meeting} />
      ))}
    </section>
  );
}
