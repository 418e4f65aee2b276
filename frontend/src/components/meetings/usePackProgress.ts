import { useEffect, useReducer } from 'react';
import { request } from '../../api/client';
import { packBuildProgressSubscription, packBuildStatusQuery } from '../../api/packs';
import { subscribe } from '../../api/subscriptions';
import { isFinished, progressReducer } from './packProgress';

const pollEvery = 1000;

/**
 * The build the page is following, kept up to date by the packBuildProgress subscription. Should the live
 * connection fail, it asks for the build's state every second instead.
 */
export function usePackProgress() {
  const [state, dispatch] = useReducer(progressReducer, null);
  const buildId = state && !isFinished(state.status) ? state.buildId : null;

  useEffect(() => {
    if (!buildId) return;
    let stopped = false;
    let timer: number | undefined;

    async function poll() {
      if (stopped) return;
      try {
        const { node } = await request(packBuildStatusQuery, { id: buildId! });
        if (stopped || node?.__typename !== 'PackBuild') return;
        dispatch({ type: 'progress', buildId: buildId!, event: node });
        if (isFinished(node.status)) return;
      } catch {
        // Keep asking: the next answer may come through.
      }
      if (!stopped) timer = window.setTimeout(poll, pollEvery);
    }

    const unsubscribe = subscribe(
      packBuildProgressSubscription,
      { buildId },
      {
        next: ({ packBuildProgress }) => dispatch({ type: 'progress', buildId, event: packBuildProgress }),
        error: (messages) => {
          dispatch({ type: 'lost', buildId, message: messages.join(' ') });
          if (timer === undefined) void poll();
        },
        complete: () => undefined,
      },
    );
    return () => {
      stopped = true;
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [buildId]);

  return [state, dispatch] as const;
}
