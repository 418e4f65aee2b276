import { describe, expect, it } from 'vitest';
import type { Part } from '../../generated/graphql';
import {
  type AgendaEntry,
  availableMoves,
  dropOn,
  type Move,
  makeMainItem,
  makeSubItem,
  moveDown,
  moveUp,
  positionAtPartBoundary,
} from './agendaMoves';

/** What the server stores: each item's parent and position among its siblings (both parts share one order). */
interface Stored {
  id: string;
  part: Part;
  parentId: string | null;
  position: number;
}

/** The server's agenda order: Part I main items, then Part II, each by position and followed by its sub-items. */
function listed(items: Stored[]): AgendaEntry[] {
  const byPosition = (a: Stored, b: Stored) => a.position - b.position;
  const tops = items
    .filter((item) => item.parentId === null)
    .sort((a, b) => (a.part === b.part ? a.position - b.position : a.part === 'PUBLIC' ? -1 : 1));
  return tops.flatMap((top) => [
    { id: top.id, title: top.id, part: top.part, isSubItem: false },
    ...items
      .filter((item) => item.parentId === top.id)
      .sort(byPosition)
      .map((sub) => ({ id: sub.id, title: sub.id, part: sub.part, isSubItem: true })),
  ]);
}

/** The server's move: the item goes to the position among its new siblings; the old siblings close the gap. */
function applied(items: Stored[], { id, parentId, position }: Move): Stored[] {
  const moving = items.find((item) => item.id === id)!;
  const siblings = items
    .filter((item) => item.parentId === parentId && item.id !== id)
    .sort((a, b) => a.position - b.position);
  expect(position).toBeGreaterThanOrEqual(1);
  expect(position).toBeLessThanOrEqual(siblings.length + 1);
  siblings.splice(position - 1, 0, moving);
  const placed = new Map(siblings.map((item, index) => [item.id, { parentId, position: index + 1 }]));
  if (moving.parentId !== parentId) {
    items
      .filter((item) => item.parentId === moving.parentId && item.id !== id)
      .sort((a, b) => a.position - b.position)
      .forEach((item, index) => placed.set(item.id, { parentId: moving.parentId, position: index + 1 }));
  }
  return items.map((item) => ({ ...item, ...placed.get(item.id) }));
}

function ids(agenda: AgendaEntry[]): string {
  return agenda.map((item) => (item.isSubItem ? `  ${item.id}` : item.id)).join(',');
}

/** Welcome, Quorum, Finance (with sub-items a and b), Questions: Part I; then Contract and Staffing: Part II. */
function meeting(): Stored[] {
  return [
    { id: 'welcome', part: 'PUBLIC', parentId: null, position: 1 },
    { id: 'quorum', part: 'PUBLIC', parentId: null, position: 2 },
    { id: 'finance', part: 'PUBLIC', parentId: null, position: 3 },
    { id: 'a', part: 'PUBLIC', parentId: 'finance', position: 1 },
    { id: 'b', part: 'PUBLIC', parentId: 'finance', position: 2 },
    { id: 'questions', part: 'PUBLIC', parentId: null, position: 4 },
    { id: 'contract', part: 'PRIVATE', parentId: null, position: 5 },
    { id: 'staffing', part: 'PRIVATE', parentId: null, position: 6 },
  ];
}

function after(items: Stored[], move: Move | null): string {
  expect(move).not.toBeNull();
  return ids(listed(applied(items, move!)));
}

describe('keyboard moves', () => {
  const items = meeting();
  const agenda = listed(items);

  it('moves a main item up and down among the items of its part', () => {
    expect(after(items, moveUp(agenda, 'questions'))).toBe(
      'welcome,quorum,questions,finance,  a,  b,contract,staffing',
    );
    expect(after(items, moveDown(agenda, 'welcome'))).toBe('quorum,welcome,finance,  a,  b,questions,contract,staffing');
    expect(after(items, moveUp(agenda, 'staffing'))).toBe('welcome,quorum,finance,  a,  b,questions,staffing,contract');
  });

  it('keeps Part I and Part II apart and the ends fixed', () => {
    expect(availableMoves(agenda, 'welcome')).toMatchObject({ up: false, down: true });
    expect(availableMoves(agenda, 'questions')).toMatchObject({ up: true, down: false });
    expect(availableMoves(agenda, 'contract')).toMatchObject({ up: false, down: true });
    expect(moveDown(agenda, 'questions')).toBeNull();
    expect(moveUp(agenda, 'contract')).toBeNull();
  });

  it('moves sub-items among their siblings only', () => {
    expect(availableMoves(agenda, 'a')).toEqual({ up: false, down: true, intoPrevious: false, outOfParent: true });
    expect(after(items, moveDown(agenda, 'a'))).toBe('welcome,quorum,finance,  b,  a,questions,contract,staffing');
    expect(after(items, moveUp(agenda, 'b'))).toBe('welcome,quorum,finance,  b,  a,questions,contract,staffing');
    expect(moveUp(agenda, 'a')).toBeNull();
  });

  it('makes a main item the last sub-item of the one above, and back again straight after its parent', () => {
    const indented = applied(items, makeSubItem(agenda, 'questions')!);
    expect(ids(listed(indented))).toBe('welcome,quorum,finance,  a,  b,  questions,contract,staffing');
    expect(after(indented, makeMainItem(listed(indented), 'questions'))).toBe(
      'welcome,quorum,finance,  a,  b,questions,contract,staffing',
    );
    // Its parent keeps its other sub-items, so it comes after them.
    expect(after(items, makeMainItem(agenda, 'a'))).toBe('welcome,quorum,finance,  b,a,questions,contract,staffing');
  });

  it('refuses to make a sub-item of the first item or of an item with sub-items', () => {
    expect(availableMoves(agenda, 'welcome').intoPrevious).toBe(false);
    expect(availableMoves(agenda, 'finance').intoPrevious).toBe(false);
    expect(makeSubItem(agenda, 'finance')).toBeNull();
  });

  it('sends a Part II sub-item that leaves a Part I parent to the start of Part II', () => {
    const mixed = items.map((item) => (item.id === 'b' ? { ...item, part: 'PRIVATE' as Part } : item));
    expect(after(mixed, makeMainItem(listed(mixed), 'b'))).toBe(
      'welcome,quorum,finance,  a,questions,b,contract,staffing',
    );
  });
});

describe('positionAtPartBoundary', () => {
  it('puts a new Part I item last in Part I, before the Part II items the server put it after', () => {
    const added: Stored[] = [...meeting(), { id: 'strategy', part: 'PUBLIC', parentId: null, position: 7 }];
    expect(ids(listed(added))).toBe('welcome,quorum,finance,  a,  b,questions,strategy,contract,staffing');
    const settled = applied(added, { id: 'strategy', parentId: null, position: positionAtPartBoundary(listed(meeting()), 'strategy') });
    expect(ids(listed(settled))).toBe('welcome,quorum,finance,  a,  b,questions,strategy,contract,staffing');
    // Part II items now follow in the shared order too, so moving it up a place is one place on the agenda.
    expect(after(settled, moveUp(listed(settled), 'strategy'))).toBe(
      'welcome,quorum,finance,  a,  b,strategy,questions,contract,staffing',
    );
  });

  it('puts an item that changed part at the edge of its new part', () => {
    const changed = meeting().map((item) => (item.id === 'quorum' ? { ...item, part: 'PRIVATE' as Part } : item));
    const before = listed(meeting());
    const settled = applied(changed, { id: 'quorum', parentId: null, position: positionAtPartBoundary(before, 'quorum') });
    expect(ids(listed(settled))).toBe('welcome,finance,  a,  b,questions,quorum,contract,staffing');
    expect(after(settled, moveDown(listed(settled), 'quorum'))).toBe(
      'welcome,finance,  a,  b,questions,contract,quorum,staffing',
    );
  });
});

describe('dropOn', () => {
  const items = meeting();
  const agenda = listed(items);

  it('puts a dragged item in the place of the one it is dropped on', () => {
    const down = dropOn(agenda, 'welcome', 'finance');
    expect(down && 'move' in down && after(items, down.move)).toBe('quorum,finance,  a,  b,welcome,questions,contract,staffing');
    const up = dropOn(agenda, 'questions', 'quorum');
    expect(up && 'move' in up && after(items, up.move)).toBe('welcome,questions,quorum,finance,  a,  b,contract,staffing');
  });

  it('makes a main item a sub-item when dropped on a sub-item, and a sub-item a main item when dropped on one', () => {
    const into = dropOn(agenda, 'quorum', 'b');
    expect(into && 'move' in into && after(items, into.move)).toBe('welcome,finance,  a,  quorum,  b,questions,contract,staffing');
    const out = dropOn(agenda, 'a', 'questions');
    expect(out && 'move' in out && after(items, out.move)).toBe('welcome,quorum,finance,  b,a,questions,contract,staffing');
  });

  it('explains the drops it cannot make, and ignores a drop on the item itself', () => {
    expect(dropOn(agenda, 'welcome', 'contract')).toEqual({ problem: expect.stringContaining('Part II') });
    expect(dropOn(agenda, 'finance', 'welcome')).toHaveProperty('move');
    expect(dropOn(listed(applied(items, makeSubItem(agenda, 'questions')!)), 'finance', 'a')).toEqual({
      problem: 'An item with sub-items cannot become a sub-item.',
    });
    expect(dropOn(agenda, 'quorum', 'quorum')).toBeNull();
  });
});
