import { gql } from './client';
import type {
  IndicatorCcgsQuery,
  IndicatorCcgsQueryVariables,
  ImportIndicatorsMutation,
  ImportIndicatorsMutationVariables,
  IndicatorsOverviewQuery,
  IndicatorsOverviewQueryVariables,
  PracticeIndicatorsQuery,
  PracticeIndicatorsQueryVariables,
  PublicIndicatorsQuery,
  PublicIndicatorsQueryVariables,
} from '../generated/graphql';


export const publicIndicatorsQuery = gql<PublicIndicatorsQuery, PublicIndicatorsQueryVariables>(`
  query PublicIndicators($organisationId: ID!) {
    indicators(organisationId: $organisationId) {
      id
      code
      name
      unit
      higherIsBetter
      publicSummary {
        period
        practices
        lowerQuartile
        median
        upperQuartile
        mean
        withheldReason
      }
    }
  }
`);

export const indicatorsOverviewQuery = gql<IndicatorsOverviewQuery, IndicatorsOverviewQueryVariables>(`
  query IndicatorsOverview($organisationId: ID!) {
    indicators(organisationId: $organisationId) {
      id
      code
      name
      unit
      higherIsBetter
      viewerSeesNamed
      publicSummary {
        period
        practices
        lowerQuartile
        median
        upperQuartile
        mean
        withheldReason
      }
      namedFigures {
        summary {
        period
        practices
        lowerQuartile
        median
        upperQuartile
        mean
        withheldReason
      }
        figures {
          practiceId
          practiceName
          odsCode
          value
          rank
        }
      }
    }
  }
`);

export const practiceIndicatorsQuery = gql<PracticeIndicatorsQuery, PracticeIndicatorsQueryVariables>(`
  query PracticeIndicators($organisationId: ID!, $practiceId: ID!) {
    indicators(organisationId: $organisationId) {
      id
      practiceView(practiceId: $practiceId) {
        summary {
        period
        practices
        lowerQuartile
        median
        upperQuartile
        mean
        withheldReason
      }
        value
        rank
        of
        peerValues
      }
    }
  }
`);

export const importIndicatorsMutation = gql<ImportIndicatorsMutation, ImportIndicatorsMutationVariables>(`
  mutation ImportIndicators($input: ImportIndicatorsInput!) {
    importIndicators(input: $input) {
      imported
      indicatorsCreated
      rowErrors {
        row
        message
      }
      errors {
        field
        message
      }
    }
  }
`);

/** The CCGs an area team officer may look at (named figures show where a live delegation covers them). */
export const indicatorCcgsQuery = gql<IndicatorCcgsQuery, IndicatorCcgsQueryVariables>(`
  query IndicatorCcgs {
    organisations(first: 100, kind: CCG) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
