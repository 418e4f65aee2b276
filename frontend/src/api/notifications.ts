import { gql } from './client';
import type {
  NotificationPreferencesQuery,
  NotificationPreferencesQueryVariables,
  SentMailQuery,
  SentMailQueryVariables,
  SetNotificationPreferencesMutation,
  SetNotificationPreferencesMutationVariables,
  SubscribeToCommitteeMutation,
  SubscribeToCommitteeMutationVariables,
} from '../generated/graphql';

export const notificationPreferencesQuery = gql<NotificationPreferencesQuery, NotificationPreferencesQueryVariables>(`
  query NotificationPreferences {
    myNotificationPreferences {
      digestHour
      choices {
        kind
        label
        mandatory
        mode
      }
    }
  }
`);

export const setNotificationPreferencesMutation = gql<
  SetNotificationPreferencesMutation,
  SetNotificationPreferencesMutationVariables
>(`
  mutation SetNotificationPreferences($input: SetNotificationPreferencesInput!) {
    setNotificationPreferences(input: $input) {
      preferences {
        digestHour
        choices {
          kind
          label
          mandatory
          mode
        }
      }
      errors {
        field
        message
      }
    }
  }
`);

export const sentMailQuery = gql<SentMailQuery, SentMailQueryVariables>(`
  query SentMail($first: Int!, $after: String) {
    sentMail(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          to
          subject
          bodyText
          status
          createdAt
          sentAt
        }
      }
    }
  }
`);

export const subscribeToCommitteeMutation = gql<SubscribeToCommitteeMutation, SubscribeToCommitteeMutationVariables>(`
  mutation SubscribeToCommittee($committeeId: ID!, $email: String!) {
    subscribeToCommittee(committeeId: $committeeId, email: $email) {
      message
      errors {
        field
        message
      }
    }
  }
`);
