// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Started again to render a PDF preview out of harm's way: that, and nothing else.
    guildbook_core::thumbnail::run_if_worker();
    guildbook_app_lib::run();
}
