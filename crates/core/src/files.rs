//! Files on disk, read and written the careful way.
//!
//! Outside files (anything a person picked, dropped or handed over) are read with a cap enforced
//! while reading: a FIFO, `/dev/zero`, a folder or a file that keeps growing gets a clear error at
//! once instead of hanging the app or filling its memory. Writes survive a crash at any moment: a
//! temporary file beside the target, fsynced, renamed over it, and the folder fsynced so the rename
//! itself is on disk.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::Path;

use crate::error::{CoreError, Result};
use crate::new_id;

/// The most a document-sized outside file may hold (ladders, CSVs, assessments, badges, logos).
pub const DOCUMENT_LIMIT: u64 = 32 * 1024 * 1024;

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// Opens `path` for reading only if it is a regular file. The open itself never blocks: on Unix it
/// is non-blocking, so a FIFO with no writer is refused instead of waiting forever.
pub fn open_regular(path: &Path, what: &str) -> Result<File> {
    let not_regular = || {
        CoreError::Invalid(format!(
            "{what} is not a regular file (it is a folder, a device or a pipe). Choose a file; nothing was read."
        ))
    };
    let meta = fs::metadata(path).map_err(CoreError::io(format!("Could not read {what}")))?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(CoreError::io(format!("Could not open {what}")))?;
    // The path may have been swapped between the check and the open: check what was opened.
    let opened = file
        .metadata()
        .map_err(CoreError::io(format!("Could not read {what}")))?;
    if !opened.is_file() {
        return Err(not_regular());
    }
    Ok(file)
}

/// Reads at most `limit` bytes from an open file; one byte more is an error naming the limit.
pub fn read_capped_from(file: impl Read, limit: u64, what: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(CoreError::io(format!("Could not read {what}")))?;
    if bytes.len() as u64 > limit {
        return Err(CoreError::Invalid(format!(
            "{what} is larger than {}, the most Guildbook reads for it. Nothing was read.",
            megabytes(limit)
        )));
    }
    Ok(bytes)
}

/// Reads a whole outside file of at most `limit` bytes.
pub fn read_capped(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    read_capped_from(open_regular(path, what)?, limit, what)
}

/// Reads a whole outside text file of at most `limit` bytes, which must be UTF-8.
pub fn read_text_capped(path: &Path, limit: u64, what: &str) -> Result<String> {
    String::from_utf8(read_capped(path, limit, what)?).map_err(|_| {
        CoreError::Invalid(format!(
            "{what} is not UTF-8 text. Save it as UTF-8 and try again."
        ))
    })
}

/// Flushes a folder's entries (a rename or a new file in it) to disk. Windows has no such call
/// for folders; NTFS journals renames itself.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

pub fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Makes every file in `dir` durable. Linux flushes the folder's filesystem in one call (syncfs);
/// elsewhere each file is fsynced.
pub fn sync_folder_files(dir: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let folder = File::open(dir)?;
        // SAFETY: syncfs takes an open descriptor, which `folder` keeps open for the call.
        if unsafe { libc::syncfs(folder.as_raw_fd()) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        for entry in fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_file() {
                File::open(&path)?.sync_all()?;
            }
        }
        Ok(())
    }
}

/// Renames a finished, fsynced file into place and makes the rename durable.
pub fn rename_durably(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::rename(from, to)?;
    sync_dir(parent_of(to))
}

/// A name for a file being written, which says which process writes it: `{pid}-{id}`. What a
/// killed process left under such a name is recognised by `is_orphaned` and swept.
pub fn temporary_name() -> String {
    format!("{}-{}", std::process::id(), new_id())
}

/// Whether `name` (from `temporary_name`, perhaps with a leading dot and a suffix) belongs to a
/// process that is no longer running.
pub fn is_orphaned(name: &str) -> bool {
    let digits: String = name
        .trim_start_matches('.')
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    match digits.parse::<u32>() {
        Ok(pid) => !process_is_running(pid),
        Err(_) => false,
    }
}

fn process_is_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if pid > i32::MAX as u32 {
        return false; // no such pid; and negative numbers would name process groups
    }
    #[cfg(unix)]
    {
        // Signal 0 checks that the process exists without touching it.
        let alive = unsafe { libc::kill(pid as libc::pid_t, 0) } == 0;
        alive || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        // Without a cheap check, a file is left to the next open after a restart.
        true
    }
}

/// What kind of shared storage `dir` is on, in words, when it is a network share or a folder a
/// sync client manages; `None` for a local disk (or when the platform can't tell).
pub fn shared_storage(dir: &Path) -> Option<&'static str> {
    let text = dir.to_string_lossy().to_lowercase();
    let synced = [
        ("dropbox", "a Dropbox folder"),
        ("onedrive", "a OneDrive folder"),
        ("google drive", "a Google Drive folder"),
        ("googledrive", "a Google Drive folder"),
        ("icloud", "an iCloud Drive folder"),
        ("mobile documents", "an iCloud Drive folder"),
        ("nextcloud", "a Nextcloud folder"),
    ];
    if let Some((_, kind)) = synced.iter().find(|(marker, _)| text.contains(marker)) {
        return Some(kind);
    }
    network_filesystem(dir)
}

#[cfg(target_os = "linux")]
fn network_filesystem(dir: &Path) -> Option<&'static str> {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut stat: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statfs(path.as_ptr(), &mut stat) } != 0 {
        return None;
    }
    // Magic numbers from statfs(2).
    match stat.f_type as u64 {
        0x6969 => Some("a network share (NFS)"),
        0x517B | 0xFF53_4D42 | 0xFE53_4D42 => Some("a network share (SMB)"),
        0x6573_5546 => Some("a FUSE file system (often a network or cloud mount)"),
        0x0102_1997 => Some("a shared folder of a virtual machine"),
        _ => None,
    }
}

#[cfg(target_os = "macos")]
fn network_filesystem(dir: &Path) -> Option<&'static str> {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut stat: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statfs(path.as_ptr(), &mut stat) } != 0 {
        return None;
    }
    let name = unsafe { std::ffi::CStr::from_ptr(stat.f_fstypename.as_ptr()) };
    match name.to_bytes() {
        b"nfs" => Some("a network share (NFS)"),
        b"smbfs" | b"afpfs" | b"webdav" => Some("a network share"),
        _ => None,
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn network_filesystem(_dir: &Path) -> Option<&'static str> {
    None
}

/// Writes `bytes` to `path` so that a crash leaves either the old file or the whole new one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = parent_of(path).join(format!(".{}.partial", temporary_name()));
    let write = || -> std::io::Result<()> {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        rename_durably(&tmp, path)
    };
    write().map_err(|e| {
        let _ = fs::remove_file(&tmp);
        CoreError::Io {
            context: format!("Could not write {}", path.display()),
            source: e,
        }
    })
}

/// Removes the entries of `dir` that `is_leftover` recognises by name: what a killed process left
/// behind. Best effort: what cannot be removed now is tried again on the next open.
pub fn sweep(dir: &Path, is_leftover: impl Fn(&str) -> bool) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_leftover(&name) {
            continue;
        }
        let path = entry.path();
        let gone = if entry.file_type().is_ok_and(|t| t.is_dir()) {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
        removed += gone.is_ok() as usize;
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_just_over_the_cap_is_refused_and_one_at_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        fs::write(&path, vec![b'x'; 11]).unwrap();
        assert_eq!(read_capped(&path, 11, "The file").unwrap().len(), 11);
        let err = read_capped(&path, 10, "The file").unwrap_err().to_string();
        assert!(err.contains("larger than"), "{err}");
    }

    #[test]
    fn folders_and_devices_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_capped(dir.path(), 10, "The ladder file").unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
        #[cfg(unix)]
        {
            let err = read_capped(Path::new("/dev/zero"), 10, "The ladder file").unwrap_err();
            assert!(err.to_string().contains("not a regular file"), "{err}");
        }
    }

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
