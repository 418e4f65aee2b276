import { type DragEvent, useEffect, useRef, useState } from 'react';
import { type FormError, onFields, request, toFormErrors } from '../../api/client';
import { moveAgendaItemMutation } from '../../api/meetings';
import type { MoveAgendaItemMutation } from '../../generated/graphql';
import { formatStartTime } from '../../dates';
import { partShortInWords, purposeInWords } from '../../vocabulary';
import { ErrorSummary } from '../ErrorSummary';
import { Confirmation } from '../messages';
import { AddAgendaItemForm, ChangeAgendaItemForm } from './AgendaItemForm';
import {
  type AvailableMoves,
  availableMoves,
  dropOn,
  type Move,
  makeMainItem,
  makeSubItem,
  moveDown,
  moveUp,
} from './agendaMoves';
import { PaperCell } from './AgendaTable';
import { QualityPapersSection } from './QualityPapersSection';
import { RequestPaperForm } from './RequestPaperForm';
import type { AgendaItemDetail, MeetingDetail } from './types';

type MovedAgenda = MoveAgendaItemMutation['moveAgendaItem']['agenda'];
type MoveAction = 'up' | 'down' | 'into' | 'out';
type PanelAction = 'change' | 'paper';

const moveLabels: Record<MoveAction, string> = {
  up: 'Move up',
  down: 'Move down',
  into: 'Make sub-item',
  out: 'Make main item',
};

const moveFinders: Record<MoveAction, (agenda: readonly AgendaItemDetail[], id: string) => Move | null> = {
  up: moveUp,
  down: moveDown,
  into: makeSubItem,
  out: makeMainItem,
};

function offered(moves: AvailableMoves): MoveAction[] {
  return (
    [
      ['up', moves.up],
      ['down', moves.down],
      ['into', moves.intoPrevious],
      ['out', moves.outOfParent],
    ] as const
  )
    .filter(([, available]) => available)
    .map(([action]) => action);
}

function buttonId(action: MoveAction | PanelAction, id: string): string {
  return `agenda-${action}-${id}`;
}

function headingId(id: string): string {
  return `agenda-item-${id}`;
}

/** The agenda in the order a move returned, with each item's other details from the meeting as loaded. */
function reordered(loaded: readonly AgendaItemDetail[], moved: MovedAgenda): AgendaItemDetail[] {
  const byId = new Map(loaded.map((item) => [item.id, item]));
  return moved.flatMap((entry) => {
    const item = byId.get(entry.id);
    return item ? [{ ...item, ...entry }] : [];
  });
}

interface AgendaBuilderProps {
  meeting: MeetingDetail;
  onChanged: () => void;
}

/**
 * The secretary's agenda: items and sub-items moved with buttons (one place up or down, into the item above or out
 * of their item) or by dragging one row onto another; each move is announced and the numbering comes back from the API.
 */
export function AgendaBuilder({ meeting, onChanged }: AgendaBuilderProps) {
  const [moved, setMoved] = useState<{ base: readonly AgendaItemDetail[]; agenda: MovedAgenda } | null>(null);
  const agenda = moved && moved.base === meeting.agenda ? reordered(meeting.agenda, moved.agenda) : meeting.agenda;
  const [errors, setErrors] = useState<FormError[]>([]);
  const [news, setNews] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const [panel, setPanel] = useState<{ action: PanelAction; item: AgendaItemDetail } | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const focusNext = useRef<{ id: string; action: MoveAction } | null>(null);
  const outcome = useRef<HTMLDivElement>(null);

  // After a move, keep the keyboard where it was: on the same button of the moved item, or the next best thing.
  useEffect(() => {
    const wanted = focusNext.current;
    if (!wanted) return;
    focusNext.current = null;
    const target =
      document.getElementById(buttonId(wanted.action, wanted.id)) ??
      offered(availableMoves(agenda, wanted.id))
        .map((action) => document.getElementById(buttonId(action, wanted.id)))
        .find(Boolean) ??
      document.getElementById(headingId(wanted.id));
    target?.focus();
  });

  async function perform(move: Move, action?: MoveAction) {
    if (moving) return;
    const title = agenda.find((item) => item.id === move.id)?.title ?? 'The item';
    setMoving(true);
    setNews(null);
    try {
      const { moveAgendaItem } = await request(moveAgendaItemMutation, { input: move });
      setErrors(onFields(moveAgendaItem.errors, {}));
      if (!moveAgendaItem.errors.length) {
        setMoved({ base: meeting.agenda, agenda: moveAgendaItem.agenda });
        const number = moveAgendaItem.agenda.find((item) => item.id === move.id)?.number;
        setNews(`Moved “${title}”: it is now item ${number}.`);
        focusNext.current = action ? { id: move.id, action } : null;
      }
    } catch (problem) {
      setErrors(toFormErrors(problem));
    } finally {
      setMoving(false);
    }
  }

  function drop(event: DragEvent<HTMLLIElement>, targetId: string) {
    event.preventDefault();
    const draggedId = dragged ?? event.dataTransfer.getData('text/plain');
    setDragged(null);
    setOver(null);
    if (!draggedId) return;
    const result = dropOn(agenda, draggedId, targetId);
    if (!result) return;
    if ('problem' in result) {
      setNews(null);
      setErrors([{ field: null, message: result.problem }]);
      return;
    }
    void perform(result.move);
  }

  function open(action: PanelAction, item: AgendaItemDetail) {
    setNews(null);
    setPanel({ action, item });
  }

  function cancel() {
    const button = panel && document.getElementById(buttonId(panel.action, panel.item.id));
    setPanel(null);
    button?.focus();
  }

  function finish(message: string) {
    setPanel(null);
    setNews(message);
    onChanged();
    outcome.current?.focus();
  }

  return (
    <>
      <p>
        Move an item with its buttons, or drag it onto another item to take that item’s place. Part I items come before
        Part II items; to move an item between the parts, change its part.
      </p>
      <ErrorSummary errors={errors} idPrefix="agenda-move" title="The item was not moved" />
      <div tabIndex={-1} ref={outcome} className="app-outcome">
        <Confirmation>{news}</Confirmation>
      </div>
      <h2>Items</h2>
      {agenda.length === 0 && <p>The agenda has no items yet.</p>}
      <ol className="app-agenda-builder" aria-label={`Agenda of ${meeting.title}`}>
        {agenda.map((item) => {
          const actions = offered(availableMoves(agenda, item.id));
          const name = `${item.number}. ${item.title}`;
          const classes = [
            'app-agenda-builder__item',
            item.isSubItem && 'app-agenda-builder__item--sub',
            dragged === item.id && 'app-agenda-builder__item--dragged',
            over === item.id && dragged !== item.id && 'app-agenda-builder__item--over',
          ];
          return (
            <li
              key={item.id}
              className={classes.filter(Boolean).join(' ')}
              draggable={panel?.item.id !== item.id}
              onDragStart={(event) => {
                event.dataTransfer.setData('text/plain', item.id);
                event.dataTransfer.effectAllowed = 'move';
                setDragged(item.id);
              }}
              onDragOver={(event) => {
                if (!dragged || dragged === item.id) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                if (over !== item.id) setOver(item.id);
              }}
              onDragLeave={() => over === item.id && setOver(null)}
              onDrop={(event) => drop(event, item.id)}
              onDragEnd={() => {
                setDragged(null);
                setOver(null);
              }}
            >
              <h3 className="app-agenda-builder__title" id={headingId(item.id)} tabIndex={-1}>
                <span className="app-agenda-builder__number">{item.number}</span> {item.title}
              </h3>
              <p className="nhsuk-body-s app-agenda-builder__details">
                {formatStartTime(item.startsAt)} for {item.minutesAllotted} min · {purposeInWords[item.purpose]} ·{' '}
                {item.presenter || 'No presenter yet'} · {partShortInWords[item.part]}
              </p>
              {(item.paper || item.needsPaper) && (
                <p className="nhsuk-body-s app-agenda-builder__details">
                  Paper: <PaperCell item={item} canManage />
                </p>
              )}
              <div className="app-agenda-builder__actions">
                {actions.map((action) => (
                  <button
                    key={action}
                    id={buttonId(action, item.id)}
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                    onClick={() => {
                      const move = moveFinders[action](agenda, item.id);
                      if (move) void perform(move, action);
                    }}
                  >
                    {moveLabels[action]}
                    <span className="nhsuk-u-visually-hidden"> ({name})</span>
                  </button>
                ))}
                <button
                  id={buttonId('change', item.id)}
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                  onClick={() => open('change', item)}
                >
                  Change<span className="nhsuk-u-visually-hidden"> item {name}</span>
                </button>
                {!item.paper && (
                  <button
                    id={buttonId('paper', item.id)}
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                    onClick={() => open('paper', item)}
                  >
                    Request a paper<span className="nhsuk-u-visually-hidden"> for {name}</span>
                  </button>
                )}
              </div>
              {panel?.item.id === item.id && panel.action === 'change' && (
                <ChangeAgendaItemForm item={panel.item} agenda={agenda} onChanged={finish} onCancel={cancel} />
              )}
              {panel?.item.id === item.id && panel.action === 'paper' && (
                <RequestPaperForm meeting={meeting} item={panel.item} onRequested={finish} onCancel={cancel} />
              )}
            </li>
          );
        })}
      </ol>
      <AddAgendaItemForm meetingId={meeting.id} agenda={agenda} onAdded={finish} />
      <QualityPapersSection meeting={meeting} onAdded={onChanged} />
    </>
  );
}
