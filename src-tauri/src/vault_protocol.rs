//! `vault://localhost/<sha256>[?thumb]`: how the webview reads evidence files and their
//! thumbnails. Only files the open workspace's vault holds are served, found by hash; nothing else
//! on disk is reachable. Work happens off the main thread so the window never waits on a file.

use guildbook_core::{thumbnail, CoreError, ErrorCode};
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{AppHandle, Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::AppState;

fn reply(status: StatusCode, media_type: &str, body: Vec<u8>) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, media_type)
        .header("X-Content-Type-Options", "nosniff")
        // The scheme exists only inside this app's webview; the app's own origin differs from it.
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .body(body)
        .expect("static headers are valid")
}

fn failure(err: CoreError) -> Response<Vec<u8>> {
    let status = match err.code() {
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    reply(
        status,
        "text/plain; charset=utf-8",
        err.to_string().into_bytes(),
    )
}

fn serve<R: Runtime>(app: &AppHandle<R>, sha256: &str, thumb: bool) -> Response<Vec<u8>> {
    let state = app.state::<AppState>();
    if thumb {
        // Hold the workspace only to find the paths; decoding happens without it.
        let job = state.with(|ws| ws.thumbnail_job(sha256));
        return match job.and_then(|(source, dest)| thumbnail::make(&source, &dest).map(|_| dest)) {
            Ok(dest) => match std::fs::read(dest) {
                Ok(bytes) => reply(StatusCode::OK, "image/png", bytes),
                Err(e) => failure(CoreError::Io {
                    context: "Could not read the thumbnail".into(),
                    source: e,
                }),
            },
            Err(err) => failure(err),
        };
    }
    match state.with(|ws| ws.vault_file(sha256)) {
        Ok((media_type, bytes)) => reply(StatusCode::OK, &media_type, bytes),
        Err(err) => failure(err),
    }
}

pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let sha256 = request.uri().path().trim_start_matches('/').to_string();
    if sha256.len() != 64
        || !sha256
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        responder.respond(reply(
            StatusCode::BAD_REQUEST,
            "text/plain",
            b"not a vault address".to_vec(),
        ));
        return;
    }
    let thumb = request
        .uri()
        .query()
        .is_some_and(|q| q.split('&').any(|p| p == "thumb"));
    let app = ctx.app_handle().clone();
    std::thread::spawn(move || responder.respond(serve(&app, &sha256, thumb)));
}
