// The one door from the UI to the Rust core. Components call these functions, never `invoke`.
// Every failure is thrown as an `AppError` carrying the core's `{ code, message }`.
import { convertFileSrc, invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { todayIso } from '$lib/roster/dates';
import type {
  FileDrop,
  FilePurpose,
  PickedFiles,
  ApiError,
  Award,
  BadgeFormat,
  BadgeVerification,
  BatchOutcome,
  CertificateVerification,
  Paper,
  IssuerKeyInfo,
  BadgeDesign,
  BadgeImage,
  Clearance,
  ClearedPerson,
  Credential,
  CredentialInput,
  IssuerProfile,
  NewAward,
  WorkArea,
  WorkAreaInput,
  AppStatus,
  AdvancementRule,
  Annotation,
  AssessmentRow,
  AssessmentStatus,
  AssessmentView,
  Assessor,
  NewAssessment,
  PayTotal,
  AnnotationInput,
  CellProgress,
  CellRef,
  CritiqueInput,
  CritiqueSession,
  DecisionInput,
  PortfolioItem,
  Proposal,
  ReviewFilter,
  ReviewItem,
  TimelineEvent,
  ReviewDecision,
  RubricCell,
  Evidence,
  EvidenceInput,
  VaultReport,
  Contractor,
  ContractorInput,
  ContractorStatus,
  CsvImportResult,
  CsvPreview,
  DeliveryEvent,
  DeliveryEventInput,
  KpiDefinition,
  KpiId,
  KpiQuery,
  KpiResult,
  KpiRow,
  Pilot,
  PilotInput,
  Assumptions,
  PilotReview,
  ProgramCost,
  ProgramCostInput,
  Engagement,
  MatchResult,
  Need,
  NeedInput,
  NeedStatus,
  Offer,
  OfferInput,
  PoolMember,
  PoolRule,
  PoolRuleInput,
  EngagementInput,
  PayBand,
  Profile,
  RosterPage,
  RosterQuery,
  ErrorCode,
  Ladder,
  LadderContent,
  LadderDiff,
  LadderEdit,
  NewRole,
  RolePatch,
  RoleRef,
  RoleSummary,
  TemplateInfo,
  VersionInfo,
  WorkspaceInfo
} from './bindings';

export type * from './bindings';

export class AppError extends Error {
  readonly code: ErrorCode | 'unexpected';
  constructor(code: ErrorCode | 'unexpected', message: string) {
    super(message);
    this.code = code;
  }
}

function isApiError(e: unknown): e is ApiError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    if (isApiError(e)) throw new AppError(e.code, e.message);
    throw new AppError('unexpected', `Something went wrong: ${String(e)}`);
  }
}

export const api = {
  appStatus: () => call<AppStatus>('app_status'),
  appReady: () => call<number>('app_ready'),
  /**
   * Opens the native dialog for `purpose` (in Rust: no path ever comes from the page); the token
   * stands for the chosen file(s) in the command that uses them. Null when cancelled.
   */
  pickFiles: (purpose: FilePurpose, title?: string, suggestedName?: string) =>
    call<PickedFiles | null>('file_pick', { purpose, title: title ?? null, suggestedName: suggestedName ?? null }),
  openWorkspace: (picked: string) => call<WorkspaceInfo>('workspace_open', { picked }),
  /** One of `AppStatus.recent`, by its place in that list. */
  openRecentWorkspace: (position: number) => call<WorkspaceInfo>('workspace_open_recent', { position }),
  createWorkspace: (picked: string, name?: string) =>
    call<WorkspaceInfo>('workspace_create', { picked, name: name ?? null }),
  openDemoWorkspace: () => call<WorkspaceInfo>('workspace_open_demo'),
  renameWorkspace: (name: string) => call<WorkspaceInfo>('workspace_rename', { name }),

  templates: () => call<TemplateInfo[]>('templates_list'),
  listRoles: (includeArchived = false) => call<RoleSummary[]>('roles_list', { includeArchived }),
  createRole: (role: NewRole) => call<Ladder>('role_create', { role }),
  updateRole: (id: string, patch: RolePatch) => call<RoleSummary>('role_update', { id, patch }),
  duplicateRole: (id: string, name: string) => call<Ladder>('role_duplicate', { id, name }),
  setRoleArchived: (id: string, archived: boolean) =>
    call<RoleSummary>('role_set_archived', { id, archived }),
  setRelatedRoles: (id: string, related: string[]) =>
    call<RoleRef[]>('role_set_related', { id, related }),

  ladder: (roleId: string) => call<Ladder>('ladder_get', { roleId }),
  ladderVersion: (versionId: string) => call<Ladder>('ladder_get_version', { versionId }),
  ladderVersions: (roleId: string) => call<VersionInfo[]>('ladder_versions', { roleId }),
  editLadder: (roleId: string, edit: LadderEdit) => call<Ladder>('ladder_edit', { roleId, edit }),
  setLadderContent: (roleId: string, content: LadderContent) =>
    call<Ladder>('ladder_set_content', { roleId, content }),
  publishLadder: (roleId: string) => call<Ladder>('ladder_publish', { roleId }),
  discardDraft: (roleId: string) => call<Ladder>('ladder_discard_draft', { roleId }),
  diffLadder: (fromVersion: string, toVersion: string) =>
    call<LadderDiff>('ladder_diff', { fromVersion, toVersion }),
  importLadder: (picked: string, rename?: string) =>
    call<Ladder>('ladder_import', { picked, rename: rename ?? null }),
  exportLadder: (roleId: string, picked: string) => call<void>('ladder_export', { roleId, picked }),

  roster: (query: RosterQuery) => call<RosterPage>('roster_query', { query }),
  profile: (id: string) => call<Profile>('contractor_profile', { id }),
  addContractor: (input: ContractorInput) => call<Contractor>('contractor_add', { input }),
  updateContractor: (id: string, input: ContractorInput) =>
    call<Contractor>('contractor_update', { id, input }),
  setContractorStatus: (id: string, status: ContractorStatus) =>
    call<Contractor>('contractor_set_status', { id, status }),
  setContractorLevel: (
    contractorId: string,
    roleId: string,
    levelKey: string,
    effectiveOn: string,
    reason: string
  ) =>
    call<Contractor>('contractor_set_level', { contractorId, roleId, levelKey, effectiveOn, reason }),
  addEngagement: (contractorId: string, input: EngagementInput) =>
    call<Engagement>('engagement_add', { contractorId, input }),
  updateEngagement: (id: string, input: EngagementInput) =>
    call<Engagement>('engagement_update', { id, input }),
  payBands: (roleId: string) => call<PayBand[]>('pay_bands', { roleId }),
  setPayBand: (band: PayBand) => call<PayBand>('pay_band_set', { band }),
  previewContractorCsv: (picked: string) =>
    call<CsvPreview<ContractorInput>>('contractor_csv_preview', { picked }),
  importContractorCsv: (picked: string, skipBadRows: boolean) =>
    call<CsvImportResult>('contractor_csv_import', { picked, skipBadRows }),

  evidence: (contractorId: string) => call<Evidence[]>('evidence_list', { contractorId }),
  /** Dropped on a ladder cell, the files are linked to that cell as well. */
  addEvidenceFiles: (contractorId: string, picked: string, cell?: CellRef) =>
    call<Evidence[]>('evidence_add_files', { contractorId, picked, cell: cell ?? null }),
  addEvidence: (contractorId: string, input: EvidenceInput) =>
    call<Evidence>('evidence_add', { contractorId, input }),
  addRevision: (evidenceId: string, picked: string, changeNote: string) =>
    call<Evidence>('evidence_add_revision', { evidenceId, picked, changeNote }),
  revisions: (artifactId: string) => call<Evidence[]>('evidence_revisions', { artifactId }),
  linkEvidence: (evidenceId: string, versionId: string, cells: [string, string][]) =>
    call<void>('evidence_link', { evidenceId, versionId, cells }),
  cellProgress: (contractorId: string, roleId: string) =>
    call<CellProgress[]>('cell_progress', { contractorId, roleId }),
  unlinkEvidence: (evidenceId: string, roleId: string, levelKey: string, domainKey: string) =>
    call<void>('evidence_unlink', { evidenceId, roleId, levelKey, domainKey }),
  verifyVault: () => call<VaultReport>('vault_verify'),

  portfolio: (contractorId: string) => call<PortfolioItem[]>('portfolio', { contractorId }),
  /** The ladder cells an evidence item is linked to, with their outcomes. */
  evidenceRubric: (evidenceId: string) => call<RubricCell[]>('evidence_rubric', { evidenceId }),
  annotations: (evidenceId: string) => call<Annotation[]>('annotations', { evidenceId }),
  addAnnotation: (evidenceId: string, input: AnnotationInput) =>
    call<Annotation>('annotation_add', { evidenceId, input }),
  deleteAnnotation: (id: string) => call<void>('annotation_delete', { id }),
  decide: (evidenceId: string, input: DecisionInput) =>
    call<ReviewDecision>('review_decide', { evidenceId, input }),
  decisions: (evidenceId: string) => call<ReviewDecision[]>('review_decisions', { evidenceId }),
  critiques: (contractorId: string) => call<CritiqueSession[]>('critiques', { contractorId }),
  /** Creates a session when `id` is null, otherwise replaces its details. */
  saveCritique: (contractorId: string, id: string | null, input: CritiqueInput) =>
    call<CritiqueSession>('critique_save', { contractorId, id, input }),

  /** Assessors, each with whether their signing key is on this computer. */
  assessors: () => call<[Assessor, boolean][]>('assessors_list'),
  /** A new assessor whose signing key is made and kept on this computer. */
  addLocalAssessor: (name: string, email: string) =>
    call<Assessor>('assessor_add_local', { name, email }),
  /** An assessor who signs on another computer, by the public key they sent (`guildbook assessor key`). */
  addExternalAssessor: (name: string, email: string, publicKey: string) =>
    call<Assessor>('assessor_add_external', { name, email, publicKey }),
  /** When the stipend was paid; allowed after sign-off (it is not part of what was signed). */
  recordStipendPaid: (id: string, paidOn: string) => call<AssessmentView>('assessment_record_paid', { id, paidOn }),
  assessments: () => call<AssessmentRow[]>('assessments_list'),
  createAssessment: (input: NewAssessment) => call<AssessmentView>('assessment_create', { input }),
  assessment: (id: string) => call<AssessmentView>('assessment_get', { id }),
  rateCell: (
    id: string,
    domainKey: string,
    selfRating: string | null,
    assessorRating: string | null,
    comment: string
  ) => call<AssessmentView>('assessment_rate', { id, domainKey, selfRating, assessorRating, comment }),
  attachToAssessment: (id: string, domainKey: string, evidenceId: string) =>
    call<AssessmentView>('assessment_attach', { id, domainKey, evidenceId }),
  detachFromAssessment: (id: string, domainKey: string, evidenceId: string) =>
    call<AssessmentView>('assessment_detach', { id, domainKey, evidenceId }),
  /** Stipends per person, role and quarter, and how many were billed as work instead. */
  assessmentPayTotals: () => call<PayTotal[]>('assessment_pay_totals'),
  setAssessmentSummary: (id: string, summary: string) =>
    call<AssessmentView>('assessment_summary', { id, summary }),
  setAssessmentStatus: (id: string, status: AssessmentStatus) =>
    call<AssessmentView>('assessment_status', { id, status }),
  /** Signs with the assessor's key from this computer. */
  signAssessment: (id: string) => call<AssessmentView>('assessment_sign', { id }),
  exportAssessment: (id: string, picked: string) => call<void>('assessment_export', { id, picked }),
  /** With `expected`, the file must be that assessment's signed copy. */
  importAssessment: (picked: string, expected?: string) =>
    call<AssessmentView>('assessment_import', { picked, expected: expected ?? null }),

  /** What a signed assessment proposes: advance, hold or not yet, cell by cell. */
  proposal: (id: string) => call<Proposal>('progression_propose', { id }),
  /** Records the decision; an advance changes the level today. */
  applyProgression: (id: string, decidedBy: string) =>
    call<Contractor>('progression_apply', { id, decidedBy }),
  advancementRule: (roleId: string) => call<AdvancementRule>('advancement_rule', { roleId }),
  setAdvancementRule: (roleId: string, rule: AdvancementRule) =>
    call<AdvancementRule>('advancement_rule_set', { roleId, rule }),
  /** Renewal reviews as of the person's local date. */
  reviewQueue: (filter: ReviewFilter, today: string = todayIso()) =>
    call<ReviewItem[]>('review_queue', { today, filter }),
  /** Opens the review's assessment, creating it the first time. */
  startReview: (engagementId: string, assessorId: string, today: string = todayIso()) =>
    call<AssessmentView>('review_start', { engagementId, assessorId, today }),
  /** Levels, assessments, evidence, reviews and decisions, newest first. */
  timeline: (contractorId: string) => call<TimelineEvent[]>('timeline', { contractorId }),

  credentials: (includeArchived = false) => call<Credential[]>('credentials_list', { includeArchived }),
  credential: (id: string) => call<Credential>('credential_get', { id }),
  /** Creates a credential when `id` is null, otherwise replaces its details. */
  saveCredential: (id: string | null, input: CredentialInput) => call<Credential>('credential_save', { id, input }),
  archiveCredential: (id: string, archived: boolean) => call<Credential>('credential_archive', { id, archived }),
  /** The built-in design drawn as SVG text, for a live preview. */
  badgePreview: (design: BadgeDesign) => call<string>('badge_preview', { design }),
  /** A PNG or SVG file checked and copied into the vault. */
  addBadgeImage: (picked: string) => call<BadgeImage>('badge_image_add', { picked }),
  holders: (credentialId: string) => call<Award[]>('credential_holders', { id: credentialId }),
  awardsOf: (contractorId: string) => call<Award[]>('awards_of', { contractorId }),
  /** Awards expiring within 30 days and not renewed, soonest first. */
  expiringAwards: () => call<Award[]>('awards_expiring'),
  /** Why a signed assessment does not earn the credential; empty when it does. */
  awardGaps: (credentialId: string, assessmentId: string) =>
    call<string[]>('award_gaps', { credentialId, assessmentId }),
  award: (input: NewAward) => call<Award>('award_create', { input }),
  revokeAward: (id: string, reason: string, by: string) => call<Award>('award_revoke', { id, reason, by }),
  workAreas: () => call<WorkArea[]>('work_areas_list'),
  /** Creates a work area when `id` is null, otherwise replaces its details. */
  saveWorkArea: (id: string | null, input: WorkAreaInput) => call<WorkArea>('work_area_save', { id, input }),
  clearedFor: (areaId: string) => call<ClearedPerson[]>('clearance_list', { areaId }),
  clearance: (areaId: string, contractorId: string) => call<Clearance>('clearance_check', { areaId, contractorId }),
  issuerProfile: () => call<IssuerProfile>('issuer_profile'),
  setIssuerProfile: (profile: IssuerProfile) => call<IssuerProfile>('issuer_profile_set', { profile }),
  /** Writes an award as a signed Open Badges 3.0 file. */
  exportAward: (id: string, format: BadgeFormat, picked: string) => call<void>('award_export', { id, format, picked }),
  /** Checks a badge file offline, with this workspace's keys and records. */
  verifyBadge: (picked: string) => call<BadgeVerification>('badge_verify', { picked }),
  issuerKeys: () => call<IssuerKeyInfo[]>('issuer_keys'),
  /** A new signing key; the old one is retired and still verifies what it signed. */
  rotateIssuerKey: () => call<IssuerKeyInfo>('issuer_key_rotate'),
  reportKeyCompromised: (id: string, since: string) =>
    call<IssuerKeyInfo[]>('issuer_key_compromised', { id, since }),
  /** The public keys (JWK Set) or the signed revocation list, written where the person chose. */
  publishIssuer: (what: 'keys' | 'revocations', picked: string) => call<void>('issuer_publish', { what, picked }),
  /** A logo (PNG, JPEG or SVG) checked and copied into the vault; its sha256. */
  addIssuerLogo: (picked: string) => call<string>('issuer_logo_add', { picked }),

  /** An award's certificate as PDF bytes, for the preview. A revoked award has none. */
  certificatePdf: (awardId: string, paper: Paper) => call<ArrayBuffer>('certificate_pdf', { awardId, paper }),
  /** Renders the certificate again and writes it where the person chose (all or nothing). */
  saveCertificate: (awardId: string, paper: Paper, picked: string) =>
    call<void>('certificate_save', { awardId, paper, picked }),
  /** A role's career-path guide from its published ladder, as PDF bytes. */
  guidePdf: (roleId: string, paper: Paper) => call<ArrayBuffer>('guide_pdf', { roleId, paper }),
  saveGuide: (roleId: string, paper: Paper, picked: string) => call<void>('guide_save', { roleId, paper, picked }),
  /** Checks a printed certificate from its scanned QR text ("GB1:…") or its short code. */
  verifyCertificateCode: (text: string) => call<CertificateVerification>('certificate_verify_code', { text }),
  /**
   * Prints many certificates into a new folder `folderName` inside the chosen folder, or into the
   * chosen ZIP file, off the UI thread; progress arrives through `onCertificatesProgress`. Null
   * when cancelled: nothing is left on disk then.
   */
  exportCertificates: (awardIds: string[], paper: Paper, picked: string, folderName: string) =>
    call<BatchOutcome | null>('certificates_export', { awardIds, paper, picked, folderName }),
  /** Stops the running batch (it then resolves to null). */
  cancelCertificates: () => call<void>('certificates_cancel'),

  /** A person's delivery events, newest first. */
  deliveryEvents: (contractorId: string) => call<DeliveryEvent[]>('delivery_events', { contractorId }),
  addDeliveryEvent: (input: DeliveryEventInput) => call<DeliveryEvent>('delivery_event_add', { input }),
  deleteDeliveryEvent: (id: string) => call<void>('delivery_event_delete', { id }),
  previewEventsCsv: (picked: string) => call<CsvPreview<DeliveryEvent>>('events_csv_preview', { picked }),
  importEventsCsv: (picked: string, skipBadRows: boolean) =>
    call<CsvImportResult>('events_csv_import', { picked, skipBadRows }),
  kpiDefinitions: () => call<KpiDefinition[]>('kpi_definitions'),
  /** Every KPI for the query, credentialed vs not, with n and intervals. */
  kpis: (query: KpiQuery) => call<KpiResult[]>('kpis', { query }),
  /** The records behind a figure: everyone, or one side of the credential split. */
  kpiRows: (query: KpiQuery, kpi: KpiId, credentialed: boolean | null) =>
    call<KpiRow[]>('kpi_rows', { query, kpi, credentialed }),
  pilots: () => call<Pilot[]>('pilots'),
  createPilot: (input: PilotInput) => call<Pilot>('pilot_create', { input }),
  setPilotAssumptions: (id: string, assumptions: Assumptions) =>
    call<Pilot>('pilot_set_assumptions', { id, assumptions }),
  /** Baseline → 90 → 180 days, the verdicts the intervals allow, and the ROI, as of today. */
  pilotReview: (id: string) => call<PilotReview>('pilot_review', { id }),
  /** The pilot's review as a printed report (PDF bytes for the preview). */
  pilotReportPdf: (pilotId: string, paper: Paper) => call<ArrayBuffer>('pilot_report_pdf', { pilotId, paper }),
  savePilotReport: (pilotId: string, paper: Paper, picked: string) =>
    call<void>('pilot_report_save', { pilotId, paper, picked }),
  programCosts: () => call<ProgramCost[]>('program_costs'),
  addProgramCost: (input: ProgramCostInput) => call<ProgramCost>('program_cost_add', { input }),
  deleteProgramCost: (id: string) => call<void>('program_cost_delete', { id }),

  /** Staffing needs: open ones first, soonest start first. */
  needs: () => call<Need[]>('needs'),
  addNeed: (input: NeedInput) => call<Need>('need_add', { input }),
  /** Closes a need without staffing it (its open offers are withdrawn), or reopens it. */
  setNeedStatus: (id: string, status: NeedStatus) => call<Need>('need_set_status', { id, status }),
  /** Who can take the need's work now, ranked with reasons, and why the others can't. */
  needMatches: (id: string) => call<MatchResult>('need_matches', { id }),
  needOffers: (id: string) => call<Offer[]>('need_offers', { id }),
  contractorOffers: (contractorId: string) => call<Offer[]>('contractor_offers', { contractorId }),
  sendOffer: (input: OfferInput) => call<Offer>('offer_send', { input }),
  /** The contractor said yes: the engagement is made. */
  acceptOffer: (id: string) => call<[Offer, Engagement]>('offer_accept', { id }),
  declineOffer: (id: string, reason: string) => call<Offer>('offer_decline', { id, reason }),
  withdrawOffer: (id: string) => call<Offer>('offer_withdraw', { id }),
  poolRule: () => call<PoolRule>('pool_rule'),
  setPoolRule: (input: PoolRuleInput) => call<PoolRule>('pool_rule_set', { input }),
  /** The preferred pool; with a number of days, only those whose engagement ends by then. */
  poolMembers: (endingWithin: number | null) => call<PoolMember[]>('pool_members', { endingWithin })
};

/** How far a certificate batch is, as the core reports it. */
export interface BatchProgress {
  done: number;
  total: number;
}

/** Listens to a running batch's progress; resolves to the function that stops listening. */
export function onCertificatesProgress(cb: (progress: BatchProgress) => void): Promise<UnlistenFn> {
  return listen<BatchProgress>('certificates-progress', (event) => cb(event.payload));
}


/** The address the webview reads a vault file from (the `vault` protocol serves it by hash). */
export function vaultUrl(sha256: string): string {
  return convertFileSrc(sha256, 'vault');
}

/** Files dragged over the window, as the Rust side reports them (it keeps the paths). */
export function onFileDrop(cb: (drop: FileDrop) => void): Promise<UnlistenFn> {
  return listen<FileDrop>('file-drop', (e) => cb(e.payload));
}
