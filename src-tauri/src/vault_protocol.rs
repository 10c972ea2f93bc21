//! `vault://localhost/<sha256>`: how the webview reads evidence files. It serves only files the
//! open workspace's vault holds, found by hash; nothing else on disk is reachable.

use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext};

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

pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
) -> Response<Vec<u8>> {
    let sha256 = request.uri().path().trim_start_matches('/');
    if sha256.len() != 64
        || !sha256
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    {
        return reply(
            StatusCode::BAD_REQUEST,
            "text/plain",
            b"not a vault address".to_vec(),
        );
    }
    let state = ctx.app_handle().state::<AppState>();
    let found = state.with(|ws| ws.vault_file(sha256));
    match found {
        Ok((media_type, bytes)) => reply(StatusCode::OK, &media_type, bytes),
        Err(err) => reply(
            StatusCode::NOT_FOUND,
            "text/plain",
            err.to_string().into_bytes(),
        ),
    }
}
