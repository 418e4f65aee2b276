import { gql } from './client';
import type {
  AgendaCommitteesQuery,
  AgendaCommitteesQueryVariables,
  AddConcernEvidenceMutation,
  AddConcernEvidenceMutationVariables,
  CloseConcernMutation,
  CloseConcernMutationVariables,
  ConcernOwnersQuery,
  ConcernOwnersQueryVariables,
  ConcernPageQuery,
  ConcernPageQueryVariables,
  ConcernRegisterQuery,
  ConcernRegisterQueryVariables,
  DeEscalateConcernMutation,
  DeEscalateConcernMutationVariables,
  EscalateConcernMutation,
  EscalateConcernMutationVariables,
  LogConcernFormQuery,
  LogConcernFormQueryVariables,
  LogConcernMutation,
  LogConcernMutationVariables,
  PutConcernOnAgendaMutation,
  PutConcernOnAgendaMutationVariables,
  UpcomingMeetingsQuery,
  UpcomingMeetingsQueryVariables,
  UpdateConcernMutation,
  UpdateConcernMutationVariables,
} from '../generated/graphql';

export const concernRegisterQuery = gql<ConcernRegisterQuery, ConcernRegisterQueryVariables>(`
  query ConcernRegister(
    $organisationId: ID!
    $first: Int!
    $after: String
    $stepId: ID
    $category: ConcernCategory
  ) {
    concernLadder(organisationId: $organisationId) {
      id
      position
      name
    }
    concerns(first: $first, after: $after, organisationId: $organisationId, stepId: $stepId, category: $category) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          category
          source
          providerName
          reviewDate
          reviewOverdue
          closedAt
          escalatedToNhsEngland
          practice {
            id
            name
          }
          currentStep {
            id
            position
            name
          }
        }
      }
    }
  }
`);

export const concernPageQuery = gql<ConcernPageQuery, ConcernPageQueryVariables>(`
  query ConcernPage($id: ID!) {
    node(id: $id) {
      ... on Concern {
        id
        title
        summary
        category
        source
        providerName
        providerType
        reviewDate
        reviewOverdue
        loggedAt
        closedAt
        escalatedToNhsEngland
        viewerCanChange
        organisation {
          id
          name
        }
        practice {
          id
          name
        }
        owner {
          id
          name
        }
        currentStep {
          id
          position
          name
        }
        ladder {
          id
          position
          name
          description
        }
        history {
          direction
          reason
          nextSteps
          decidedAt
          fromStep {
            id
            name
          }
          toStep {
            id
            name
          }
          decidedBy {
            id
            name
          }
        }
        evidence {
          id
          description
          addedAt
          downloadUrl
        }
        agendaItems {
          itemId
          itemTitle
          meeting {
            id
            title
            startsAt
          }
          paper {
            id
            status
          }
          decisions {
            id
            text
          }
        }
      }
    }
  }
`);

export const logConcernFormQuery = gql<LogConcernFormQuery, LogConcernFormQueryVariables>(`
  query LogConcernForm($organisationId: ID!) {
    practices(first: 100, organisationId: $organisationId) {
      edges {
        node {
          id
          odsCode
          name
        }
      }
    }
  }
`);

export const logConcernMutation = gql<LogConcernMutation, LogConcernMutationVariables>(`
  mutation LogConcern($input: LogConcernInput!) {
    logConcern(input: $input) {
      concern {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const escalateConcernMutation = gql<EscalateConcernMutation, EscalateConcernMutationVariables>(`
  mutation EscalateConcern($input: MoveConcernInput!) {
    escalateConcern(input: $input) {
      concern {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const deEscalateConcernMutation = gql<DeEscalateConcernMutation, DeEscalateConcernMutationVariables>(`
  mutation DeEscalateConcern($input: MoveConcernInput!) {
    deEscalateConcern(input: $input) {
      concern {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const agendaCommitteesQuery = gql<AgendaCommitteesQuery, AgendaCommitteesQueryVariables>(`
  query AgendaCommittees($organisationId: ID!) {
    committees(first: 50, organisationId: $organisationId) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const upcomingMeetingsQuery = gql<UpcomingMeetingsQuery, UpcomingMeetingsQueryVariables>(`
  query UpcomingMeetings($committeeId: ID!) {
    meetings(committeeId: $committeeId, first: 100) {
      edges {
        node {
          id
          title
          startsAt
          cancelledAt
          viewerCanManage
        }
      }
    }
  }
`);

export const putConcernOnAgendaMutation = gql<PutConcernOnAgendaMutation, PutConcernOnAgendaMutationVariables>(`
  mutation PutConcernOnAgenda($input: PutConcernOnAgendaInput!) {
    putConcernOnAgenda(input: $input) {
      concern {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const concernOwnersQuery = gql<ConcernOwnersQuery, ConcernOwnersQueryVariables>(`
  query ConcernOwners($organisationId: ID!) {
    people(organisationId: $organisationId, first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const updateConcernMutation = gql<UpdateConcernMutation, UpdateConcernMutationVariables>(`
  mutation UpdateConcern($input: UpdateConcernInput!) {
    updateConcern(input: $input) {
      concern {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const closeConcernMutation = gql<CloseConcernMutation, CloseConcernMutationVariables>(`
  mutation CloseConcern($input: CloseConcernInput!) {
    closeConcern(input: $input) {
      concern {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const addConcernEvidenceMutation = gql<AddConcernEvidenceMutation, AddConcernEvidenceMutationVariables>(`
  mutation AddConcernEvidence($input: AddConcernEvidenceInput!) {
    addConcernEvidence(input: $input) {
      evidence {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);
