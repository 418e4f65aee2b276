import { gql } from './client';
import type {
  AddSeatMutation,
  AddSeatMutationVariables,
  AttachTermsOfReferenceMutation,
  AttachTermsOfReferenceMutationVariables,
  CommitteeQuery,
  CommitteeQueryVariables,
  CommitteesQuery,
  CommitteesQueryVariables,
  CreateCommitteeMutation,
  CreateCommitteeMutationVariables,
  EndSeatMutation,
  EndSeatMutationVariables,
  PartyChoicesQuery,
  PartyChoicesQueryVariables,
  QuorumRuleInWordsQuery,
  QuorumRuleInWordsQueryVariables,
  SeatChoicesQuery,
  SeatChoicesQueryVariables,
  UpdateCommitteeMutation,
  UpdateCommitteeMutationVariables,
  WithdrawSeatMutation,
  WithdrawSeatMutationVariables,
} from '../generated/graphql';

export const committeesQuery = gql<CommitteesQuery, CommitteesQueryVariables>(`
  query Committees($first: Int!, $after: String) {
    committees(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          name
          isJoint
          coCommissioningLevel
          host {
            id
            odsCode
            name
          }
          parties {
            id
            name
          }
        }
      }
    }
  }
`);

export const committeeQuery = gql<CommitteeQuery, CommitteeQueryVariables>(`
  query Committee($id: ID!) {
    node(id: $id) {
      __typename
      ... on Committee {
        id
        kind
        name
        termsSummary
        isJoint
        coCommissioningLevel
        viewerCanManage
        host {
          id
          odsCode
          name
        }
        parties {
          id
          kind
          odsCode
          name
        }
        meetsInCommonWith {
          id
          name
          host {
            id
            name
          }
        }
        termsOfReference {
          filename
          contentType
          sizeBytes
          url
          inspectionNote
        }
        quorumRule {
          minimumVoting
          categoryMinimums {
            category
            count
          }
          eachParty
          pools {
            count
            categories
          }
          officeGroups {
            count
            offices
          }
          chairOrViceChair
          clinicalMajority
          fraction {
            numerator
            denominator
          }
          inWords
        }
        quorumCannotBeMet
        seats(includePast: true) {
          id
          role
          voting
          category
          office
          title
          canBeWithdrawn
          validFrom
          validTo
          isActive
          person {
            id
            name
          }
          party {
            id
            name
          }
        }
        councilSeats {
          practice {
            id
            odsCode
            name
          }
          representative {
            id
            name
          }
        }
        delegationsReceived {
          id
          functionDescriptions
          validFrom
          validTo
          status
          revokedAt
          revocationReason
          delegatingOrganisation {
            id
            name
          }
          scope {
            id
            name
          }
          agreement {
            filename
            contentType
            sizeBytes
            url
          }
        }
      }
    }
  }
`);

/** Organisations that can join a joint committee hosted by the viewer's organisation. */
export const partyChoicesQuery = gql<PartyChoicesQuery, PartyChoicesQueryVariables>(`
  query PartyChoices {
    organisations(first: 100) {
      edges {
        node {
          id
          kind
          odsCode
          name
        }
      }
    }
  }
`);

export const seatChoicesQuery = gql<SeatChoicesQuery, SeatChoicesQueryVariables>(`
  query SeatChoices($organisationId: ID!) {
    people(organisationId: $organisationId, first: 100) {
      edges {
        node {
          id
          name
          email
        }
      }
    }
  }
`);

export const createCommitteeMutation = gql<CreateCommitteeMutation, CreateCommitteeMutationVariables>(`
  mutation CreateCommittee($input: CreateCommitteeInput!) {
    createCommittee(input: $input) {
      committee {
        id
        name
        quorumRule {
          inWords
        }
        quorumCannotBeMet
      }
      errors {
        field
        message
      }
    }
  }
`);

export const updateCommitteeMutation = gql<UpdateCommitteeMutation, UpdateCommitteeMutationVariables>(`
  mutation UpdateCommittee($input: UpdateCommitteeInput!) {
    updateCommittee(input: $input) {
      committee {
        id
        name
        quorumRule {
          inWords
        }
        quorumCannotBeMet
      }
      errors {
        field
        message
      }
    }
  }
`);

export const attachTermsOfReferenceMutation = gql<
  AttachTermsOfReferenceMutation,
  AttachTermsOfReferenceMutationVariables
>(`
  mutation AttachTermsOfReference($input: AttachTermsOfReferenceInput!) {
    attachTermsOfReference(input: $input) {
      committee {
        id
        termsOfReference {
          filename
          inspectionNote
        }
      }
      errors {
        field
        message
      }
    }
  }
`);

export const addSeatMutation = gql<AddSeatMutation, AddSeatMutationVariables>(`
  mutation AddSeat($input: AddSeatInput!) {
    addSeat(input: $input) {
      seat {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const withdrawSeatMutation = gql<WithdrawSeatMutation, WithdrawSeatMutationVariables>(`
  mutation WithdrawSeat($input: WithdrawSeatInput!) {
    withdrawSeat(input: $input) {
      seat {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const endSeatMutation = gql<EndSeatMutation, EndSeatMutationVariables>(`
  mutation EndSeat($input: EndSeatInput!) {
    endSeat(input: $input) {
      seat {
        id
        validTo
        isActive
      }
      errors {
        field
        message
      }
    }
  }
`);

export const quorumRuleInWordsQuery = gql<QuorumRuleInWordsQuery, QuorumRuleInWordsQueryVariables>(`
  query QuorumRuleInWords($rule: QuorumRuleInput!, $joint: Boolean!) {
    quorumRuleInWords(rule: $rule, joint: $joint) {
      inWords
      errors {
        field
        message
      }
    }
  }
`);
