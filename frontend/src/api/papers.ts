import { gql } from './client';
import type {
  AddAppendixMutation,
  AddAppendixMutationVariables,
  MovePaperMutation,
  MovePaperMutationVariables,
  MyPapersQuery,
  MyPapersQueryVariables,
  PaperQuery,
  PaperQueryVariables,
  RemoveAppendixMutation,
  RemoveAppendixMutationVariables,
  RemovePaperBodyMutation,
  RemovePaperBodyMutationVariables,
  ReplaceAppendixMutation,
  ReplaceAppendixMutationVariables,
  SavePaperDraftMutation,
  SavePaperDraftMutationVariables,
  UploadPaperBodyMutation,
  UploadPaperBodyMutationVariables,
} from '../generated/graphql';

export const paperQuery = gql<PaperQuery, PaperQueryVariables>(`
  query Paper($id: ID!) {
    node(id: $id) {
      __typename
      ... on Paper {
        id
        title
        status
        dueDate
        isPublic
        viewerCanWrite
        viewerCanApprove
        author {
          id
          name
        }
        sponsor {
          id
          name
        }
        item {
          id
          number
          title
        }
        meeting {
          id
          title
          startsAt
          committee {
            id
            name
          }
        }
        versions {
          id
          number
          createdAt
          approvedAt
          publishedAt
        }
        currentVersion {
          id
          number
          missingCoverSheetFields
          purpose
          executiveSummary
          recommendation
          strategicObjectives
          assuranceRisks
          conflictsNoted
          publicInvolvement
          bodyMarkdown
          bodyHtml
          bodyDocument {
            filename
            contentType
            sizeBytes
            url
            conversion {
              status
              problem
              pageCount
            }
          }
          approvedAt
          publishedAt
          impacts {
            area
            applies
            detail
          }
          appendices {
            id
            title
            kind
            pageCount
            problem
            file {
              filename
              contentType
              sizeBytes
              url
              inspectionNote
              conversion {
                status
                problem
                pageCount
              }
            }
          }
        }
      }
    }
  }
`);

export const myPapersQuery = gql<MyPapersQuery, MyPapersQueryVariables>(`
  query MyPapers($first: Int!, $after: String) {
    myPapers(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
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
          meeting {
            id
            title
            startsAt
            cancelledAt
            committee {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const savePaperDraftMutation = gql<SavePaperDraftMutation, SavePaperDraftMutationVariables>(`
  mutation SavePaperDraft($input: SavePaperDraftInput!) {
    savePaperDraft(input: $input) {
      version {
        id
        number
      }
      errors {
        field
        message
      }
    }
  }
`);

export const movePaperMutation = gql<MovePaperMutation, MovePaperMutationVariables>(`
  mutation MovePaper($input: MovePaperInput!) {
    movePaper(input: $input) {
      paper {
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

export const addAppendixMutation = gql<AddAppendixMutation, AddAppendixMutationVariables>(`
  mutation AddAppendix($input: AddAppendixInput!) {
    addAppendix(input: $input) {
      appendix {
        title
        kind
        pageCount
        problem
        file {
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

export const replaceAppendixMutation = gql<ReplaceAppendixMutation, ReplaceAppendixMutationVariables>(`
  mutation ReplaceAppendix($input: ReplaceAppendixInput!) {
    replaceAppendix(input: $input) {
      appendix {
        title
        problem
        file {
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

export const removeAppendixMutation = gql<RemoveAppendixMutation, RemoveAppendixMutationVariables>(`
  mutation RemoveAppendix($input: RemoveAppendixInput!) {
    removeAppendix(input: $input) {
      paper {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const uploadPaperBodyMutation = gql<UploadPaperBodyMutation, UploadPaperBodyMutationVariables>(`
  mutation UploadPaperBody($input: UploadPaperBodyInput!) {
    uploadPaperBody(input: $input) {
      version {
        id
        number
      }
      errors {
        field
        message
      }
    }
  }
`);

export const removePaperBodyMutation = gql<RemovePaperBodyMutation, RemovePaperBodyMutationVariables>(`
  mutation RemovePaperBody($input: RemovePaperBodyInput!) {
    removePaperBody(input: $input) {
      version {
        id
        number
      }
      errors {
        field
        message
      }
    }
  }
`);
