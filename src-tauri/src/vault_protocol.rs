//! `vault://localhost/<sha256>[?thumb]`: how the webview reads evidence files and their
//! thumbnails. Only files the open workspace's vault holds are served, found by hash; nothing else
//! on disk is reachable. Work happens off the main thread so the window never waits on a file.
//! Protocol bodies are whole buffers, so big files are served in ranges (`Range: bytes=…`, as a
//! PDF viewer asks) and a whole-file answer is capped.

use guildbook_core::{thumbnail, CoreError, ErrorCode};
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{AppHandle, Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::AppState;

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// The most a whole-file answer carries; bigger files must be read in ranges.
const WHOLE_FILE_LIMIT: u64 = 256 * 1024 * 1024;
/// The most one range answer carries (a reader asks again for the rest).
const RANGE_LIMIT: u64 = 16 * 1024 * 1024;

/// Raster images are shown inline; everything else (SVG, PDF, text…) is served as an attachment,
/// so a vault file opened as a page is never rendered as one.
fn is_raster(media_type: &str) -> bool {
    matches!(
        media_type,
        "image/png" | "image/jpeg" | "image/gif" | "image/webp"
    )
}

fn response(status: StatusCode, media_type: &str) -> tauri::http::response::Builder {
    let disposition = if is_raster(media_type) {
        "inline"
    } else {
        "attachment"
    };
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, media_type)
        .header("X-Content-Type-Options", "nosniff")
        // Whatever a vault file holds, it runs nothing and loads nothing, even opened as a page.
        .header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; sandbox",
        )
        .header(header::CONTENT_DISPOSITION, disposition)
        .header(header::ACCEPT_RANGES, "bytes")
        // The scheme exists only inside this app's webview; the app's own origin differs from it.
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .header(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            "Content-Range, Content-Length, Accept-Ranges",
        )
}

fn reply(status: StatusCode, media_type: &str, body: Vec<u8>) -> Response<Vec<u8>> {
    response(status, media_type)
        .body(body)
        .expect("static headers are valid")
}

/// What a `Range` header asks of a file of `size` bytes.
#[derive(Debug, PartialEq)]
enum Wanted {
    Whole,
    /// Inclusive byte positions, already capped to `RANGE_LIMIT`.
    Part(u64, u64),
    Unsatisfiable,
}

/// Reads one `bytes=` range (the first, if several are asked for). Anything unreadable is
/// treated as no range at all, as HTTP says.
fn wanted(range: Option<&str>, size: u64) -> Wanted {
    let Some(spec) = range.and_then(|r| r.trim().strip_prefix("bytes=")) else {
        return Wanted::Whole;
    };
    let first = spec.split(',').next().unwrap_or("").trim();
    let Some((from, to)) = first.split_once('-') else {
        return Wanted::Whole;
    };
    let (start, end) = match (from.trim().parse::<u64>(), to.trim().parse::<u64>()) {
        (Ok(s), Ok(e)) if s <= e => (s, e.min(size.saturating_sub(1))),
        (Ok(s), Err(_)) if to.trim().is_empty() => (s, size.saturating_sub(1)),
        (Err(_), Ok(n)) if from.trim().is_empty() && n > 0 => {
            (size.saturating_sub(n), size.saturating_sub(1))
        }
        _ => return Wanted::Whole,
    };
    if size == 0 || start >= size {
        return Wanted::Unsatisfiable;
    }
    Wanted::Part(start, end.min(start + RANGE_LIMIT - 1))
}

fn read_part(path: &Path, start: u64, len: u64) -> std::io::Result<Vec<u8>> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(start))?;
    let mut body = Vec::with_capacity(len as usize);
    file.take(len).read_to_end(&mut body)?;
    Ok(body)
}

fn serve_file(path: &Path, media_type: &str, size: u64, range: Option<&str>) -> Response<Vec<u8>> {
    let missing = |e| {
        failure(CoreError::Io {
            context: "The vault file is missing; run Verify vault".into(),
            source: e,
        })
    };
    match wanted(range, size) {
        Wanted::Whole if size > WHOLE_FILE_LIMIT => reply(
            StatusCode::PAYLOAD_TOO_LARGE,
            "text/plain; charset=utf-8",
            format!(
                "This file is {:.0} MB; it is read in ranges, not whole.",
                size as f64 / 1e6
            )
            .into_bytes(),
        ),
        Wanted::Whole => match std::fs::read(path) {
            Ok(bytes) => reply(StatusCode::OK, media_type, bytes),
            Err(e) => missing(e),
        },
        Wanted::Part(start, end) => match read_part(path, start, end - start + 1) {
            Ok(bytes) => response(StatusCode::PARTIAL_CONTENT, media_type)
                .header(
                    header::CONTENT_RANGE,
                    format!("bytes {start}-{}/{size}", start + bytes.len() as u64 - 1),
                )
                .body(bytes)
                .expect("headers are valid"),
            Err(e) => missing(e),
        },
        Wanted::Unsatisfiable => response(StatusCode::RANGE_NOT_SATISFIABLE, "text/plain")
            .header(header::CONTENT_RANGE, format!("bytes */{size}"))
            .body(Vec::new())
            .expect("headers are valid"),
    }
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

fn serve<R: Runtime>(
    app: &AppHandle<R>,
    sha256: &str,
    thumb: bool,
    range: Option<&str>,
) -> Response<Vec<u8>> {
    let state = app.state::<AppState>();
    if thumb {
        // Hold the workspace only to find the paths; decoding happens without it.
        let job = state.with(|ws| ws.thumbnail_job(sha256));
        let made = job.and_then(|job| {
            thumbnail::make(&job, &thumbnail::Worker::this_program()?).map(|_| job.dest)
        });
        return match made {
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
    // As with thumbnails, the workspace is held only to find the file, not to read it.
    match state.with(|ws| Ok((ws.vault_file_info(sha256)?, ws.vault_path(sha256)?))) {
        Ok(((media_type, size), path)) => serve_file(&path, &media_type, size, range),
        Err(err) => failure(err),
    }
}

pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let sha256 = request.uri().path().trim_start_matches('/').to_string();
    if guildbook_core::vault::check_name(&sha256).is_err() {
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
    let range = request
        .headers()
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let app = ctx.app_handle().clone();
    std::thread::spawn(move || responder.respond(serve(&app, &sha256, thumb, range.as_deref())));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_read_as_http_says() {
        let size = 1000;
        assert_eq!(wanted(None, size), Wanted::Whole);
        assert_eq!(wanted(Some("bytes=0-99"), size), Wanted::Part(0, 99));
        assert_eq!(wanted(Some("bytes=900-"), size), Wanted::Part(900, 999));
        assert_eq!(wanted(Some("bytes=-100"), size), Wanted::Part(900, 999));
        assert_eq!(
            wanted(Some("bytes=990-5000"), size),
            Wanted::Part(990, 999),
            "clipped to the file"
        );
        assert_eq!(
            wanted(Some("bytes=0-9, 20-29"), size),
            Wanted::Part(0, 9),
            "the first of several"
        );
        assert_eq!(wanted(Some("bytes=1000-"), size), Wanted::Unsatisfiable);
        assert_eq!(wanted(Some("bytes=0-0"), 0), Wanted::Unsatisfiable);
        for nonsense in [
            "items=0-1",
            "bytes=9-3",
            "bytes=x-y",
            "bytes=-0",
            "bytes=",
            "bytes=5",
        ] {
            assert_eq!(wanted(Some(nonsense), size), Wanted::Whole, "{nonsense}");
        }
        let huge = 10 * RANGE_LIMIT;
        assert_eq!(
            wanted(Some("bytes=0-"), huge),
            Wanted::Part(0, RANGE_LIMIT - 1),
            "capped per answer"
        );
    }

    #[test]
    fn a_part_is_the_bytes_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, (0..=255u8).collect::<Vec<_>>()).unwrap();
        let r = serve_file(&path, "application/pdf", 256, Some("bytes=10-19"));
        assert_eq!(r.status(), StatusCode::PARTIAL_CONTENT);
        assert_eq!(r.headers()[header::CONTENT_RANGE], "bytes 10-19/256");
        assert_eq!(r.body(), &(10..20u8).collect::<Vec<_>>());
        let whole = serve_file(&path, "application/pdf", 256, None);
        assert_eq!((whole.status(), whole.body().len()), (StatusCode::OK, 256));
        let gone = serve_file(&dir.path().join("missing"), "image/png", 256, None);
        assert_eq!(gone.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn nothing_served_runs_and_only_raster_images_show_inline() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"<svg><script>alert(1)</script></svg>").unwrap();
        let svg = serve_file(&path, "image/svg+xml", 36, None);
        assert_eq!(
            svg.headers()[header::CONTENT_SECURITY_POLICY],
            "default-src 'none'; sandbox"
        );
        assert_eq!(svg.headers()[header::CONTENT_DISPOSITION], "attachment");
        let png = serve_file(&path, "image/png", 36, None);
        assert_eq!(png.headers()[header::CONTENT_DISPOSITION], "inline");
        assert_eq!(
            serve_file(&path, "application/pdf", 36, None).headers()[header::CONTENT_DISPOSITION],
            "attachment"
        );
    }
}
