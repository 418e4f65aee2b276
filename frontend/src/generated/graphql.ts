/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type ActionStatus =
  | 'CLOSED'
  | 'IN_PROGRESS'
  | 'OPEN';

export type AddActionInput = {
  description: string;
  dueDate: string;
  itemId?: string | number | null | undefined;
  meetingId: string | number;
  ownerId: string | number;
};

export type AddAgendaItemInput = {
  /** Add it as a closing item, at the end; other new items go before it. */
  closing?: boolean;
  meetingId: string | number;
  minutesAllotted?: number;
  needsPaper?: boolean;
  parentId?: string | number | null | undefined;
  part?: Part;
  presenter?: string;
  purpose: Purpose;
  title: string;
};

/** A PDF, Word or Excel file in base64. */
export type AddAppendixInput = {
  contentBase64: string;
  filename: string;
  paperId: string | number;
  title: string;
};

export type AddConcernEvidenceInput = {
  concernId: string | number;
  contentBase64: string;
  description?: string;
  filename: string;
};

/** A governing body meeting; period (2025-03, 2025-Q1 or 2025) chooses the period of the named distributions, by default each indicator's latest. */
export type AddPracticeQualityPapersInput = {
  meetingId: string | number;
  period?: string | null | undefined;
};

export type AddSeatInput = {
  category: MemberCategory;
  committeeId: string | number;
  office?: Office | null | undefined;
  partyId?: string | number | null | undefined;
  personId: string | number;
  role: SeatRole;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
  voting: boolean;
};

/** A signed agreement: a PDF in base64. */
export type AgreementInput = {
  contentBase64: string;
  filename: string;
};

export type AnswerInvitationInput = {
  accept: boolean;
  arrangementId: string | number;
  /** The committee sent, when accepting. */
  committeeId?: string | number | null | undefined;
  organisationId: string | number;
};

export type AppendixKind =
  | 'EXCEL'
  | 'PDF'
  | 'WORD';

export type AppointBallotProxyInput = {
  ballotId: string | number;
  practiceId: string | number;
  proxyPersonId: string | number;
};

export type AttachAgreementInput = {
  contentBase64: string;
  delegationId: string | number;
  filename: string;
};

/** The terms of reference as a PDF or Word document, in base64. */
export type AttachTermsOfReferenceInput = {
  committeeId: string | number;
  contentBase64: string;
  filename: string;
};

export type AttendanceChange =
  | 'APOLOGIES'
  | 'ARRIVED'
  | 'LEFT';

export type AttendanceMovementKind =
  | 'ARRIVED'
  | 'LEFT';

export type AttendanceStanding =
  | 'ABSENT'
  | 'APOLOGIES'
  | 'EXPECTED'
  | 'IN_ATTENDANCE'
  | 'PRESENT';

export type BallotAnswerInput = {
  /** One option; or, in an election, up to its seats in candidates. */
  optionIds: Array<string | number>;
  questionId: string | number;
};

/** A PDF or Word document in base64. */
export type BallotDocumentInput = {
  contentBase64: string;
  filename: string;
};

export type BallotOptionKind =
  | 'ABSTAIN'
  | 'AGAINST'
  | 'CANDIDATE'
  | 'FOR';

export type BallotOutcome =
  | 'CARRIED'
  | 'ELECTED'
  | 'NONE_ELECTED'
  | 'NOT_CARRIED'
  | 'NOT_VALID'
  | 'TIED';

export type BallotQuestionInput = {
  candidates?: Array<string>;
  kind?: BallotQuestionKind;
  seats?: number;
  text: string;
};

export type BallotQuestionKind =
  | 'ELECTION'
  | 'FOR_AGAINST';

export type BallotStatus =
  | 'CLOSED'
  | 'OPEN'
  | 'SCHEDULED';

export type BallotVoteOutcome =
  | 'ALREADY_RECORDED'
  | 'CHANGED'
  | 'RECORDED';

export type BuildPackInput = {
  meetingId: string | number;
  part: Part;
  supplement?: boolean;
};

export type BuildSessionPackInput = {
  /** For a private pack: the committee whose organisation's pack it is. */
  committeeId?: string | number | null | undefined;
  part: Part;
  sessionId: string | number;
};

export type CancelMeetingInput = {
  id: string | number;
};

export type CastBallotVoteInput = {
  answers: Array<BallotAnswerInput>;
  ballotId: string | number;
  /** Needed only when the viewer may vote for more than one practice (as a proxy). */
  practiceId?: string | number | null | undefined;
  /** Make a random one (a UUID) for each ballot paper and send it again on every retry; never derive it from the choices. */
  submissionKey?: string | null | undefined;
};

/** A member casts their own vote; the secretary may record a named vote for a member (personId). */
export type CastVoteInput = {
  choice: VoteChoice;
  personId?: string | number | null | undefined;
  voteId: string | number;
};

export type CategoryMinimumInput = {
  category: MemberCategory;
  count: number;
};

/** The meeting's new arrangements, whole; members with notice are told of the change. */
export type ChangeMeetingArrangementsInput = {
  callLink?: string;
  endsAt?: string | null | undefined;
  id: string | number;
  location?: string;
  startsAt: string;
};

export type ChangeMeetingStatusInput = {
  id: string | number;
  status: MeetingStatus;
};

export type ChoosePresidingMemberInput = {
  itemId: string | number;
  personId: string | number;
};

export type CloseBallotInput = {
  id: string | number;
};

export type CloseConcernInput = {
  id: string | number;
};

export type CloseVoteInput = {
  /** The chair's, when the votes are tied. */
  castingVote?: VoteChoice | null | undefined;
  voteId: string | number;
};

export type CoCommissioningLevel =
  | 'DELEGATED'
  | 'JOINT';

export type CommitteeKind =
  | 'AUDIT'
  | 'COUNCIL_OF_MEMBERS'
  | 'GOVERNING_BODY'
  | 'JOINT_COMMITTEE'
  | 'OTHER'
  | 'PRIMARY_CARE_COMMISSIONING'
  | 'QUALITY'
  | 'REMUNERATION';

export type ConcernCategory =
  | 'EFFECTIVENESS'
  | 'EXPERIENCE'
  | 'SAFETY'
  | 'WELL_LED';

export type ConcernSource =
  | 'COMPLAINT'
  | 'CQC_INSPECTION'
  | 'DATA'
  | 'PATIENT_SURVEY'
  | 'SERIOUS_INCIDENT'
  | 'WHISTLEBLOWING';

export type ConcernStepDirection =
  | 'DOWN'
  | 'LOGGED'
  | 'UP';

export type ConflictManagement =
  | 'DECLARE_ONLY'
  | 'DISCUSSION_NOT_DECISION'
  | 'LEAVE_ROOM';

export type ContractType =
  | 'APMS'
  | 'GMS'
  | 'PMS';

export type ConversionStatus =
  | 'DONE'
  | 'FAILED'
  | 'PENDING';

export type CopySurveyAsNextRoundInput = {
  surveyId: string | number;
  title?: string | null | undefined;
};

export type CreateArrangementInput = {
  /** The convening organisation's committee that takes part. */
  committeeId: string | number;
  name: string;
};

export type CreateBallotInput = {
  closesAt: string;
  description?: string;
  document?: BallotDocumentInput | null | undefined;
  opensAt: string;
  organisationId: string | number;
  questions: Array<BallotQuestionInput>;
  secret?: boolean;
  title: string;
};

export type CreateCommitteeInput = {
  coCommissioningLevel?: CoCommissioningLevel | null | undefined;
  kind: CommitteeKind;
  name: string;
  organisationId: string | number;
  partyIds?: Array<string | number>;
  quorumRule: QuorumRuleInput;
  termsSummary?: string;
};

export type CreateMeetingInput = {
  callLink?: string;
  committeeId: string | number;
  endsAt?: string | null | undefined;
  location?: string;
  papersDue?: string | null | undefined;
  startsAt: string;
  title: string;
};

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

export type CreateSurveyFromTemplateInput = {
  organisationId: string | number;
  templateKey: string;
};

export type CreateSurveyInput = {
  allowEditsAfterSubmit?: boolean;
  anonymity: SurveyAnonymity;
  audience: SurveyAudienceInput;
  closesAt?: string | null | undefined;
  description?: string;
  organisationId: string | number;
  respondentUnit?: SurveyRespondentUnit;
  sections?: Array<SurveySectionInput>;
  suppressionThreshold?: number;
  title: string;
};

export type DecisionRoute =
  | 'CHAIRS_ACTION'
  | 'CONSENSUS'
  | 'DEFERRED'
  | 'REFERRED'
  | 'VOTE'
  | 'WITHDRAWN';

/** A member's own declaration on an item, before or during the meeting; the chair decides how it is managed. */
export type DeclareInterestInItemInput = {
  category?: InterestCategory | null | undefined;
  description?: string;
  interestId?: string | number | null | undefined;
  itemId: string | number;
  meetingId: string | number;
};

export type DeclareInterestInput = {
  actionTaken?: string;
  /** Defaults to when the interest began, or the person's appointment if later. */
  becameAwareOn?: string | null | undefined;
  category: InterestCategory;
  concernsOrganisationIds?: Array<string | number>;
  concernsPracticeIds?: Array<string | number>;
  /** Defaults to today. */
  declaredOn?: string | null | undefined;
  description: string;
  organisationId: string | number;
  personId: string | number;
  validFrom: string;
  validTo?: string | null | undefined;
  withheldFromPublication?: boolean;
};

export type DelegationStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'FUTURE'
  | 'REVOKED';

export type DesignateGiftApproverInput = {
  organisationId: string | number;
  personId: string | number;
};

export type EndInterestInput = {
  actionTaken?: string | null | undefined;
  id: string | number;
  validTo: string;
};

export type EndMembershipInput = {
  id: string | number;
  validTo: string;
};

export type EndSeatInput = {
  id: string | number;
  validTo: string;
};

export type GenerateQualityReportInput = {
  meetingId: string | number;
  /** Any day of the month reported on. */
  month: string;
  part?: Part;
};

export type GiftChange =
  | 'APPROVED'
  | 'DECLINED'
  | 'RETURNED';

export type GiftKind =
  | 'CASH_OR_VOUCHERS'
  | 'GIFT'
  | 'HOSPITALITY';

export type GiftRequirement =
  | 'DECLARE'
  | 'NOT_REQUIRED'
  | 'REFUSE'
  | 'REFUSE_UNLESS_APPROVED';

export type ImpactInput = {
  applies: boolean;
  area: string;
  detail?: string;
};

/** The file's bytes in base64; .xlsx or .csv with columns ods_code, indicator_code, period, value (and numerator, denominator, indicator_name, unit, higher_is_better). */
export type ImportIndicatorsInput = {
  contentBase64: string;
  filename: string;
  organisationId: string | number;
};

/** An .xlsx (or .csv) file in base64, with the columns of the register's export. */
export type ImportInterestsInput = {
  contentBase64: string;
  filename: string;
  organisationId: string | number;
};

/** The file's bytes in base64; .xlsx or .csv with columns ods_code, name, list_size, locality. */
export type ImportPracticesInput = {
  contentBase64: string;
  filename: string;
  organisationId: string | number;
};

export type InCommonPartyStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'INVITED';

export type InterestCategory =
  | 'FINANCIAL'
  | 'INDIRECT'
  | 'NON_FINANCIAL_PERSONAL'
  | 'NON_FINANCIAL_PROFESSIONAL';

export type InterestReturnStatus =
  | 'DUE'
  | 'OVERDUE'
  | 'UP_TO_DATE';

export type InterestStatus =
  | 'CONFIRMED'
  | 'PENDING'
  | 'REJECTED';

export type InviteInput = {
  arrangementId: string | number;
  odsCode: string;
};

export type LogConcernInput = {
  category: ConcernCategory;
  nextSteps: string;
  organisationId: string | number;
  ownerId: string | number;
  practiceId?: string | number | null | undefined;
  providerName?: string | null | undefined;
  providerType?: ProviderType | null | undefined;
  reviewDate: string;
  source: ConcernSource;
  summary: string;
  title: string;
};

export type Majority =
  | 'SIMPLE'
  | 'STATED_SHARE'
  | 'TWO_THIRDS';

export type MeetingEventKind =
  | 'ACTION'
  | 'ATTENDANCE'
  | 'CLOSED'
  | 'CURRENT_ITEM'
  | 'DECISION'
  | 'DECLARATION'
  | 'MINUTES'
  | 'OPENED'
  | 'SNAPSHOT'
  | 'VOTE_CAST'
  | 'VOTE_CLOSED'
  | 'VOTE_OPENED';

export type MeetingInput = {
  meetingId: string | number;
};

export type MeetingStage =
  | 'CLOSED'
  | 'MINUTES_APPROVED'
  | 'NOT_OPEN'
  | 'OPEN'
  | 'UNPUBLISHED';

export type MeetingStatus =
  | 'AGENDA_PUBLISHED'
  | 'DRAFT'
  | 'HELD'
  | 'MINUTES_APPROVED'
  | 'PAPERS_PUBLISHED';

export type MemberCategory =
  | 'EXECUTIVE'
  | 'GP'
  | 'HEALTHWATCH'
  | 'HWB'
  | 'LAY_MEMBER'
  | 'LMC'
  | 'NHS_ENGLAND'
  | 'NURSE'
  | 'OTHER'
  | 'SECONDARY_CARE_DOCTOR';

export type MinutesPart =
  | 'PRIVATE'
  | 'PUBLIC';

/** Move an item to a position (1 = first) among its new siblings; parentId makes it a sub-item. */
export type MoveAgendaItemInput = {
  id: string | number;
  parentId?: string | number | null | undefined;
  position: number;
};

export type MoveConcernInput = {
  id: string | number;
  nextSteps: string;
  reason: string;
  stepId: string | number;
};

export type MovePaperInput = {
  id: string | number;
  status: PaperStatus;
};

export type NotificationChoiceInput = {
  kind: string;
  mode: NotificationMode;
};

export type NotificationMessageStatus =
  | 'DIGEST'
  | 'FAILED'
  | 'OUTBOX_ONLY'
  | 'QUEUED'
  | 'SENT';

export type NotificationMode =
  | 'AT_ONCE'
  | 'DIGEST'
  | 'OFF';

export type Office =
  | 'ACCOUNTABLE_OFFICER'
  | 'AREA_TEAM_DIRECTOR'
  | 'CHIEF_FINANCE_OFFICER'
  | 'CLINICAL_LEAD'
  | 'DIRECTOR_OF_COMMISSIONING'
  | 'DIRECTOR_OF_NURSING'
  | 'DIRECTOR_OF_PUBLIC_HEALTH'
  | 'HEALTHWATCH_REPRESENTATIVE'
  | 'HWB_REPRESENTATIVE'
  | 'LAY_MEMBER_GOVERNANCE'
  | 'LAY_MEMBER_PATIENT_INVOLVEMENT'
  | 'LMC_REPRESENTATIVE'
  | 'LOCAL_AUTHORITY_REPRESENTATIVE'
  | 'MEDICAL_DIRECTOR'
  | 'REGISTERED_NURSE'
  | 'SECONDARY_CARE_SPECIALIST';

export type OpenVoteInput = {
  /** For a joint committee deciding under a delegation it holds. */
  delegationId?: string | number | null | undefined;
  itemId: string | number;
  motion: string;
  secret?: boolean;
};

export type OrganisationKind =
  | 'AREA_TEAM'
  | 'CCG';

export type PackBuildStatus =
  | 'DONE'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type PaperStatus =
  | 'APPROVED'
  | 'DRAFT'
  | 'INCLUDED'
  | 'SUBMITTED';

export type Part =
  | 'PRIVATE'
  | 'PUBLIC';

export type ProviderType =
  | 'COMMUNITY_PROVIDER'
  | 'INDEPENDENT_SECTOR'
  | 'TRUST';

export type PublishPackInput = {
  id: string | number;
};

export type PublishSurveyResultsInput = {
  id: string | number;
  published?: boolean;
};

export type Purpose =
  | 'APPROVAL'
  | 'ASSURANCE'
  | 'DECISION'
  | 'DISCUSSION'
  | 'INFORMATION'
  | 'NOTE'
  | 'RATIFICATION';

export type PutConcernOnAgendaInput = {
  concernId: string | number;
  meetingId: string | number;
  part?: Part;
};

export type QuestionKind =
  | 'AGREEMENT'
  | 'LONG_TEXT'
  | 'MATRIX'
  | 'MULTIPLE_CHOICE'
  | 'NUMBER'
  | 'RATING'
  | 'SHORT_TEXT'
  | 'SINGLE_CHOICE';

export type QuorumFractionInput = {
  denominator: number;
  numerator: number;
};

export type QuorumOfficesInput = {
  count?: number;
  offices: Array<Office>;
};

export type QuorumPoolInput = {
  categories: Array<MemberCategory>;
  count: number;
};

/** Every requirement given must be met. */
export type QuorumRuleInput = {
  categoryMinimums?: Array<CategoryMinimumInput>;
  chairOrViceChair?: boolean;
  clinicalMajority?: boolean;
  eachParty?: boolean;
  fraction?: QuorumFractionInput | null | undefined;
  minimumVoting: number;
  officeGroups?: Array<QuorumOfficesInput>;
  pools?: Array<QuorumPoolInput>;
};

/** Name a person, or a guest who has no record in Quorum. */
export type RecordAttendanceInput = {
  capacity?: string;
  change: AttendanceChange;
  guestName?: string | null | undefined;
  meetingId: string | number;
  personId?: string | number | null | undefined;
};

export type RecordDecisionInput = {
  delegationId?: string | number | null | undefined;
  itemId: string | number;
  /** For a referral: the committee the item is referred to. */
  referredToCommitteeId?: string | number | null | undefined;
  route: DecisionRoute;
  text?: string;
};

/** From the register (interestId), or as declared at the meeting (category and description). */
export type RecordDeclarationInput = {
  category?: InterestCategory | null | undefined;
  description?: string;
  interestId?: string | number | null | undefined;
  itemId: string | number;
  management: ConflictManagement;
  meetingId: string | number;
  personId: string | number;
};

export type RecordDelegationInput = {
  agreement?: AgreementInput | null | undefined;
  committeeId: string | number;
  functions: Array<string>;
  organisationId: string | number;
  scopeIds: Array<string | number>;
  validFrom: string;
  validTo: string;
};

export type RecordGiftOrHospitalityInput = {
  accepted: boolean;
  approvedById?: string | number | null | undefined;
  description: string;
  fromSupplier: boolean;
  kind: GiftKind;
  offeredBy: string;
  offeredOn: string;
  organisationId: string | number;
  personId: string | number;
  valuePence: number;
};

export type RecordInterestReviewInput = {
  nilReturn?: boolean;
  organisationId: string | number;
  personId: string | number;
  reviewedOn?: string | null | undefined;
};

export type RemoveAppendixInput = {
  id: string | number;
};

export type RemovePaperBodyInput = {
  paperId: string | number;
};

/** A new file (PDF, Word or Excel, in base64) for an appendix of a draft, and optionally a new title. */
export type ReplaceAppendixInput = {
  contentBase64: string;
  filename: string;
  id: string | number;
  title?: string | null | undefined;
};

export type RequestPaperInput = {
  authorId: string | number;
  dueDate: string;
  itemId: string | number;
  meetingId: string | number;
  sponsorId: string | number;
  title: string;
};

export type RescindDecisionInput = {
  decisionId: string | number;
  reason: string;
};

export type RespondentGroupSplit =
  | 'LEADERSHIP'
  | 'LIST_SIZE'
  | 'LOCALITY'
  | 'ROLE';

export type ReviewPendingInterestInput = {
  confirm: boolean;
  id: string | number;
  note?: string;
};

export type RevokeBallotProxyInput = {
  id: string | number;
};

export type RevokeDelegationInput = {
  id: string | number;
  reason: string;
};

export type Role =
  | 'ADMINISTRATOR'
  | 'AREA_TEAM_OFFICER'
  | 'BOARD_SECRETARY'
  | 'GOVERNING_BODY_MEMBER'
  | 'PRACTICE_REPRESENTATIVE'
  | 'STAFF';

export type SaveMinuteNotesInput = {
  itemId: string | number;
  notes: string;
};

export type SavePaperDraftInput = {
  assuranceRisks?: string;
  bodyMarkdown?: string;
  conflictsNoted?: string;
  executiveSummary?: string;
  id: string | number;
  impacts?: Array<ImpactInput>;
  isPublic: boolean;
  publicInvolvement?: string;
  purpose: Purpose;
  recommendation?: string;
  strategicObjectives?: string;
};

export type ScheduleSessionInput = {
  arrangementId: string | number;
  items: Array<SessionItemInput>;
  location: string;
  startsAt: string;
  title: string;
};

export type SearchKind =
  | 'ACTION'
  | 'AGENDA_ITEM'
  | 'DECISION'
  | 'DRAFT_MINUTES'
  | 'GIFT_OR_HOSPITALITY'
  | 'INTEREST'
  | 'MEETING'
  | 'MINUTES'
  | 'PAPER';

export type SeatRole =
  | 'CHAIR'
  | 'IN_ATTENDANCE'
  | 'MEMBER'
  | 'VICE_CHAIR';

export type SessionItemInput = {
  /** None named: every committee takes it. */
  committeeIds?: Array<string | number>;
  part: Part;
  purpose: Purpose;
  title: string;
};

/** The CCG's constitution on ballots. Percentages are of practices, patients or votes, 0 to 100. */
export type SetBallotSettingsInput = {
  majority: Majority;
  /** Only for STATED_SHARE: more than 50, at most 100. */
  majorityPercent?: number | null | undefined;
  organisationId: string | number;
  turnoutBasis: TurnoutBasis;
  turnoutThresholdPercent: number;
  votesMayBeChanged?: boolean;
  weighting: Weighting;
};

export type SetNotificationPreferencesInput = {
  choices?: Array<NotificationChoiceInput>;
  digestHour?: number | null | undefined;
};

export type SurveyAnonymity =
  | 'ANONYMOUS'
  | 'CONFIDENTIAL'
  | 'NAMED';

/** One answer, in the field its question takes: choice (agreement, single choice, 0-10 rating as '0'..'10', and each matrix statement with statementKey), choices (multiple choice), number, or text. An empty answer clears it. */
export type SurveyAnswerInput = {
  choice?: string | null | undefined;
  choices?: Array<string> | null | undefined;
  number?: number | null | undefined;
  questionId: string | number;
  statementKey?: string | null | undefined;
  text?: string | null | undefined;
};

/** Who is asked: any of these roles, narrowed (when given) to practices in these localities or these practices. */
export type SurveyAudienceInput = {
  localities?: Array<string>;
  practiceIds?: Array<string | number>;
  roles: Array<SurveyAudienceRole>;
};

export type SurveyAudienceRole =
  | 'ADMINISTRATOR'
  | 'BOARD_SECRETARY'
  | 'COMMITTEE_MEMBER'
  | 'GOVERNING_BODY_MEMBER'
  | 'PRACTICE_REPRESENTATIVE'
  | 'STAFF';

export type SurveyConditionInput = {
  anyOf: Array<string>;
  questionKey: string;
  statementKey?: string | null | undefined;
};

/** practiceId: which practice the viewer answers for, when they represent several. */
export type SurveyDraftInput = {
  answers?: Array<SurveyAnswerInput>;
  practiceId?: string | number | null | undefined;
  surveyId: string | number;
};

export type SurveyIdInput = {
  id: string | number;
};

export type SurveyOptionInput = {
  key: string;
  label: string;
};

/** Agreement and 0-10 questions use fixed scales; a matrix without options uses the agreement scale. */
export type SurveyQuestionInput = {
  helpText?: string;
  key: string;
  kind: QuestionKind;
  maximum?: number | null | undefined;
  minimum?: number | null | undefined;
  options?: Array<SurveyOptionInput>;
  prompt: string;
  required?: boolean;
  showIf?: SurveyConditionInput | null | undefined;
  statements?: Array<SurveyOptionInput>;
};

export type SurveyRespondentUnit =
  | 'PERSON'
  | 'PRACTICE';

/** token: the resume token of an anonymous survey's response, as given when it was started (omit it to start). practiceId: which practice the viewer answers for, when they represent several. */
export type SurveyResponseInput = {
  answers?: Array<SurveyAnswerInput>;
  practiceId?: string | number | null | undefined;
  surveyId: string | number;
  token?: string | null | undefined;
};

export type SurveyResponseStatus =
  | 'DRAFT'
  | 'SUBMITTED';

export type SurveySectionInput = {
  description?: string;
  questions?: Array<SurveyQuestionInput>;
  showIf?: SurveyConditionInput | null | undefined;
  title?: string;
};

export type SurveyStatus =
  | 'CLOSED'
  | 'DRAFT'
  | 'OPEN';

export type TakeItemInput = {
  itemId: string | number;
  meetingId: string | number;
};

export type TakePartInput = {
  committeeId: string | number;
  sessionId: string | number;
};

/** What kind of thing there is to do; a client can group or label the list by it. */
export type ToDoKind =
  | 'ACTION_ASSIGNED'
  | 'BALLOT_OPEN'
  | 'DECLARATION_DUE'
  | 'DELEGATION_EXPIRING'
  | 'MEETING_COMING_UP'
  | 'MEETING_NOT_QUORATE'
  | 'MINUTES_TO_APPROVE'
  | 'ORGANISATION_WITHOUT_ADMINISTRATOR'
  | 'PACK_NOT_BUILT'
  | 'PAPER_OVERDUE'
  | 'PAPER_TO_APPROVE'
  | 'PAPER_TO_WRITE'
  | 'SURVEY_OPEN';

export type TurnoutBasis =
  | 'LIST_SIZE'
  | 'PRACTICES';

export type UnpublishPackInput = {
  id: string | number;
  reason: string;
};

export type UpdateAgendaItemInput = {
  id: string | number;
  minutesAllotted?: number;
  needsPaper?: boolean;
  part: Part;
  presenter?: string;
  purpose: Purpose;
  title: string;
};

export type UpdateCommitteeInput = {
  id: string | number;
  name: string;
  quorumRule: QuorumRuleInput;
  termsSummary: string;
};

export type UpdateConcernInput = {
  escalatedToNhsEngland: boolean;
  id: string | number;
  ownerId: string | number;
  reviewDate: string;
};

export type UpdateGiftOrHospitalityInput = {
  change: GiftChange;
  id: string | number;
  note?: string;
};

export type UpdatePrimaryCareContractInput = {
  contractType: ContractType;
  enhancedServices?: Array<string>;
  id: string | number;
  notes?: string;
  startDate: string;
};

/** Replaces a draft survey's settings and its sections and questions. */
export type UpdateSurveyInput = {
  allowEditsAfterSubmit?: boolean;
  anonymity: SurveyAnonymity;
  audience: SurveyAudienceInput;
  closesAt?: string | null | undefined;
  description?: string;
  id: string | number;
  respondentUnit?: SurveyRespondentUnit;
  sections?: Array<SurveySectionInput>;
  suppressionThreshold?: number;
  title: string;
};

/** A Word document (.docx, in base64) to be the paper's body. */
export type UploadPaperBodyInput = {
  contentBase64: string;
  filename: string;
  paperId: string | number;
};

export type VoteChoice =
  | 'ABSTAIN'
  | 'AGAINST'
  | 'FOR';

export type VoteOutcome =
  | 'CARRIED'
  | 'LOST';

export type Weighting =
  | 'EQUAL'
  | 'LIST_SIZE';

export type WithdrawSeatInput = {
  id: string | number;
};

export type MyBallotsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyBallotsQuery = { myBallots: { edges: Array<{ node: { id: string, title: string, status: BallotStatus, opensAt: string, closesAt: string, closedAt: string | null, organisation: { id: string, name: string } | null, viewerVotingRights: Array<{ asProxy: boolean, canVote: boolean, practice: { id: string, odsCode: string, name: string } | null, vote: { recordedAt: string } | null }>, results: { valid: boolean, questions: Array<{ summary: string, question: { id: string, text: string } }> } | null } }> } };

export type OrganisationBallotsQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type OrganisationBallotsQuery = { ballots: { totalCount: number, edges: Array<{ node: { id: string, title: string, status: BallotStatus, secret: boolean, opensAt: string, closesAt: string, closedAt: string | null, turnout: { electoratePractices: number, votedPractices: number, percent: number } | null } }> } };

export type BallotQueryVariables = Exact<{
  id: string | number;
}>;


export type BallotQuery = { ballot: { id: string, title: string, description: string, secret: boolean, status: BallotStatus, opensAt: string, closesAt: string, closedAt: string | null, viewerCanManage: boolean, exportUrl: string | null, organisation: { id: string, name: string } | null, document: { filename: string, contentType: string, sizeBytes: number, url: string, inspectionNote: string | null } | null, rules: { inWords: Array<string> }, questions: Array<{ id: string, position: number, kind: BallotQuestionKind, text: string, seats: number, options: Array<{ id: string, kind: BallotOptionKind, label: string }> }>, viewerVotingRights: Array<{ asProxy: boolean, canVote: boolean, practice: { id: string, odsCode: string, name: string } | null, vote: { recordedAt: string, changedAt: string | null, castBy: { id: string, name: string } | null, answers: Array<{ question: { id: string }, options: Array<{ id: string, label: string }> }> | null } | null }>, turnout: { electoratePractices: number, electorateWeight: number, votedPractices: number, votedWeight: number, notVotedPractices: number, basis: TurnoutBasis, percent: number, thresholdPercent: number, thresholdMet: boolean } | null, proxies: Array<{ id: string, appointedAt: string, revokedAt: string | null, practice: { id: string, odsCode: string, name: string } | null, proxy: { id: string, name: string } | null, proxyPractice: { id: string, name: string } | null, appointedBy: { id: string, name: string } | null }>, allElectors: { edges: Array<{ node: { odsCode: string, practice: { id: string, name: string } | null, vote: { recordedAt: string } | null, representatives: Array<{ id: string, name: string }> } }> } | null, notVoted: { totalCount: number, edges: Array<{ node: { odsCode: string, listSize: number, practice: { id: string, name: string } | null, representatives: Array<{ id: string, name: string, email: string }> } }> } | null, namedVotes: { totalCount: number, edges: Array<{ node: { asProxy: boolean, practice: { id: string, odsCode: string, name: string } | null, castBy: { id: string, name: string } | null, answers: Array<{ question: { id: string, position: number }, options: Array<{ id: string, label: string, position: number }> }> | null } }> } | null, results: { valid: boolean, questions: Array<{ outcome: BallotOutcome, carried: boolean, tied: boolean, summary: string, question: { id: string, text: string, kind: BallotQuestionKind, seats: number }, options: Array<{ votes: number, weight: number, percent: number | null, elected: boolean, tied: boolean, option: { id: string, label: string } }> }> } | null } | null };

export type BallotSettingsQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type BallotSettingsQuery = { ballotSettings: { viewerCanChange: boolean, updatedAt: string | null, rules: { weighting: Weighting, turnoutBasis: TurnoutBasis, turnoutThresholdPercent: number, majority: Majority, majorityPercent: number | null, votesMayBeChanged: boolean, inWords: Array<string> } } | null };

export type SetBallotSettingsMutationVariables = Exact<{
  input: SetBallotSettingsInput;
}>;


export type SetBallotSettingsMutation = { setBallotSettings: { settings: { rules: { inWords: Array<string> } } | null, errors: Array<{ field: string | null, message: string }> } };

export type CreateBallotMutationVariables = Exact<{
  input: CreateBallotInput;
}>;


export type CreateBallotMutation = { createBallot: { ballot: { id: string, title: string, document: { inspectionNote: string | null } | null } | null, errors: Array<{ field: string | null, message: string }> } };

export type CloseBallotMutationVariables = Exact<{
  input: CloseBallotInput;
}>;


export type CloseBallotMutation = { closeBallot: { ballot: { id: string, status: BallotStatus } | null, errors: Array<{ field: string | null, message: string }> } };

export type CastBallotVoteMutationVariables = Exact<{
  input: CastBallotVoteInput;
}>;


export type CastBallotVoteMutation = { castBallotVote: { outcome: BallotVoteOutcome | null, message: string | null, errors: Array<{ field: string | null, message: string }> } };

export type AppointBallotProxyMutationVariables = Exact<{
  input: AppointBallotProxyInput;
}>;


export type AppointBallotProxyMutation = { appointBallotProxy: { proxy: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type RevokeBallotProxyMutationVariables = Exact<{
  input: RevokeBallotProxyInput;
}>;


export type RevokeBallotProxyMutation = { revokeBallotProxy: { proxy: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type CommitteesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type CommitteesQuery = { committees: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: CommitteeKind, name: string, isJoint: boolean, coCommissioningLevel: CoCommissioningLevel | null, host: { id: string, odsCode: string, name: string } | null, parties: Array<{ id: string, name: string }> } }> } };

export type CommitteeQueryVariables = Exact<{
  id: string | number;
}>;


export type CommitteeQuery = { node:
    | { __typename: 'Action' }
    | { __typename: 'AgendaItem' }
    | { __typename: 'Ballot' }
    | { __typename: 'BallotOption' }
    | { __typename: 'BallotProxy' }
    | { __typename: 'BallotQuestion' }
    | { __typename: 'Committee', id: string, kind: CommitteeKind, name: string, termsSummary: string, isJoint: boolean, coCommissioningLevel: CoCommissioningLevel | null, viewerCanManage: boolean, quorumCannotBeMet: Array<string>, host: { id: string, odsCode: string, name: string } | null, parties: Array<{ id: string, kind: OrganisationKind, odsCode: string, name: string }>, meetsInCommonWith: Array<{ id: string, name: string, host: { id: string, name: string } | null }>, termsOfReference: { filename: string, contentType: string, sizeBytes: number, url: string, inspectionNote: string | null } | null, quorumRule: { minimumVoting: number, eachParty: boolean, chairOrViceChair: boolean, clinicalMajority: boolean, inWords: string, categoryMinimums: Array<{ category: MemberCategory, count: number }>, pools: Array<{ count: number, categories: Array<MemberCategory> }>, officeGroups: Array<{ count: number, offices: Array<Office> }>, fraction: { numerator: number, denominator: number } | null }, seats: Array<{ id: string, role: SeatRole, voting: boolean, category: MemberCategory, office: Office | null, title: string, canBeWithdrawn: boolean, validFrom: string, validTo: string | null, isActive: boolean, person: { id: string, name: string } | null, party: { id: string, name: string } | null }>, councilSeats: Array<{ practice: { id: string, odsCode: string, name: string } | null, representative: { id: string, name: string } | null }>, delegationsReceived: Array<{ id: string, functionDescriptions: Array<string>, validFrom: string, validTo: string, status: DelegationStatus, revokedAt: string | null, revocationReason: string | null, delegatingOrganisation: { id: string, name: string } | null, scope: Array<{ id: string, name: string }>, agreement: { filename: string, contentType: string, sizeBytes: number, url: string } | null }> }
    | { __typename: 'Concern' }
    | { __typename: 'Decision' }
    | { __typename: 'Declaration' }
    | { __typename: 'Delegation' }
    | { __typename: 'GiftOrHospitality' }
    | { __typename: 'InCommonArrangement' }
    | { __typename: 'InCommonSession' }
    | { __typename: 'Indicator' }
    | { __typename: 'Interest' }
    | { __typename: 'Meeting' }
    | { __typename: 'Membership' }
    | { __typename: 'Organisation' }
    | { __typename: 'PackBuild' }
    | { __typename: 'Paper' }
    | { __typename: 'PaperVersion' }
    | { __typename: 'Person' }
    | { __typename: 'Practice' }
    | { __typename: 'PrimaryCareContract' }
    | { __typename: 'Seat' }
    | { __typename: 'Survey' }
    | { __typename: 'SurveyQuestion' }
    | { __typename: 'Vote' }
   | null };

export type PartyChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type PartyChoicesQuery = { organisations: { edges: Array<{ node: { id: string, kind: OrganisationKind, odsCode: string, name: string } }> } };

export type SeatChoicesQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type SeatChoicesQuery = { people: { edges: Array<{ node: { id: string, name: string, email: string } }> } };

export type CreateCommitteeMutationVariables = Exact<{
  input: CreateCommitteeInput;
}>;


export type CreateCommitteeMutation = { createCommittee: { committee: { id: string, name: string, quorumCannotBeMet: Array<string>, quorumRule: { inWords: string } } | null, errors: Array<{ field: string | null, message: string }> } };

export type UpdateCommitteeMutationVariables = Exact<{
  input: UpdateCommitteeInput;
}>;


export type UpdateCommitteeMutation = { updateCommittee: { committee: { id: string, name: string, quorumCannotBeMet: Array<string>, quorumRule: { inWords: string } } | null, errors: Array<{ field: string | null, message: string }> } };

export type AttachTermsOfReferenceMutationVariables = Exact<{
  input: AttachTermsOfReferenceInput;
}>;


export type AttachTermsOfReferenceMutation = { attachTermsOfReference: { committee: { id: string, termsOfReference: { filename: string, inspectionNote: string | null } | null } | null, errors: Array<{ field: string | null, message: string }> } };

export type AddSeatMutationVariables = Exact<{
  input: AddSeatInput;
}>;


export type AddSeatMutation = { addSeat: { seat: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type WithdrawSeatMutationVariables = Exact<{
  input: WithdrawSeatInput;
}>;


export type WithdrawSeatMutation = { withdrawSeat: { seat: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type EndSeatMutationVariables = Exact<{
  input: EndSeatInput;
}>;


export type EndSeatMutation = { endSeat: { seat: { id: string, validTo: string | null, isActive: boolean } | null, errors: Array<{ field: string | null, message: string }> } };

export type QuorumRuleInWordsQueryVariables = Exact<{
  rule: QuorumRuleInput;
  joint: boolean;
}>;


export type QuorumRuleInWordsQuery = { quorumRuleInWords: { inWords: string | null, errors: Array<{ field: string | null, message: string }> } };

export type ConcernRegisterQueryVariables = Exact<{
  organisationId: string | number;
  first: number;
  after?: string | null | undefined;
  stepId?: string | number | null | undefined;
  category?: ConcernCategory | null | undefined;
}>;


export type ConcernRegisterQuery = { concernLadder: Array<{ id: string, position: number, name: string }>, concerns: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, category: ConcernCategory, source: ConcernSource, providerName: string | null, reviewDate: string, reviewOverdue: boolean, closedAt: string | null, escalatedToNhsEngland: boolean, practice: { id: string, name: string } | null, currentStep: { id: string, position: number, name: string } | null } }> } };

export type ConcernPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ConcernPageQuery = { node:
    | { id: string, title: string, summary: string, category: ConcernCategory, source: ConcernSource, providerName: string | null, providerType: ProviderType | null, reviewDate: string, reviewOverdue: boolean, loggedAt: string, closedAt: string | null, escalatedToNhsEngland: boolean, viewerCanChange: boolean, organisation: { id: string, name: string } | null, practice: { id: string, name: string } | null, owner: { id: string, name: string } | null, currentStep: { id: string, position: number, name: string } | null, ladder: Array<{ id: string, position: number, name: string, description: string }>, history: Array<{ direction: ConcernStepDirection, reason: string, nextSteps: string, decidedAt: string, fromStep: { id: string, name: string } | null, toStep: { id: string, name: string } | null, decidedBy: { id: string, name: string } | null }>, evidence: Array<{ id: string, description: string, addedAt: string, downloadUrl: string }>, agendaItems: Array<{ itemId: string | null, itemTitle: string | null, meeting: { id: string, title: string, startsAt: string } | null, paper: { id: string, status: PaperStatus } | null, decisions: Array<{ id: string, text: string }> }> }
    | Record<PropertyKey, never>
   | null };

export type LogConcernFormQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type LogConcernFormQuery = { practices: { edges: Array<{ node: { id: string, odsCode: string, name: string } }> } };

export type LogConcernMutationVariables = Exact<{
  input: LogConcernInput;
}>;


export type LogConcernMutation = { logConcern: { concern: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type EscalateConcernMutationVariables = Exact<{
  input: MoveConcernInput;
}>;


export type EscalateConcernMutation = { escalateConcern: { concern: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type DeEscalateConcernMutationVariables = Exact<{
  input: MoveConcernInput;
}>;


export type DeEscalateConcernMutation = { deEscalateConcern: { concern: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type AgendaCommitteesQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type AgendaCommitteesQuery = { committees: { edges: Array<{ node: { id: string, name: string } }> } };

export type UpcomingMeetingsQueryVariables = Exact<{
  committeeId: string | number;
}>;


export type UpcomingMeetingsQuery = { meetings: { edges: Array<{ node: { id: string, title: string, startsAt: string, cancelledAt: string | null, viewerCanManage: boolean } }> } };

export type PutConcernOnAgendaMutationVariables = Exact<{
  input: PutConcernOnAgendaInput;
}>;


export type PutConcernOnAgendaMutation = { putConcernOnAgenda: { concern: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type ConcernOwnersQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type ConcernOwnersQuery = { people: { edges: Array<{ node: { id: string, name: string } }> } };

export type UpdateConcernMutationVariables = Exact<{
  input: UpdateConcernInput;
}>;


export type UpdateConcernMutation = { updateConcern: { concern: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type CloseConcernMutationVariables = Exact<{
  input: CloseConcernInput;
}>;


export type CloseConcernMutation = { closeConcern: { concern: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type AddConcernEvidenceMutationVariables = Exact<{
  input: AddConcernEvidenceInput;
}>;


export type AddConcernEvidenceMutation = { addConcernEvidence: { evidence: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type MeetingConductQueryVariables = Exact<{
  meetingId: string | number;
}>;


export type MeetingConductQuery = { meetingConduct: { stage: MeetingStage, viewerCanConduct: boolean, viewerChairs: boolean, viewerIsMember: boolean, meeting: { id: string, title: string, startsAt: string, location: string, committee: { id: string, name: string } | null }, live: { openedAt: string | null, closedAt: string | null, currentItem: { itemId: string, number: string, title: string } | null }, attendance: Array<{ personId: string | null, name: string, capacity: string, role: SeatRole | null, voting: boolean, standing: AttendanceStanding, inRoom: boolean }>, movements: Array<{ name: string, movement: AttendanceMovementKind, at: string, itemNumber: string | null }>, items: Array<{ notes: string | null, item: { id: string, number: string, title: string, part: Part }, quorum: { met: boolean, unmet: Array<string>, presentVoting: number, mayVote: Array<string>, excluded: Array<string>, chairedBy: string | null, chairNote: string, expected: boolean }, declarations: Array<{ id: string, description: string, management: ConflictManagement, takesPartInDecision: boolean, warning: string | null, person: { id: string, name: string } | null }>, votes: Array<{ id: string, motion: string, secret: boolean, isOpen: boolean, eligibleCount: number, castCount: number, forCount: number | null, againstCount: number | null, abstainCount: number | null, castingVote: VoteChoice | null, outcome: VoteOutcome | null, result: string | null, viewerMayVote: boolean, viewerHasVoted: boolean, namedVotes: Array<{ choice: VoteChoice, person: { id: string, name: string } | null }>, chairedBy: { name: string } | null }>, decisions: Array<{ id: string, route: DecisionRoute, text: string, referredTo: string | null, rescindedAt: string | null, rescissionReason: string | null, isItemOutcome: boolean, rescindedBy: { name: string } | null, quorum: { met: boolean, unmet: Array<string> }, chairedBy: { name: string } | null }>, actions: Array<{ id: string, description: string, dueDate: string, status: ActionStatus, owner: { name: string } | null }> }>, conflictSuggestions: Array<{ reason: string, suggestedManagement: ConflictManagement, item: { id: string } | null, person: { id: string, name: string } | null, interest: { id: string, description: string, category: InterestCategory } }> } | null };

export type OpenMeetingMutationVariables = Exact<{
  input: MeetingInput;
}>;


export type OpenMeetingMutation = { openMeeting: { live: { stage: MeetingStage } | null, errors: Array<{ field: string | null, message: string }> } };

export type CloseMeetingMutationVariables = Exact<{
  input: MeetingInput;
}>;


export type CloseMeetingMutation = { closeMeeting: { live: { stage: MeetingStage } | null, errors: Array<{ field: string | null, message: string }> } };

export type TakeItemMutationVariables = Exact<{
  input: TakeItemInput;
}>;


export type TakeItemMutation = { takeItem: { live: { stage: MeetingStage } | null, errors: Array<{ field: string | null, message: string }> } };

export type RecordAttendanceMutationVariables = Exact<{
  input: RecordAttendanceInput;
}>;


export type RecordAttendanceMutation = { recordAttendance: { live: { stage: MeetingStage } | null, errors: Array<{ field: string | null, message: string }> } };

export type SendApologiesMutationVariables = Exact<{
  input: MeetingInput;
}>;


export type SendApologiesMutation = { sendApologies: { live: { stage: MeetingStage } | null, errors: Array<{ field: string | null, message: string }> } };

export type CheckInMutationVariables = Exact<{
  input: MeetingInput;
}>;


export type CheckInMutation = { checkIn: { live: { stage: MeetingStage } | null, errors: Array<{ field: string | null, message: string }> } };

export type DeclareInterestInItemMutationVariables = Exact<{
  input: DeclareInterestInItemInput;
}>;


export type DeclareInterestInItemMutation = { declareInterestInItem: { declaration: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type RecordDeclarationMutationVariables = Exact<{
  input: RecordDeclarationInput;
}>;


export type RecordDeclarationMutation = { recordDeclaration: { declaration: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type OpenVoteMutationVariables = Exact<{
  input: OpenVoteInput;
}>;


export type OpenVoteMutation = { openVote: { vote: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type CastVoteMutationVariables = Exact<{
  input: CastVoteInput;
}>;


export type CastVoteMutation = { castVote: { vote: { id: string, castCount: number } | null, errors: Array<{ field: string | null, message: string }> } };

export type CloseVoteMutationVariables = Exact<{
  input: CloseVoteInput;
}>;


export type CloseVoteMutation = { closeVote: { vote: { id: string, result: string | null } | null, decision: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type RecordDecisionMutationVariables = Exact<{
  input: RecordDecisionInput;
}>;


export type RecordDecisionMutation = { recordDecision: { decision: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type RescindDecisionMutationVariables = Exact<{
  input: RescindDecisionInput;
}>;


export type RescindDecisionMutation = { rescindDecision: { decision: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type ChoosePresidingMemberMutationVariables = Exact<{
  input: ChoosePresidingMemberInput;
}>;


export type ChoosePresidingMemberMutation = { choosePresidingMember: { live: { stage: MeetingStage } | null, errors: Array<{ field: string | null, message: string }> } };

export type ReferralChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type ReferralChoicesQuery = { committees: { edges: Array<{ node: { id: string, name: string, host: { id: string, name: string } | null } }> } };

export type AddActionMutationVariables = Exact<{
  input: AddActionInput;
}>;


export type AddActionMutation = { addAction: { action: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type SaveMinuteNotesMutationVariables = Exact<{
  input: SaveMinuteNotesInput;
}>;


export type SaveMinuteNotesMutation = { saveMinuteNotes: { notes: string | null, errors: Array<{ field: string | null, message: string }> } };

export type MinutesQueryVariables = Exact<{
  meetingId: string | number;
  part: MinutesPart;
}>;


export type MinutesQuery = { minutes: { part: MinutesPart, status: string, approval: string, approvedAt: string | null, organisation: string, committee: string, meetingTitle: string, when: string, place: string, present: Array<string>, inAttendance: Array<string>, apologies: Array<string>, absent: Array<string>, arrivals: Array<string>, actionLog: Array<string>, pdfUrl: string, items: Array<{ number: string, title: string, part: Part, chairNote: string, declarations: Array<string>, movements: Array<string>, notes: string, actions: Array<string>, decisions: Array<{ route: string, text: string, outcome: string, chairedBy: string, quorum: string, delegation: string | null, vote: { motion: string, secret: boolean, forCount: number, againstCount: number, abstainCount: number, named: Array<string>, result: string } | null }> }> } | null };

export type PrimaryCareContractsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type PrimaryCareContractsQuery = { primaryCareContracts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, contractType: ContractType, startDate: string, enhancedServices: Array<string>, notes: string, viewerCanChange: boolean, practice: { id: string, odsCode: string, name: string } | null, areaTeam: { id: string, name: string } | null } }> } };

export type UpdatePrimaryCareContractMutationVariables = Exact<{
  input: UpdatePrimaryCareContractInput;
}>;


export type UpdatePrimaryCareContractMutation = { updatePrimaryCareContract: { contract: { id: string, contractType: ContractType, startDate: string, enhancedServices: Array<string>, notes: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type DelegationsQueryVariables = Exact<{
  organisationId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type DelegationsQuery = { delegations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, functions: Array<string>, functionDescriptions: Array<string>, validFrom: string, validTo: string, status: DelegationStatus, revokedAt: string | null, revocationReason: string | null, viewerCanChange: boolean, delegatingOrganisation: { id: string, name: string } | null, receivingCommittee: { id: string, name: string, host: { id: string, name: string } | null } | null, scope: Array<{ id: string, odsCode: string, name: string }>, agreement: { filename: string, contentType: string, sizeBytes: number, url: string, inspectionNote: string | null } | null } }> } };

export type DelegationChoicesQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type DelegationChoicesQuery = { delegationTargets: Array<{ committeeId: string, name: string, hostName: string }>, delegableFunctions: Array<{ code: string, description: string, retainedByNhsEngland: boolean }>, organisations: { edges: Array<{ node: { id: string, odsCode: string, name: string } }> } };

export type RecordDelegationMutationVariables = Exact<{
  input: RecordDelegationInput;
}>;


export type RecordDelegationMutation = { recordDelegation: { delegation: { id: string, receivingCommittee: { id: string, name: string } | null, agreement: { inspectionNote: string | null } | null } | null, errors: Array<{ field: string | null, message: string }> } };

export type AttachDelegationAgreementMutationVariables = Exact<{
  input: AttachAgreementInput;
}>;


export type AttachDelegationAgreementMutation = { attachDelegationAgreement: { delegation: { id: string, agreement: { filename: string, inspectionNote: string | null } | null } | null, errors: Array<{ field: string | null, message: string }> } };

export type RevokeDelegationMutationVariables = Exact<{
  input: RevokeDelegationInput;
}>;


export type RevokeDelegationMutation = { revokeDelegation: { delegation: { id: string, status: DelegationStatus } | null, errors: Array<{ field: string | null, message: string }> } };

export type PublicSchemeQueryVariables = Exact<{
  odsCode: string;
}>;


export type PublicSchemeQuery = { publicSchemeOfDelegation: { organisationName: string, odsCode: string, delegations: Array<{ delegatingOrganisation: string, receivingCommittee: string, receivingHost: string, functions: Array<string>, scope: Array<string>, validFrom: string, validTo: string, status: DelegationStatus }> } | null };

export type ToDoListQueryVariables = Exact<{ [key: string]: never; }>;


export type ToDoListQuery = { viewer: { toDo: Array<{ key: string, kind: ToDoKind, title: string, detail: string, dueOn: string | null, overdue: boolean, url: string, subjectId: string, organisation: { id: string, name: string } | null }> } | null };

export type InCommonSessionQueryVariables = Exact<{
  id: string | number;
}>;


export type InCommonSessionQuery = { inCommonSession: { id: string, title: string, startsAt: string, location: string, viewerMayTakePartWith: Array<string>, viewerBuildsPrivatePackFor: Array<string>, arrangement: { id: string, name: string, viewerConvenes: boolean }, packs: Array<{ id: string, part: Part, number: number, status: PackBuildStatus, message: string, pageCount: number | null, createdAt: string, publishedAt: string | null, withdrawnAt: string | null, withdrawalReason: string | null, viewerCanWithdraw: boolean, url: string | null }>, meetings: Array<{ committeeId: string, committeeName: string, organisationName: string, meetingId: string | null, meeting: { id: string, status: MeetingStatus } | null }>, items: Array<{ id: string, number: number, title: string, part: Part, purpose: Purpose, commonToAll: boolean, committeeNames: Array<string>, outcomes: Array<{ committeeId: string, committeeName: string, organisationName: string, inWords: string }> }> } | null };

export type InCommonArrangementsQueryVariables = Exact<{ [key: string]: never; }>;


export type InCommonArrangementsQuery = { inCommonArrangements: Array<{ id: string, name: string, viewerConvenes: boolean, parties: Array<{ organisationId: string, organisationName: string, committeeId: string | null, committeeName: string | null, status: InCommonPartyStatus, viewerMayAnswer: boolean }>, sessions: Array<{ id: string, title: string, startsAt: string, location: string }> }> };

export type AnswerInCommonInvitationMutationVariables = Exact<{
  input: AnswerInvitationInput;
}>;


export type AnswerInCommonInvitationMutation = { answerInCommonInvitation: { arrangement: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type TakePartInSessionMutationVariables = Exact<{
  input: TakePartInput;
}>;


export type TakePartInSessionMutation = { takePartInSession: { session: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type InviteToInCommonMutationVariables = Exact<{
  input: InviteInput;
}>;


export type InviteToInCommonMutation = { inviteToInCommon: { arrangement: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type ScheduleInCommonSessionMutationVariables = Exact<{
  input: ScheduleSessionInput;
}>;


export type ScheduleInCommonSessionMutation = { scheduleInCommonSession: { session: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type BuildSessionPackMutationVariables = Exact<{
  input: BuildSessionPackInput;
}>;


export type BuildSessionPackMutation = { buildSessionPack: { build: { id: string, status: PackBuildStatus } | null, errors: Array<{ field: string | null, message: string }> } };

export type ConveningCommitteesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConveningCommitteesQuery = { committees: { edges: Array<{ node: { id: string, name: string, viewerCanManage: boolean, host: { id: string, name: string } | null } }> } };

export type CreateInCommonArrangementMutationVariables = Exact<{
  input: CreateArrangementInput;
}>;


export type CreateInCommonArrangementMutation = { createInCommonArrangement: { arrangement: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type PublicIndicatorsQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type PublicIndicatorsQuery = { indicators: Array<{ id: string, code: string, name: string, unit: string, higherIsBetter: boolean, publicSummary: Array<{ period: string, practices: number | null, lowerQuartile: number | null, median: number | null, upperQuartile: number | null, mean: number | null, withheldReason: string | null }> }> };

export type IndicatorsOverviewQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type IndicatorsOverviewQuery = { indicators: Array<{ id: string, code: string, name: string, unit: string, higherIsBetter: boolean, viewerSeesNamed: boolean, publicSummary: Array<{ period: string, practices: number | null, lowerQuartile: number | null, median: number | null, upperQuartile: number | null, mean: number | null, withheldReason: string | null }>, namedFigures: Array<{ summary: { period: string, practices: number | null, lowerQuartile: number | null, median: number | null, upperQuartile: number | null, mean: number | null, withheldReason: string | null }, figures: Array<{ practiceId: string, practiceName: string, odsCode: string, value: number, rank: number }> }> | null }> };

export type PracticeIndicatorsQueryVariables = Exact<{
  organisationId: string | number;
  practiceId: string | number;
}>;


export type PracticeIndicatorsQuery = { indicators: Array<{ id: string, practiceView: Array<{ value: number | null, rank: number | null, of: number | null, peerValues: Array<number>, summary: { period: string, practices: number | null, lowerQuartile: number | null, median: number | null, upperQuartile: number | null, mean: number | null, withheldReason: string | null } }> | null }> };

export type ImportIndicatorsMutationVariables = Exact<{
  input: ImportIndicatorsInput;
}>;


export type ImportIndicatorsMutation = { importIndicators: { imported: number, indicatorsCreated: number, rowErrors: Array<{ row: number, message: string }>, errors: Array<{ field: string | null, message: string }> } };

export type IndicatorCcgsQueryVariables = Exact<{ [key: string]: never; }>;


export type IndicatorCcgsQuery = { organisations: { edges: Array<{ node: { id: string, name: string } }> } };

export type MeetingEventsSubscriptionVariables = Exact<{
  meetingId: string | number;
}>;


export type MeetingEventsSubscription = { meetingEvents: { kind: MeetingEventKind, itemId: string | null, voteId: string | null, byViewer: boolean, live: { currentItem: { number: string, title: string } | null, vote: { cast: number, eligible: number, isOpen: boolean, result: string | null } | null } } };

export type CommitteeMeetingsQueryVariables = Exact<{
  committeeId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type CommitteeMeetingsQuery = { meetings: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, startsAt: string, endsAt: string | null, location: string, callLink: string, status: MeetingStatus, cancelledAt: string | null } }> } };

export type MeetingQueryVariables = Exact<{
  id: string | number;
}>;


export type MeetingQuery = { node:
    | { __typename: 'Action' }
    | { __typename: 'AgendaItem' }
    | { __typename: 'Ballot' }
    | { __typename: 'BallotOption' }
    | { __typename: 'BallotProxy' }
    | { __typename: 'BallotQuestion' }
    | { __typename: 'Committee' }
    | { __typename: 'Concern' }
    | { __typename: 'Decision' }
    | { __typename: 'Declaration' }
    | { __typename: 'Delegation' }
    | { __typename: 'GiftOrHospitality' }
    | { __typename: 'InCommonArrangement' }
    | { __typename: 'InCommonSession' }
    | { __typename: 'Indicator' }
    | { __typename: 'Interest' }
    | { __typename: 'Meeting', id: string, title: string, startsAt: string, endsAt: string | null, location: string, callLink: string, status: MeetingStatus, papersDue: string | null, noticeSentAt: string | null, cancelledAt: string | null, calendarUrl: string, viewerCanManage: boolean, committee: { id: string, name: string, kind: CommitteeKind, host: { id: string, odsCode: string, name: string } | null } | null, agenda: Array<{ id: string, number: string, title: string, presenter: string, minutesAllotted: number, purpose: Purpose, part: Part, needsPaper: boolean, isSubItem: boolean, startsAt: string | null, paper: { id: string, title: string, status: PaperStatus, dueDate: string, author: { id: string, name: string } | null, sponsor: { id: string, name: string } | null } | null }>, packs: Array<{ id: string, part: Part, number: number, isSupplement: boolean, status: PackBuildStatus, progress: number, message: string, pageCount: number | null, createdAt: string, publishedAt: string | null, withdrawnAt: string | null, withdrawalReason: string | null, url: string | null, itemPages: Array<{ itemId: string, page: number }> }> }
    | { __typename: 'Membership' }
    | { __typename: 'Organisation' }
    | { __typename: 'PackBuild' }
    | { __typename: 'Paper' }
    | { __typename: 'PaperVersion' }
    | { __typename: 'Person' }
    | { __typename: 'Practice' }
    | { __typename: 'PrimaryCareContract' }
    | { __typename: 'Seat' }
    | { __typename: 'Survey' }
    | { __typename: 'SurveyQuestion' }
    | { __typename: 'Vote' }
   | null };

export type CreateMeetingMutationVariables = Exact<{
  input: CreateMeetingInput;
}>;


export type CreateMeetingMutation = { createMeeting: { meeting: { id: string, title: string, startsAt: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type ChangeMeetingStatusMutationVariables = Exact<{
  input: ChangeMeetingStatusInput;
}>;


export type ChangeMeetingStatusMutation = { changeMeetingStatus: { meeting: { id: string, status: MeetingStatus, noticeSentAt: string | null } | null, errors: Array<{ field: string | null, message: string }> } };

export type AddAgendaItemMutationVariables = Exact<{
  input: AddAgendaItemInput;
}>;


export type AddAgendaItemMutation = { addAgendaItem: { item: { id: string, number: string, title: string, part: Part, isSubItem: boolean } | null, errors: Array<{ field: string | null, message: string }> } };

export type UpdateAgendaItemMutationVariables = Exact<{
  input: UpdateAgendaItemInput;
}>;


export type UpdateAgendaItemMutation = { updateAgendaItem: { item: { id: string, number: string, title: string, part: Part, isSubItem: boolean } | null, errors: Array<{ field: string | null, message: string }> } };

export type MoveAgendaItemMutationVariables = Exact<{
  input: MoveAgendaItemInput;
}>;


export type MoveAgendaItemMutation = { moveAgendaItem: { agenda: Array<{ id: string, number: string, title: string, part: Part, isSubItem: boolean, startsAt: string | null }>, errors: Array<{ field: string | null, message: string }> } };

export type PaperPeopleQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type PaperPeopleQuery = { people: { edges: Array<{ node: { id: string, name: string, email: string } }> } };

export type RequestPaperMutationVariables = Exact<{
  input: RequestPaperInput;
}>;


export type RequestPaperMutation = { requestPaper: { paper: { id: string, title: string, author: { id: string, name: string } | null } | null, errors: Array<{ field: string | null, message: string }> } };

export type PublicOrganisationQueryVariables = Exact<{
  odsCode: string;
}>;


export type PublicOrganisationQuery = { publicOrganisation: { id: string, name: string, odsCode: string, committees: Array<{ id: string, name: string, kind: CommitteeKind }> } | null };

export type PublicCommitteeQueryVariables = Exact<{
  odsCode: string;
  committeeId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type PublicCommitteeQuery = { publicOrganisation: { id: string, name: string, odsCode: string, committees: Array<{ id: string, name: string }> } | null, meetings: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, startsAt: string, endsAt: string | null, location: string, callLink: string, status: MeetingStatus, cancelledAt: string | null } }> } };

export type ChangeMeetingArrangementsMutationVariables = Exact<{
  input: ChangeMeetingArrangementsInput;
}>;


export type ChangeMeetingArrangementsMutation = { changeMeetingArrangements: { meeting: { id: string, startsAt: string, endsAt: string | null, location: string, callLink: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type CancelMeetingMutationVariables = Exact<{
  input: CancelMeetingInput;
}>;


export type CancelMeetingMutation = { cancelMeeting: { meeting: { id: string, cancelledAt: string | null } | null, errors: Array<{ field: string | null, message: string }> } };

export type NotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationPreferencesQuery = { myNotificationPreferences: { digestHour: number, choices: Array<{ kind: string, label: string, mandatory: boolean, mode: NotificationMode }> } | null };

export type SetNotificationPreferencesMutationVariables = Exact<{
  input: SetNotificationPreferencesInput;
}>;


export type SetNotificationPreferencesMutation = { setNotificationPreferences: { preferences: { digestHour: number, choices: Array<{ kind: string, label: string, mandatory: boolean, mode: NotificationMode }> } | null, errors: Array<{ field: string | null, message: string }> } };

export type SentMailQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type SentMailQuery = { sentMail: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: string, to: string, subject: string, bodyText: string, status: NotificationMessageStatus, createdAt: string, sentAt: string | null } }> } };

export type SubscribeToCommitteeMutationVariables = Exact<{
  committeeId: string | number;
  email: string;
}>;


export type SubscribeToCommitteeMutation = { subscribeToCommittee: { message: string | null, errors: Array<{ field: string | null, message: string }> } };

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
    | { __typename: 'Action' }
    | { __typename: 'AgendaItem' }
    | { __typename: 'Ballot' }
    | { __typename: 'BallotOption' }
    | { __typename: 'BallotProxy' }
    | { __typename: 'BallotQuestion' }
    | { __typename: 'Committee' }
    | { __typename: 'Concern' }
    | { __typename: 'Decision' }
    | { __typename: 'Declaration' }
    | { __typename: 'Delegation' }
    | { __typename: 'GiftOrHospitality' }
    | { __typename: 'InCommonArrangement' }
    | { __typename: 'InCommonSession' }
    | { __typename: 'Indicator' }
    | { __typename: 'Interest' }
    | { __typename: 'Meeting' }
    | { __typename: 'Membership' }
    | { __typename: 'Organisation', id: string, kind: OrganisationKind, odsCode: string, name: string, viewerCanAdminister: boolean, areaTeam: { id: string, odsCode: string, name: string } | null }
    | { __typename: 'PackBuild' }
    | { __typename: 'Paper' }
    | { __typename: 'PaperVersion' }
    | { __typename: 'Person' }
    | { __typename: 'Practice' }
    | { __typename: 'PrimaryCareContract' }
    | { __typename: 'Seat' }
    | { __typename: 'Survey' }
    | { __typename: 'SurveyQuestion' }
    | { __typename: 'Vote' }
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
    | { __typename: 'Action' }
    | { __typename: 'AgendaItem' }
    | { __typename: 'Ballot' }
    | { __typename: 'BallotOption' }
    | { __typename: 'BallotProxy' }
    | { __typename: 'BallotQuestion' }
    | { __typename: 'Committee' }
    | { __typename: 'Concern' }
    | { __typename: 'Decision' }
    | { __typename: 'Declaration' }
    | { __typename: 'Delegation' }
    | { __typename: 'GiftOrHospitality' }
    | { __typename: 'InCommonArrangement' }
    | { __typename: 'InCommonSession' }
    | { __typename: 'Indicator' }
    | { __typename: 'Interest' }
    | { __typename: 'Meeting' }
    | { __typename: 'Membership' }
    | { __typename: 'Organisation', id: string, memberships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, role: Role, validFrom: string, validTo: string | null, isActive: boolean, person: { id: string, name: string }, practice: { id: string, odsCode: string, name: string } | null } }> } }
    | { __typename: 'PackBuild' }
    | { __typename: 'Paper' }
    | { __typename: 'PaperVersion' }
    | { __typename: 'Person' }
    | { __typename: 'Practice' }
    | { __typename: 'PrimaryCareContract' }
    | { __typename: 'Seat' }
    | { __typename: 'Survey' }
    | { __typename: 'SurveyQuestion' }
    | { __typename: 'Vote' }
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

export type BuildPackMutationVariables = Exact<{
  input: BuildPackInput;
}>;


export type BuildPackMutation = { buildPack: { build: { id: string, part: Part, number: number, isSupplement: boolean, status: PackBuildStatus, progress: number, message: string, pageCount: number | null } | null, errors: Array<{ field: string | null, message: string }> } };

export type PublishPackMutationVariables = Exact<{
  input: PublishPackInput;
}>;


export type PublishPackMutation = { publishPack: { build: { id: string, publishedAt: string | null } | null, errors: Array<{ field: string | null, message: string }> } };

export type UnpublishPackMutationVariables = Exact<{
  input: UnpublishPackInput;
}>;


export type UnpublishPackMutation = { unpublishPack: { build: { id: string, withdrawnAt: string | null, withdrawalReason: string | null } | null, errors: Array<{ field: string | null, message: string }> } };

export type PackBuildProgressSubscriptionVariables = Exact<{
  buildId: string | number;
}>;


export type PackBuildProgressSubscription = { packBuildProgress: { status: PackBuildStatus, progress: number, message: string, pageCount: number | null } };

export type PackBuildStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type PackBuildStatusQuery = { node:
    | { __typename: 'Action' }
    | { __typename: 'AgendaItem' }
    | { __typename: 'Ballot' }
    | { __typename: 'BallotOption' }
    | { __typename: 'BallotProxy' }
    | { __typename: 'BallotQuestion' }
    | { __typename: 'Committee' }
    | { __typename: 'Concern' }
    | { __typename: 'Decision' }
    | { __typename: 'Declaration' }
    | { __typename: 'Delegation' }
    | { __typename: 'GiftOrHospitality' }
    | { __typename: 'InCommonArrangement' }
    | { __typename: 'InCommonSession' }
    | { __typename: 'Indicator' }
    | { __typename: 'Interest' }
    | { __typename: 'Meeting' }
    | { __typename: 'Membership' }
    | { __typename: 'Organisation' }
    | { __typename: 'PackBuild', id: string, status: PackBuildStatus, progress: number, message: string, pageCount: number | null }
    | { __typename: 'Paper' }
    | { __typename: 'PaperVersion' }
    | { __typename: 'Person' }
    | { __typename: 'Practice' }
    | { __typename: 'PrimaryCareContract' }
    | { __typename: 'Seat' }
    | { __typename: 'Survey' }
    | { __typename: 'SurveyQuestion' }
    | { __typename: 'Vote' }
   | null };

export type PaperQueryVariables = Exact<{
  id: string | number;
}>;


export type PaperQuery = { node:
    | { __typename: 'Action' }
    | { __typename: 'AgendaItem' }
    | { __typename: 'Ballot' }
    | { __typename: 'BallotOption' }
    | { __typename: 'BallotProxy' }
    | { __typename: 'BallotQuestion' }
    | { __typename: 'Committee' }
    | { __typename: 'Concern' }
    | { __typename: 'Decision' }
    | { __typename: 'Declaration' }
    | { __typename: 'Delegation' }
    | { __typename: 'GiftOrHospitality' }
    | { __typename: 'InCommonArrangement' }
    | { __typename: 'InCommonSession' }
    | { __typename: 'Indicator' }
    | { __typename: 'Interest' }
    | { __typename: 'Meeting' }
    | { __typename: 'Membership' }
    | { __typename: 'Organisation' }
    | { __typename: 'PackBuild' }
    | { __typename: 'Paper', id: string, title: string, status: PaperStatus, dueDate: string, isPublic: boolean, viewerCanWrite: boolean, viewerCanApprove: boolean, author: { id: string, name: string } | null, sponsor: { id: string, name: string } | null, item: { id: string, number: string, title: string } | null, meeting: { id: string, title: string, startsAt: string, committee: { id: string, name: string } | null } | null, versions: Array<{ id: string, number: number, createdAt: string, approvedAt: string | null, publishedAt: string | null }>, currentVersion: { id: string, number: number, missingCoverSheetFields: Array<string>, purpose: Purpose, executiveSummary: string, recommendation: string, strategicObjectives: string, assuranceRisks: string, conflictsNoted: string, publicInvolvement: string, bodyMarkdown: string, bodyHtml: string, approvedAt: string | null, publishedAt: string | null, bodyDocument: { filename: string, contentType: string, sizeBytes: number, url: string, conversion: { status: ConversionStatus, problem: string | null, pageCount: number | null } | null } | null, impacts: Array<{ area: string, applies: boolean, detail: string }>, appendices: Array<{ id: string, title: string, kind: AppendixKind, pageCount: number | null, problem: string | null, file: { filename: string, contentType: string, sizeBytes: number, url: string, inspectionNote: string | null, conversion: { status: ConversionStatus, problem: string | null, pageCount: number | null } | null } | null }> } | null }
    | { __typename: 'PaperVersion' }
    | { __typename: 'Person' }
    | { __typename: 'Practice' }
    | { __typename: 'PrimaryCareContract' }
    | { __typename: 'Seat' }
    | { __typename: 'Survey' }
    | { __typename: 'SurveyQuestion' }
    | { __typename: 'Vote' }
   | null };

export type MyPapersQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type MyPapersQuery = { myPapers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, status: PaperStatus, dueDate: string, author: { id: string, name: string } | null, sponsor: { id: string, name: string } | null, meeting: { id: string, title: string, startsAt: string, cancelledAt: string | null, committee: { id: string, name: string } | null } | null } }> } };

export type SavePaperDraftMutationVariables = Exact<{
  input: SavePaperDraftInput;
}>;


export type SavePaperDraftMutation = { savePaperDraft: { version: { id: string, number: number } | null, errors: Array<{ field: string | null, message: string }> } };

export type MovePaperMutationVariables = Exact<{
  input: MovePaperInput;
}>;


export type MovePaperMutation = { movePaper: { paper: { id: string, status: PaperStatus } | null, errors: Array<{ field: string | null, message: string }> } };

export type AddAppendixMutationVariables = Exact<{
  input: AddAppendixInput;
}>;


export type AddAppendixMutation = { addAppendix: { appendix: { title: string, kind: AppendixKind, pageCount: number | null, problem: string | null, file: { inspectionNote: string | null } | null } | null, errors: Array<{ field: string | null, message: string }> } };

export type ReplaceAppendixMutationVariables = Exact<{
  input: ReplaceAppendixInput;
}>;


export type ReplaceAppendixMutation = { replaceAppendix: { appendix: { title: string, problem: string | null, file: { inspectionNote: string | null } | null } | null, errors: Array<{ field: string | null, message: string }> } };

export type RemoveAppendixMutationVariables = Exact<{
  input: RemoveAppendixInput;
}>;


export type RemoveAppendixMutation = { removeAppendix: { paper: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type UploadPaperBodyMutationVariables = Exact<{
  input: UploadPaperBodyInput;
}>;


export type UploadPaperBodyMutation = { uploadPaperBody: { version: { id: string, number: number } | null, errors: Array<{ field: string | null, message: string }> } };

export type RemovePaperBodyMutationVariables = Exact<{
  input: RemovePaperBodyInput;
}>;


export type RemovePaperBodyMutation = { removePaperBody: { version: { id: string, number: number } | null, errors: Array<{ field: string | null, message: string }> } };

export type PublicDirectoryQueryVariables = Exact<{
  search?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type PublicDirectoryQuery = { publicDirectory: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: OrganisationKind, odsCode: string, name: string, areaTeamName: string | null } }> } };

export type PublicDecisionsQueryVariables = Exact<{
  odsCode: string;
  first: number;
  after?: string | null | undefined;
}>;


export type PublicDecisionsQuery = { publicOrganisation: { id: string, name: string, odsCode: string } | null, decisions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, route: DecisionRoute, text: string, decidedAt: string, ratifiedAt: string | null, delegationLabel: string | null, committee: { id: string, name: string } | null, meeting: { id: string, title: string } | null, item: { number: string, title: string } | null, vote: { result: string | null } | null } }> } };

export type GenerateQualityReportMutationVariables = Exact<{
  input: GenerateQualityReportInput;
}>;


export type GenerateQualityReportMutation = { generateQualityReport: { report: { month: string, paper: { id: string, title: string } } | null, errors: Array<{ field: string | null, message: string }> } };

export type AddPracticeQualityPapersMutationVariables = Exact<{
  input: AddPracticeQualityPapersInput;
}>;


export type AddPracticeQualityPapersMutation = { addPracticeQualityPapers: { papers: { partOne: { id: string, title: string }, partTwo: { id: string, title: string } } | null, errors: Array<{ field: string | null, message: string }> } };

export type InterestsQueryVariables = Exact<{
  organisationId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type InterestsQuery = { interests: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, category: InterestCategory, description: string, validFrom: string, validTo: string | null, actionTaken: string, declaredOn: string, declaredLate: boolean, isCurrent: boolean, withheldFromPublication: boolean, viewerCanChange: boolean, status: InterestStatus, reviewNote: string, person: { id: string, name: string } | null, concernsOrganisations: Array<{ id: string, name: string }>, concernsPractices: Array<{ id: string, odsCode: string, name: string }> } }> } };

export type InterestReturnsDueQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type InterestReturnsDueQuery = { interestReturnsDue: Array<{ positions: Array<string>, appointedOn: string, lastReturnOn: string | null, dueOn: string, status: InterestReturnStatus, reason: string, person: { id: string, name: string } | null }> };

export type DeclareInterestMutationVariables = Exact<{
  input: DeclareInterestInput;
}>;


export type DeclareInterestMutation = { declareInterest: { interest: { id: string, declaredLate: boolean } | null, errors: Array<{ field: string | null, message: string }> } };

export type EndInterestMutationVariables = Exact<{
  input: EndInterestInput;
}>;


export type EndInterestMutation = { endInterest: { interest: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type RecordInterestReviewMutationVariables = Exact<{
  input: RecordInterestReviewInput;
}>;


export type RecordInterestReviewMutation = { recordInterestReview: { reviewedOn: string | null, errors: Array<{ field: string | null, message: string }> } };

export type ImportInterestsMutationVariables = Exact<{
  input: ImportInterestsInput;
}>;


export type ImportInterestsMutation = { importInterests: { created: number, rowErrors: Array<{ row: number, message: string }>, errors: Array<{ field: string | null, message: string }> } };

export type PublishedRegisterOfInterestsQueryVariables = Exact<{
  odsCode: string;
}>;


export type PublishedRegisterOfInterestsQuery = { publishedRegisterOfInterests: { organisationName: string, odsCode: string, decisionMakers: Array<{ name: string, positions: Array<string>, nilReturnOn: string | null, interests: Array<{ category: InterestCategory, description: string, concerns: Array<string>, validFrom: string, validTo: string | null, actionTaken: string, declaredOn: string }> }> } | null };

export type GiftsAndHospitalityQueryVariables = Exact<{
  organisationId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type GiftsAndHospitalityQuery = { giftsAndHospitality: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: GiftKind, description: string, offeredBy: string, fromSupplier: boolean, value: string, offeredOn: string, accepted: boolean, assessment: { requirement: GiftRequirement, explanation: string, breach: string | null }, person: { name: string } | null, approvedBy: { name: string } | null, history: Array<{ change: GiftChange, note: string, at: string, recordedBy: { name: string } | null }> } }> } };

export type ReviewPendingInterestMutationVariables = Exact<{
  input: ReviewPendingInterestInput;
}>;


export type ReviewPendingInterestMutation = { reviewPendingInterest: { interest: { id: string, status: InterestStatus } | null, errors: Array<{ field: string | null, message: string }> } };

export type UpdateGiftOrHospitalityMutationVariables = Exact<{
  input: UpdateGiftOrHospitalityInput;
}>;


export type UpdateGiftOrHospitalityMutation = { updateGiftOrHospitality: { entry: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type PublishedRegisterOfGiftsQueryVariables = Exact<{
  odsCode: string;
}>;


export type PublishedRegisterOfGiftsQuery = { publishedRegisterOfGifts: Array<{ personName: string, kind: GiftKind, description: string, offeredBy: string, value: string, offeredOn: string, accepted: boolean, approvedBy: string | null }> | null };

export type RecordGiftOrHospitalityMutationVariables = Exact<{
  input: RecordGiftOrHospitalityInput;
}>;


export type RecordGiftOrHospitalityMutation = { recordGiftOrHospitality: { entry: { id: string, assessment: { explanation: string, breach: string | null } } | null, errors: Array<{ field: string | null, message: string }> } };

export type DecisionsRegisterQueryVariables = Exact<{
  organisationId?: string | number | null | undefined;
  committeeId?: string | number | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type DecisionsRegisterQuery = { decisions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, route: DecisionRoute, text: string, decidedAt: string, ratifiedAt: string | null, delegationLabel: string | null, committee: { id: string, name: string } | null, meeting: { id: string, title: string } | null, item: { number: string, title: string } | null, vote: { result: string | null } | null } }> } };

export type ActionLogQueryVariables = Exact<{
  committeeId: string | number;
  includeClosed: boolean;
  first: number;
  after?: string | null | undefined;
}>;


export type ActionLogQuery = { actionLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, description: string, dueDate: string, status: ActionStatus, raisedAt: string, owner: { name: string } | null, meeting: { id: string, title: string } | null } }> } };

export type DesignateGiftApproverMutationVariables = Exact<{
  input: DesignateGiftApproverInput;
}>;


export type DesignateGiftApproverMutation = { designateGiftApprover: { approver: { id: string, name: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type SearchQueryVariables = Exact<{
  query: string;
  organisationId?: string | number | null | undefined;
  committeeId?: string | number | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type SearchQuery = { search: { problem: string | null, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { kind: SearchKind, id: string, title: string, path: string, organisationName: string | null, committeeName: string | null, date: string | null, snippet: Array<{ text: string, highlighted: boolean }> } }> } };

export type SurveysQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  organisationId?: string | number | null | undefined;
}>;


export type SurveysQuery = { surveys: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, status: SurveyStatus, anonymity: SurveyAnonymity, resultsPublished: boolean, viewerCanManage: boolean, viewerCanReadResults: boolean, responseCount: number | null, organisation: { id: string, name: string } | null } }> } };

export type MySurveysQueryVariables = Exact<{ [key: string]: never; }>;


export type MySurveysQuery = { mySurveys: Array<{ id: string, title: string, closesAt: string | null, anonymity: SurveyAnonymity, organisation: { id: string, name: string } | null, viewerAnswersAs: Array<{ hasResponded: boolean, practice: { id: string, name: string } | null }> }> };

export type SurveyTemplatesQueryVariables = Exact<{ [key: string]: never; }>;


export type SurveyTemplatesQuery = { surveyTemplates: Array<{ key: string, title: string, description: string, questionCount: number }> };

export type SurveyForAnsweringQueryVariables = Exact<{
  id: string | number;
  token?: string | null | undefined;
}>;


export type SurveyForAnsweringQuery = { node:
    | { __typename: 'Action' }
    | { __typename: 'AgendaItem' }
    | { __typename: 'Ballot' }
    | { __typename: 'BallotOption' }
    | { __typename: 'BallotProxy' }
    | { __typename: 'BallotQuestion' }
    | { __typename: 'Committee' }
    | { __typename: 'Concern' }
    | { __typename: 'Decision' }
    | { __typename: 'Declaration' }
    | { __typename: 'Delegation' }
    | { __typename: 'GiftOrHospitality' }
    | { __typename: 'InCommonArrangement' }
    | { __typename: 'InCommonSession' }
    | { __typename: 'Indicator' }
    | { __typename: 'Interest' }
    | { __typename: 'Meeting' }
    | { __typename: 'Membership' }
    | { __typename: 'Organisation' }
    | { __typename: 'PackBuild' }
    | { __typename: 'Paper' }
    | { __typename: 'PaperVersion' }
    | { __typename: 'Person' }
    | { __typename: 'Practice' }
    | { __typename: 'PrimaryCareContract' }
    | { __typename: 'Seat' }
    | { __typename: 'Survey', id: string, title: string, description: string, anonymity: SurveyAnonymity, respondentUnit: SurveyRespondentUnit, status: SurveyStatus, closesAt: string | null, allowEditsAfterSubmit: boolean, organisation: { id: string, name: string } | null, viewerAnswersAs: Array<{ hasResponded: boolean, practice: { id: string, name: string } | null }>, myDraft: { savedAt: string, answers: Array<{ questionId: string, statementKey: string | null, choice: string | null, choices: Array<string> | null, number: number | null, text: string | null }> } | null, myResponse: { status: SurveyResponseStatus, canChange: boolean, answers: Array<{ questionId: string, statementKey: string | null, choice: string | null, choices: Array<string> | null, number: number | null, text: string | null }> } | null, sections: Array<{ title: string, description: string, showIf: { questionKey: string, statementKey: string | null, anyOf: Array<string> } | null, questions: Array<{ id: string, key: string, kind: QuestionKind, number: number, prompt: string, helpText: string, required: boolean, minimum: number | null, maximum: number | null, maxLength: number | null, showIf: { questionKey: string, statementKey: string | null, anyOf: Array<string> } | null, options: Array<{ key: string, label: string }>, statements: Array<{ key: string, label: string }> }> }> }
    | { __typename: 'SurveyQuestion' }
    | { __typename: 'Vote' }
   | null };

export type SubmitSurveyResponseMutationVariables = Exact<{
  input: SurveyResponseInput;
}>;


export type SubmitSurveyResponseMutation = { submitResponse: { resumeToken: string | null, response: { status: SurveyResponseStatus, canChange: boolean } | null, errors: Array<{ field: string | null, message: string }> } };

export type SurveyResultsQueryVariables = Exact<{
  id: string | number;
  split?: RespondentGroupSplit | null | undefined;
}>;


export type SurveyResultsQuery = { node:
    | { __typename: 'Action' }
    | { __typename: 'AgendaItem' }
    | { __typename: 'Ballot' }
    | { __typename: 'BallotOption' }
    | { __typename: 'BallotProxy' }
    | { __typename: 'BallotQuestion' }
    | { __typename: 'Committee' }
    | { __typename: 'Concern' }
    | { __typename: 'Decision' }
    | { __typename: 'Declaration' }
    | { __typename: 'Delegation' }
    | { __typename: 'GiftOrHospitality' }
    | { __typename: 'InCommonArrangement' }
    | { __typename: 'InCommonSession' }
    | { __typename: 'Indicator' }
    | { __typename: 'Interest' }
    | { __typename: 'Meeting' }
    | { __typename: 'Membership' }
    | { __typename: 'Organisation' }
    | { __typename: 'PackBuild' }
    | { __typename: 'Paper' }
    | { __typename: 'PaperVersion' }
    | { __typename: 'Person' }
    | { __typename: 'Practice' }
    | { __typename: 'PrimaryCareContract' }
    | { __typename: 'Seat' }
    | { __typename: 'Survey', id: string, title: string, status: SurveyStatus, anonymity: SurveyAnonymity, resultsPublished: boolean, viewerCanManage: boolean, viewerCanReadResults: boolean, resultsExportUrl: string | null, previousRound: { id: string, title: string } | null, results: { suppressionThreshold: number, responseCount: number, invitedCount: number | null, responseRate: number | null, provisional: boolean, withheldReasons: Array<string>, split: RespondentGroupSplit | null, splitLabel: string | null, byLocality: Array<{ locality: string, invited: number | null, responses: number | null, percent: number | null }>, questions: Array<{ question: { id: string, key: string, kind: QuestionKind, number: number, prompt: string, options: Array<{ key: string, label: string }>, statements: Array<{ key: string, label: string }> }, overall: { key: string, label: string, withheld: boolean, withheldReason: string | null, respondents: number | null, agreePercent: number | null, mean: number | null, median: number | null, options: Array<{ key: string, label: string, count: number, percent: number }>, statements: Array<{ key: string, label: string, respondents: number, agreePercent: number | null, options: Array<{ key: string, label: string, count: number, percent: number }> }> }, groups: Array<{ key: string, label: string, withheld: boolean, withheldReason: string | null, respondents: number | null, agreePercent: number | null, mean: number | null, median: number | null, options: Array<{ key: string, label: string, count: number, percent: number }>, statements: Array<{ key: string, label: string, respondents: number, agreePercent: number | null, options: Array<{ key: string, label: string, count: number, percent: number }> }> }>, previousRound: { surveyTitle: string, overall: { withheld: boolean, respondents: number | null, agreePercent: number | null } } | null, textAnswers: { totalCount: number, texts: Array<string> } | null }> } | null }
    | { __typename: 'SurveyQuestion' }
    | { __typename: 'Vote' }
   | null };

export type CreateSurveyFromTemplateMutationVariables = Exact<{
  input: CreateSurveyFromTemplateInput;
}>;


export type CreateSurveyFromTemplateMutation = { createSurveyFromTemplate: { survey: { id: string, title: string, anonymity: SurveyAnonymity, description: string, respondentUnit: SurveyRespondentUnit, suppressionThreshold: number, allowEditsAfterSubmit: boolean, closesAt: string | null, sections: Array<{ title: string, description: string, showIf: { questionKey: string, statementKey: string | null, anyOf: Array<string> } | null, questions: Array<{ key: string, kind: QuestionKind, prompt: string, helpText: string, required: boolean, minimum: number | null, maximum: number | null, showIf: { questionKey: string, statementKey: string | null, anyOf: Array<string> } | null, options: Array<{ key: string, label: string }>, statements: Array<{ key: string, label: string }> }> }> } | null, errors: Array<{ field: string | null, message: string }> } };

export type UpdateSurveyMutationVariables = Exact<{
  input: UpdateSurveyInput;
}>;


export type UpdateSurveyMutation = { updateSurvey: { survey: { id: string, status: SurveyStatus, resultsPublished: boolean } | null, errors: Array<{ field: string | null, message: string }> } };

export type OpenSurveyMutationVariables = Exact<{
  input: SurveyIdInput;
}>;


export type OpenSurveyMutation = { openSurvey: { survey: { id: string, status: SurveyStatus, resultsPublished: boolean } | null, errors: Array<{ field: string | null, message: string }> } };

export type CloseSurveyMutationVariables = Exact<{
  input: SurveyIdInput;
}>;


export type CloseSurveyMutation = { closeSurvey: { survey: { id: string, status: SurveyStatus, resultsPublished: boolean } | null, errors: Array<{ field: string | null, message: string }> } };

export type PublishSurveyResultsMutationVariables = Exact<{
  input: PublishSurveyResultsInput;
}>;


export type PublishSurveyResultsMutation = { publishSurveyResults: { survey: { id: string, status: SurveyStatus, resultsPublished: boolean } | null, errors: Array<{ field: string | null, message: string }> } };

export type SurveyForBuildingQueryVariables = Exact<{
  id: string | number;
}>;


export type SurveyForBuildingQuery = { node:
    | { __typename: 'Action' }
    | { __typename: 'AgendaItem' }
    | { __typename: 'Ballot' }
    | { __typename: 'BallotOption' }
    | { __typename: 'BallotProxy' }
    | { __typename: 'BallotQuestion' }
    | { __typename: 'Committee' }
    | { __typename: 'Concern' }
    | { __typename: 'Decision' }
    | { __typename: 'Declaration' }
    | { __typename: 'Delegation' }
    | { __typename: 'GiftOrHospitality' }
    | { __typename: 'InCommonArrangement' }
    | { __typename: 'InCommonSession' }
    | { __typename: 'Indicator' }
    | { __typename: 'Interest' }
    | { __typename: 'Meeting' }
    | { __typename: 'Membership' }
    | { __typename: 'Organisation' }
    | { __typename: 'PackBuild' }
    | { __typename: 'Paper' }
    | { __typename: 'PaperVersion' }
    | { __typename: 'Person' }
    | { __typename: 'Practice' }
    | { __typename: 'PrimaryCareContract' }
    | { __typename: 'Seat' }
    | { __typename: 'Survey', id: string, title: string, description: string, status: SurveyStatus, anonymity: SurveyAnonymity, respondentUnit: SurveyRespondentUnit, suppressionThreshold: number, allowEditsAfterSubmit: boolean, closesAt: string | null, viewerCanManage: boolean, organisation: { id: string } | null, previousRound: { id: string, title: string } | null, audience: { roles: Array<SurveyAudienceRole>, localities: Array<string>, practices: Array<{ id: string }> }, sections: Array<{ title: string, description: string, showIf: { questionKey: string, statementKey: string | null, anyOf: Array<string> } | null, questions: Array<{ key: string, kind: QuestionKind, prompt: string, helpText: string, required: boolean, minimum: number | null, maximum: number | null, showIf: { questionKey: string, statementKey: string | null, anyOf: Array<string> } | null, options: Array<{ key: string, label: string }>, statements: Array<{ key: string, label: string }> }> }> }
    | { __typename: 'SurveyQuestion' }
    | { __typename: 'Vote' }
   | null };

export type SurveyBuilderPracticesQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type SurveyBuilderPracticesQuery = { practices: { edges: Array<{ node: { id: string, name: string, locality: string } }> } };

export type CreateSurveyMutationVariables = Exact<{
  input: CreateSurveyInput;
}>;


export type CreateSurveyMutation = { createSurvey: { survey: { id: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type CopySurveyAsNextRoundMutationVariables = Exact<{
  input: CopySurveyAsNextRoundInput;
}>;


export type CopySurveyAsNextRoundMutation = { copySurveyAsNextRound: { survey: { id: string, title: string } | null, errors: Array<{ field: string | null, message: string }> } };

export type SaveSurveyDraftMutationVariables = Exact<{
  input: SurveyDraftInput;
}>;


export type SaveSurveyDraftMutation = { saveSurveyDraft: { draft: { savedAt: string } | null, errors: Array<{ field: string | null, message: string }> } };
