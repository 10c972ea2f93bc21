//! Files a person chooses, without a path ever crossing IPC. The desktop shell opens the native
//! dialog itself (or takes a drop from the window), keeps what was chosen here, and gives the page
//! a token and the file names to show. A command that reads or writes a file takes the token and
//! the purpose it was chosen for; a page that was never shown a dialog has nothing to send.

use std::path::PathBuf;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};

/// What a file is chosen for. Each purpose has its own dialog (title, kind, filter); a token only
/// works for the purposes it was chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FilePurpose {
    NewWorkspace,
    OpenWorkspace,
    ImportLadder,
    ExportLadder,
    ImportContractors,
    ImportEvents,
    AddEvidence,
    EvidenceVersion,
    ExportAssessment,
    ImportAssessment,
    BadgeImage,
    Logo,
    SavePdf,
    CertificatesFolder,
    CertificatesZip,
    ExportBadge,
    VerifyBadge,
    SaveJson,
    /// Files dragged onto the window (never from a dialog).
    Dropped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    OpenFile,
    OpenFiles,
    Folder,
    SaveFile,
}

/// How the native dialog for a purpose asks.
#[derive(Debug, Clone, Copy)]
pub struct DialogSpec {
    pub kind: DialogKind,
    pub title: &'static str,
    /// A filter's name and its extensions.
    pub filter: Option<(&'static str, &'static [&'static str])>,
}

const BADGES: &[&str] = &["png", "svg", "json", "jwt"];

impl FilePurpose {
    /// The dialog for this purpose; `None` for drops, which no dialog makes.
    pub fn dialog(self) -> Option<DialogSpec> {
        use DialogKind::*;
        use FilePurpose::*;
        let spec = |kind, title, filter| {
            Some(DialogSpec {
                kind,
                title,
                filter,
            })
        };
        match self {
            NewWorkspace => spec(Folder, "Choose an empty folder for the new workspace", None),
            OpenWorkspace => spec(Folder, "Open a Guildbook workspace folder", None),
            ImportLadder => spec(OpenFile, "Import a ladder", Some(("Ladder", &["json"]))),
            ExportLadder => spec(SaveFile, "Export the ladder", Some(("Ladder", &["json"]))),
            ImportContractors => spec(
                OpenFile,
                "Import contractors from a CSV file",
                Some(("CSV", &["csv", "txt"])),
            ),
            ImportEvents => spec(
                OpenFile,
                "Import delivery events from a CSV file",
                Some(("CSV", &["csv", "txt"])),
            ),
            AddEvidence => spec(OpenFiles, "Add evidence files", None),
            EvidenceVersion => spec(OpenFile, "Choose the new version", None),
            ExportAssessment => spec(
                SaveFile,
                "Export the assessment for signing",
                Some(("Assessment", &["json"])),
            ),
            ImportAssessment => spec(
                OpenFile,
                "Import a signed assessment",
                Some(("Assessment", &["json"])),
            ),
            BadgeImage => spec(
                OpenFile,
                "Choose a badge image",
                Some(("Badge image", &["png", "svg"])),
            ),
            Logo => spec(
                OpenFile,
                "Choose a logo",
                Some(("Logo", &["png", "jpg", "jpeg", "svg"])),
            ),
            SavePdf => spec(SaveFile, "Save as PDF", Some(("PDF", &["pdf"]))),
            CertificatesFolder => {
                spec(Folder, "Choose where to make the certificates folder", None)
            }
            CertificatesZip => spec(
                SaveFile,
                "Save the certificates as a ZIP file",
                Some(("ZIP", &["zip"])),
            ),
            ExportBadge => spec(SaveFile, "Export the badge", Some(("Open Badge", BADGES))),
            VerifyBadge => spec(OpenFile, "Verify a badge", Some(("Open Badge", BADGES))),
            SaveJson => spec(SaveFile, "Save", Some(("JSON", &["json"]))),
            Dropped => None,
        }
    }
}

/// What the page gets for a choice: a token to hand back, and the names to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PickedFiles {
    pub token: String,
    pub names: Vec<String>,
}

/// Files dragged over the window, as the page hears of them (`file-drop` events). `position` is
/// in physical pixels; `picked` comes with the drop itself.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FileDrop {
    pub kind: FileDropKind,
    pub position: Option<DropPosition>,
    pub picked: Option<PickedFiles>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FileDropKind {
    Enter,
    Over,
    Drop,
    Leave,
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
pub struct DropPosition {
    pub x: f64,
    pub y: f64,
}

struct Choice {
    token: String,
    purpose: FilePurpose,
    paths: Vec<PathBuf>,
}

/// Choices not used yet, newest last. Old ones fall off: a page that never uses a choice can't
/// make the list grow.
#[derive(Default)]
pub struct Picks {
    choices: Mutex<Vec<Choice>>,
}

const KEEP: usize = 32;

impl Picks {
    /// Keeps what was chosen for `purpose` and answers with its token and names.
    pub fn add(&self, purpose: FilePurpose, paths: Vec<PathBuf>) -> PickedFiles {
        let token = uuid::Uuid::new_v4().to_string();
        let names = paths
            .iter()
            .map(|p| crate::vault::display_name(p))
            .collect();
        let mut choices = self.choices.lock().unwrap_or_else(|e| e.into_inner());
        choices.push(Choice {
            token: token.clone(),
            purpose,
            paths,
        });
        let extra = choices.len().saturating_sub(KEEP);
        choices.drain(..extra);
        PickedFiles { token, names }
    }

    fn find(&self, token: &str, purposes: &[FilePurpose]) -> Result<(FilePurpose, Vec<PathBuf>)> {
        let choices = self.choices.lock().unwrap_or_else(|e| e.into_inner());
        choices
            .iter()
            .find(|c| c.token == token && purposes.contains(&c.purpose))
            .map(|c| (c.purpose, c.paths.clone()))
            .ok_or_else(|| {
                CoreError::Invalid(
                    "That file choice is no longer valid (it was used already, or chosen for something else). Choose the file again."
                        .into(),
                )
            })
    }

    fn forget(&self, token: &str) {
        let mut choices = self.choices.lock().unwrap_or_else(|e| e.into_inner());
        choices.retain(|c| c.token != token);
    }

    /// Runs `work` on the chosen files; the choice is spent once the work succeeds (a failed
    /// import may be tried again, under another name say, without choosing again).
    pub fn use_once<T>(
        &self,
        token: &str,
        purposes: &[FilePurpose],
        work: impl FnOnce(FilePurpose, &[PathBuf]) -> Result<T>,
    ) -> Result<T> {
        let (purpose, paths) = self.find(token, purposes)?;
        let done = work(purpose, &paths)?;
        self.forget(token);
        Ok(done)
    }

    /// Runs `work` on the chosen files and keeps the choice (a preview before the real thing).
    pub fn peek<T>(
        &self,
        token: &str,
        purposes: &[FilePurpose],
        work: impl FnOnce(FilePurpose, &[PathBuf]) -> Result<T>,
    ) -> Result<T> {
        let (purpose, paths) = self.find(token, purposes)?;
        work(purpose, &paths)
    }

    /// `use_once` for a single file.
    pub fn use_file<T>(
        &self,
        token: &str,
        purposes: &[FilePurpose],
        work: impl FnOnce(&std::path::Path) -> Result<T>,
    ) -> Result<T> {
        self.use_once(token, purposes, |_, paths| work(first(paths)?))
    }
}

/// The one file of a single-file choice.
pub fn first(paths: &[PathBuf]) -> Result<&std::path::Path> {
    paths
        .first()
        .map(PathBuf::as_path)
        .ok_or_else(|| CoreError::Invalid("No file was chosen.".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use FilePurpose::*;

    #[test]
    fn a_choice_works_for_its_purpose_only_and_is_spent_by_success() {
        let picks = Picks::default();
        let picked = picks.add(ImportLadder, vec![PathBuf::from("/tmp/a/ladder.json")]);
        assert_eq!(picked.names, ["ladder.json"]);
        assert!(picks
            .use_file(&picked.token, &[ExportLadder], |_| Ok(()))
            .is_err());
        let failed: Result<()> = picks.use_file(&picked.token, &[ImportLadder], |_| {
            Err(CoreError::Duplicate("taken".into()))
        });
        assert!(failed.is_err());
        picks
            .use_file(&picked.token, &[ImportLadder], |p| {
                assert_eq!(p, std::path::Path::new("/tmp/a/ladder.json"));
                Ok(())
            })
            .unwrap();
        let again = picks.use_file(&picked.token, &[ImportLadder], |_| Ok(()));
        assert!(again
            .unwrap_err()
            .to_string()
            .contains("Choose the file again"));
        assert!(picks
            .use_file("made-up", &[ImportLadder], |_| Ok(()))
            .is_err());
    }

    #[test]
    fn old_choices_fall_off() {
        let picks = Picks::default();
        let first = picks.add(Logo, vec![PathBuf::from("a.png")]);
        for _ in 0..KEEP {
            picks.add(Logo, vec![PathBuf::from("b.png")]);
        }
        assert!(picks.peek(&first.token, &[Logo], |_, _| Ok(())).is_err());
    }
}
