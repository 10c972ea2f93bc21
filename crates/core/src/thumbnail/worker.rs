//! PDF first pages rendered in a child process: this same program started again with
//! [`WORKER_ARG`] and the file to read. The child writes the PNG to stdout, or its reason to stderr
//! and exits with [`REFUSED`]. It gets a time limit everywhere and, on Linux, a memory limit; a
//! crash, a stack overflow or a runaway file ends only the child.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::error::{CoreError, Result};

/// The first argument that makes a Guildbook program a thumbnail worker.
pub const WORKER_ARG: &str = "--guildbook-render-pdf-thumbnail";
/// The worker's exit code when the PDF itself was refused (its reason is on stderr).
const REFUSED: i32 = 3;
const TIME_LIMIT: Duration = Duration::from_secs(10);
/// Address space the worker may use: more than any sane first page needs.
#[cfg(target_os = "linux")]
const MEMORY_LIMIT: u64 = 1024 * 1024 * 1024;
/// PDFs are read whole to be rasterised; bigger ones get no thumbnail.
const MAX_PDF_BYTES: u64 = 256 * 1024 * 1024;
const MAX_PNG_BYTES: u64 = 16 * 1024 * 1024;
const MAX_REASON_BYTES: u64 = 2048;

fn unreadable(why: &str) -> CoreError {
    CoreError::Invalid(format!("This PDF can't be previewed ({why})."))
}

/// The program that renders PDF thumbnails.
#[derive(Debug, Clone)]
pub struct Worker {
    program: PathBuf,
    time_limit: Duration,
}

impl Worker {
    /// This running program: the app and the command line both answer [`WORKER_ARG`].
    pub fn this_program() -> Result<Self> {
        let program = std::env::current_exe().map_err(CoreError::io(
            "Could not find the Guildbook program to render previews",
        ))?;
        Ok(Self::program(program))
    }

    /// Another Guildbook program (tests use the command line's).
    pub fn program(program: impl Into<PathBuf>) -> Self {
        Self {
            program: program.into(),
            time_limit: TIME_LIMIT,
        }
    }

    /// How long a first page may take to draw before the child is killed.
    pub fn with_time_limit(self, time_limit: Duration) -> Self {
        Self { time_limit, ..self }
    }

    /// The PNG of `source`'s first page, rendered by a child process within the limits.
    pub fn render_pdf(&self, source: &Path) -> Result<Vec<u8>> {
        let mut command = Command::new(&self.program);
        command
            .arg(WORKER_ARG)
            .arg(source)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        limit_memory(&mut command);
        let mut child = command
            .spawn()
            .map_err(CoreError::io("Could not start the preview renderer"))?;
        let stdout = child.stdout.take().expect("piped");
        let stderr = child.stderr.take().expect("piped");
        // Read both pipes while waiting, so a child filling one never blocks.
        let png = thread::spawn(move || read_up_to(stdout, MAX_PNG_BYTES));
        let reason = thread::spawn(move || read_up_to(stderr, MAX_REASON_BYTES));
        let status = wait_at_most(&mut child, self.time_limit)?;
        let png = png.join().unwrap_or_default();
        let reason = reason.join().unwrap_or_default();
        match status {
            None => Err(unreadable(&format!(
                "it took longer than {} seconds to draw",
                self.time_limit.as_secs_f32()
            ))),
            Some(status) if status.success() && png.starts_with(b"\x89PNG\r\n\x1a\n") => Ok(png),
            Some(status) if status.code() == Some(REFUSED) && !reason.is_empty() => Err(
                CoreError::Invalid(String::from_utf8_lossy(&reason).trim().to_string()),
            ),
            Some(_) => Err(unreadable("the renderer stopped on it")),
        }
    }
}

fn read_up_to(pipe: impl Read, limit: u64) -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = pipe.take(limit).read_to_end(&mut bytes);
    bytes
}

/// The child's exit status, or `None` when it ran out of time (it is then killed).
fn wait_at_most(child: &mut std::process::Child, limit: Duration) -> Result<Option<ExitStatus>> {
    let started = Instant::now();
    loop {
        if let Some(status) = child
            .try_wait()
            .map_err(CoreError::io("Could not follow the preview renderer"))?
        {
            return Ok(Some(status));
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(5));
    }
}

#[cfg(target_os = "linux")]
fn limit_memory(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: only async-signal-safe calls (setrlimit) run between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let memory = libc::rlimit {
                rlim_cur: MEMORY_LIMIT,
                rlim_max: MEMORY_LIMIT,
            };
            let no_core = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            libc::setrlimit(libc::RLIMIT_AS, &memory);
            libc::setrlimit(libc::RLIMIT_CORE, &no_core);
            Ok(())
        });
    }
}

/// Elsewhere only the time limit holds (macOS ignores address-space limits; Windows would need a
/// job object).
#[cfg(not(target_os = "linux"))]
fn limit_memory(_command: &mut Command) {}

/// Called first in the app's and the command line's `main`: when this process was started as a
/// thumbnail worker, renders and exits; otherwise returns at once.
pub fn run_if_worker() {
    let mut args = std::env::args_os().skip(1);
    if args.next().as_deref() != Some(OsStr::new(WORKER_ARG)) {
        return;
    }
    let code = match args.next() {
        None => 2,
        Some(source) => match pdf_first_page(Path::new(&source)) {
            Ok(png) => match std::io::stdout().write_all(&png) {
                Ok(()) => 0,
                Err(_) => 1,
            },
            Err(err) => {
                eprint!("{err}");
                REFUSED
            }
        },
    };
    std::process::exit(code);
}

/// The first page of a PDF, scaled so its longer side is `SIZE` pixels, on white.
fn pdf_first_page(source: &Path) -> Result<Vec<u8>> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{render, PixmapSettings, RenderCache, RenderSettings};

    let bytes = crate::files::read_capped(source, MAX_PDF_BYTES, "The PDF")
        .map_err(|_| unreadable("it is too large or can't be read"))?;
    let pdf = Pdf::new(bytes).map_err(|e| match e {
        hayro::hayro_syntax::LoadPdfError::Decryption(_) => unreadable("it is encrypted"),
        hayro::hayro_syntax::LoadPdfError::Invalid => unreadable("it is damaged or not a PDF"),
    })?;
    let page = pdf
        .pages()
        .first()
        .ok_or_else(|| unreadable("it has no pages"))?;
    let (w, h) = page.render_dimensions();
    if !(w.is_finite() && h.is_finite()) || w < 1.0 || h < 1.0 {
        return Err(unreadable("its first page has no size"));
    }
    let scale = super::SIZE as f32 / w.max(h);
    let pixmap = render(
        page,
        &RenderCache::new(),
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
        },
    );
    pixmap.into_png().map_err(|e| unreadable(&e.to_string()))
}
