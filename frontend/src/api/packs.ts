import { gql } from './client';
import type {
  BuildPackMutation,
  BuildPackMutationVariables,
  PackBuildProgressSubscription,
  PackBuildProgressSubscriptionVariables,
  PackBuildStatusQuery,
  PackBuildStatusQueryVariables,
  PublishPackMutation,
  PublishPackMutationVariables,
  UnpublishPackMutation,
  UnpublishPackMutationVariables,
} from '../generated/graphql';

export const buildPackMutation = gql<BuildPackMutation, BuildPackMutationVariables>(`
  mutation BuildPack($input: BuildPackInput!) {
    buildPack(input: $input) {
      build {
        id
        part
        number
        isSupplement
        status
        progress
        message
        pageCount
      }
      errors {
        field
        message
      }
    }
  }
`);

export const publishPackMutation = gql<PublishPackMutation, PublishPackMutationVariables>(`
  mutation PublishPack($input: PublishPackInput!) {
    publishPack(input: $input) {
      build {
        id
        publishedAt
      }
      errors {
        field
        message
      }
    }
  }
`);

export const unpublishPackMutation = gql<UnpublishPackMutation, UnpublishPackMutationVariables>(`
  mutation UnpublishPack($input: UnpublishPackInput!) {
    unpublishPack(input: $input) {
      build {
        id
        withdrawnAt
        withdrawalReason
      }
      errors {
        field
        message
      }
    }
  }
`);

export const packBuildProgressSubscription = gql<
  PackBuildProgressSubscription,
  PackBuildProgressSubscriptionVariables
>(`
  subscription PackBuildProgress($buildId: ID!) {
    packBuildProgress(buildId: $buildId) {
      status
      progress
      message
      pageCount
    }
  }
`);

/** The same progress by asking, for when the live connection cannot be had. */
export const packBuildStatusQuery = gql<PackBuildStatusQuery, PackBuildStatusQueryVariables>(`
  query PackBuildStatus($id: ID!) {
    node(id: $id) {
      __typename
      ... on PackBuild {
        id
        status
        progress
        message
        pageCount
      }
    }
  }
`);
