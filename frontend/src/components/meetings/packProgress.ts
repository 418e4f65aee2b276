import type { PackBuildStatus, Part } from '../../generated/graphql';

/** A pack build the page follows, from the moment it is asked for until it is ready or has failed. */
export interface BuildProgress {
  buildId: string;
  part: Part;
  isSupplement: boolean;
  status: PackBuildStatus;
  /** 0 to 100; never goes back. */
  progress: number;
  message: string;
  pageCount: number | null;
  /** Why the page stopped hearing about the build, if it did. */
  lost: string | null;
}

export type ProgressState = BuildProgress | null;

export interface ProgressEvent {
  status: PackBuildStatus;
  progress: number;
  message: string;
  pageCount?: number | null;
}

export type ProgressAction =
  | { type: 'started'; buildId: string; part: Part; isSupplement: boolean; event: ProgressEvent }
  | { type: 'progress'; buildId: string; event: ProgressEvent }
  | { type: 'lost'; buildId: string; message: string }
  | { type: 'dismissed' };

export function isFinished(status: PackBuildStatus): boolean {
  return status === 'DONE' || status === 'FAILED';
}

function clamp(progress: number): number {
  return Math.min(100, Math.max(0, Math.round(Number.isFinite(progress) ? progress : 0)));
}

/**
 * Folds what the subscription reports into what the page shows. Events for another build, events after the end and
 * late events that would move the bar backwards change nothing; a finished build shows 100%.
 */
export function progressReducer(state: ProgressState, action: ProgressAction): ProgressState {
  switch (action.type) {
    case 'started':
      return {
        buildId: action.buildId,
        part: action.part,
        isSupplement: action.isSupplement,
        status: action.event.status,
        progress: clamp(action.event.progress),
        message: action.event.message,
        pageCount: action.event.pageCount ?? null,
        lost: null,
      };
    case 'progress': {
      if (!state || state.buildId !== action.buildId || isFinished(state.status)) return state;
      const { event } = action;
      return {
        ...state,
        status: event.status,
        progress: event.status === 'DONE' ? 100 : Math.max(state.progress, clamp(event.progress)),
        message: event.message || state.message,
        pageCount: event.pageCount ?? state.pageCount,
        lost: null,
      };
    }
    case 'lost':
      if (!state || state.buildId !== action.buildId || isFinished(state.status)) return state;
      return { ...state, lost: action.message };
    case 'dismissed':
      return null;
  }
}

const packNames: Record<Part, string> = { PUBLIC: 'public pack', PRIVATE: 'private pack' };

/** "public pack", "private supplement". */
export function packName(part: Part, isSupplement: boolean): string {
  return isSupplement ? `${part === 'PUBLIC' ? 'public' : 'private'} supplement` : packNames[part];
}

/** What the live region says: the stage the build has reached, then its outcome. */
export function progressAnnouncement(state: ProgressState): string {
  if (!state) return '';
  const name = packName(state.part, state.isSupplement);
  switch (state.status) {
    case 'QUEUED':
      return `The ${name} is waiting to be built.`;
    case 'RUNNING':
      return `Building the ${name}: ${state.message || 'working'} (${state.progress}%).`;
    case 'DONE':
      return `The ${name} is ready${state.pageCount ? `: ${state.pageCount} pages` : ''}.`;
    case 'FAILED':
      return `The ${name} could not be built. ${state.message}`.trim();
  }
}
