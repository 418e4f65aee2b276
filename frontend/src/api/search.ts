import { gql } from './client';
import type { SearchQuery, SearchQueryVariables } from '../generated/graphql';

export const searchQuery = gql<SearchQuery, SearchQueryVariables>(`
  query Search(
    $query: String!
    $organisationId: ID
    $committeeId: ID
    $from: Date
    $to: Date
    $first: Int!
    $after: String
  ) {
    search(
      query: $query
      organisationId: $organisationId
      committeeId: $committeeId
      from: $from
      to: $to
      first: $first
      after: $after
    ) {
      problem
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      edges {
        cursor
        node {
          kind
          id
          title
          path
          organisationName
          committeeName
          date
          snippet {
            text
            highlighted
          }
        }
      }
    }
  }
`);
