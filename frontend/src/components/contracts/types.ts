import type { PrimaryCareContractsQuery } from '../../generated/graphql';

export type ContractRecord = PrimaryCareContractsQuery['primaryCareContracts']['edges'][number]['node'];

export function practiceName(contract: ContractRecord): string {
  return contract.practice ? `${contract.practice.name} (${contract.practice.odsCode})` : 'A practice you cannot see';
}
