import { gql } from './client';
import type {
  BallotQuery,
  BallotQueryVariables,
  BallotSettingsQuery,
  BallotSettingsQueryVariables,
  AppointBallotProxyMutation,
  AppointBallotProxyMutationVariables,
  RevokeBallotProxyMutation,
  RevokeBallotProxyMutationVariables,
  CastBallotVoteMutation,
  CastBallotVoteMutationVariables,
  CloseBallotMutation,
  CloseBallotMutationVariables,
  CreateBallotMutation,
  CreateBallotMutationVariables,
  MyBallotsQuery,
  MyBallotsQueryVariables,
  OrganisationBallotsQuery,
  OrganisationBallotsQueryVariables,
  SetBallotSettingsMutation,
  SetBallotSettingsMutationVariables,
} from '../generated/graphql';

export const myBallotsQuery = gql<MyBallotsQuery, MyBallotsQueryVariables>(`
  query MyBallots {
    myBallots(first: 100) {
      edges {
        node {
          id
          title
          status
          opensAt
          closesAt
          closedAt
          organisation {
            id
            name
          }
          viewerVotingRights {
            asProxy
            canVote
            practice {
              id
              odsCode
              name
            }
            vote {
              recordedAt
            }
          }
          results {
            valid
            questions {
              question {
                id
                text
              }
              summary
            }
          }
        }
      }
    }
  }
`);

export const organisationBallotsQuery = gql<OrganisationBallotsQuery, OrganisationBallotsQueryVariables>(`
  query OrganisationBallots($organisationId: ID!) {
    ballots(organisationId: $organisationId, first: 100) {
      totalCount
      edges {
        node {
          id
          title
          status
          secret
          opensAt
          closesAt
          closedAt
          turnout {
            electoratePractices
            votedPractices
            percent
          }
        }
      }
    }
  }
`);

export const ballotQuery = gql<BallotQuery, BallotQueryVariables>(`
  query Ballot($id: ID!) {
    ballot(id: $id) {
      id
      title
      description
      secret
      status
      opensAt
      closesAt
      closedAt
      viewerCanManage
      exportUrl
      organisation {
        id
        name
      }
      document {
        filename
        contentType
        sizeBytes
        url
        inspectionNote
      }
      rules {
        inWords
      }
      questions {
        id
        position
        kind
        text
        seats
        options {
          id
          kind
          label
        }
      }
      viewerVotingRights {
        asProxy
        canVote
        practice {
          id
          odsCode
          name
        }
        vote {
          recordedAt
          changedAt
          castBy {
            id
            name
          }
          answers {
            question {
              id
            }
            options {
              id
              label
            }
          }
        }
      }
      turnout {
        electoratePractices
        electorateWeight
        votedPractices
        votedWeight
        notVotedPractices
        basis
        percent
        thresholdPercent
        thresholdMet
      }
      proxies {
        id
        appointedAt
        revokedAt
        practice {
          id
          odsCode
          name
        }
        proxy {
          id
          name
        }
        proxyPractice {
          id
          name
        }
        appointedBy {
          id
          name
        }
      }
      allElectors: electors(first: 100) {
        edges {
          node {
            odsCode
            practice {
              id
              name
            }
            vote {
              recordedAt
            }
            representatives {
              id
              name
            }
          }
        }
      }
      notVoted: electors(first: 100, hasVoted: false) {
        totalCount
        edges {
          node {
            odsCode
            listSize
            practice {
              id
              name
            }
            representatives {
              id
              name
              email
            }
          }
        }
      }
      namedVotes(first: 100) {
        totalCount
        edges {
          node {
            asProxy
            practice {
              id
              odsCode
              name
            }
            castBy {
              id
              name
            }
            answers {
              question {
                id
                position
              }
              options {
                id
                label
                position
              }
            }
          }
        }
      }
      results {
        valid
        questions {
          question {
            id
            text
            kind
            seats
          }
          outcome
          carried
          tied
          summary
          options {
            option {
              id
              label
            }
            votes
            weight
            percent
            elected
            tied
          }
        }
      }
    }
  }
`);

export const ballotSettingsQuery = gql<BallotSettingsQuery, BallotSettingsQueryVariables>(`
  query BallotSettings($organisationId: ID!) {
    ballotSettings(organisationId: $organisationId) {
      viewerCanChange
      updatedAt
      rules {
        weighting
        turnoutBasis
        turnoutThresholdPercent
        majority
        majorityPercent
        votesMayBeChanged
        inWords
      }
    }
  }
`);

export const setBallotSettingsMutation = gql<SetBallotSettingsMutation, SetBallotSettingsMutationVariables>(`
  mutation SetBallotSettings($input: SetBallotSettingsInput!) {
    setBallotSettings(input: $input) {
      settings {
        rules {
          inWords
        }
      }
      errors {
        field
        message
      }
    }
  }
`);

export const createBallotMutation = gql<CreateBallotMutation, CreateBallotMutationVariables>(`
  mutation CreateBallot($input: CreateBallotInput!) {
    createBallot(input: $input) {
      ballot {
        id
        title
        document {
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

export const closeBallotMutation = gql<CloseBallotMutation, CloseBallotMutationVariables>(`
  mutation CloseBallot($input: CloseBallotInput!) {
    closeBallot(input: $input) {
      ballot {
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

export const castBallotVoteMutation = gql<CastBallotVoteMutation, CastBallotVoteMutationVariables>(`
  mutation CastBallotVote($input: CastBallotVoteInput!) {
    castBallotVote(input: $input) {
      outcome
      message
      errors {
        field
        message
      }
    }
  }
`);

export const appointBallotProxyMutation = gql<AppointBallotProxyMutation, AppointBallotProxyMutationVariables>(`
  mutation AppointBallotProxy($input: AppointBallotProxyInput!) {
    appointBallotProxy(input: $input) {
      proxy {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const revokeBallotProxyMutation = gql<RevokeBallotProxyMutation, RevokeBallotProxyMutationVariables>(`
  mutation RevokeBallotProxy($input: RevokeBallotProxyInput!) {
    revokeBallotProxy(input: $input) {
      proxy {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);
