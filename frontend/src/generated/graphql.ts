/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type CreateMembershipInput = {
  organisationId: string | number;
  personId: string | number;
  practiceId?: string | number | null | undefined;
  role: Role;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
};

export type CreateOrganisationInput = {
  areaTeamId?: string | number | null | undefined;
  kind: OrganisationKind;
  name: string;
  odsCode: string;
};

export type CreatePersonInput = {
  email: string;
  name: string;
  organisationId: string | number;
};

export type CreatePracticeInput = {
  listSize: number;
  locality: string;
  name: string;
  odsCode: string;
  organisationId: string | number;
};

export type EndMembershipInput = {
  id: string | number;
  validTo: string;
};

/** The file's bytes in base64; .xlsx or .csv with columns ods_code, name, list_size, locality. */
export type ImportPracticesInput = {
  contentBase64: string;
  filename: string;
  organisationId: string | number;
};

export type OrganisationKind =
  | 'AREA_TEAM'
  | 'CCG';

export type Role =
  | 'ADMINISTRATOR'
  | 'AREA_TEAM_OFFICER'
  | 'BOARD_SECRETARY'
  | 'GOVERNING_BODY_MEMBER'
  | 'PRACTICE_REPRESENTATIVE'
  | 'STAFF';

export type SessionQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionQuery = { viewer: { isPlatformAdmin: boolean, person: { id: string, name: string, email: string }, memberships: Array<{ id: string, role: Role, validFrom: string, validTo: string | null, organisation: { id: string, kind: OrganisationKind, odsCode: string, name: string } | null, practice: { id: string, odsCode: string, name: string } | null }> } | null, signInOptions: { oidcEnabled: boolean, demoMode: boolean } };

export type OrganisationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type OrganisationsQuery = { organisations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: OrganisationKind, odsCode: string, name: string, areaTeam: { id: string, name: string } | null } }> } };

export type AreaTeamsQueryVariables = Exact<{ [key: string]: never; }>;


export type AreaTeamsQuery = { organisations: { edges: Array<{ node: { id: string, odsCode: string, name: string } }> } };

export type OrganisationQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganisationQuery = { node:
    | { __typename: 'Committee' }
    | { __typename: 'Delegation' }
    | { __typename: 'Membership' }
    | { __typename: 'Organisation', id: string, kind: OrganisationKind, odsCode: string, name: string, viewerCanAdminister: boolean, areaTeam: { id: string, odsCode: string, name: string } | null }
    | { __typename: 'Person' }
    | { __typename: 'Practice' }
    | { __typename: 'PrimaryCareContract' }
    | { __typename: 'Seat' }
   | null };

export type OrganisationPracticesQueryVariables = Exact<{
  organisationId: string | number;
  first: number;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type OrganisationPracticesQuery = { practices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, odsCode: string, name: string, listSize: number, locality: string } }> } };

export type OrganisationMembershipsQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type OrganisationMembershipsQuery = { node:
    | { __typename: 'Committee' }
    | { __typename: 'Delegation' }
    | { __typename: 'Membership' }
    | { __typename: 'Organisation', id: string, memberships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, role: Role, validFrom: string, validTo: string | null, isActive: boolean, person: { id: string, name: string }, practice: { id: string, odsCode: string, name: string } | null } }> } }
    | { __typename: 'Person' }
    | { __typename: 'Practice' }
    | { __typename: 'PrimaryCareContract' }
    | { __typename: 'Seat' }
   | null };

export type MembershipChoicesQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type MembershipChoicesQuery = { people: { edges: Array<{ node: { id: string, name: string, email: string } }> }, practices: { edges: Array<{ node: { id: string, odsCode: string, name: string } }> } };

export type PeopleQueryVariables = Exact<{
  organisationId?: string | number | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type PeopleQuery = { people: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, email: string } }> } };

export type CreateOrganisationMutationVariables = Exact<{
  input: CreateOrganisationInput;
}>;


export type CreateOrganisationMutation = { createOrganisation: { organisation: { id: string, name: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type CreatePracticeMutationVariables = Exact<{
  input: CreatePracticeInput;
}>;


export type CreatePracticeMutation = { createPractice: { practice: { id: string, odsCode: string, name: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type ImportPracticesMutationVariables = Exact<{
  input: ImportPracticesInput;
}>;


export type ImportPracticesMutation = { importPractices: { created: number, updated: number, rowErrors: Array<{ row: number, message: string }>, errors: Array<{ field: string | null, message: string }> } };

export type CreatePersonMutationVariables = Exact<{
  input: CreatePersonInput;
}>;


export type CreatePersonMutation = { createPerson: { person: { id: string, name: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type CreateMembershipMutationVariables = Exact<{
  input: CreateMembershipInput;
}>;


export type CreateMembershipMutation = { createMembership: { membership: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type EndMembershipMutationVariables = Exact<{
  input: EndMembershipInput;
}>;


export type EndMembershipMutation = { endMembership: { membership: { id: string, validTo: string | null, isActive: boolean } | null, errors: Array<{ field: string | null, message: string }> } };
