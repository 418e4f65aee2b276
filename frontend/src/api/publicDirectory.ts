import { gql } from './client';
import type {
  PublicDecisionsQuery,
  PublicDecisionsQueryVariables,
  PublicDirectoryQuery,
  PublicDirectoryQueryVariables,
} from '../generated/graphql';

export const publicDirectoryQuery = gql<PublicDirectoryQuery, PublicDirectoryQueryVariables>(`
  query PublicDirectory($search: String, $first: Int!, $after: String) {
    publicDirectory(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          odsCode
          name
          areaTeamName
        }
      }
    }
  }
`);

export const publicDecisionsQuery = gql<PublicDecisionsQuery, PublicDecisionsQueryVariables>(`
  query PublicDecisions($odsCode: String!, $first: Int!, $after: String) {
    publicOrganisation(odsCode: $odsCode) {
      id
      name
      odsCode
    }
    decisions(odsCode: $odsCode, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          route
          text
          decidedAt
          ratifiedAt
          delegationLabel
          committee {
            id
            name
          }
          meeting {
            id
            title
          }
          item {
            number
            title
          }
          vote {
            result
          }
        }
      }
    }
  }
`);
