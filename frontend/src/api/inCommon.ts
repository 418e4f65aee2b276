import { gql } from './client';
import type {
  AnswerInCommonInvitationMutation,
  AnswerInCommonInvitationMutationVariables,
  InCommonArrangementsQuery,
  InCommonArrangementsQueryVariables,
  InCommonSessionQuery,
  InCommonSessionQueryVariables,
  InviteToInCommonMutation,
  InviteToInCommonMutationVariables,
  ScheduleInCommonSessionMutation,
  ScheduleInCommonSessionMutationVariables,
  TakePartInSessionMutation,
  TakePartInSessionMutationVariables,
  BuildSessionPackMutation,
  BuildSessionPackMutationVariables,
  ConveningCommitteesQuery,
  ConveningCommitteesQueryVariables,
  CreateInCommonArrangementMutation,
  CreateInCommonArrangementMutationVariables,
} from '../generated/graphql';

export const inCommonSessionQuery = gql<InCommonSessionQuery, InCommonSessionQueryVariables>(`
  query InCommonSession($id: ID!) {
    inCommonSession(id: $id) {
      id
      title
      startsAt
      location
      viewerMayTakePartWith
      viewerBuildsPrivatePackFor
      arrangement {
        id
        name
        viewerConvenes
      }
      packs {
        id
        part
        number
        status
        message
        pageCount
        createdAt
        publishedAt
        withdrawnAt
        withdrawalReason
        viewerCanWithdraw
        url
      }
      meetings {
        committeeId
        committeeName
        organisationName
        meetingId
        meeting {
          id
          status
        }
      }
      items {
        id
        number
        title
        part
        purpose
        commonToAll
        committeeNames
        outcomes {
          committeeId
          committeeName
          organisationName
          inWords
        }
      }
    }
  }
`);

export const inCommonArrangementsQuery = gql<InCommonArrangementsQuery, InCommonArrangementsQueryVariables>(`
  query InCommonArrangements {
    inCommonArrangements {
      id
      name
      viewerConvenes
      parties {
        organisationId
        organisationName
        committeeId
        committeeName
        status
        viewerMayAnswer
      }
      sessions {
        id
        title
        startsAt
        location
      }
    }
  }
`);

export const answerInCommonInvitationMutation = gql<
  AnswerInCommonInvitationMutation,
  AnswerInCommonInvitationMutationVariables
>(`
  mutation AnswerInCommonInvitation($input: AnswerInvitationInput!) {
    answerInCommonInvitation(input: $input) {
      arrangement {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const takePartInSessionMutation = gql<TakePartInSessionMutation, TakePartInSessionMutationVariables>(`
  mutation TakePartInSession($input: TakePartInput!) {
    takePartInSession(input: $input) {
      session {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const inviteToInCommonMutation = gql<InviteToInCommonMutation, InviteToInCommonMutationVariables>(`
  mutation InviteToInCommon($input: InviteInput!) {
    inviteToInCommon(input: $input) {
      arrangement {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const scheduleInCommonSessionMutation = gql<
  ScheduleInCommonSessionMutation,
  ScheduleInCommonSessionMutationVariables
>(`
  mutation ScheduleInCommonSession($input: ScheduleSessionInput!) {
    scheduleInCommonSession(input: $input) {
      session {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const buildSessionPackMutation = gql<BuildSessionPackMutation, BuildSessionPackMutationVariables>(`
  mutation BuildSessionPack($input: BuildSessionPackInput!) {
    buildSessionPack(input: $input) {
      build {
        id
        status
      }
      errors {
        field
        message
      }
    }
  }
`);

/** Committees the viewer manages: one of them convenes a new arrangement. */
export const conveningCommitteesQuery = gql<ConveningCommitteesQuery, ConveningCommitteesQueryVariables>(`
  query ConveningCommittees {
    committees(first: 100) {
      edges {
        node {
          id
          name
          viewerCanManage
          host {
            id
            name
          }
        }
      }
    }
  }
`);

export const createInCommonArrangementMutation = gql<
  CreateInCommonArrangementMutation,
  CreateInCommonArrangementMutationVariables
>(`
  mutation CreateInCommonArrangement($input: CreateArrangementInput!) {
    createInCommonArrangement(input: $input) {
      arrangement {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);
