// Generated from the Rust types in crates/core by `UPDATE_BINDINGS=1 cargo test -p guildbook-core bindings`.
// Do not edit by hand.

export type ErrorCode = "not_found" | "invalid" | "duplicate" | "read_only" | "busy" | "not_a_workspace" | "workspace_read_only" | "newer_workspace" | "no_workspace" | "import_failed" | "io" | "database";

export type ApiError = { code: ErrorCode, message: string, };

export type WorkspaceInfo = { name: string, path: string, schemaVersion: number, };

export type AppStatus = { workspace: WorkspaceInfo | null, recent: Array<string>, demoPath: string, reopenError: ApiError | null, };

export type RoleKind = "technical" | "creative" | "other";

export type EvidenceKind = "code_sample" | "release_note" | "client_feedback" | "lead_assessment" | "revision_log" | "ab_test_result" | "client_testimonial" | "design_file" | "document" | "link" | "note";

export type EvidenceRequirement = { kind: EvidenceKind, count: number, note: string, };

export type Level = { key: string, name: string, description: string, };

export type Cell = { levelKey: string, domainKey: string, outcomes: Array<string>, evidence: Array<EvidenceRequirement>, };

export type LadderContent = { levels: Array<Level>, domains: Array<Level>, cells: Array<Cell>, };

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

export type LadderEdit = { "op": "addLevel", name: string, at?: number, } | { "op": "renameLevel", key: string, name: string, } | { "op": "describeLevel", key: string, description: string, } | { "op": "moveLevel", key: string, to: number, } | { "op": "removeLevel", key: string, } | { "op": "addDomain", name: string, at?: number, } | { "op": "renameDomain", key: string, name: string, } | { "op": "describeDomain", key: string, description: string, } | { "op": "moveDomain", key: string, to: number, } | { "op": "removeDomain", key: string, } | { "op": "setCell", levelKey: string, domainKey: string, outcomes: Array<string>, evidence: Array<EvidenceRequirement>, };

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

export type LadderDiff = { from: VersionInfo, to: VersionInfo, levels: Array<HeaderChange>, domains: Array<HeaderChange>, cells: Array<CellChange>, };
