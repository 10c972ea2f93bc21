//! Certificates in batches: all of a credential's holders (or any list of awards) to a new
//! folder or a ZIP file, all or nothing. Files are written beside the destination under a
//! temporary name and moved into place only when every certificate is done, so a cancelled or
//! failed batch leaves nothing behind.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use guildbook_pdf as pdf;
use serde::Serialize;
use ts_rs::TS;

use super::certificate::CertificatePrinter;
use super::{pdf_error, Paper};
use crate::credentials::AwardStatus;
use crate::error::{CoreError, Result};
use crate::keystore::KeyStore;
use crate::workspace::Workspace;

/// Where a batch goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchTarget {
    /// A folder that does not exist yet (or is empty); made whole at the end.
    Folder(PathBuf),
    /// A ZIP file, replaced whole at the end if it exists.
    Zip(PathBuf),
}

impl BatchTarget {
    /// A path ending in `.zip` is a ZIP file; anything else a folder.
    pub fn from_path(path: &Path) -> BatchTarget {
        let is_zip = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        if is_zip {
            BatchTarget::Zip(path.to_path_buf())
        } else {
            BatchTarget::Folder(path.to_path_buf())
        }
    }
    fn path(&self) -> &Path {
        match self {
            BatchTarget::Folder(p) | BatchTarget::Zip(p) => p,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BatchOutcome {
    pub path: String,
    pub written: u32,
    /// Awards left out, with why ("Priya Natarajan: revoked").
    pub skipped: Vec<String>,
}

/// The batch was cancelled; nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// `parent/name`, or `parent/name (2)`… when that is taken: a new folder for a batch.
pub fn unused_folder(parent: &Path, name: &str) -> PathBuf {
    let base = file_stem(name);
    (1..)
        .map(|n| match n {
            1 => parent.join(&base),
            n => parent.join(format!("{base} ({n})")),
        })
        .find(|p| !p.exists())
        .expect("some name is free")
}

impl Workspace {
    /// Prints the certificates of `award_ids` to `target`, calling `progress(done, total)` after
    /// each. Revoked awards are skipped and named. `cancel` stops the batch between certificates:
    /// then the answer is `Ok(Err(Cancelled))` and nothing is left on disk.
    pub fn export_certificates(
        &mut self,
        keys: &KeyStore,
        award_ids: &[String],
        paper: Paper,
        target: &BatchTarget,
        progress: &mut dyn FnMut(u32, u32),
        cancel: &AtomicBool,
    ) -> Result<std::result::Result<BatchOutcome, Cancelled>> {
        check_target(target)?;
        let fonts = super::load_fonts()?;
        let mut printer = CertificatePrinter::new(self, keys)?;
        let mut staging = Staging::new(target)?;
        let total = award_ids.len() as u32;
        let mut names = HashSet::new();
        let mut skipped = Vec::new();
        let mut written = 0;
        let mut done = 0;
        // Models come from the database on this thread; drawing, most of the time, runs on every
        // core. Cancel and progress are checked between chunks of a few certificates.
        for chunk in award_ids.chunks(CHUNK) {
            if cancel.load(Ordering::Relaxed) {
                return Ok(Err(Cancelled));
            }
            let mut models = Vec::with_capacity(chunk.len());
            for id in chunk {
                let award = self.award(id)?;
                if award.status == AwardStatus::Revoked {
                    skipped.push(format!("{}: revoked", award.contractor_name));
                    continue;
                }
                let name = unique_name(
                    &mut names,
                    &format!("{} - {}", award.contractor_name, award.credential_name),
                );
                models.push((name, printer.model(self, &award, paper)?));
            }
            for ((name, _), pdf) in models.iter().zip(draw_all(&fonts, &models)?) {
                staging.add(name, &pdf)?;
                written += 1;
            }
            done += chunk.len() as u32;
            progress(done, total);
        }
        if cancel.load(Ordering::Relaxed) {
            return Ok(Err(Cancelled));
        }
        let path = staging.finish()?;
        Ok(Ok(BatchOutcome {
            path: path.display().to_string(),
            written,
            skipped,
        }))
    }
}

/// Certificates drawn between two looks at Cancel (a few tens of milliseconds of work).
const CHUNK: usize = 16;

/// Draws the certificates on as many threads as there are cores, in order.
fn draw_all(
    fonts: &pdf::Fonts,
    models: &[(String, pdf::CertificateModel)],
) -> Result<Vec<Vec<u8>>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_thread = models.len().div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let parts: Vec<_> = models
            .chunks(per_thread)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(_, model)| pdf::render_certificate(fonts, model).map_err(pdf_error))
                        .collect::<Result<Vec<_>>>()
                })
            })
            .collect();
        let mut pdfs = Vec::with_capacity(models.len());
        for part in parts {
            pdfs.extend(part.join().map_err(|_| {
                CoreError::Invalid("A certificate could not be drawn. Nothing was saved.".into())
            })??);
        }
        Ok(pdfs)
    })
}

fn check_target(target: &BatchTarget) -> Result<()> {
    let path = target.path();
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(CoreError::NotFound(format!(
            "The folder {} does not exist.",
            parent.display()
        )));
    }
    if let BatchTarget::Folder(dir) = target {
        let has_files = fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
        if has_files || dir.is_file() {
            return Err(CoreError::Duplicate(format!(
                "{} already exists and is not empty; certificates go into a new folder.",
                dir.display()
            )));
        }
    }
    Ok(())
}

/// A file name people can read, safe on Windows, macOS and Linux.
fn file_stem(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim().trim_matches('.').trim();
    let short: String = trimmed.chars().take(120).collect();
    if short.is_empty() {
        "certificate".into()
    } else {
        short
    }
}

fn unique_name(taken: &mut HashSet<String>, wanted: &str) -> String {
    let stem = file_stem(wanted);
    let name = (1..)
        .map(|n| match n {
            1 => format!("{stem}.pdf"),
            n => format!("{stem} ({n}).pdf"),
        })
        .find(|n| !taken.contains(&n.to_lowercase()))
        .expect("some name is free");
    taken.insert(name.to_lowercase());
    name
}

const PARTIAL: &str = ".partial-";

/// Removes what a killed export left in `dir`: only entries named as ours (`.{name}.partial-{pid}-{id}`)
/// by a process that is no longer running.
fn sweep_partials(dir: &Path) {
    crate::files::sweep(dir, |name| {
        name.starts_with('.')
            && name
                .split_once(PARTIAL)
                .is_some_and(|(_, writer)| crate::files::is_orphaned(writer))
    });
}

/// Files being written under a temporary name beside the destination; dropped unfinished, it
/// removes them.
struct Staging {
    target: BatchTarget,
    temp: PathBuf,
    zip: Option<zip::ZipWriter<fs::File>>,
    done: bool,
}

impl Staging {
    fn new(target: &BatchTarget) -> Result<Staging> {
        let path = target.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        sweep_partials(crate::files::parent_of(path));
        let temp = path.with_file_name(format!(
            ".{name}{PARTIAL}{}",
            crate::files::temporary_name()
        ));
        let io = CoreError::io(format!(
            "Could not write in {}",
            temp.parent().unwrap_or(Path::new(".")).display()
        ));
        let zip = match target {
            BatchTarget::Folder(_) => {
                fs::create_dir(&temp).map_err(io)?;
                None
            }
            BatchTarget::Zip(_) => Some(zip::ZipWriter::new(fs::File::create(&temp).map_err(io)?)),
        };
        Ok(Staging {
            target: target.clone(),
            temp,
            zip,
            done: false,
        })
    }

    fn add(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        let io = CoreError::io(format!("Could not write {name}"));
        match &mut self.zip {
            // Made durable all at once when the batch finishes (one fsync each costs more than
            // drawing the certificate).
            None => fs::File::create(self.temp.join(name))
                .and_then(|mut f| f.write_all(bytes))
                .map_err(io),
            Some(zip) => {
                // PDFs are compressed already: stored, not deflated.
                let options = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Stored);
                zip.start_file(name, options).map_err(zip_error)?;
                zip.write_all(bytes).map_err(io)
            }
        }
    }

    /// Moves the finished batch into place.
    fn finish(mut self) -> Result<PathBuf> {
        if let Some(zip) = self.zip.take() {
            let file = zip.finish().map_err(zip_error)?;
            file.sync_all()
                .map_err(CoreError::io("Could not finish the ZIP file"))?;
        }
        let dest = self.target.path().to_path_buf();
        if let BatchTarget::Folder(dir) = &self.target {
            crate::files::sync_folder_files(&self.temp)
                .map_err(CoreError::io("Could not write the certificates to disk"))?;
            // An empty folder chosen as the destination makes way for the full one.
            if dir.is_dir() {
                fs::remove_dir(dir).map_err(CoreError::io(format!(
                    "Could not replace {}",
                    dir.display()
                )))?;
            }
        }
        crate::files::rename_durably(&self.temp, &dest).map_err(CoreError::io(format!(
            "Could not move the certificates to {}",
            dest.display()
        )))?;
        self.done = true;
        Ok(dest)
    }
}

fn zip_error(e: zip::result::ZipError) -> CoreError {
    CoreError::Invalid(format!("The ZIP file could not be written: {e}"))
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        // Close the ZIP before removing it (Windows will not delete an open file).
        self.zip.take();
        let _ = if self.temp.is_dir() {
            fs::remove_dir_all(&self.temp)
        } else {
            fs::remove_file(&self.temp)
        };
    }
}
