//! The IPC surface, checked from the sources: the commands lib.rs registers, the permission
//! manifest build.rs declares, the capability the window gets and the UI's api module all name the
//! same commands, and no command takes a filesystem path from the webview.

use std::collections::BTreeSet;

const LIB: &str = include_str!("lib.rs");
const BUILD: &str = include_str!("../build.rs");
const CAPABILITY: &str = include_str!("../capabilities/main.json");
const API: &str = include_str!("../../ui/src/lib/api/index.ts");
const CONFIG: &str = include_str!("../../tauri.conf.json");

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).expect(start) + start.len();
    let to = from + text[from..].find(end).expect(end);
    &text[from..to]
}

fn registered() -> BTreeSet<String> {
    between(LIB, "tauri::generate_handler![", "$(")
        .split(',')
        .filter_map(|path| path.trim().rsplit("::").next())
        .filter(|name| !name.is_empty())
        .map(String::from)
        .collect()
}

fn quoted(list: &str) -> BTreeSet<String> {
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

#[test]
fn lib_build_capability_and_ui_name_the_same_commands() {
    let commands = registered();
    assert!(commands.len() > 100, "{commands:?}");
    let manifest = quoted(between(BUILD, "const COMMANDS: &[&str] = &[", "];"));
    assert_eq!(commands, manifest, "build.rs COMMANDS and lib.rs disagree");

    let capability: serde_json::Value = serde_json::from_str(CAPABILITY).unwrap();
    let allowed: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    assert_eq!(commands, allowed, "the capability and lib.rs disagree");
    let others: Vec<&str> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.starts_with("allow-"))
        .collect();
    assert_eq!(
        others,
        ["core:event:allow-listen", "core:event:allow-unlisten"]
    );

    // The UI reaches the backend only through `call('name', …)` in its api module.
    let called: BTreeSet<String> = API
        .split("call")
        .skip(1)
        .filter_map(|rest| {
            let open = rest.find('(')?;
            let generic = &rest[..open];
            if !(generic.is_empty() || generic.starts_with('<')) {
                return None;
            }
            let arg = rest[open + 1..].trim_start().strip_prefix('\'')?;
            Some(arg[..arg.find('\'')?].to_string())
        })
        .collect();
    assert_eq!(commands, called, "the UI's api module and lib.rs disagree");
}

#[test]
fn no_command_takes_a_path_from_the_webview() {
    let sources = [
        include_str!("files.rs"),
        include_str!("commands/assessment.rs"),
        include_str!("commands/credential.rs"),
        include_str!("commands/document.rs"),
        include_str!("commands/evidence.rs"),
        include_str!("commands/ladder.rs"),
        include_str!("commands/review.rs"),
        include_str!("commands/roster.rs"),
        include_str!("commands/workspace.rs"),
    ];
    let mut seen = 0;
    for source in sources {
        for command in source.split("#[tauri::command").skip(1) {
            let params = between(command, "(", ")");
            let name = between(command, "fn ", "(");
            seen += 1;
            for bad in [
                "PathBuf", "&Path", "path:", "paths:", "dir:", "folder:", "file:", "dest",
            ] {
                assert!(!params.contains(bad), "{name} takes `{bad}`: {params}");
            }
        }
    }
    assert!(seen > 100, "{seen} commands checked");
}

#[test]
fn the_cli_finds_the_apps_settings_folder() {
    let config: serde_json::Value = serde_json::from_str(CONFIG).unwrap();
    assert_eq!(
        config["identifier"],
        guildbook_core::keystore::SETTINGS_FOLDER
    );
}
