import type {
  ActionStatus,
  AttendanceStanding,
  CoCommissioningLevel,
  ConflictManagement,
  DecisionRoute,
  GiftChange,
  GiftKind,
  InterestCategory,
  CommitteeKind,
  ContractType,
  ConversionStatus,
  DelegationStatus,
  MeetingStatus,
  MemberCategory,
  Office,
  OrganisationKind,
  PackBuildStatus,
  PaperStatus,
  Part,
  Purpose,
  Role,
  SeatRole,
  ToDoKind,
  VoteChoice,
} from './generated/graphql';

export const roleInWords: Record<Role, string> = {
  ADMINISTRATOR: 'Administrator',
  BOARD_SECRETARY: 'Board secretary',
  GOVERNING_BODY_MEMBER: 'Governing body member',
  STAFF: 'Staff',
  PRACTICE_REPRESENTATIVE: 'Practice representative',
  AREA_TEAM_OFFICER: 'Area team officer',
};

export const roles = Object.keys(roleInWords) as Role[];

export const organisationKindInWords: Record<OrganisationKind, string> = {
  CCG: 'CCG',
  AREA_TEAM: 'Area team',
};

export const committeeKindInWords: Record<CommitteeKind, string> = {
  GOVERNING_BODY: 'Governing body',
  COUNCIL_OF_MEMBERS: 'Council of members',
  AUDIT: 'Audit committee',
  QUALITY: 'Quality committee',
  REMUNERATION: 'Remuneration committee',
  PRIMARY_CARE_COMMISSIONING: 'Primary care commissioning committee',
  JOINT_COMMITTEE: 'Joint committee',
  OTHER: 'Other committee',
};

/** Every CCG has its governing body and council of members from the start; secretaries add the rest. */
export const creatableCommitteeKinds: CommitteeKind[] = [
  'AUDIT',
  'QUALITY',
  'REMUNERATION',
  'PRIMARY_CARE_COMMISSIONING',
  'JOINT_COMMITTEE',
  'OTHER',
];

export const coCommissioningLevelInWords: Record<CoCommissioningLevel, string> = {
  JOINT: 'Joint commissioning',
  DELEGATED: 'Delegated commissioning',
};

export const seatRoleInWords: Record<SeatRole, string> = {
  CHAIR: 'Chair',
  VICE_CHAIR: 'Vice chair',
  MEMBER: 'Member',
  IN_ATTENDANCE: 'In attendance',
};

export const seatRoles = Object.keys(seatRoleInWords) as SeatRole[];

/** A seat's member category, as a secretary picks it. */
export const memberCategoryInWords: Record<MemberCategory, string> = {
  GP: 'GP',
  LAY_MEMBER: 'Lay member',
  EXECUTIVE: 'Executive',
  NURSE: 'Nurse',
  SECONDARY_CARE_DOCTOR: 'Secondary care doctor',
  NHS_ENGLAND: 'NHS England',
  HEALTHWATCH: 'Healthwatch',
  HWB: 'Health and Wellbeing Board',
  LMC: 'Local medical committee (LMC)',
  OTHER: 'Other',
};

export const memberCategories = Object.keys(memberCategoryInWords) as MemberCategory[];

/** Members of each category, counted in a quorum rule ("at least one of the lay members"), as written mid-sentence. */
export const memberCategoryPlural: Record<MemberCategory, string> = {
  GP: 'GPs',
  LAY_MEMBER: 'lay members',
  EXECUTIVE: 'executives',
  NURSE: 'nurses',
  SECONDARY_CARE_DOCTOR: 'secondary care doctors',
  NHS_ENGLAND: 'NHS England members',
  HEALTHWATCH: 'Healthwatch members',
  HWB: 'Health and Wellbeing Board members',
  LMC: 'LMC members',
  OTHER: 'other members',
};

/** The office a seat holder sits in, as terms of reference name it (chair and vice chair are the seat's role). */
export const officeInWords: Record<Office, string> = {
  ACCOUNTABLE_OFFICER: 'Accountable officer',
  CHIEF_FINANCE_OFFICER: 'Chief finance officer',
  DIRECTOR_OF_NURSING: 'Director of nursing',
  DIRECTOR_OF_COMMISSIONING: 'Director of commissioning',
  DIRECTOR_OF_PUBLIC_HEALTH: 'Director of public health',
  MEDICAL_DIRECTOR: 'Medical director',
  CLINICAL_LEAD: 'Clinical lead',
  LAY_MEMBER_GOVERNANCE: 'Lay member for governance',
  LAY_MEMBER_PATIENT_INVOLVEMENT: 'Lay member for patient and public involvement',
  REGISTERED_NURSE: 'Registered nurse',
  SECONDARY_CARE_SPECIALIST: 'Secondary care specialist doctor',
  AREA_TEAM_DIRECTOR: 'Area team director of commissioning',
  LMC_REPRESENTATIVE: 'LMC representative',
  HEALTHWATCH_REPRESENTATIVE: 'Healthwatch representative',
  HWB_REPRESENTATIVE: 'Health and Wellbeing Board representative',
  LOCAL_AUTHORITY_REPRESENTATIVE: 'Local authority representative',
};

export const offices = Object.keys(officeInWords) as Office[];

/** Fractions of the voting membership a quorum rule may require, as "numerator/denominator". */
export const quorumFractionInWords: Record<string, string> = {
  '1/2': 'Half',
  '1/3': 'A third',
  '2/3': 'Two thirds',
  '1/4': 'A quarter',
  '3/4': 'Three quarters',
};

/** "lay members" → "Lay members", for a label. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const delegationStatusInWords: Record<DelegationStatus, string> = {
  FUTURE: 'Not started',
  ACTIVE: 'Active',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
};

export const delegationStatusColour: Record<DelegationStatus, string> = {
  FUTURE: 'blue',
  ACTIVE: 'green',
  EXPIRED: 'grey',
  REVOKED: 'red',
};

export const contractTypeInWords: Record<ContractType, string> = {
  GMS: 'GMS (General Medical Services)',
  PMS: 'PMS (Personal Medical Services)',
  APMS: 'APMS (Alternative Provider Medical Services)',
};

export const contractTypes = Object.keys(contractTypeInWords) as ContractType[];

export const meetingStatusInWords: Record<MeetingStatus, string> = {
  DRAFT: 'Draft',
  AGENDA_PUBLISHED: 'Agenda published',
  PAPERS_PUBLISHED: 'Papers published',
  HELD: 'Held',
  MINUTES_APPROVED: 'Minutes approved',
};

export const meetingStatusColour: Record<MeetingStatus, string> = {
  DRAFT: 'grey',
  AGENDA_PUBLISHED: 'blue',
  PAPERS_PUBLISHED: 'green',
  HELD: 'purple',
  MINUTES_APPROVED: 'white',
};

/** An agenda item's purpose, or the action the meeting is asked to take. */
export const purposeInWords: Record<Purpose, string> = {
  DECISION: 'Decision',
  APPROVAL: 'Approval',
  RATIFICATION: 'Ratification',
  ASSURANCE: 'Assurance',
  DISCUSSION: 'Discussion',
  INFORMATION: 'Information',
  NOTE: 'To note',
};

export const purposes = Object.keys(purposeInWords) as Purpose[];

export const partInWords: Record<Part, string> = {
  PUBLIC: 'Part I (in public)',
  PRIVATE: 'Part II (in private)',
};

export const partShortInWords: Record<Part, string> = {
  PUBLIC: 'Part I',
  PRIVATE: 'Part II',
};

export const paperStatusInWords: Record<PaperStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted to sponsor',
  APPROVED: 'Approved',
  INCLUDED: 'In the published pack',
};

export const paperStatusColour: Record<PaperStatus, string> = {
  DRAFT: 'grey',
  SUBMITTED: 'yellow',
  APPROVED: 'green',
  INCLUDED: 'blue',
};

/** A Word or Excel file's conversion to pages of the pack. */
export const conversionStatusInWords: Record<ConversionStatus, string> = {
  PENDING: 'Being converted for the pack',
  DONE: 'Ready for the pack',
  FAILED: 'Could not be converted',
};

export const conversionStatusColour: Record<ConversionStatus, string> = {
  PENDING: 'yellow',
  DONE: 'green',
  FAILED: 'red',
};

export const packBuildStatusInWords: Record<PackBuildStatus, string> = {
  QUEUED: 'Waiting to start',
  RUNNING: 'Building',
  DONE: 'Ready',
  FAILED: 'Failed',
};

export const packBuildStatusColour: Record<PackBuildStatus, string> = {
  QUEUED: 'grey',
  RUNNING: 'blue',
  DONE: 'green',
  FAILED: 'red',
};

/** The impact assessments a cover sheet carries, in the API's own names. */
export const impactAreaInWords = {
  quality: 'Quality',
  equality: 'Equality',
  privacy: 'Privacy',
  financial: 'Financial',
  legal: 'Legal',
  sustainability: 'Sustainability',
} as const;

export type ImpactArea = keyof typeof impactAreaInWords;

export const impactAreas = Object.keys(impactAreaInWords) as ImpactArea[];
export const attendanceStandingInWords: Record<AttendanceStanding, string> = {
  PRESENT: 'Present',
  APOLOGIES: 'Apologies',
  ABSENT: 'Absent',
  EXPECTED: 'Expected',
  IN_ATTENDANCE: 'In attendance',
};

export const conflictManagementInWords: Record<ConflictManagement, string> = {
  DECLARE_ONLY: 'Declared only: takes part in discussion and decision',
  DISCUSSION_NOT_DECISION: 'Takes part in discussion but not the decision',
  LEAVE_ROOM: 'Leaves the room for the item',
};

export const conflictManagements = Object.keys(conflictManagementInWords) as ConflictManagement[];

export const interestCategoryInWords: Record<InterestCategory, string> = {
  FINANCIAL: 'Financial',
  NON_FINANCIAL_PROFESSIONAL: 'Non-financial professional',
  NON_FINANCIAL_PERSONAL: 'Non-financial personal',
  INDIRECT: 'Indirect',
};

export const interestCategories = Object.keys(interestCategoryInWords) as InterestCategory[];

export const decisionRouteInWords: Record<DecisionRoute, string> = {
  VOTE: 'By vote',
  CONSENSUS: 'By consensus',
  CHAIRS_ACTION: "Chair's action, to be ratified at the next meeting",
  DEFERRED: 'Deferred to a later meeting',
  REFERRED: 'Referred to another committee',
  WITHDRAWN: 'Withdrawn',
};

export const voteChoiceInWords: Record<VoteChoice, string> = {
  FOR: 'For',
  AGAINST: 'Against',
  ABSTAIN: 'Abstain',
};

export const voteChoices = Object.keys(voteChoiceInWords) as VoteChoice[];

export const actionStatusInWords: Record<ActionStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  CLOSED: 'Closed',
};

export const giftKindInWords: Record<GiftKind, string> = {
  GIFT: 'Gift',
  HOSPITALITY: 'Hospitality',
  CASH_OR_VOUCHERS: 'Cash or vouchers',
};

export const giftChangeInWords: Record<GiftChange, string> = {
  APPROVED: 'Approved',
  RETURNED: 'Returned',
  DECLINED: 'Declined',
};

/** How the home page labels each kind of thing to do. */
export const toDoKindInWords: Record<ToDoKind, string> = {
  MEETING_COMING_UP: 'Meeting coming up',
  PAPER_TO_WRITE: 'Paper to write',
  PAPER_TO_APPROVE: 'Paper to approve',
  MINUTES_TO_APPROVE: 'Minutes to approve',
  ACTION_ASSIGNED: 'Your action',
  BALLOT_OPEN: 'Ballot open',
  SURVEY_OPEN: 'Survey open',
  DECLARATION_DUE: 'Declaration of interests due',
  PAPER_OVERDUE: 'Paper overdue',
  PACK_NOT_BUILT: 'Pack not built',
  MEETING_NOT_QUORATE: 'Quorum at risk',
  DELEGATION_EXPIRING: 'Delegation expiring',
  ORGANISATION_WITHOUT_ADMINISTRATOR: 'No administrator',
};
