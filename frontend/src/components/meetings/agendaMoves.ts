import type { Part } from '../../generated/graphql';

/**
 * Moving agenda items, worked out from the agenda as the API lists it (Part I then Part II, each item followed by its
 * sub-items). moveAgendaItem wants a parent and a 1-based position among that parent's other children.
 *
 * The API does not say where each main item stands among all the main items (Part I and Part II ones share one
 * order; the agenda shows Part I first). So the builder keeps Part I items before Part II ones in that shared order
 * too (see positionAtPartBoundary), and then an item's place on the agenda is its place in the shared order.
 */
export interface AgendaEntry {
  id: string;
  title: string;
  part: Part;
  isSubItem: boolean;
}

export interface MainItem<T extends AgendaEntry> {
  item: T;
  subItems: T[];
}

/** What moveAgendaItem takes: the item, its new parent (null for a main item) and its place among its siblings. */
export interface Move {
  id: string;
  parentId: string | null;
  position: number;
}

export type MoveOutcome = { move: Move } | { problem: string };

/** The agenda's main items, each with its sub-items, in order. */
export function mainItems<T extends AgendaEntry>(agenda: readonly T[]): MainItem<T>[] {
  const result: MainItem<T>[] = [];
  for (const item of agenda) {
    if (item.isSubItem && result.length) result[result.length - 1].subItems.push(item);
    else result.push({ item, subItems: [] });
  }
  return result;
}

interface Place<T extends AgendaEntry> {
  tops: MainItem<T>[];
  /** Index among the main items: of the item itself, or of its parent for a sub-item. */
  topIndex: number;
  /** Index among its parent's sub-items, or -1 for a main item. */
  subIndex: number;
}

function placeOf<T extends AgendaEntry>(agenda: readonly T[], id: string): Place<T> | null {
  const tops = mainItems(agenda);
  for (let topIndex = 0; topIndex < tops.length; topIndex += 1) {
    if (tops[topIndex].item.id === id) return { tops, topIndex, subIndex: -1 };
    const subIndex = tops[topIndex].subItems.findIndex((sub) => sub.id === id);
    if (subIndex >= 0) return { tops, topIndex, subIndex };
  }
  return null;
}

/**
 * Where a main item of this part goes so that Part I stays before Part II: right after every other Part I item (the
 * last of Part I, or the first of Part II). For an item just added, whose part just changed, or that becomes a main item.
 */
export function positionAtPartBoundary(agenda: readonly AgendaEntry[], id: string): number {
  return mainItems(agenda).filter(({ item }) => item.id !== id && item.part === 'PUBLIC').length + 1;
}

export interface AvailableMoves {
  up: boolean;
  down: boolean;
  /** Can become a sub-item of the main item above it. */
  intoPrevious: boolean;
  /** Is a sub-item that can become a main item. */
  outOfParent: boolean;
}

export function availableMoves(agenda: readonly AgendaEntry[], id: string): AvailableMoves {
  const place = placeOf(agenda, id);
  if (!place) return { up: false, down: false, intoPrevious: false, outOfParent: false };
  const { tops, topIndex, subIndex } = place;
  if (subIndex >= 0) {
    const count = tops[topIndex].subItems.length;
    return { up: subIndex > 0, down: subIndex < count - 1, intoPrevious: false, outOfParent: true };
  }
  const { item, subItems } = tops[topIndex];
  return {
    up: topIndex > 0 && tops[topIndex - 1].item.part === item.part,
    down: topIndex < tops.length - 1 && tops[topIndex + 1].item.part === item.part,
    intoPrevious: topIndex > 0 && subItems.length === 0,
    outOfParent: false,
  };
}

/** One place earlier among its siblings (Part II items stay in Part II). */
export function moveUp(agenda: readonly AgendaEntry[], id: string): Move | null {
  const place = placeOf(agenda, id);
  if (!place || !availableMoves(agenda, id).up) return null;
  const { tops, topIndex, subIndex } = place;
  if (subIndex >= 0) return { id, parentId: tops[topIndex].item.id, position: subIndex };
  return { id, parentId: null, position: topIndex };
}

/** One place later among its siblings. */
export function moveDown(agenda: readonly AgendaEntry[], id: string): Move | null {
  const place = placeOf(agenda, id);
  if (!place || !availableMoves(agenda, id).down) return null;
  const { tops, topIndex, subIndex } = place;
  if (subIndex >= 0) return { id, parentId: tops[topIndex].item.id, position: subIndex + 2 };
  return { id, parentId: null, position: topIndex + 2 };
}

/** Makes a main item the last sub-item of the main item above it. */
export function makeSubItem(agenda: readonly AgendaEntry[], id: string): Move | null {
  const place = placeOf(agenda, id);
  if (!place || !availableMoves(agenda, id).intoPrevious) return null;
  const parent = place.tops[place.topIndex - 1];
  return { id, parentId: parent.item.id, position: parent.subItems.length + 1 };
}

/** Makes a sub-item a main item straight after its parent (or at the edge of its own part). */
export function makeMainItem(agenda: readonly AgendaEntry[], id: string): Move | null {
  const place = placeOf(agenda, id);
  if (!place || place.subIndex < 0) return null;
  const parent = place.tops[place.topIndex];
  const item = parent.subItems[place.subIndex];
  if (item.part !== parent.item.part) return { id, parentId: null, position: positionAtPartBoundary(agenda, id) };
  return { id, parentId: null, position: place.topIndex + 2 };
}

const partsProblem = 'Part I items come before Part II items. Change the item’s part to move it to the other part.';

/**
 * Dropping one item on another: it takes the other's place. Among the same siblings that is before it when moving
 * up and after it when moving down; under another parent, just before it. (Either way its position is the other's.)
 */
export function dropOn(agenda: readonly AgendaEntry[], draggedId: string, targetId: string): MoveOutcome | null {
  if (draggedId === targetId) return null;
  const dragged = placeOf(agenda, draggedId);
  const target = placeOf(agenda, targetId);
  if (!dragged || !target) return null;
  const { tops } = dragged;
  const draggedTop = tops[dragged.topIndex];
  const draggedItem = dragged.subIndex >= 0 ? draggedTop.subItems[dragged.subIndex] : draggedTop.item;

  if (target.subIndex < 0) {
    if (draggedItem.part !== tops[target.topIndex].item.part) return { problem: partsProblem };
    return { move: { id: draggedId, parentId: null, position: target.topIndex + 1 } };
  }
  if (dragged.subIndex < 0 && draggedTop.subItems.length) {
    return { problem: 'An item with sub-items cannot become a sub-item.' };
  }
  return { move: { id: draggedId, parentId: tops[target.topIndex].item.id, position: target.subIndex + 1 } };
}
