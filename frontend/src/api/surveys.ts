import { gql } from './client';
import type {
  CloseSurveyMutation,
  CloseSurveyMutationVariables,
  CopySurveyAsNextRoundMutation,
  CopySurveyAsNextRoundMutationVariables,
  CreateSurveyMutation,
  CreateSurveyMutationVariables,
  SaveSurveyDraftMutation,
  SaveSurveyDraftMutationVariables,
  SurveyBuilderPracticesQuery,
  SurveyBuilderPracticesQueryVariables,
  SurveyForBuildingQuery,
  SurveyForBuildingQueryVariables,
  CreateSurveyFromTemplateMutation,
  CreateSurveyFromTemplateMutationVariables,
  MySurveysQuery,
  MySurveysQueryVariables,
  OpenSurveyMutation,
  OpenSurveyMutationVariables,
  PublishSurveyResultsMutation,
  PublishSurveyResultsMutationVariables,
  SubmitSurveyResponseMutation,
  SubmitSurveyResponseMutationVariables,
  SurveyForAnsweringQuery,
  SurveyForAnsweringQueryVariables,
  SurveyResultsQuery,
  SurveyResultsQueryVariables,
  SurveysQuery,
  SurveysQueryVariables,
  SurveyTemplatesQuery,
  SurveyTemplatesQueryVariables,
  UpdateSurveyMutation,
  UpdateSurveyMutationVariables,
} from '../generated/graphql';

export const surveysQuery = gql<SurveysQuery, SurveysQueryVariables>(`
  query Surveys($first: Int!, $after: String, $organisationId: ID) {
    surveys(first: $first, after: $after, organisationId: $organisationId) {
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
          anonymity
          resultsPublished
          viewerCanManage
          viewerCanReadResults
          responseCount
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);

export const mySurveysQuery = gql<MySurveysQuery, MySurveysQueryVariables>(`
  query MySurveys {
    mySurveys {
      id
      title
      closesAt
      anonymity
      organisation {
        id
        name
      }
      viewerAnswersAs {
        hasResponded
        practice {
          id
          name
        }
      }
    }
  }
`);

export const surveyTemplatesQuery = gql<SurveyTemplatesQuery, SurveyTemplatesQueryVariables>(`
  query SurveyTemplates {
    surveyTemplates {
      key
      title
      description
      questionCount
    }
  }
`);

export const surveyForAnsweringQuery = gql<SurveyForAnsweringQuery, SurveyForAnsweringQueryVariables>(`
  query SurveyForAnswering($id: ID!, $token: String) {
    node(id: $id) {
      __typename
      ... on Survey {
        id
        title
        description
        anonymity
        respondentUnit
        status
        closesAt
        allowEditsAfterSubmit
        organisation {
          id
          name
        }
        viewerAnswersAs {
          hasResponded
          practice {
            id
            name
          }
        }
        myDraft {
          savedAt
          answers {
            questionId
            statementKey
            choice
            choices
            number
            text
          }
        }
        myResponse(token: $token) {
          status
          canChange
          answers {
            questionId
            statementKey
            choice
            choices
            number
            text
          }
        }
        sections {
          title
          description
          showIf {
            questionKey
            statementKey
            anyOf
          }
          questions {
            id
            key
            kind
            number
            prompt
            helpText
            required
            showIf {
              questionKey
              statementKey
              anyOf
            }
            options {
              key
              label
            }
            statements {
              key
              label
            }
            minimum
            maximum
            maxLength
          }
        }
      }
    }
  }
`);

export const submitSurveyResponseMutation = gql<SubmitSurveyResponseMutation, SubmitSurveyResponseMutationVariables>(`
  mutation SubmitSurveyResponse($input: SurveyResponseInput!) {
    submitResponse(input: $input) {
      response {
        status
        canChange
      }
      resumeToken
      errors {
        field
        message
      }
    }
  }
`);

export const surveyResultsQuery = gql<SurveyResultsQuery, SurveyResultsQueryVariables>(`
  query SurveyResults($id: ID!, $split: RespondentGroupSplit) {
    node(id: $id) {
      __typename
      ... on Survey {
        id
        title
        status
        anonymity
        resultsPublished
        viewerCanManage
        viewerCanReadResults
        resultsExportUrl
        previousRound {
          id
          title
        }
        results(split: $split) {
          suppressionThreshold
          responseCount
          invitedCount
          responseRate
          provisional
          withheldReasons
          split
          splitLabel
          byLocality {
            locality
            invited
            responses
            percent
          }
          questions {
            question {
              id
              key
              kind
              number
              prompt
              options {
                key
                label
              }
              statements {
                key
                label
              }
            }
            overall {
              key
              label
              withheld
              withheldReason
              respondents
              agreePercent
              mean
              median
              options {
                key
                label
                count
                percent
              }
              statements {
                key
                label
                respondents
                agreePercent
                options {
                  key
                  label
                  count
                  percent
                }
              }
            }
            groups {
              key
              label
              withheld
              withheldReason
              respondents
              agreePercent
              mean
              median
              options {
                key
                label
                count
                percent
              }
              statements {
                key
                label
                respondents
                agreePercent
                options {
                  key
                  label
                  count
                  percent
                }
              }
            }
            previousRound {
              surveyTitle
              overall {
                withheld
                respondents
                agreePercent
              }
            }
            textAnswers(first: 20) {
              totalCount
              texts
            }
          }
        }
      }
    }
  }
`);

export const createSurveyFromTemplateMutation = gql<
  CreateSurveyFromTemplateMutation,
  CreateSurveyFromTemplateMutationVariables
>(`
  mutation CreateSurveyFromTemplate($input: CreateSurveyFromTemplateInput!) {
    createSurveyFromTemplate(input: $input) {
      survey {
        id
        title
        anonymity
        description
        respondentUnit
        suppressionThreshold
        allowEditsAfterSubmit
        closesAt
        sections {
          title
          description
          showIf {
            questionKey
            statementKey
            anyOf
          }
          questions {
            key
            kind
            prompt
            helpText
            required
            showIf {
              questionKey
              statementKey
              anyOf
            }
            options {
              key
              label
            }
            statements {
              key
              label
            }
            minimum
            maximum
          }
        }
      }
      errors {
        field
        message
      }
    }
  }
`);

export const updateSurveyMutation = gql<UpdateSurveyMutation, UpdateSurveyMutationVariables>(`
  mutation UpdateSurvey($input: UpdateSurveyInput!) {
    updateSurvey(input: $input) {
      survey {
        id
        status
        resultsPublished
      }
      errors {
        field
        message
      }
    }
  }
`);

export const openSurveyMutation = gql<OpenSurveyMutation, OpenSurveyMutationVariables>(`
  mutation OpenSurvey($input: SurveyIdInput!) {
    openSurvey(input: $input) {
      survey {
        id
        status
        resultsPublished
      }
      errors {
        field
        message
      }
    }
  }
`);

export const closeSurveyMutation = gql<CloseSurveyMutation, CloseSurveyMutationVariables>(`
  mutation CloseSurvey($input: SurveyIdInput!) {
    closeSurvey(input: $input) {
      survey {
        id
        status
        resultsPublished
      }
      errors {
        field
        message
      }
    }
  }
`);

export const publishSurveyResultsMutation = gql<PublishSurveyResultsMutation, PublishSurveyResultsMutationVariables>(`
  mutation PublishSurveyResults($input: PublishSurveyResultsInput!) {
    publishSurveyResults(input: $input) {
      survey {
        id
        status
        resultsPublished
      }
      errors {
        field
        message
      }
    }
  }
`);


export const surveyForBuildingQuery = gql<SurveyForBuildingQuery, SurveyForBuildingQueryVariables>(`
  query SurveyForBuilding($id: ID!) {
    node(id: $id) {
      __typename
      ... on Survey {
        id
        title
        description
        status
        anonymity
        respondentUnit
        suppressionThreshold
        allowEditsAfterSubmit
        closesAt
        viewerCanManage
        organisation {
          id
        }
        previousRound {
          id
          title
        }
        audience {
          roles
          localities
          practices {
            id
          }
        }
        sections {
          title
          description
          showIf {
            questionKey
            statementKey
            anyOf
          }
          questions {
            key
            kind
            prompt
            helpText
            required
            showIf {
              questionKey
              statementKey
              anyOf
            }
            options {
              key
              label
            }
            statements {
              key
              label
            }
            minimum
            maximum
          }
        }
      }
    }
  }
`);

export const surveyBuilderPracticesQuery = gql<SurveyBuilderPracticesQuery, SurveyBuilderPracticesQueryVariables>(`
  query SurveyBuilderPractices($organisationId: ID!) {
    practices(first: 100, organisationId: $organisationId) {
      edges {
        node {
          id
          name
          locality
        }
      }
    }
  }
`);

export const createSurveyMutation = gql<CreateSurveyMutation, CreateSurveyMutationVariables>(`
  mutation CreateSurvey($input: CreateSurveyInput!) {
    createSurvey(input: $input) {
      survey {
        id
      }
      errors {
        field
        message
      }
    }
  }
`);

export const copySurveyAsNextRoundMutation = gql<CopySurveyAsNextRoundMutation, CopySurveyAsNextRoundMutationVariables>(`
  mutation CopySurveyAsNextRound($input: CopySurveyAsNextRoundInput!) {
    copySurveyAsNextRound(input: $input) {
      survey {
        id
        title
      }
      errors {
        field
        message
      }
    }
  }
`);

export const saveSurveyDraftMutation = gql<SaveSurveyDraftMutation, SaveSurveyDraftMutationVariables>(`
  mutation SaveSurveyDraft($input: SurveyDraftInput!) {
    saveSurveyDraft(input: $input) {
      draft {
        savedAt
      }
      errors {
        field
        message
      }
    }
  }
`);
