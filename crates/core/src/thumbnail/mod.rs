//! Thumbnails of image evidence (PNG, JPEG, WebP, GIF) and of the first page of PDFs, made once
//! and cached in the vault's `.thumbs` folder. Evidence comes from anyone, so decoding is fenced:
//! images decode in-process with size and memory limits; PDFs render in a child process with a
//! time and memory limit (a rasteriser crash or stack overflow costs one placeholder, not the
//! app). A file that failed is remembered, and only a few thumbnails decode at once.

mod worker;

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

use image::{ImageFormat, ImageReader, Limits};

pub use worker::{run_if_worker, Worker, WORKER_ARG};

use crate::error::{CoreError, Result};
use crate::layout::{THUMBS_DIR, VAULT_DIR};
use crate::workspace::Workspace;

/// The longest side of a thumbnail, in pixels.
pub const SIZE: u32 = 320;
const MAX_PIXELS_SIDE: u32 = 20_000;
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;
/// How many thumbnails decode at once: a gallery of 200 PDFs must not start 200 processes.
const AT_ONCE: usize = 2;

pub const PDF: &str = "application/pdf";

pub fn is_thumbnailable(media_type: &str) -> bool {
    matches!(
        media_type,
        "image/png" | "image/jpeg" | "image/webp" | "image/gif" | PDF
    )
}

/// A thumbnail to make: read `source`, write `dest`; `failed` records why it could not be made.
#[derive(Debug, Clone)]
pub struct Job {
    pub source: PathBuf,
    pub dest: PathBuf,
    pub failed: PathBuf,
    pub pdf: bool,
}

/// Writes a PNG thumbnail of the job's source to its destination (atomically), unless it exists
/// already. A file that could not be decoded before gets the same error at once, without being
/// decoded again (the marker is per app version, so a newer renderer tries again).
pub fn make(job: &Job, worker: &Worker) -> Result<()> {
    if job.dest.is_file() {
        return Ok(());
    }
    if let Some(reason) = remembered_failure(&job.failed) {
        return Err(CoreError::Invalid(reason));
    }
    let _slot = SLOTS.take();
    if job.dest.is_file() {
        return Ok(()); // made by another request while this one waited
    }
    let made = if job.pdf {
        worker.render_pdf(&job.source)
    } else {
        image_thumbnail(&job.source)
    };
    let dir = job.dest.parent().expect("thumbnail paths have parents");
    fs::create_dir_all(dir).map_err(CoreError::io("Could not write the thumbnail"))?;
    match made {
        Ok(png) => crate::files::write_atomically(&job.dest, &png),
        Err(err @ CoreError::Invalid(_)) => {
            // Only the file's own fault is remembered, never a full disk or a missing program.
            let _ = crate::files::write_atomically(&job.failed, err.to_string().as_bytes());
            Err(err)
        }
        Err(err) => Err(err),
    }
}

fn remembered_failure(marker: &Path) -> Option<String> {
    let file = crate::files::open_regular(marker, "A thumbnail failure note").ok()?;
    let bytes = crate::files::read_capped_from(file, 2048, "A thumbnail failure note").ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// A counting semaphore for decodes.
struct Slots {
    busy: Mutex<usize>,
    freed: Condvar,
}

static SLOTS: Slots = Slots {
    busy: Mutex::new(0),
    freed: Condvar::new(),
};

struct Slot;

impl Slots {
    fn take(&'static self) -> Slot {
        let mut busy = self.busy.lock().unwrap_or_else(|e| e.into_inner());
        while *busy >= AT_ONCE {
            busy = self.freed.wait(busy).unwrap_or_else(|e| e.into_inner());
        }
        *busy += 1;
        Slot
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        *SLOTS.busy.lock().unwrap_or_else(|e| e.into_inner()) -= 1;
        SLOTS.freed.notify_one();
    }
}

fn image_thumbnail(source: &Path) -> Result<Vec<u8>> {
    let unreadable = |e: &dyn std::fmt::Display| {
        CoreError::Invalid(format!("This file can't be read as an image ({e})."))
    };
    let mut reader = ImageReader::open(source)
        .map_err(CoreError::io("Could not open the vault file"))?
        .with_guessed_format()
        .map_err(CoreError::io("Could not read the vault file"))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_PIXELS_SIDE);
    limits.max_image_height = Some(MAX_PIXELS_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    // The decoders are memory-safe, but a panic in one must cost a placeholder, not the request.
    let decoded = std::panic::catch_unwind(move || reader.decode())
        .map_err(|_| unreadable(&"the decoder stopped on it"))?;
    let image = decoded.map_err(|e| unreadable(&e))?;
    let thumb = image.thumbnail(SIZE, SIZE);
    let mut png = Vec::new();
    thumb
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|e| unreadable(&e))?;
    Ok(png)
}

impl Workspace {
    /// Where the thumbnail of a vault file is (or will be) cached.
    pub fn thumbnail_path(&self, sha256: &str) -> Result<PathBuf> {
        Ok(self
            .root()
            .join(VAULT_DIR)
            .join(THUMBS_DIR)
            .join(format!("{}-{SIZE}.png", crate::vault::check_name(sha256)?)))
    }

    /// The thumbnail to make for `sha256`, checked to be a file the app previews. Callers make
    /// it (slow) without holding the workspace.
    pub fn thumbnail_job(&self, sha256: &str) -> Result<Job> {
        let (media_type, _) = self.vault_file_info(sha256)?;
        if !is_thumbnailable(&media_type) {
            return Err(CoreError::Invalid(format!(
                "No thumbnail is made for {media_type} files."
            )));
        }
        let dest = self.thumbnail_path(sha256)?;
        let failed = dest.with_extension(format!("{}.failed", env!("CARGO_PKG_VERSION")));
        Ok(Job {
            source: self.vault_path(sha256)?,
            dest,
            failed,
            pdf: media_type == PDF,
        })
    }
}
