import { gql } from './client';
import type {
  AreaTeamsQuery,
  AreaTeamsQueryVariables,
  CreateMembershipMutation,
  CreateMembershipMutationVariables,
  CreateOrganisationMutation,
  CreateOrganisationMutationVariables,
  CreatePersonMutation,
  CreatePersonMutationVariables,
  CreatePracticeMutation,
  CreatePracticeMutationVariables,
  EndMembershipMutation,
  EndMembershipMutationVariables,
  ImportPracticesMutation,
  ImportPracticesMutationVariables,
  MembershipChoicesQuery,
  MembershipChoicesQueryVariables,
  OrganisationMembershipsQuery,
  OrganisationMembershipsQueryVariables,
  OrganisationPracticesQuery,
  OrganisationPracticesQueryVariables,
  OrganisationQuery,
  OrganisationQueryVariables,
  OrganisationsQuery,
  OrganisationsQueryVariables,
  PeopleQuery,
  PeopleQueryVariables,
  SessionQuery,
  SessionQueryVariables,
} from '../generated/graphql';

export const sessionQuery = gql<SessionQuery, SessionQueryVariables>(`
  query Session {
    viewer {
      isPlatformAdmin
      person {
        id
        name
        email
      }
      memberships {
        id
        role
        validFrom
        validTo
        organisation {
          id
          kind
          odsCode
          name
        }
        practice {
          id
          odsCode
          name
        }
      }
    }
    signInOptions {
      oidcEnabled
      demoMode
    }
  }
`);

export const organisationsQuery = gql<OrganisationsQuery, OrganisationsQueryVariables>(`
  query Organisations($first: Int!, $after: String) {
    organisations(first: $first, after: $after) {
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
          areaTeam {
            id
            name
          }
        }
      }
    }
  }
`);

export const areaTeamsQuery = gql<AreaTeamsQuery, AreaTeamsQueryVariables>(`
  query AreaTeams {
    organisations(first: 100, kind: AREA_TEAM) {
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

export const organisationQuery = gql<OrganisationQuery, OrganisationQueryVariables>(`
  query Organisation($id: ID!) {
    node(id: $id) {
      __typename
      ... on Organisation {
        id
        kind
        odsCode
        name
        viewerCanAdminister
        areaTeam {
          id
          odsCode
          name
        }
      }
    }
  }
`);

export const organisationPracticesQuery = gql<
  OrganisationPracticesQuery,
  OrganisationPracticesQueryVariables
>(`
  query OrganisationPractices($organisationId: ID!, $first: Int!, $after: String, $search: String) {
    practices(organisationId: $organisationId, first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          odsCode
          name
          listSize
          locality
        }
      }
    }
  }
`);

export const organisationMembershipsQuery = gql<
  OrganisationMembershipsQuery,
  OrganisationMembershipsQueryVariables
>(`
  query OrganisationMemberships($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      __typename
      ... on Organisation {
        id
        memberships(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              id
              role
              validFrom
              validTo
              isActive
              person {
                id
                name
              }
              practice {
                id
                odsCode
                name
              }
            }
          }
        }
      }
    }
  }
`);

export const membershipChoicesQuery = gql<MembershipChoicesQuery, MembershipChoicesQueryVariables>(`
  query MembershipChoices($organisationId: ID!) {
    people(organisationId: $organisationId, first: 100) {
      edges {
        node {
          id
          name
          email
        }
      }
    }
    practices(organisationId: $organisationId, first: 100) {
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

export const peopleQuery = gql<PeopleQuery, PeopleQueryVariables>(`
  query People($organisationId: ID, $first: Int!, $after: String) {
    people(organisationId: $organisationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
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

export const createOrganisationMutation = gql<
  CreateOrganisationMutation,
  CreateOrganisationMutationVariables
>(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      organisation {
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

export const createPracticeMutation = gql<CreatePracticeMutation, CreatePracticeMutationVariables>(`
  mutation CreatePractice($input: CreatePracticeInput!) {
    createPractice(input: $input) {
      practice {
        id
        odsCode
        name
      }
      errors {
        field
        message
      }
    }
  }
`);

export const importPracticesMutation = gql<ImportPracticesMutation, ImportPracticesMutationVariables>(`
  mutation ImportPractices($input: ImportPracticesInput!) {
    importPractices(input: $input) {
      created
      updated
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

export const createPersonMutation = gql<CreatePersonMutation, CreatePersonMutationVariables>(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      person {
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

export const createMembershipMutation = gql<
  CreateMembershipMutation,
  CreateMembershipMutationVariables
>(`
  mutation CreateMembership($input: CreateMembershipInput!) {
    createMembership(input: $input) {
      membership {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const endMembershipMutation = gql<EndMembershipMutation, EndMembershipMutationVariables>(`
  mutation EndMembership($input: EndMembershipInput!) {
    endMembership(input: $input) {
      membership {
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
