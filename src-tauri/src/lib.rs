//! The desktop shell: a thin layer that turns IPC calls into calls on `guildbook-core`.
//! No SQL and no business rules live here.

mod commands;
mod files;
mod menu;
mod navigation;
mod state;
mod vault_protocol;

#[cfg(test)]
mod ipc_contract;

use std::time::Instant;

use tauri::{Manager, RunEvent, WindowEvent};

/// Every IPC command, plus any given (the test build's own). build.rs lists the same names for
/// the app's permission manifest; a test keeps the two, the capability and the UI in step.
macro_rules! handler {
    ($($extra:path),*) => {
        tauri::generate_handler![
            files::file_pick,
            commands::workspace::app_status,
            commands::workspace::app_ready,
            commands::workspace::workspace_open,
            commands::workspace::workspace_open_recent,
            commands::workspace::workspace_create,
            commands::workspace::workspace_open_demo,
            commands::workspace::workspace_rename,
            commands::ladder::templates_list,
            commands::ladder::roles_list,
            commands::ladder::role_create,
            commands::ladder::role_update,
            commands::ladder::role_duplicate,
            commands::ladder::role_set_archived,
            commands::ladder::role_set_related,
            commands::ladder::ladder_get,
            commands::ladder::ladder_get_version,
            commands::ladder::ladder_versions,
            commands::ladder::ladder_edit,
            commands::ladder::ladder_set_content,
            commands::ladder::ladder_publish,
            commands::ladder::ladder_discard_draft,
            commands::ladder::ladder_diff,
            commands::ladder::ladder_import,
            commands::ladder::ladder_export,
            commands::roster::roster_query,
            commands::roster::contractor_profile,
            commands::roster::contractor_add,
            commands::roster::contractor_update,
            commands::roster::contractor_set_status,
            commands::roster::contractor_set_level,
            commands::roster::engagement_add,
            commands::roster::engagement_update,
            commands::roster::pay_bands,
            commands::roster::pay_band_set,
            commands::roster::contractor_csv_preview,
            commands::roster::contractor_csv_import,
            commands::evidence::evidence_list,
            commands::evidence::evidence_add_files,
            commands::evidence::evidence_add,
            commands::evidence::evidence_add_revision,
            commands::evidence::evidence_revisions,
            commands::evidence::evidence_link,
            commands::evidence::cell_progress,
            commands::evidence::evidence_unlink,
            commands::evidence::vault_verify,
            commands::review::portfolio,
            commands::review::evidence_rubric,
            commands::review::annotations,
            commands::review::annotation_add,
            commands::review::annotation_delete,
            commands::review::review_decide,
            commands::review::review_decisions,
            commands::review::critiques,
            commands::review::critique_save,
            commands::assessment::assessors_list,
            commands::assessment::assessor_add_local,
            commands::assessment::assessments_list,
            commands::assessment::assessment_create,
            commands::assessment::assessor_add_external,
            commands::assessment::assessment_record_paid,
            commands::assessment::assessment_get,
            commands::assessment::assessment_rate,
            commands::assessment::assessment_attach,
            commands::assessment::assessment_summary,
            commands::assessment::assessment_detach,
            commands::assessment::assessment_pay_totals,
            commands::assessment::assessment_status,
            commands::assessment::assessment_sign,
            commands::assessment::assessment_export,
            commands::assessment::assessment_import,
            commands::assessment::progression_propose,
            commands::assessment::progression_apply,
            commands::assessment::advancement_rule,
            commands::assessment::advancement_rule_set,
            commands::assessment::review_queue,
            commands::assessment::review_start,
            commands::assessment::timeline,
            commands::credential::credentials_list,
            commands::credential::credential_get,
            commands::credential::credential_save,
            commands::credential::credential_archive,
            commands::credential::badge_preview,
            commands::credential::badge_image_add,
            commands::credential::credential_holders,
            commands::credential::awards_of,
            commands::credential::awards_expiring,
            commands::credential::award_gaps,
            commands::credential::award_create,
            commands::credential::award_revoke,
            commands::credential::work_areas_list,
            commands::credential::work_area_save,
            commands::credential::clearance_list,
            commands::credential::clearance_check,
            commands::credential::issuer_profile,
            commands::credential::issuer_profile_set,
            commands::credential::award_export,
            commands::credential::badge_verify,
            commands::credential::issuer_keys,
            commands::credential::issuer_key_rotate,
            commands::credential::issuer_key_compromised,
            commands::credential::issuer_publish,
            commands::document::certificate_pdf,
            commands::document::certificate_save,
            commands::document::guide_pdf,
            commands::document::guide_save,
            commands::document::certificate_verify_code,
            commands::document::issuer_logo_add,
            commands::document::certificates_export,
            commands::document::certificates_cancel,
            commands::staffing::needs,
            commands::staffing::need_add,
            commands::staffing::need_set_status,
            commands::staffing::need_matches,
            commands::staffing::need_offers,
            commands::staffing::contractor_offers,
            commands::staffing::offer_send,
            commands::staffing::offer_accept,
            commands::staffing::offer_decline,
            commands::staffing::offer_withdraw,
            commands::staffing::pool_rule,
            commands::staffing::pool_rule_set,
            commands::staffing::pool_members,
            commands::insights::delivery_events,
            commands::insights::delivery_event_add,
            commands::insights::delivery_event_delete,
            commands::insights::events_csv_preview,
            commands::insights::events_csv_import,
            commands::insights::kpi_definitions,
            commands::insights::kpis,
            commands::insights::kpi_rows,
            commands::insights::pilots,
            commands::insights::pilot_create,
            commands::insights::pilot_set_assumptions,
            commands::insights::pilot_review,
            commands::insights::program_costs,
            commands::insights::program_cost_add,
            commands::insights::program_cost_delete,
            commands::document::pilot_report_pdf,
            commands::document::pilot_report_save,
            $($extra,)*
        ]
    };
}

fn invoke_handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
    #[cfg(feature = "e2e")]
    return handler![files::e2e_drop];
    #[cfg(not(feature = "e2e"))]
    handler![]
}

pub fn run() {
    let started = Instant::now();
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(navigation::guard())
        .register_asynchronous_uri_scheme_protocol("vault", vault_protocol::handle)
        .setup(move |app| {
            let state = state::AppState::new(app.handle(), started)?;
            app.manage(state);
            menu::install(app)?;
            #[cfg(feature = "e2e")]
            app.add_capability(include_str!("../capabilities-e2e/e2e.json"))?;
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::DragDrop(drop) = event {
                files::on_drag_drop(window, drop);
            }
        })
        .invoke_handler(invoke_handler())
        .build(tauri::generate_context!())
        .expect("error while building Guildbook");
    app.run(|app, event| {
        if let RunEvent::Exit = event {
            // A copied guildbook.db alone then holds every committed change.
            app.state::<state::AppState>().close();
        }
    });
}
