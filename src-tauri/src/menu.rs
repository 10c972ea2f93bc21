//! The native menu. Undo and redo have no accelerators here: the UI handles Ctrl/Cmd+Z itself, so
//! text fields keep their own undo.
//! Items that need the UI (dialogs, navigation) are forwarded as a `menu` event
//! carrying the item's id; the UI decides what to do.

use tauri::menu::{MenuBuilder, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{App, Emitter};

pub fn install(app: &mut App) -> tauri::Result<()> {
    let item = |id: &str, label: &str, accel: Option<&str>| {
        let b = MenuItemBuilder::with_id(id, label);
        match accel {
            Some(a) => b.accelerator(a).build(app),
            None => b.build(app),
        }
    };
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("workspace-new", "New Workspace…", None)?)
        .item(&item(
            "workspace-open",
            "Open Workspace…",
            Some("CmdOrCtrl+O"),
        )?)
        .item(&item("workspace-demo", "Open Demo Workspace", None)?)
        .separator()
        .item(&item(
            "ladder-import",
            "Import Ladder…",
            Some("CmdOrCtrl+I"),
        )?)
        .separator()
        .item(&PredefinedMenuItem::quit(app, None)?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item("undo", "Undo", None)?)
        .item(&item("redo", "Redo", None)?)
        .separator()
        .item(&PredefinedMenuItem::cut(app, None)?)
        .item(&PredefinedMenuItem::copy(app, None)?)
        .item(&PredefinedMenuItem::paste(app, None)?)
        .item(&PredefinedMenuItem::select_all(app, None)?)
        .build()?;
    let menu = MenuBuilder::new(app).items(&[&file, &edit]).build()?;
    app.set_menu(menu)?;
    app.on_menu_event(|app, event| {
        let _ = app.emit("menu", event.id().0.as_str());
    });
    Ok(())
}
