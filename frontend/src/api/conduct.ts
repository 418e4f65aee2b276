import { gql } from './client';
import type {
  AddActionMutation,
  AddActionMutationVariables,
  CastVoteMutation,
  CastVoteMutationVariables,
  ChoosePresidingMemberMutation,
  ChoosePresidingMemberMutationVariables,
  CloseMeetingMutation,
  CloseMeetingMutationVariables,
  CloseVoteMutation,
  CloseVoteMutationVariables,
  CheckInMutation,
  CheckInMutationVariables,
  DeclareInterestInItemMutation,
  DeclareInterestInItemMutationVariables,
  SendApologiesMutation,
  SendApologiesMutationVariables,
  MeetingConductQuery,
  MeetingConductQueryVariables,
  MinutesQuery,
  MinutesQueryVariables,
  OpenMeetingMutation,
  OpenMeetingMutationVariables,
  OpenVoteMutation,
  OpenVoteMutationVariables,
  RecordAttendanceMutation,
  RecordAttendanceMutationVariables,
  RecordDecisionMutation,
  RecordDecisionMutationVariables,
  RecordDeclarationMutation,
  RecordDeclarationMutationVariables,
  ReferralChoicesQuery,
  ReferralChoicesQueryVariables,
  RescindDecisionMutation,
  RescindDecisionMutationVariables,
  SaveMinuteNotesMutation,
  SaveMinuteNotesMutationVariables,
  TakeItemMutation,
  TakeItemMutationVariables,
} from '../generated/graphql';

export const meetingConductQuery = gql<MeetingConductQuery, MeetingConductQueryVariables>(`
  query MeetingConduct($meetingId: ID!) {
    meetingConduct(meetingId: $meetingId) {
      stage
      viewerCanConduct
      viewerChairs
      viewerIsMember
      meeting {
        id
        title
        startsAt
        location
        committee {
          id
          name
        }
      }
      live {
        openedAt
        closedAt
        currentItem {
          itemId
          number
          title
        }
      }
      attendance {
        personId
        name
        capacity
        role
        voting
        standing
        inRoom
      }
      movements {
        name
        movement
        at
        itemNumber
      }
      items {
        item {
          id
          number
          title
          part
        }
        quorum {
          met
          unmet
          presentVoting
          mayVote
          excluded
          chairedBy
          chairNote
          expected
        }
        declarations {
          id
          description
          management
          takesPartInDecision
          warning
          person {
            id
            name
          }
        }
        votes {
          id
          motion
          secret
          isOpen
          eligibleCount
          castCount
          forCount
          againstCount
          abstainCount
          castingVote
          outcome
          result
          viewerMayVote
          viewerHasVoted
          namedVotes {
            choice
            person {
              id
              name
            }
          }
          chairedBy {
            name
          }
        }
        decisions {
          id
          route
          text
          referredTo
          rescindedAt
          rescissionReason
          rescindedBy {
            name
          }
          isItemOutcome
          quorum {
            met
            unmet
          }
          chairedBy {
            name
          }
        }
        actions {
          id
          description
          dueDate
          status
          owner {
            name
          }
        }
        notes
      }
      conflictSuggestions {
        reason
        suggestedManagement
        item {
          id
        }
        person {
          id
          name
        }
        interest {
          id
          description
          category
        }
      }
    }
  }
`);


export const openMeetingMutation = gql<OpenMeetingMutation, OpenMeetingMutationVariables>(`
  mutation OpenMeeting($input: MeetingInput!) {
    openMeeting(input: $input) {
      live {
        stage
      }
      errors {
        field
        message
      }
    }
  }
`);

export const closeMeetingMutation = gql<CloseMeetingMutation, CloseMeetingMutationVariables>(`
  mutation CloseMeeting($input: MeetingInput!) {
    closeMeeting(input: $input) {
      live {
        stage
      }
      errors {
        field
        message
      }
    }
  }
`);

export const takeItemMutation = gql<TakeItemMutation, TakeItemMutationVariables>(`
  mutation TakeItem($input: TakeItemInput!) {
    takeItem(input: $input) {
      live {
        stage
      }
      errors {
        field
        message
      }
    }
  }
`);

export const recordAttendanceMutation = gql<RecordAttendanceMutation, RecordAttendanceMutationVariables>(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      live {
        stage
      }
      errors {
        field
        message
      }
    }
  }
`);

export const sendApologiesMutation = gql<SendApologiesMutation, SendApologiesMutationVariables>(`
  mutation SendApologies($input: MeetingInput!) {
    sendApologies(input: $input) {
      live {
        stage
      }
      errors {
        field
        message
      }
    }
  }
`);

export const checkInMutation = gql<CheckInMutation, CheckInMutationVariables>(`
  mutation CheckIn($input: MeetingInput!) {
    checkIn(input: $input) {
      live {
        stage
      }
      errors {
        field
        message
      }
    }
  }
`);

export const declareInterestInItemMutation = gql<DeclareInterestInItemMutation, DeclareInterestInItemMutationVariables>(`
  mutation DeclareInterestInItem($input: DeclareInterestInItemInput!) {
    declareInterestInItem(input: $input) {
      declaration {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const recordDeclarationMutation = gql<RecordDeclarationMutation, RecordDeclarationMutationVariables>(`
  mutation RecordDeclaration($input: RecordDeclarationInput!) {
    recordDeclaration(input: $input) {
      declaration {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const openVoteMutation = gql<OpenVoteMutation, OpenVoteMutationVariables>(`
  mutation OpenVote($input: OpenVoteInput!) {
    openVote(input: $input) {
      vote {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const castVoteMutation = gql<CastVoteMutation, CastVoteMutationVariables>(`
  mutation CastVote($input: CastVoteInput!) {
    castVote(input: $input) {
      vote {
        id
        castCount
      }
      errors {
        field
        message
      }
    }
  }
`);

export const closeVoteMutation = gql<CloseVoteMutation, CloseVoteMutationVariables>(`
  mutation CloseVote($input: CloseVoteInput!) {
    closeVote(input: $input) {
      vote {
        id
        result
      }
      decision {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const recordDecisionMutation = gql<RecordDecisionMutation, RecordDecisionMutationVariables>(`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      decision {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const rescindDecisionMutation = gql<RescindDecisionMutation, RescindDecisionMutationVariables>(`
  mutation RescindDecision($input: RescindDecisionInput!) {
    rescindDecision(input: $input) {
      decision {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const choosePresidingMemberMutation = gql<ChoosePresidingMemberMutation, ChoosePresidingMemberMutationVariables>(`
  mutation ChoosePresidingMember($input: ChoosePresidingMemberInput!) {
    choosePresidingMember(input: $input) {
      live {
        stage
      }
      errors {
        field
        message
      }
    }
  }
`);

export const referralChoicesQuery = gql<ReferralChoicesQuery, ReferralChoicesQueryVariables>(`
  query ReferralChoices {
    committees(first: 100) {
      edges {
        node {
          id
          name
          host {
            id
            name
          }
        }
      }
    }
  }
`);

export const addActionMutation = gql<AddActionMutation, AddActionMutationVariables>(`
  mutation AddAction($input: AddActionInput!) {
    addAction(input: $input) {
      action {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const saveMinuteNotesMutation = gql<SaveMinuteNotesMutation, SaveMinuteNotesMutationVariables>(`
  mutation SaveMinuteNotes($input: SaveMinuteNotesInput!) {
    saveMinuteNotes(input: $input) {
      notes
      errors {
        field
        message
      }
    }
  }
`);

export const minutesQuery = gql<MinutesQuery, MinutesQueryVariables>(`
  query Minutes($meetingId: ID!, $part: MinutesPart!) {
    minutes(meetingId: $meetingId, part: $part) {
      part
      status
      approval
      approvedAt
      organisation
      committee
      meetingTitle
      when
      place
      present
      inAttendance
      apologies
      absent
      arrivals
      items {
        number
        title
        part
        chairNote
        declarations
        movements
        notes
        decisions {
          route
          text
          outcome
          chairedBy
          quorum
          delegation
          vote {
            motion
            secret
            forCount
            againstCount
            abstainCount
            named
            result
          }
        }
        actions
      }
      actionLog
      pdfUrl
    }
  }
`);
