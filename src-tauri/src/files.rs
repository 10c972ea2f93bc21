//! Files the person chooses: native dialogs opened here, in Rust, and drops taken from the
//! window's own drag-and-drop event. The page gets a token and the names to show; it never sends
//! a path (a script in the webview has nothing to read or overwrite with).

use std::path::PathBuf;

use guildbook_core::picking::{
    DialogKind, DropPosition, FileDrop, FileDropKind, FilePurpose, PickedFiles,
};
use guildbook_core::vault::display_name;
use guildbook_core::CoreError;
use tauri::{AppHandle, DragDropEvent, Emitter, Manager, State, Window};

use crate::commands::CmdResult;
use crate::state::AppState;

/// Opens the dialog for `purpose` and keeps what was chosen; null when cancelled. `title` and
/// `suggested_name` only shape the dialog (a suggested name loses any folders).
#[tauri::command(async)]
pub fn file_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    purpose: FilePurpose,
    title: Option<String>,
    suggested_name: Option<String>,
) -> CmdResult<Option<PickedFiles>> {
    let spec = purpose.dialog().ok_or_else(|| {
        CoreError::Invalid("Dropped files come from the window, not from a dialog.".into())
    })?;
    let title: String = title
        .map(|t| t.chars().filter(|c| !c.is_control()).take(200).collect())
        .unwrap_or_else(|| spec.title.into());
    let suggested = suggested_name.map(|n| display_name(std::path::Path::new(&n)));
    let chosen = dialog::choose(&app, spec.kind, &title, spec.filter, suggested)?;
    Ok(chosen
        .filter(|paths| !paths.is_empty())
        .map(|paths| state.picks.add(purpose, paths)))
}

/// Turns the window's drag-and-drop events into `file-drop` events for the page; the dropped
/// paths stay here, behind a token.
pub fn on_drag_drop(window: &Window, event: &DragDropEvent) {
    let position = |p: &tauri::PhysicalPosition<f64>| Some(DropPosition { x: p.x, y: p.y });
    let drop = match event {
        DragDropEvent::Enter { position: p, .. } => FileDrop {
            kind: FileDropKind::Enter,
            position: position(p),
            picked: None,
        },
        DragDropEvent::Over { position: p } => FileDrop {
            kind: FileDropKind::Over,
            position: position(p),
            picked: None,
        },
        DragDropEvent::Drop { paths, position: p } => {
            dropped(window.app_handle(), paths, position(p))
        }
        _ => FileDrop {
            kind: FileDropKind::Leave,
            position: None,
            picked: None,
        },
    };
    let _ = window.emit_to(window.label(), "file-drop", drop);
}

fn dropped(app: &AppHandle, paths: &[PathBuf], position: Option<DropPosition>) -> FileDrop {
    let state = app.state::<AppState>();
    FileDrop {
        kind: FileDropKind::Drop,
        position,
        picked: Some(state.picks.add(FilePurpose::Dropped, paths.to_vec())),
    }
}

/// Test builds: end-to-end tests can't drive native dialogs or drag files from a desktop, so the
/// answers come from a file the test writes (`GUILDBOOK_E2E_DIALOGS`, a JSON list: null for
/// "cancelled", a path, or a list of paths), and `e2e_drop` drops the next answer on the window.
#[cfg(feature = "e2e")]
mod dialog {
    use super::*;

    pub fn choose(
        _app: &AppHandle,
        _kind: DialogKind,
        _title: &str,
        _filter: Option<(&str, &[&str])>,
        _suggested: Option<String>,
    ) -> CmdResult<Option<Vec<PathBuf>>> {
        next_answer()
    }

    pub fn next_answer() -> CmdResult<Option<Vec<PathBuf>>> {
        let file = std::env::var_os("GUILDBOOK_E2E_DIALOGS")
            .map(PathBuf::from)
            .ok_or_else(|| {
                CoreError::Invalid("No dialog answers were given to this test build.".into())
            })?;
        let text = std::fs::read_to_string(&file).unwrap_or_else(|_| "[]".into());
        let mut answers: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap_or_default();
        if answers.is_empty() {
            return Err(CoreError::Invalid(
                "The test queued no answer for this dialog.".into(),
            ));
        }
        let answer = answers.remove(0);
        let _ = std::fs::write(
            &file,
            serde_json::to_string(&answers).expect("JSON serialises"),
        );
        let paths = match answer {
            serde_json::Value::Null => return Ok(None),
            serde_json::Value::String(p) => vec![PathBuf::from(p)],
            serde_json::Value::Array(list) => list
                .iter()
                .filter_map(|p| p.as_str().map(PathBuf::from))
                .collect(),
            _ => vec![],
        };
        Ok(Some(paths))
    }
}

#[cfg(not(feature = "e2e"))]
mod dialog {
    use super::*;
    use tauri_plugin_dialog::{DialogExt, FilePath};

    /// Runs on a command's worker thread: the blocking pickers must never run on the main one.
    pub fn choose(
        app: &AppHandle,
        kind: DialogKind,
        title: &str,
        filter: Option<(&str, &[&str])>,
        suggested: Option<String>,
    ) -> CmdResult<Option<Vec<PathBuf>>> {
        let mut builder = app.dialog().file().set_title(title);
        if let Some((name, extensions)) = filter {
            builder = builder.add_filter(name, extensions);
        }
        if let Some(name) = suggested {
            builder = builder.set_file_name(name);
        }
        let one = |p: Option<FilePath>| p.map(|p| vec![p]);
        let picked = match kind {
            DialogKind::OpenFile => one(builder.blocking_pick_file()),
            DialogKind::OpenFiles => builder.blocking_pick_files(),
            DialogKind::Folder => one(builder.blocking_pick_folder()),
            DialogKind::SaveFile => one(builder.blocking_save_file()),
        };
        Ok(picked.map(|paths| {
            paths
                .into_iter()
                .filter_map(|p| p.into_path().ok())
                .collect()
        }))
    }
}

/// Test builds only: drops the next queued answer on the window at (x, y), as a person dragging
/// files from the desktop would.
#[cfg(feature = "e2e")]
#[tauri::command(async)]
pub fn e2e_drop(window: Window, x: f64, y: f64) -> CmdResult<()> {
    let paths = dialog::next_answer()?.unwrap_or_default();
    let position = tauri::PhysicalPosition::new(x, y);
    on_drag_drop(
        &window,
        &DragDropEvent::Enter {
            paths: paths.clone(),
            position,
        },
    );
    on_drag_drop(&window, &DragDropEvent::Over { position });
    on_drag_drop(&window, &DragDropEvent::Drop { paths, position });
    Ok(())
}
