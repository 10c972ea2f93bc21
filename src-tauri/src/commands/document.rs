//! Printable documents: previews (PDF bytes for the viewer), Save as…, certificate batches on
//! their own thread and their own database connection (progress as `certificates-progress`
//! events, cancel with `certificates_cancel`), and checking a certificate's code.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use guildbook_core::documents::{
    load_fonts, unused_folder, BatchOutcome, BatchTarget, CertificateVerification, Fonts, Paper,
};
use guildbook_core::files::write_atomically;
use guildbook_core::picking::{first, FilePurpose};
use guildbook_core::{CoreError, Workspace};
use serde::Serialize;
use tauri::ipc::Response;
use tauri::{AppHandle, Emitter, State};

use super::CmdResult;
use crate::state::AppState;

/// The typeface, parsed once for the life of the app.
fn fonts() -> CmdResult<&'static Fonts> {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    if let Some(fonts) = FONTS.get() {
        return Ok(fonts);
    }
    let fonts = load_fonts()?;
    Ok(FONTS.get_or_init(|| fonts))
}

/// The batch running now, to cancel.
static RUNNING: Mutex<Option<Arc<AtomicBool>>> = Mutex::new(None);

#[tauri::command(async)]
pub fn certificate_pdf(
    state: State<'_, AppState>,
    award_id: String,
    paper: Paper,
) -> CmdResult<Response> {
    let pdf = state.with(|ws| ws.certificate_pdf(&state.keys, fonts()?, &award_id, paper))?;
    Ok(Response::new(pdf))
}

#[tauri::command(async)]
pub fn certificate_save(
    state: State<'_, AppState>,
    award_id: String,
    paper: Paper,
    picked: String,
) -> CmdResult<()> {
    let pdf = state.with(|ws| ws.certificate_pdf(&state.keys, fonts()?, &award_id, paper))?;
    save_pdf(&state, &picked, &pdf)
}

fn save_pdf(state: &AppState, picked: &str, pdf: &[u8]) -> CmdResult<()> {
    state
        .picks
        .use_file(picked, &[FilePurpose::SavePdf], |path| {
            write_atomically(path, pdf)
        })
}

#[tauri::command(async)]
pub fn guide_pdf(state: State<'_, AppState>, role_id: String, paper: Paper) -> CmdResult<Response> {
    let pdf = state.with(|ws| ws.guide_pdf(fonts()?, &role_id, paper))?;
    Ok(Response::new(pdf))
}

#[tauri::command(async)]
pub fn guide_save(
    state: State<'_, AppState>,
    role_id: String,
    paper: Paper,
    picked: String,
) -> CmdResult<()> {
    let pdf = state.with(|ws| ws.guide_pdf(fonts()?, &role_id, paper))?;
    save_pdf(&state, &picked, &pdf)
}

#[tauri::command(async)]
pub fn pilot_report_pdf(
    state: State<'_, AppState>,
    pilot_id: String,
    paper: Paper,
) -> CmdResult<Response> {
    let pdf = state.with(|ws| ws.pilot_report_pdf(fonts()?, &pilot_id, paper, None))?;
    Ok(Response::new(pdf))
}

#[tauri::command(async)]
pub fn pilot_report_save(
    state: State<'_, AppState>,
    pilot_id: String,
    paper: Paper,
    picked: String,
) -> CmdResult<()> {
    let pdf = state.with(|ws| ws.pilot_report_pdf(fonts()?, &pilot_id, paper, None))?;
    save_pdf(&state, &picked, &pdf)
}

/// Checks a certificate from its QR text or its short code.
#[tauri::command(async)]
pub fn certificate_verify_code(
    state: State<'_, AppState>,
    text: String,
) -> CmdResult<CertificateVerification> {
    state.with(|ws| ws.verify_certificate_code(&text))
}

/// A logo (PNG, JPEG or SVG) chosen in the native dialog, read through and kept in the vault.
#[tauri::command(async)]
pub fn issuer_logo_add(state: State<'_, AppState>, picked: String) -> CmdResult<String> {
    state.picks.use_file(&picked, &[FilePurpose::Logo], |path| {
        state.with(|ws| ws.add_logo_image(path))
    })
}

#[derive(Clone, Serialize)]
struct Progress {
    done: u32,
    total: u32,
}

/// Prints the certificates of `award_ids` into a new folder `folder_name` inside the folder the
/// person chose, or into the ZIP file they chose; null when cancelled (nothing is left on disk).
#[tauri::command]
pub async fn certificates_export(
    app: AppHandle,
    state: State<'_, AppState>,
    award_ids: Vec<String>,
    paper: Paper,
    picked: String,
    folder_name: String,
) -> CmdResult<Option<BatchOutcome>> {
    let root = state.with(|ws| Ok(ws.root().to_path_buf()))?;
    let keys = state.keys.clone();
    let purposes = [
        FilePurpose::CertificatesFolder,
        FilePurpose::CertificatesZip,
    ];
    let target = state.picks.use_once(&picked, &purposes, |purpose, paths| {
        let chosen = first(paths)?;
        Ok(match purpose {
            FilePurpose::CertificatesFolder => {
                BatchTarget::Folder(unused_folder(chosen, &folder_name))
            }
            _ => BatchTarget::Zip(chosen.to_path_buf()),
        })
    })?;
    let cancel = Arc::new(AtomicBool::new(false));
    *RUNNING.lock().unwrap_or_else(|e| e.into_inner()) = Some(cancel.clone());
    let result = tauri::async_runtime::spawn_blocking(move || {
        // A connection of its own: the rest of the app keeps working while the batch runs.
        let mut ws = Workspace::open(&root)?;
        let mut progress = |done, total| {
            let _ = app.emit("certificates-progress", Progress { done, total });
        };
        ws.export_certificates(&keys, &award_ids, paper, &target, &mut progress, &cancel)
    })
    .await
    .map_err(|e| CoreError::Invalid(format!("The batch stopped unexpectedly: {e}")))?;
    *RUNNING.lock().unwrap_or_else(|e| e.into_inner()) = None;
    Ok(result?.ok())
}

#[tauri::command]
pub fn certificates_cancel() {
    if let Some(flag) = RUNNING.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
        flag.store(true, Ordering::Relaxed);
    }
}
