pub mod assessing;

use guildbook_core::ladder::templates::Template;
use guildbook_core::ladder::{Ladder, NewRole, RoleKind};
use guildbook_core::roster::ContractorInput;
use guildbook_core::Workspace;
use tempfile::TempDir;

pub fn workspace() -> (TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::create(&dir.path().join("ws"), Some("Test")).unwrap();
    (dir, ws)
}

pub fn role(ws: &mut Workspace, name: &str, template: Option<Template>) -> Ladder {
    ws.create_role(NewRole {
        name: name.into(),
        kind: RoleKind::Technical,
        description: String::new(),
        template,
    })
    .unwrap()
}

/// Everything a user could see in the workspace, to prove a failed action changed nothing.
pub fn snapshot(ws: &Workspace) -> String {
    let mut out = String::new();
    for role in ws.list_roles(true).unwrap() {
        out.push_str(&format!("{role:?}\n"));
        out.push_str(&format!("{:?}\n", ws.ladder(&role.id).unwrap().content));
        out.push_str(&format!("{:?}\n", ws.ladder_versions(&role.id).unwrap()));
    }
    out
}

/// A new contractor with only a name; their id.
pub fn person(ws: &mut Workspace, name: &str) -> String {
    ws.add_contractor(&ContractorInput {
        name: name.into(),
        ..Default::default()
    })
    .unwrap()
    .id
}

/// Writes `bytes` to `name` in `dir` and answers the path.
pub fn file(dir: &std::path::Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}
