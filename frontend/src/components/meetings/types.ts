import type { MeetingQuery } from '../../generated/graphql';

/** A meeting as its page shows it. */
export type MeetingDetail = Extract<NonNullable<MeetingQuery['node']>, { __typename: 'Meeting' }>;
export type AgendaItemDetail = MeetingDetail['agenda'][number];
export type PackDetail = MeetingDetail['packs'][number];
