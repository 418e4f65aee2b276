import { gql } from './client';
import type {
  ActionLogQuery,
  ActionLogQueryVariables,
  DecisionsRegisterQuery,
  DecisionsRegisterQueryVariables,
  DeclareInterestMutation,
  DeclareInterestMutationVariables,
  EndInterestMutation,
  EndInterestMutationVariables,
  GiftsAndHospitalityQuery,
  GiftsAndHospitalityQueryVariables,
  ImportInterestsMutation,
  ImportInterestsMutationVariables,
  InterestReturnsDueQuery,
  InterestReturnsDueQueryVariables,
  InterestsQuery,
  InterestsQueryVariables,
  PublishedRegisterOfGiftsQuery,
  PublishedRegisterOfGiftsQueryVariables,
  PublishedRegisterOfInterestsQuery,
  PublishedRegisterOfInterestsQueryVariables,
  RecordGiftOrHospitalityMutation,
  RecordGiftOrHospitalityMutationVariables,
  RecordInterestReviewMutation,
  RecordInterestReviewMutationVariables,
  ReviewPendingInterestMutation,
  ReviewPendingInterestMutationVariables,
  UpdateGiftOrHospitalityMutation,
  UpdateGiftOrHospitalityMutationVariables,
  DesignateGiftApproverMutation,
  DesignateGiftApproverMutationVariables,
} from '../generated/graphql';

export const interestsQuery = gql<InterestsQuery, InterestsQueryVariables>(`
  query Interests($organisationId: ID!, $first: Int!, $after: String) {
    interests(organisationId: $organisationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          category
          description
          validFrom
          validTo
          actionTaken
          declaredOn
          declaredLate
          isCurrent
          withheldFromPublication
          viewerCanChange
          status
          reviewNote
          person {
            id
            name
          }
          concernsOrganisations {
            id
            name
          }
          concernsPractices {
            id
            odsCode
            name
          }
        }
      }
    }
  }
`);

export const interestReturnsDueQuery = gql<InterestReturnsDueQuery, InterestReturnsDueQueryVariables>(`
  query InterestReturnsDue($organisationId: ID!) {
    interestReturnsDue(organisationId: $organisationId) {
      positions
      appointedOn
      lastReturnOn
      dueOn
      status
      reason
      person {
        id
        name
      }
    }
  }
`);

export const declareInterestMutation = gql<DeclareInterestMutation, DeclareInterestMutationVariables>(`
  mutation DeclareInterest($input: DeclareInterestInput!) {
    declareInterest(input: $input) {
      interest {
        id
        declaredLate
      }
      errors {
        field
        message
      }
    }
  }
`);

export const endInterestMutation = gql<EndInterestMutation, EndInterestMutationVariables>(`
  mutation EndInterest($input: EndInterestInput!) {
    endInterest(input: $input) {
      interest {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const recordInterestReviewMutation = gql<RecordInterestReviewMutation, RecordInterestReviewMutationVariables>(`
  mutation RecordInterestReview($input: RecordInterestReviewInput!) {
    recordInterestReview(input: $input) {
      reviewedOn
      errors {
        field
        message
      }
    }
  }
`);

export const importInterestsMutation = gql<ImportInterestsMutation, ImportInterestsMutationVariables>(`
  mutation ImportInterests($input: ImportInterestsInput!) {
    importInterests(input: $input) {
      created
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

export const publishedRegisterOfInterestsQuery = gql<
  PublishedRegisterOfInterestsQuery,
  PublishedRegisterOfInterestsQueryVariables
>(`
  query PublishedRegisterOfInterests($odsCode: String!) {
    publishedRegisterOfInterests(odsCode: $odsCode) {
      organisationName
      odsCode
      decisionMakers {
        name
        positions
        nilReturnOn
        interests {
          category
          description
          concerns
          validFrom
          validTo
          actionTaken
          declaredOn
        }
      }
    }
  }
`);

export const giftsAndHospitalityQuery = gql<GiftsAndHospitalityQuery, GiftsAndHospitalityQueryVariables>(`
  query GiftsAndHospitality($organisationId: ID!, $first: Int!, $after: String) {
    giftsAndHospitality(organisationId: $organisationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          description
          offeredBy
          fromSupplier
          value
          offeredOn
          accepted
          assessment {
            requirement
            explanation
            breach
          }
          person {
            name
          }
          approvedBy {
            name
          }
          history {
            change
            note
            at
            recordedBy {
              name
            }
          }
        }
      }
    }
  }
`);

export const reviewPendingInterestMutation = gql<ReviewPendingInterestMutation, ReviewPendingInterestMutationVariables>(`
  mutation ReviewPendingInterest($input: ReviewPendingInterestInput!) {
    reviewPendingInterest(input: $input) {
      interest {
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

export const updateGiftOrHospitalityMutation = gql<
  UpdateGiftOrHospitalityMutation,
  UpdateGiftOrHospitalityMutationVariables
>(`
  mutation UpdateGiftOrHospitality($input: UpdateGiftOrHospitalityInput!) {
    updateGiftOrHospitality(input: $input) {
      entry {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const publishedRegisterOfGiftsQuery = gql<PublishedRegisterOfGiftsQuery, PublishedRegisterOfGiftsQueryVariables>(`
  query PublishedRegisterOfGifts($odsCode: String!) {
    publishedRegisterOfGifts(odsCode: $odsCode) {
      personName
      kind
      description
      offeredBy
      value
      offeredOn
      accepted
      approvedBy
    }
  }
`);

export const recordGiftOrHospitalityMutation = gql<
  RecordGiftOrHospitalityMutation,
  RecordGiftOrHospitalityMutationVariables
>(`
  mutation RecordGiftOrHospitality($input: RecordGiftOrHospitalityInput!) {
    recordGiftOrHospitality(input: $input) {
      entry {
        id
        assessment {
          explanation
          breach
        }
      }
      errors {
        field
        message
      }
    }
  }
`);

export const decisionsRegisterQuery = gql<DecisionsRegisterQuery, DecisionsRegisterQueryVariables>(`
  query DecisionsRegister($organisationId: ID, $committeeId: ID, $first: Int!, $after: String) {
    decisions(organisationId: $organisationId, committeeId: $committeeId, first: $first, after: $after) {
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

export const actionLogQuery = gql<ActionLogQuery, ActionLogQueryVariables>(`
  query ActionLog($committeeId: ID!, $includeClosed: Boolean!, $first: Int!, $after: String) {
    actionLog(committeeId: $committeeId, includeClosed: $includeClosed, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          description
          dueDate
          status
          raisedAt
          owner {
            name
          }
          meeting {
            id
            title
          }
        }
      }
    }
  }
`);

export const designateGiftApproverMutation = gql<DesignateGiftApproverMutation, DesignateGiftApproverMutationVariables>(`
  mutation DesignateGiftApprover($input: DesignateGiftApproverInput!) {
    designateGiftApprover(input: $input) {
      approver {
        id
        name
      }
      errors {
        field
        message
      }
    }
  }
`);
