import { gql } from './client';
import type {
  AddAgendaItemMutation,
  AddAgendaItemMutationVariables,
  CancelMeetingMutation,
  CancelMeetingMutationVariables,
  ChangeMeetingArrangementsMutation,
  ChangeMeetingArrangementsMutationVariables,
  ChangeMeetingStatusMutation,
  ChangeMeetingStatusMutationVariables,
  CommitteeMeetingsQuery,
  CommitteeMeetingsQueryVariables,
  CreateMeetingMutation,
  CreateMeetingMutationVariables,
  MeetingQuery,
  MeetingQueryVariables,
  MoveAgendaItemMutation,
  MoveAgendaItemMutationVariables,
  PaperPeopleQuery,
  PaperPeopleQueryVariables,
  PublicCommitteeQuery,
  PublicCommitteeQueryVariables,
  PublicOrganisationQuery,
  PublicOrganisationQueryVariables,
  RequestPaperMutation,
  RequestPaperMutationVariables,
  UpdateAgendaItemMutation,
  UpdateAgendaItemMutationVariables,
} from '../generated/graphql';

export const committeeMeetingsQuery = gql<CommitteeMeetingsQuery, CommitteeMeetingsQueryVariables>(`
  query CommitteeMeetings($committeeId: ID!, $first: Int!, $after: String) {
    meetings(committeeId: $committeeId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          startsAt
          endsAt
          location
          callLink
          status
          cancelledAt
        }
      }
    }
  }
`);

/** The meeting page: the agenda with its papers, and the packs built from it. */
export const meetingQuery = gql<MeetingQuery, MeetingQueryVariables>(`
  query Meeting($id: ID!) {
    node(id: $id) {
      __typename
      ... on Meeting {
        id
        title
        startsAt
        endsAt
        location
        callLink
        status
        papersDue
        noticeSentAt
        cancelledAt
        calendarUrl
        viewerCanManage
        committee {
          id
          name
          kind
          host {
            id
            odsCode
            name
          }
        }
        agenda {
          id
          number
          title
          presenter
          minutesAllotted
          purpose
          part
          needsPaper
          isSubItem
          startsAt
          paper {
            id
            title
            status
            dueDate
            author {
              id
              name
            }
            sponsor {
              id
              name
            }
          }
        }
        packs {
          id
          part
          number
          isSupplement
          status
          progress
          message
          pageCount
          createdAt
          publishedAt
          withdrawnAt
          withdrawalReason
          url
          itemPages {
            itemId
            page
          }
        }
      }
    }
  }
`);

export const createMeetingMutation = gql<CreateMeetingMutation, CreateMeetingMutationVariables>(`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      meeting {
        id
        title
        startsAt
      }
      errors {
        field
        message
      }
    }
  }
`);

export const changeMeetingStatusMutation = gql<ChangeMeetingStatusMutation, ChangeMeetingStatusMutationVariables>(`
  mutation ChangeMeetingStatus($input: ChangeMeetingStatusInput!) {
    changeMeetingStatus(input: $input) {
      meeting {
        id
        status
        noticeSentAt
      }
      errors {
        field
        message
      }
    }
  }
`);

export const addAgendaItemMutation = gql<AddAgendaItemMutation, AddAgendaItemMutationVariables>(`
  mutation AddAgendaItem($input: AddAgendaItemInput!) {
    addAgendaItem(input: $input) {
      item {
        id
        number
        title
        part
        isSubItem
      }
      errors {
        field
        message
      }
    }
  }
`);

export const updateAgendaItemMutation = gql<UpdateAgendaItemMutation, UpdateAgendaItemMutationVariables>(`
  mutation UpdateAgendaItem($input: UpdateAgendaItemInput!) {
    updateAgendaItem(input: $input) {
      item {
        id
        number
        title
        part
        isSubItem
      }
      errors {
        field
        message
      }
    }
  }
`);

export const moveAgendaItemMutation = gql<MoveAgendaItemMutation, MoveAgendaItemMutationVariables>(`
  mutation MoveAgendaItem($input: MoveAgendaItemInput!) {
    moveAgendaItem(input: $input) {
      agenda {
        id
        number
        title
        part
        isSubItem
        startsAt
      }
      errors {
        field
        message
      }
    }
  }
`);

/** Who may write or sponsor a paper: the people of the committee's host. */
export const paperPeopleQuery = gql<PaperPeopleQuery, PaperPeopleQueryVariables>(`
  query PaperPeople($organisationId: ID!) {
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

export const requestPaperMutation = gql<RequestPaperMutation, RequestPaperMutationVariables>(`
  mutation RequestPaper($input: RequestPaperInput!) {
    requestPaper(input: $input) {
      paper {
        id
        title
        author {
          id
          name
        }
      }
      errors {
        field
        message
      }
    }
  }
`);

export const publicOrganisationQuery = gql<PublicOrganisationQuery, PublicOrganisationQueryVariables>(`
  query PublicOrganisation($odsCode: String!) {
    publicOrganisation(odsCode: $odsCode) {
      id
      name
      odsCode
      committees {
        id
        name
        kind
      }
    }
  }
`);

export const publicCommitteeQuery = gql<PublicCommitteeQuery, PublicCommitteeQueryVariables>(`
  query PublicCommittee($odsCode: String!, $committeeId: ID!, $first: Int!, $after: String) {
    publicOrganisation(odsCode: $odsCode) {
      id
      name
      odsCode
      committees {
        id
        name
      }
    }
    meetings(committeeId: $committeeId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          startsAt
          endsAt
          location
          callLink
          status
          cancelledAt
        }
      }
    }
  }
`);

export const changeMeetingArrangementsMutation = gql<
  ChangeMeetingArrangementsMutation,
  ChangeMeetingArrangementsMutationVariables
>(`
  mutation ChangeMeetingArrangements($input: ChangeMeetingArrangementsInput!) {
    changeMeetingArrangements(input: $input) {
      meeting {
        id
        startsAt
        endsAt
        location
        callLink
      }
      errors {
        field
        message
      }
    }
  }
`);

export const cancelMeetingMutation = gql<CancelMeetingMutation, CancelMeetingMutationVariables>(`
  mutation CancelMeeting($input: CancelMeetingInput!) {
    cancelMeeting(input: $input) {
      meeting {
        id
        cancelledAt
      }
      errors {
        field
        message
      }
    }
  }
`);
