import type { ConcernCategory, ConcernSource, ProviderType } from '../../generated/graphql';

export const concernCategoryInWords: Record<ConcernCategory, string> = {
  SAFETY: 'Safety',
  EFFECTIVENESS: 'Effectiveness',
  EXPERIENCE: 'Experience',
  WELL_LED: 'Well-led',
};
export const concernCategories = Object.keys(concernCategoryInWords) as ConcernCategory[];

export const concernSourceInWords: Record<ConcernSource, string> = {
  COMPLAINT: 'Complaint',
  SERIOUS_INCIDENT: 'Serious incident',
  PATIENT_SURVEY: 'Patient survey',
  CQC_INSPECTION: 'CQC inspection',
  WHISTLEBLOWING: 'Whistleblowing',
  DATA: 'Data',
};
export const concernSources = Object.keys(concernSourceInWords) as ConcernSource[];

export const providerTypeInWords: Record<ProviderType, string> = {
  TRUST: 'NHS trust',
  COMMUNITY_PROVIDER: 'Community provider',
  INDEPENDENT_SECTOR: 'Independent sector',
};
export const providerTypes = Object.keys(providerTypeInWords) as ProviderType[];
