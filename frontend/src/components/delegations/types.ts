import { formatLondonDate } from '../../dates';
import type { DelegationsQuery } from '../../generated/graphql';

/** A delegation as the register shows it. */
export type RegisteredDelegation = DelegationsQuery['delegations']['edges'][number]['node'];

/** Names a delegation in a sentence: "the delegation to Bolton primary care joint committee from 1 April 2025". */
export function describeDelegation(delegation: {
  validFrom: string;
  receivingCommittee: { name: string } | null;
}): string {
  const to = delegation.receivingCommittee ? ` to ${delegation.receivingCommittee.name}` : '';
  return `the delegation${to} from ${formatLondonDate(delegation.validFrom)}`;
}

/** A delegation can still be revoked, or given its agreement, until it has ended. */
export function isOpen(delegation: { status: string }): boolean {
  return delegation.status === 'ACTIVE' || delegation.status === 'FUTURE';
}
