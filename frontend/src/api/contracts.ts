import { gql } from './client';
import type {
  PrimaryCareContractsQuery,
  PrimaryCareContractsQueryVariables,
  UpdatePrimaryCareContractMutation,
  UpdatePrimaryCareContractMutationVariables,
} from '../generated/graphql';

export const primaryCareContractsQuery = gql<PrimaryCareContractsQuery, PrimaryCareContractsQueryVariables>(`
  query PrimaryCareContracts($first: Int!, $after: String) {
    primaryCareContracts(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          contractType
          startDate
          enhancedServices
          notes
          viewerCanChange
          practice {
            id
            odsCode
            name
          }
          areaTeam {
            id
            name
          }
        }
      }
    }
  }
`);

export const updatePrimaryCareContractMutation = gql<
  UpdatePrimaryCareContractMutation,
  UpdatePrimaryCareContractMutationVariables
>(`
  mutation UpdatePrimaryCareContract($input: UpdatePrimaryCareContractInput!) {
    updatePrimaryCareContract(input: $input) {
      contract {
        id
        contractType
        startDate
        enhancedServices
        notes
      }
      errors {
        field
        message
      }
    }
  }
`);
