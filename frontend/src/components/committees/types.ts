import type { CommitteeQuery } from '../../generated/graphql';

/** A committee as its page shows it. */
export type CommitteeDetail = Extract<NonNullable<CommitteeQuery['node']>, { __typename: 'Committee' }>;
export type SeatDetail = CommitteeDetail['seats'][number];
