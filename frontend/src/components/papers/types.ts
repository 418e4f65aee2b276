import type { PaperQuery } from '../../generated/graphql';

/** A paper as its page shows it. */
export type PaperDetail = Extract<NonNullable<PaperQuery['node']>, { __typename: 'Paper' }>;
export type PaperVersionDetail = NonNullable<PaperDetail['currentVersion']>;
export type AppendixDetail = PaperVersionDetail['appendices'][number];
