import { gql } from './client';
import type {
  AddPracticeQualityPapersMutation,
  AddPracticeQualityPapersMutationVariables,
  GenerateQualityReportMutation,
  GenerateQualityReportMutationVariables,
} from '../generated/graphql';

/** The month's quality concerns report as a submitted paper on a governing body meeting's agenda. */
export const generateQualityReportMutation = gql<GenerateQualityReportMutation, GenerateQualityReportMutationVariables>(`
  mutation GenerateQualityReport($input: GenerateQualityReportInput!) {
    generateQualityReport(input: $input) {
      report {
        month
        paper {
          id
          title
        }
      }
      errors {
        field
        message
      }
    }
  }
`);

/** The practice quality dashboard as a Part I paper (aggregates) and a Part II paper (practices named). */
export const addPracticeQualityPapersMutation = gql<
  AddPracticeQualityPapersMutation,
  AddPracticeQualityPapersMutationVariables
>(`
  mutation AddPracticeQualityPapers($input: AddPracticeQualityPapersInput!) {
    addPracticeQualityPapers(input: $input) {
      papers {
        partOne {
          id
          title
        }
        partTwo {
          id
          title
        }
      }
      errors {
        field
        message
      }
    }
  }
`);
