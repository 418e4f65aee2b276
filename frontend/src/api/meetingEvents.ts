import { createClient } from 'graphql-ws';
import { useEffect, useEffectEvent } from 'react';
import type { MeetingEventsSubscription } from '../generated/graphql';
import { gql } from './client';

export const meetingEventsSubscription = gql<MeetingEventsSubscription, { meetingId: string }>(`
  subscription MeetingEvents($meetingId: ID!) {
    meetingEvents(meetingId: $meetingId) {
      kind
      itemId
      voteId
      byViewer
      live {
        currentItem {
          number
          title
        }
        vote {
          cast
          eligible
          isOpen
          result
        }
      }
    }
  }
`);

export type MeetingEvent = MeetingEventsSubscription['meetingEvents'];

/**
 * Listens to the meeting's events over the GraphQL WebSocket (graphql-transport-ws) for as long as
 * the component is mounted, and calls onEvent with each one. It reconnects by itself.
 */
export function useMeetingEvents(meetingId: string | undefined, onEvent: (event: MeetingEvent) => void): void {
  // The latest onEvent, without reconnecting each time the caller renders a new function.
  const handle = useEffectEvent(onEvent);

  useEffect(() => {
    if (!meetingId || typeof WebSocket === 'undefined') return;
    const client = createClient({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      retryAttempts: Infinity,
      shouldRetry: () => true,
    });
    const stop = client.subscribe<MeetingEventsSubscription>(
      { query: meetingEventsSubscription.source, variables: { meetingId } },
      {
        next: (result) => {
          if (result.data) handle(result.data.meetingEvents);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return () => {
      stop();
      void client.dispose();
    };
  }, [meetingId]);
}
