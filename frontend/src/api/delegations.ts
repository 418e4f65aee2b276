import { gql } from './client';
import type {
  AttachDelegationAgreementMutation,
  AttachDelegationAgreementMutationVariables,
  DelegationChoicesQuery,
  DelegationChoicesQueryVariables,
  DelegationsQuery,
  DelegationsQueryVariables,
  PublicSchemeQuery,
  PublicSchemeQueryVariables,
  RecordDelegationMutation,
  RecordDelegationMutationVariables,
  RevokeDelegationMutation,
  RevokeDelegationMutationVariables,
} from '../generated/graphql';

export const delegationsQuery = gql<DelegationsQuery, DelegationsQueryVariables>(`
  query Delegations($organisationId: ID!, $first: Int!, $after: String) {
    delegations(organisationId: $organisationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          functions
          functionDescriptions
          validFrom
          validTo
          status
          revokedAt
          revocationReason
          viewerCanChange
          delegatingOrganisation {
            id
            name
          }
          receivingCommittee {
            id
            name
            host {
              id
              name
            }
          }
          scope {
            id
            odsCode
            name
          }
          agreement {
            filename
            contentType
            sizeBytes
            url
            inspectionNote
          }
        }
      }
    }
  }
`);

export const delegationChoicesQuery = gql<DelegationChoicesQuery, DelegationChoicesQueryVariables>(`
  query DelegationChoices($organisationId: ID!) {
    delegationTargets(organisationId: $organisationId) {
      committeeId
      name
      hostName
    }
    delegableFunctions {
      code
      description
      retainedByNhsEngland
    }
    organisations(first: 100, kind: CCG) {
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

export const recordDelegationMutation = gql<RecordDelegationMutation, RecordDelegationMutationVariables>(`
  mutation RecordDelegation($input: RecordDelegationInput!) {
    recordDelegation(input: $input) {
      delegation {
        id
        receivingCommittee {
          id
          name
        }
        agreement {
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

export const attachDelegationAgreementMutation = gql<
  AttachDelegationAgreementMutation,
  AttachDelegationAgreementMutationVariables
>(`
  mutation AttachDelegationAgreement($input: AttachAgreementInput!) {
    attachDelegationAgreement(input: $input) {
      delegation {
        id
        agreement {
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

export const revokeDelegationMutation = gql<RevokeDelegationMutation, RevokeDelegationMutationVariables>(`
  mutation RevokeDelegation($input: RevokeDelegationInput!) {
    revokeDelegation(input: $input) {
      delegation {
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

export const publicSchemeQuery = gql<PublicSchemeQuery, PublicSchemeQueryVariables>(`
  query PublicScheme($odsCode: String!) {
    publicSchemeOfDelegation(odsCode: $odsCode) {
      organisationName
      odsCode
      delegations {
        delegatingOrganisation
        receivingCommittee
        receivingHost
        functions
        scope
        validFrom
        validTo
        status
      }
    }
  }
`);
