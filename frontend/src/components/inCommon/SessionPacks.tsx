import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type FormError, onFields, request, toFormErrors } from '../../api/client';
import { buildSessionPackMutation } from '../../api/inCommon';
import { publishPackMutation } from '../../api/packs';
import { formatLondonDate } from '../../dates';
import type { InCommonSessionQuery, Part } from '../../generated/graphql';
import { ConfirmStep } from '../ConfirmStep';
import { ErrorSummary } from '../ErrorSummary';
import { publication, WithdrawPackForm } from '../meetings/PackWithdrawal';
import { PackStatusTag } from '../meetings/StatusTags';
import { Confirmation } from '../messages';
import { Table } from '../Table';

type Session = NonNullable<InCommonSessionQuery['inCommonSession']>;
type Pack = Session['packs'][number];

function packTitle(pack: Pack): string {
  return pack.part === 'PUBLIC' ? `Public pack ${pack.number}` : `Private pack ${pack.number}`;
}

/** The session's one pack: the convener builds and publishes the public pack (Part I); each organisation builds
 * its own private pack (Part I and its own Part II business), so no party's private papers reach another's members. */
export function SessionPacks({ session, onChanged }: { session: Session; onChanged: () => void }) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Pack | null>(null);
  const [withdrawing, setWithdrawing] = useState<Pack | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const convenes = session.arrangement.viewerConvenes;
  const mine = session.meetings.filter((m) => session.viewerBuildsPrivatePackFor.includes(m.committeeId));
  const building = session.packs.some((p) => p.status === 'QUEUED' || p.status === 'RUNNING');

  // Builds take seconds: ask again each second while one is under way.
  useEffect(() => {
    if (!building) return;
    const timer = window.setTimeout(onChanged, 1000);
    return () => window.clearTimeout(timer);
  }, [building, session.packs, onChanged]);

  async function build(part: Part, committeeId: string | null, label: string) {
    setErrors([]);
    setMessage(null);
    try {
      const { buildSessionPack } = await request(buildSessionPackMutation, {
        input: { sessionId: session.id, part, committeeId },
      });
      setErrors(onFields(buildSessionPack.errors, {}));
      if (buildSessionPack.build) {
        setMessage(`Building ${label}; it appears below when it is ready.`);
        onChanged();
      }
    } catch (problem) {
      setErrors(toFormErrors(problem));
    }
  }

  function withdrawn(text: string) {
    setWithdrawing(null);
    setMessage(text);
    onChanged();
    outcome.current?.focus();
  }

  async function publish(pack: Pack) {
    setConfirming(null);
    setMessage(null);
    try {
      const { publishPack } = await request(publishPackMutation, { input: { id: pack.id } });
      setErrors(onFields(publishPack.errors, {}));
      if (!publishPack.errors.length) {
        setMessage(`Published ${packTitle(pack).toLowerCase()}: anyone can now read it.`);
        onChanged();
        outcome.current?.focus();
      }
    } catch (problem) {
      setErrors(toFormErrors(problem));
    }
  }

  const canBuild = convenes || mine.length > 0;
  return (
    <section aria-labelledby="session-pack-heading">
      <h2 id="session-pack-heading">Session pack</h2>
      <ErrorSummary errors={errors} idPrefix="session-pack" title="The pack cannot be built" />
      {canBuild && (
        <>
          <p>
            One pack for the session: its agenda, each item once, with the papers of whichever committee holds them.
            The public pack holds Part I. Each organisation’s private pack adds its own Part II business only, and is
            stamped with the reader’s name when downloaded.
          </p>
          <div className="app-button-row">
            {convenes && (
              <button type="button" className="nhsuk-button" onClick={() => void build('PUBLIC', null, 'the public pack')}>
                Build the public pack
              </button>
            )}
            {mine.map((m) => (
              <button
                key={m.committeeId}
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={() => void build('PRIVATE', m.committeeId, `the private pack of ${m.organisationName}`)}
              >
                Build the private pack of {m.organisationName}
              </button>
            ))}
          </div>
        </>
      )}
      {session.packs.length ? (
        <Table
          caption={`Packs of ${session.title}`}
          compact
          head={['Pack', 'Status', 'Pages', 'Built', 'Published', <span className="nhsuk-u-visually-hidden">Actions</span>]}
          rows={session.packs.map((pack) => {
            const title = packTitle(pack);
            const actions: ReactNode[] = [];
            if (pack.url) {
              actions.push(
                <a key="download" href={pack.url} className="app-cell-link">
                  Download<span className="nhsuk-u-visually-hidden"> {title.toLowerCase()}</span> (PDF)
                </a>,
              );
            }
            if (convenes && pack.part === 'PUBLIC' && pack.status === 'DONE' && !pack.publishedAt) {
              actions.push(
                <button
                  key="publish"
                  type="button"
                  className="nhsuk-button nhsuk-button--small app-cell-button"
                  onClick={() => {
                    setMessage(null);
                    setWithdrawing(null);
                    setConfirming(pack);
                  }}
                >
                  Publish<span className="nhsuk-u-visually-hidden"> {title.toLowerCase()}</span>
                </button>,
              );
            }
            if (pack.viewerCanWithdraw) {
              actions.push(
                <button
                  key="withdraw"
                  type="button"
                  className="nhsuk-button nhsuk-button--small nhsuk-button--secondary app-cell-button"
                  onClick={() => {
                    setMessage(null);
                    setConfirming(null);
                    setWithdrawing(pack);
                  }}
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
      ) : (
        <p>{canBuild ? 'No pack has been built for this session yet.' : 'The session’s pack has not been published yet.'}</p>
      )}
      {confirming && (
        <ConfirmStep
          heading={`Publish ${packTitle(confirming).toLowerCase()}?`}
          confirmLabel="Yes, publish"
          onConfirm={() => void publish(confirming)}
          onCancel={() => setConfirming(null)}
          level={3}
        >
          <p>
            Anyone, without signing in, will be able to read this pack and the Part I papers of every committee in the
            session.
          </p>
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
        <Confirmation>{message}</Confirmation>
      </div>
    </section>
  );
}
