//! The TypeScript types the UI uses are generated from these Rust types. This test writes them to
//! `ui/src/lib/api/bindings.ts` when `UPDATE_BINDINGS=1`, and otherwise fails if the committed file
//! is stale — so the UI and the core can't drift apart silently.

use ts_rs::TS;

use crate::assessment::{
    Assessment, AssessmentKind, AssessmentRow, AssessmentStatus, AssessmentView, Assessor,
    AttachedEvidence, Integrity, NewAssessment, Pay, PayTotal, RubricRow,
};
use crate::completeness::{CellProgress, RequirementProgress};
use crate::credentials::clearance::AreaRule;
use crate::credentials::*;
use crate::csv_file::{CsvImportResult, CsvPreview, CsvRowError};
use crate::documents::{BatchOutcome, CertificateVerification, Paper};
use crate::error::{ApiError, ErrorCode};
use crate::evidence::{Evidence, EvidenceFile, EvidenceInput, Impact};
use crate::insights::costs::{CostCategory, ProgramCost, ProgramCostInput};
use crate::insights::kpi::{Figure, KpiDefinition, KpiId, KpiQuery, KpiResult, KpiRow, KpiUnit};
use crate::insights::pilot::{
    Assumptions, Pilot, PilotInput, PilotKpi, PilotReview, PilotWindow, Verdict,
};
use crate::insights::roi::{MoneyLine, Roi, Sensitivity};
use crate::insights::{
    DefectStage, DeliveryEvent, DeliveryEventInput, EventKind, MilestoneOutcome,
};
use crate::ladder::templates::{Template, TemplateInfo};
use crate::ladder::*;
use crate::ladder::{roles::RolePatch, CellChange, ChangeKind, HeaderChange, LadderDiff};
use crate::picking::{DropPosition, FileDrop, FileDropKind, FilePurpose, PickedFiles};
use crate::portfolio::critique::{CritiqueInput, CritiqueSession, DiscussedArtifact};
use crate::portfolio::review::*;
use crate::progression::renewals::{ReviewBucket, ReviewFilter, ReviewItem};
use crate::progression::{
    AdvancementRule, CellVerdict, Outcome, Proposal, RecordedDecision, SidewaysMove,
};
use crate::roster::*;
use crate::staffing::*;
use crate::timeline::{TimelineEvent, TimelineKind};
use crate::vault::{StoredFile, VaultProblem, VaultProblemKind, VaultReport};
use crate::workspace::{AppStatus, WorkspaceInfo};

fn decls() -> String {
    let mut out = String::from(
        "// Generated from the Rust types in crates/core by `UPDATE_BINDINGS=1 cargo test -p guildbook-core bindings`.\n// Do not edit by hand.\n\n",
    );
    macro_rules! export {
        ($($t:ty),* $(,)?) => {$(
            out.push_str("export ");
            out.push_str(&<$t>::decl());
            out.push_str("\n\n");
        )*};
    }
    export!(
        ErrorCode,
        ApiError,
        WorkspaceInfo,
        AppStatus,
        FilePurpose,
        PickedFiles,
        FileDropKind,
        DropPosition,
        FileDrop,
        RoleKind,
        EvidenceKind,
        EvidenceRequirement,
        Level,
        Cell,
        RatingScale,
        LadderContent,
        VersionStatus,
        VersionInfo,
        RoleRef,
        RoleSummary,
        Ladder,
        LadderEdit,
        NewRole,
        RolePatch,
        Template,
        TemplateInfo,
        ChangeKind,
        HeaderChange,
        CellChange,
        LadderDiff,
        ContractorStatus,
        ContractorInput,
        RoleLevel,
        Contractor,
        RosterRow,
        RosterPage,
        RosterQuery,
        LevelChange,
        RateUnit,
        Money,
        EngagementOutcome,
        EngagementInput,
        Engagement,
        PayBand,
        RateCheck,
        Profile,
        CsvRowError,
        CsvPreview<ContractorInput>,
        CsvImportResult,
        Impact,
        EvidenceInput,
        EvidenceFile,
        Evidence,
        StoredFile,
        VaultProblemKind,
        VaultProblem,
        VaultReport,
        RequirementProgress,
        CellProgress,
        Shape,
        Region,
        CellRef,
        RubricCell,
        AnnotationInput,
        Annotation,
        Decision,
        DecisionInput,
        ReviewDecision,
        PortfolioItem,
        CritiqueInput,
        DiscussedArtifact,
        CritiqueSession,
        AssessmentKind,
        AssessmentStatus,
        Pay,
        Assessor,
        NewAssessment,
        AttachedEvidence,
        RubricRow,
        Assessment,
        AssessmentRow,
        Integrity,
        AssessmentView,
        PayTotal,
        AdvancementRule,
        Outcome,
        CellVerdict,
        SidewaysMove,
        RecordedDecision,
        Proposal,
        ReviewBucket,
        ReviewItem,
        ReviewFilter,
        TimelineKind,
        TimelineEvent,
        EventKind,
        DefectStage,
        MilestoneOutcome,
        DeliveryEventInput,
        DeliveryEvent,
        KpiId,
        KpiUnit,
        KpiDefinition,
        KpiQuery,
        Figure,
        KpiResult,
        KpiRow,
        CostCategory,
        ProgramCostInput,
        ProgramCost,
        Assumptions,
        PilotInput,
        Pilot,
        PilotWindow,
        Verdict,
        PilotKpi,
        MoneyLine,
        Sensitivity,
        Roi,
        PilotReview,
        BadgeShape,
        BadgeDesign,
        BadgeImage,
        Criteria,
        CredentialRef,
        HolderCounts,
        Credential,
        CredentialInput,
        AwardStatus,
        Award,
        NewAward,
        AreaRule,
        WorkArea,
        WorkAreaInput,
        MissingCredential,
        Clearance,
        ClearedPerson,
        IssuerProfile,
        BadgeFormat,
        IssuerKeyInfo,
        BadgeCheck,
        BadgeVerification,
        Paper,
        BatchOutcome,
        CertificateVerification,
        NeedStatus,
        NeedInput,
        Need,
        MatchQuery,
        Candidate,
        FilteredOut,
        MatchResult,
        OfferStatus,
        OfferInput,
        Offer,
        PoolRule,
        PoolRuleInput,
        PoolMember,
    );
    out.trim_end().to_string() + "\n"
}

#[test]
fn typescript_bindings_are_current() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/api/bindings.ts");
    let generated = decls();
    if std::env::var("UPDATE_BINDINGS").is_ok() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/api/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p guildbook-core bindings` and commit it"
    );
}
