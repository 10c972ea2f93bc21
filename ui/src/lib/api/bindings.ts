// Generated from the Rust types in crates/core by `UPDATE_BINDINGS=1 cargo test -p guildbook-core bindings`.
// Do not edit by hand.

export type ErrorCode = "not_found" | "invalid" | "duplicate" | "read_only" | "busy" | "not_a_workspace" | "workspace_read_only" | "newer_workspace" | "no_workspace" | "import_failed" | "io" | "database";

export type ApiError = { code: ErrorCode, message: string, };

export type WorkspaceInfo = { name: string, path: string, schemaVersion: number, 
/**
 * Set when the folder is on a network share or a synced folder.
 */
storageWarning: string | null, };

export type AppStatus = { workspace: WorkspaceInfo | null, recent: Array<string>, demoPath: string, reopenError: ApiError | null, };

export type FilePurpose = "newWorkspace" | "openWorkspace" | "importLadder" | "exportLadder" | "importContractors" | "importEvents" | "addEvidence" | "evidenceVersion" | "exportAssessment" | "importAssessment" | "badgeImage" | "logo" | "savePdf" | "certificatesFolder" | "certificatesZip" | "exportBadge" | "verifyBadge" | "saveJson" | "dropped";

export type PickedFiles = { token: string, names: Array<string>, };

export type FileDropKind = "enter" | "over" | "drop" | "leave";

export type DropPosition = { x: number, y: number, };

export type FileDrop = { kind: FileDropKind, position: DropPosition | null, picked: PickedFiles | null, };

export type RoleKind = "technical" | "creative" | "other";

export type EvidenceKind = "code_sample" | "release_note" | "client_feedback" | "lead_assessment" | "revision_log" | "ab_test_result" | "client_testimonial" | "design_file" | "document" | "link" | "note";

export type EvidenceRequirement = { kind: EvidenceKind, count: number, note: string, };

export type Level = { key: string, name: string, description: string, };

export type Cell = { levelKey: string, domainKey: string, outcomes: Array<string>, evidence: Array<EvidenceRequirement>, };

export type RatingScale = { ratings: Array<string>, meetsFrom: number, };

export type LadderContent = { levels: Array<Level>, domains: Array<Level>, cells: Array<Cell>, scale: RatingScale, };

export type VersionStatus = "draft" | "published";

export type VersionInfo = { id: string, status: VersionStatus, 
/**
 * 1, 2, 3 … once published; none while a draft.
 */
number: number | null, 
/**
 * The published number a draft started from.
 */
basedOn: number | null, createdAt: string, publishedAt: string | null, };

export type RoleRef = { id: string, name: string, };

export type RoleSummary = { id: string, name: string, description: string, kind: RoleKind, pilot: boolean, archived: boolean, 
/**
 * The newest published version number, if any.
 */
publishedVersion: number | null, hasDraft: boolean, levelCount: number, domainCount: number, updatedAt: string, };

export type Ladder = { role: RoleSummary, version: VersionInfo, content: LadderContent, related: Array<RoleRef>, };

export type LadderEdit = { "op": "addLevel", name: string, at?: number, } | { "op": "renameLevel", key: string, name: string, } | { "op": "describeLevel", key: string, description: string, } | { "op": "moveLevel", key: string, to: number, } | { "op": "removeLevel", key: string, } | { "op": "addDomain", name: string, at?: number, } | { "op": "renameDomain", key: string, name: string, } | { "op": "describeDomain", key: string, description: string, } | { "op": "moveDomain", key: string, to: number, } | { "op": "removeDomain", key: string, } | { "op": "setCell", levelKey: string, domainKey: string, outcomes: Array<string>, evidence: Array<EvidenceRequirement>, } | { "op": "setScale", ratings: Array<string>, meetsFrom: number, };

export type NewRole = { name: string, kind: RoleKind, description: string, 
/**
 * Start from a starter template instead of a blank ladder.
 */
template?: Template | null, };

export type RolePatch = { name?: string, description?: string, kind?: RoleKind, pilot?: boolean, };

export type Template = "technical" | "creative";

export type TemplateInfo = { template: Template, suggestedName: string, kind: RoleKind, description: string, levels: Array<string>, domains: Array<string>, };

export type ChangeKind = "added" | "removed" | "changed";

export type HeaderChange = { key: string, kind: ChangeKind, before: Level | null, after: Level | null, renamed: boolean, moved: boolean, described: boolean, };

export type CellChange = { levelKey: string, domainKey: string, levelName: string, domainName: string, kind: ChangeKind, outcomesAdded: Array<string>, outcomesRemoved: Array<string>, evidenceAdded: Array<EvidenceRequirement>, evidenceRemoved: Array<EvidenceRequirement>, };

export type LadderDiff = { from: VersionInfo, to: VersionInfo, levels: Array<HeaderChange>, domains: Array<HeaderChange>, cells: Array<CellChange>, 
/**
 * The rating scale before and after, when it changed.
 */
scale: [RatingScale, RatingScale] | null, };

export type ContractorStatus = "active" | "inactive" | "archived";

export type ContractorInput = { name: string, email: string, phone: string, location: string, status?: ContractorStatus, tags: Array<string>, notes: string, };

export type RoleLevel = { roleId: string, roleName: string, levelKey: string, 
/**
 * The level's name in the role's current ladder (empty if the level was removed since).
 */
levelName: string, effectiveOn: string, };

export type Contractor = { id: string, name: string, email: string, phone: string, location: string, status: ContractorStatus, tags: Array<string>, notes: string, createdAt: string, updatedAt: string, levels: Array<RoleLevel>, };

export type RosterRow = { id: string, name: string, email: string, location: string, status: ContractorStatus, tags: Array<string>, 
/**
 * "Backend engineer · Engineer", one per role held.
 */
roles: Array<string>, };

export type RosterPage = { rows: Array<RosterRow>, 
/**
 * How many people match the query in all (the page holds at most `limit`).
 */
total: number, };

export type RosterQuery = { 
/**
 * Words to find in names, emails, locations, tags and notes (each word as a prefix).
 */
text?: string, roleId?: string, 
/**
 * With `role_id`: only people currently at this level of that role.
 */
levelKey?: string, status?: ContractorStatus, tag?: string, 
/**
 * Archived people are hidden unless asked for (or `status` is archived).
 */
includeArchived: boolean, offset: number, 
/**
 * At most 500 rows a page; 0 means the default of 200.
 */
limit: number, };

export type LevelChange = { id: string, roleId: string, roleName: string, levelKey: string, levelName: string, effectiveOn: string, reason: string, recordedAt: string, };

export type RateUnit = "hour" | "day" | "month" | "fixed";

export type Money = { minor: number, currency: string, };

export type EngagementOutcome = "open" | "renewed" | "ended";

export type EngagementInput = { roleId: string | null, client: string, project: string, 
/**
 * YYYY-MM-DD
 */
startOn: string, 
/**
 * YYYY-MM-DD; none for open-ended work.
 */
endOn: string | null, renewalWindowDays: number, rate: Money, rateUnit: RateUnit, hoursPerWeek: number | null, outcome: EngagementOutcome, };

export type Engagement = { id: string, contractorId: string, roleName: string | null, 
/**
 * The day the renewal window opens (end minus the window), when there is an end.
 */
renewalOpensOn: string | null, 
/**
 * Set when the rate is outside the pay band of the person's level in that role.
 */
rateCheck: RateCheck | null, roleId: string | null, client: string, project: string, 
/**
 * YYYY-MM-DD
 */
startOn: string, 
/**
 * YYYY-MM-DD; none for open-ended work.
 */
endOn: string | null, renewalWindowDays: number, rate: Money, rateUnit: RateUnit, hoursPerWeek: number | null, outcome: EngagementOutcome, };

export type PayBand = { roleId: string, levelKey: string, min: Money, maxMinor: number, rateUnit: RateUnit, };

export type RateCheck = { band: PayBand, levelName: string, 
/**
 * Below or above the band, in words: "Above the Engineer band (60.00–90.00 EUR per hour)".
 */
message: string, };

export type Profile = { contractor: Contractor, levelHistory: Array<LevelChange>, engagements: Array<Engagement>, 
/**
 * The pay band of each current level, where one is set.
 */
bands: Array<PayBand>, };

export type CsvRowError = { 
/**
 * The line in the file (the header is line 1).
 */
line: number, message: string, };

export type CsvPreview<T> = { columns: Array<string>, totalRows: number, validRows: number, 
/**
 * The first valid rows, as they will be stored.
 */
sample: Array<T>, 
/**
 * Bad rows (the first 500 listed; `error_count` has them all).
 */
errors: Array<CsvRowError>, errorCount: number, };

export type CsvImportResult = { imported: number, skipped: number, };

export type Impact = { metric: string, before: number, after: number, };

export type EvidenceInput = { kind: EvidenceKind, 
/**
 * Empty: the file's name.
 */
title: string, description: string, url: string | null, impact: Impact | null, };

export type EvidenceFile = { sha256: string, size: number, mediaType: string, name: string, };

export type Evidence = { id: string, contractorId: string, kind: EvidenceKind, title: string, description: string, file: EvidenceFile | null, url: string | null, impact: Impact | null, artifactId: string, revision: number, changeNote: string, createdAt: string, };

export type StoredFile = { sha256: string, size: number, mediaType: string, 
/**
 * The same content was already in the vault; nothing new was written.
 */
deduplicated: boolean, };

export type VaultProblemKind = "missing" | "corrupt";

export type VaultProblem = { kind: VaultProblemKind, sha256: string, 
/**
 * The evidence items that use the file, by title and file name, for the person to recognise.
 */
usedBy: Array<string>, };

export type VaultReport = { checked: number, bytes: number, problems: Array<VaultProblem>, };

export type RequirementProgress = { kind: EvidenceKind, required: number, have: number, };

export type CellProgress = { levelKey: string, domainKey: string, requirements: Array<RequirementProgress>, met: boolean, 
/**
 * In words, for the grid: "1 of 2 code samples; signed lead assessment missing".
 */
summary: string, };

export type Shape = "rect" | "pin";

export type Region = { page: number, shape: Shape, x: number, y: number, w: number, h: number, };

export type CellRef = { versionId: string, levelKey: string, domainKey: string, };

export type RubricCell = { cell: CellRef, roleId: string, roleName: string, levelName: string, domainName: string, outcomes: Array<string>, evidence: Array<EvidenceRequirement>, };

export type AnnotationInput = { region: Region, comment: string, cell: CellRef | null, author: string, };

export type Annotation = { id: string, evidenceId: string, region: Region, comment: string, cell: RubricCell | null, author: string, createdAt: string, };

export type Decision = "approved" | "changes_requested";

export type DecisionInput = { decision: Decision, reason: string, reviewer: string, };

export type ReviewDecision = { id: string, evidenceId: string, decision: Decision, reason: string, reviewer: string, decidedAt: string, };

export type PortfolioItem = { evidence: Evidence, versions: number, annotations: number, decision: ReviewDecision | null, };

export type CritiqueInput = { 
/**
 * `YYYY-MM-DD`.
 */
heldOn: string, attendees: Array<string>, notes: string, outcome: string, 
/**
 * Artifacts discussed (an artifact covers all its versions).
 */
artifactIds: Array<string>, };

export type DiscussedArtifact = { artifactId: string, title: string, 
/**
 * The newest version's file, for a thumbnail.
 */
fileSha256: string | null, };

export type CritiqueSession = { id: string, contractorId: string, heldOn: string, attendees: Array<string>, notes: string, outcome: string, artifacts: Array<DiscussedArtifact>, createdAt: string, };

export type AssessmentKind = "portfolio_review" | "paid_task" | "live_critique" | "shadowing_checkpoint";

export type AssessmentStatus = "planned" | "in_progress" | "submitted" | "signed" | "closed";

export type Pay = { "kind": "stipend", amount: Money, 
/**
 * As entered when the assessment was made (part of what is signed). A payment recorded
 * later is `Assessment::paid_on`.
 */
paidOn: string | null, } | { "kind": "billable", engagementId: string, };

export type Assessor = { id: string, name: string, email: string, 
/**
 * Base64 of the Ed25519 public key.
 */
publicKey: string, 
/**
 * An external lead: signs exported files with the command line.
 */
external: boolean, };

export type NewAssessment = { contractorId: string, roleId: string, levelKey: string, kind: AssessmentKind, assessorId: string, startsOn: string, dueOn: string, pay: Pay, };

export type AttachedEvidence = { id: string, title: string, sha256: string | null, };

export type RubricRow = { domainKey: string, domainName: string, outcomes: Array<string>, evidenceRequired: Array<EvidenceRequirement>, selfRating: string | null, assessorRating: string | null, comment: string, evidence: Array<AttachedEvidence>, 
/**
 * How far the person's evidence meets this cell's requirements; none when it asks for none.
 */
evidenceProgress: CellProgress | null, };

export type Assessment = { id: string, contractorId: string, contractorName: string, roleId: string, roleName: string, versionId: string, versionNumber: number, levelKey: string, levelName: string, kind: AssessmentKind, assessor: Assessor, startsOn: string, dueOn: string, status: AssessmentStatus, pay: Pay, 
/**
 * When the stipend was paid: recorded after the fact, or as entered at the start.
 */
paidOn: string | null, summary: string, 
/**
 * The ladder version's rating scale.
 */
scale: RatingScale, rubric: Array<RubricRow>, signedAt: string | null, };

export type AssessmentRow = { id: string, contractorId: string, contractorName: string, roleId: string, roleName: string, levelKey: string, levelName: string, status: AssessmentStatus, dueOn: string, assessorName: string, };

export type Integrity = { "state": "unsigned" } | { "state": "verified" } | { "state": "tampered", reason: string, };

export type AssessmentView = { assessment: Assessment, integrity: Integrity, missing: Array<string>, canSignHere: boolean, };

export type PayTotal = { contractorId: string, contractorName: string, roleName: string, 
/**
 * "2026-Q4".
 */
quarter: string, 
/**
 * The stipends' sum; the currency is empty when all were billable.
 */
stipends: Money, stipendCount: number, billableCount: number, };

export type AdvancementRule = { 
/**
 * Domains of the target level that must be rated met; None: every domain.
 */
minDomains: number | null, 
/**
 * Whether each met cell's evidence requirements must be complete too.
 */
requireEvidence: boolean, 
/**
 * Days before an engagement ends that its review is due.
 */
reviewLeadDays: number, };

export type Outcome = "not_yet" | "hold" | "advance";

export type CellVerdict = { domainKey: string, domainName: string, rating: string | null, ratedMet: boolean, evidenceComplete: boolean, 
/**
 * In words: "meets; evidence complete", "not yet", "meets; 1 of 2 code samples".
 */
reason: string, };

export type SidewaysMove = { roleId: string, roleName: string, levelKey: string, levelName: string, };

export type RecordedDecision = { outcome: Outcome, decidedBy: string, decidedAt: string, };

export type Proposal = { outcome: Outcome, 
/**
 * One sentence: why.
 */
reason: string, cells: Array<CellVerdict>, domainsMet: number, domainsRequired: number, 
/**
 * The pay band of the target level, proposed for the next engagement after an advance.
 */
nextBand: PayBand | null, sideways: Array<SidewaysMove>, 
/**
 * Already decided: the outcome then (ratings and evidence may have moved since).
 */
decided: RecordedDecision | null, };

export type ReviewBucket = "overdue" | "this_week" | "this_month" | "later" | "done";

export type ReviewItem = { engagementId: string, contractorId: string, contractorName: string, roleId: string, roleName: string, client: string, project: string, endOn: string, dueOn: string, 
/**
 * Negative when overdue.
 */
daysLeft: number, bucket: ReviewBucket, assessmentId: string | null, assessmentStatus: AssessmentStatus | null, assessorName: string | null, };

export type ReviewFilter = { roleId: string | null, assessorId: string | null, 
/**
 * Only reviews due within this many days (overdue ones always show).
 */
withinDays: number | null, 
/**
 * Include the done ones.
 */
includeDone: boolean, };

export type TimelineKind = "level" | "assessment" | "signed" | "evidence" | "review" | "decision" | "delivery";

export type TimelineEvent = { 
/**
 * `YYYY-MM-DD`, or an RFC 3339 time for things recorded as they happened.
 */
at: string, kind: TimelineKind, title: string, detail: string, 
/**
 * What to open: an assessment or evidence id (a delivery event's own id).
 */
target: string | null, };

export type EventKind = "first_deliverable" | "pr_merged" | "defect" | "rework_hours" | "incident" | "milestone";

export type DefectStage = "before_release" | "after_release";

export type MilestoneOutcome = "on_time" | "late" | "failed";

export type DeliveryEventInput = { contractorId: string, 
/**
 * `YYYY-MM-DD`: the day where the work was done.
 */
date: string, kind: EventKind, 
/**
 * Rework hours (only for `rework_hours`).
 */
hours: number | null, stage: DefectStage | null, outcome: MilestoneOutcome | null, 
/**
 * The work area an incident happened in.
 */
workAreaId: string | null, 
/**
 * The engagement it belongs to; when absent, the person's engagement covering the day.
 */
engagementId: string | null, note: string, };

export type DeliveryEvent = { id: string, contractorId: string, contractorName: string, engagementId: string | null, 
/**
 * The client of that engagement.
 */
engagementClient: string | null, date: string, kind: EventKind, hours: number | null, stage: DefectStage | null, outcome: MilestoneOutcome | null, workAreaId: string | null, workAreaName: string | null, note: string, };

export type KpiId = "time_to_first_deliverable" | "ramp_time" | "time_to_first_pr" | "post_release_defect_rate" | "rework_rate" | "first_quarter_success" | "repeat_engagement_rate" | "gated_incidents";

export type KpiUnit = "days" | "share" | "per100";

export type KpiDefinition = { id: KpiId, name: string, formula: string, unit: KpiUnit, higherIsBetter: boolean, 
/**
 * What its n counts.
 */
counts: string, };

export type KpiQuery = { roleId: string | null, 
/**
 * A contractor tag: a person with two cohort tags counts in both.
 */
cohort: string | null, 
/**
 * "Credentialed" means holding this credential when the engagement began (any credential
 * when absent).
 */
credentialId: string | null, from: string, to: string, 
/**
 * The day the figures are computed on (today when absent): engagements that ended less than
 * 90 days before it are not judged for repeats yet.
 */
asOf: string | null, };

export type Figure = { 
/**
 * None when there is no data or the group is hidden.
 */
value: number | null, low: number | null, high: number | null, 
/**
 * The mean, for time to first merged PR.
 */
mean: number | null, 
/**
 * How many of what the KPI counts (engagements, PRs, milestones).
 */
n: number, 
/**
 * For rates: what was counted over what (defects over PRs, hours over hours).
 */
numerator: number, denominator: number, people: number, 
/**
 * Fewer than 5 people, or hidden with a smaller group so no one is found by subtraction.
 */
hidden: boolean, };

export type KpiResult = { kpi: KpiId, all: Figure, credentialed: Figure, notCredentialed: Figure, 
/**
 * Something the reader should know about this figure, in words.
 */
note: string | null, };

export type KpiRow = { contractorId: string, contractorName: string, engagementId: string, client: string, startedOn: string, credentialed: boolean, 
/**
 * Days, or the counts the rate adds up ("2 of 5 on time").
 */
value: string, };

export type CostCategory = "learning_content" | "credentialing" | "mentor_hours" | "other";

export type ProgramCostInput = { 
/**
 * The role it was spent on; the whole program when absent.
 */
roleId: string | null, category: CostCategory, periodStart: string, periodEnd: string, 
/**
 * The amount in minor units; for mentor hours it is worked out from hours × rate.
 */
amountMinor: number, currency: string, hours: number | null, rateMinor: number | null, note: string, };

export type ProgramCost = { id: string, roleId: string | null, category: CostCategory, periodStart: string, periodEnd: string, amountMinor: number, currency: string, hours: number | null, rateMinor: number | null, note: string, };

export type Assumptions = { currency: string, 
/**
 * What finding and onboarding someone new costs (a repeat engagement saves it).
 */
sourcingCostMinor: number, reworkHourMinor: number, 
/**
 * What a day of someone not yet up to speed costs.
 */
rampDayMinor: number, };

export type PilotInput = { name: string, roleId: string, 
/**
 * "Credentialed" means holding this credential when an engagement began.
 */
credentialId: string | null, startsOn: string, baselineDays: number, assumptions: Assumptions, };

export type Pilot = { id: string, name: string, roleId: string, roleName: string, credentialId: string | null, credentialName: string | null, startsOn: string, baselineDays: number, assumptions: Assumptions, };

export type PilotWindow = { label: string, from: string, to: string, 
/**
 * False while the window has not ended yet (its figures are still moving).
 */
complete: boolean, };

export type Verdict = "improved" | "worse" | "no_clear_change" | "too_few" | "no_interval";

export type PilotKpi = { kpi: KpiId, baseline: Figure, day90: Figure, day180: Figure, verdict90: Verdict, verdict180: Verdict, 
/**
 * Credentialed vs not over the 180-day window.
 */
split: KpiResult, };

export type MoneyLine = { label: string, minor: number, 
/**
 * How it was worked out, in words.
 */
detail: string, };

export type Sensitivity = { assumption: string, roiAtHalf: number | null, roiAtOneAndAHalf: number | null, };

export type Roi = { currency: string, from: string, to: string, costs: Array<MoneyLine>, costMinor: number, savings: Array<MoneyLine>, savingsMinor: number, 
/**
 * (savings − cost) ÷ cost; None without costs.
 */
roi: number | null, sensitivity: Array<Sensitivity>, };

export type PilotReview = { pilot: Pilot, 
/**
 * Baseline, first 90 days, first 180 days.
 */
windows: Array<PilotWindow>, kpis: Array<PilotKpi>, roi: Roi, asOf: string, };

export type BadgeShape = "circle" | "hexagon" | "shield";

export type BadgeDesign = { shape: BadgeShape, 
/**
 * `#rrggbb`.
 */
background: string, foreground: string, 
/**
 * One to three letters or digits.
 */
initials: string, };

export type BadgeImage = { "kind": "design" } & BadgeDesign | { "kind": "upload", sha256: string, mediaType: string, };

export type Criteria = { roleId: string, roleName: string, versionId: string, versionNumber: number, levelKey: string, levelName: string, 
/**
 * (key, name) of each domain that must be rated as meeting the level.
 */
domains: Array<[string, string]>, 
/**
 * Whether each of those cells' evidence requirements must be complete too.
 */
requireEvidence: boolean, };

export type CredentialRef = { id: string, name: string, };

export type HolderCounts = { active: number, expiring: number, expired: number, revoked: number, };

export type Credential = { id: string, name: string, description: string, image: BadgeImage, 
/**
 * The built-in design drawn as SVG (none for an uploaded image, which is in the vault).
 */
badgeSvg: string | null, criteria: Criteria | null, 
/**
 * As written by a person; empty when the generated one is used.
 */
narrative: string, 
/**
 * What a holder did, in words: the one written, or one made from the criteria.
 */
criteriaText: string, validityMonths: number | null, prerequisites: Array<CredentialRef>, holders: HolderCounts, archived: boolean, updatedAt: string, };

export type CredentialInput = { name: string, description: string, image: BadgeImage, 
/**
 * The role whose newest published ladder the criteria come from; none for a credential made
 * only of other credentials.
 */
roleId: string | null, levelKey: string | null, 
/**
 * The domains that must meet the level; empty means all of them.
 */
domainKeys: Array<string>, requireEvidence: boolean, narrative: string, validityMonths: number | null, prerequisites: Array<string>, };

export type AwardStatus = "active" | "expiring" | "expired" | "revoked";

export type Award = { id: string, credentialId: string, credentialName: string, contractorId: string, contractorName: string, assessmentId: string | null, 
/**
 * Why, for an award made by hand.
 */
reason: string, awardedBy: string, issuedOn: string, expiresOn: string | null, status: AwardStatus, revokedAt: string | null, revokedBy: string | null, revokedReason: string | null, 
/**
 * The award this one renews, and the one that renewed it.
 */
renewsId: string | null, renewedById: string | null, 
/**
 * Its place in the issuer's revocation list.
 */
statusIndex: number, };

export type NewAward = { credentialId: string, contractorId: string, 
/**
 * A signed assessment that meets the criteria; none for an award made by hand.
 */
assessmentId: string | null, 
/**
 * Required when there is no assessment.
 */
reason: string, awardedBy: string, 
/**
 * Valid from this date; today when none.
 */
issuedOn: string | null, 
/**
 * The award this one renews.
 */
renewsId: string | null, };

export type AreaRule = "all" | "any";

export type WorkArea = { id: string, name: string, description: string, rule: AreaRule, credentials: Array<CredentialRef>, };

export type WorkAreaInput = { name: string, description: string, rule: AreaRule, credentialIds: Array<string>, };

export type MissingCredential = { credentialId: string, credentialName: string, why: string, };

export type Clearance = { area: string, contractorId: string, contractorName: string, cleared: boolean, 
/**
 * The credentials that clear them (held now).
 */
held: Array<CredentialRef>, missing: Array<MissingCredential>, 
/**
 * One sentence: "Cleared for payments integration." / "Not cleared: …".
 */
summary: string, };

export type ClearedPerson = { contractorId: string, contractorName: string, 
/**
 * The credentials that clear them.
 */
via: Array<string>, 
/**
 * The soonest expiry among those, when any expires.
 */
until: string | null, };

export type IssuerProfile = { name: string, 
/**
 * `https://…`, or empty.
 */
url: string, email: string, 
/**
 * A logo in the vault.
 */
imageSha256: string | null, 
/**
 * The accent colour of printed documents, `#rrggbb`; empty: Guildbook's blue.
 */
accent: string, };

export type BadgeFormat = "json" | "jwt" | "png" | "svg";

export type IssuerKeyInfo = { id: string, createdAt: string, retiredAt: string | null, 
/**
 * Whether this computer holds the private half (only then can it sign).
 */
here: boolean, 
/**
 * The did:key its Data Integrity proofs name.
 */
did: string, 
/**
 * Reported compromised on this day (YYYY-MM-DD): what it signed from then on is not trusted.
 */
compromisedOn: string | null, };

export type BadgeCheck = { name: string, 
/**
 * "passed", "failed" or "not_checked".
 */
outcome: string, detail: string, };

export type BadgeVerification = { 
/**
 * "valid", "invalid" or "undetermined".
 */
verdict: string, format: string, checks: Array<BadgeCheck>, 
/**
 * Signed by one of this workspace's keys (not only by a key the badge carries itself).
 */
keyTrusted: boolean, name: string | null, issuerName: string | null, holderName: string | null, validFrom: string | null, validUntil: string | null, };

export type Paper = "a4" | "letter";

export type BatchOutcome = { path: string, written: number, 
/**
 * Awards left out, with why ("Priya Natarajan: revoked").
 */
skipped: Array<string>, };

export type CertificateVerification = { 
/**
 * "valid", "invalid" or "undetermined".
 */
verdict: string, 
/**
 * "qr" (the signed text) or "code" (the short code, looked up in this workspace).
 */
kind: string, checks: Array<BadgeCheck>, code: string | null, holder: string | null, credential: string | null, issuer: string | null, issuedOn: string | null, expiresOn: string | null, 
/**
 * The award in this workspace, when it was issued here.
 */
awardId: string | null, };

export type NeedStatus = "open" | "filled" | "closed";

export type NeedInput = { title: string, roleId: string, minLevelKey: string, workAreaId: string | null, 
/**
 * Credentials required besides the work area's.
 */
credentialIds: Array<string>, startOn: string, 
/**
 * The last day of the work.
 */
endOn: string, hoursPerWeek: number, 
/**
 * The most the need can pay, in minor units of `currency` per `rate_unit`.
 */
rateCeilingMinor: number | null, currency: string, rateUnit: RateUnit, 
/**
 * A preferred place or time zone: ranks people there higher, filters no one.
 */
location: string, client: string, note: string, };

export type Need = { id: string, title: string, roleId: string, roleName: string, minLevelKey: string, minLevelName: string, workArea: CredentialRef | null, credentials: Array<CredentialRef>, startOn: string, endOn: string, hoursPerWeek: number, rateCeilingMinor: number | null, currency: string, rateUnit: RateUnit, location: string, client: string, note: string, status: NeedStatus, 
/**
 * Offers sent and not answered yet.
 */
openOffers: number, createdAt: string, };

export type MatchQuery = { roleId: string, minLevelKey: string, workAreaId: string | null, credentialIds: Array<string>, startOn: string, endOn: string, hoursPerWeek: number, rateCeilingMinor: number | null, currency: string, rateUnit: RateUnit, location: string, 
/**
 * The need asked about, for the offers already made on it.
 */
needId: string | null, };

export type Candidate = { contractorId: string, name: string, levelName: string, location: string, 
/**
 * 0–100; the reasons say where each point comes from.
 */
score: number, reasons: Array<string>, hoursLeft: number, inPool: boolean, 
/**
 * The latest offer on this need to this person, when one was made.
 */
offer: OfferStatus | null, };

export type FilteredOut = { contractorId: string, name: string, levelName: string, 
/**
 * Every filter they fail, in words.
 */
why: Array<string>, };

export type MatchResult = { 
/**
 * Best first; equal scores by name.
 */
candidates: Array<Candidate>, 
/**
 * Everyone else who holds a level in the role, by name.
 */
filteredOut: Array<FilteredOut>, };

export type OfferStatus = "sent" | "accepted" | "declined" | "withdrawn";

export type OfferInput = { needId: string, contractorId: string, 
/**
 * In the need's currency and unit.
 */
rateMinor: number, note: string, sentBy: string, };

export type Offer = { id: string, needId: string, needTitle: string, contractorId: string, contractorName: string, rate: Money, rateUnit: RateUnit, note: string, status: OfferStatus, sentBy: string, sentAt: string, decidedAt: string | null, declineReason: string | null, 
/**
 * The engagement an accepted offer made.
 */
engagementId: string | null, };

export type PoolRule = { credentialId: string | null, credentialName: string | null, minRenewals: number, minOnTimePercent: number | null, 
/**
 * The rule in one sentence.
 */
summary: string, };

export type PoolRuleInput = { credentialId: string | null, minRenewals: number, minOnTimePercent: number | null, };

export type PoolMember = { contractorId: string, name: string, 
/**
 * Why they are in the pool, in words.
 */
why: string, 
/**
 * Their current engagement's end, when it ends soon (Home's list).
 */
engagementEndsOn: string | null, engagementClient: string | null, };
