//! Noticing saves: file events (notify) with a short debounce, plus a polling safety net.
//!
//! Editors save in many ways: write in place, write a temporary file and rename it over the
//! original (vim, JetBrains), touch backup files. Watching the whole `exercises/` tree and
//! keeping only `.rs` files that are not editor temporaries handles all of them. Where file
//! events never arrive (WSL2 on a Windows drive, network mounts, some containers) the poller
//! notices the change anyway — and watch mode says so.

use notify::{RecursiveMode, Watcher};
use std::collections::{BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::{Duration, SystemTime};

use super::events::WatchEvent;

/// Quiet time after the last file event before a save is reported: editors emit bursts.
const DEBOUNCE: Duration = Duration::from_millis(40);

/// True for a Rust source file that is not an editor's temporary or backup file.
pub fn is_source_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.ends_with(".rs")
        && !name.starts_with(".#")
        && !name.starts_with('.')
        && !name.contains("___jb_")
}

/// Starts file events for everything under `dir`. The returned watcher must be kept alive.
pub fn watch_events(
    dir: &Path,
    events: Sender<WatchEvent>,
) -> notify::Result<notify::RecommendedWatcher> {
    let (raw_tx, raw_rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(raw_tx)?;
    watcher.watch(dir, RecursiveMode::Recursive)?;
    thread::spawn(move || {
        let mut pending: BTreeSet<PathBuf> = BTreeSet::new();
        loop {
            let received = if pending.is_empty() {
                raw_rx
                    .recv()
                    .map_err(|_| mpsc::RecvTimeoutError::Disconnected)
            } else {
                raw_rx.recv_timeout(DEBOUNCE)
            };
            match received {
                Ok(Ok(event)) => {
                    if matches!(event.kind, notify::EventKind::Access(_)) {
                        continue;
                    }
                    pending.extend(event.paths.into_iter().filter(|p| is_source_file(p)));
                }
                Ok(Err(_)) => {}
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    for path in std::mem::take(&mut pending) {
                        if events.send(WatchEvent::FileChanged(path)).is_err() {
                            return;
                        }
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
    });
    Ok(watcher)
}

/// A file's content fingerprint.
pub fn fingerprint(path: &Path) -> Option<u64> {
    let bytes = std::fs::read(path).ok()?;
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    Some(hasher.finish())
}

/// Polls `files` every `interval` and reports content changes. With `grace`, a change is
/// reported only once the file has been quiet for that long — time for a file event to
/// arrive first, so the poller reports only what the events missed.
pub fn poll(files: Vec<PathBuf>, interval: Duration, grace: Duration, events: Sender<WatchEvent>) {
    // The first snapshot is taken before returning, so no change after this call is missed.
    let mut seen: HashMap<PathBuf, Option<u64>> =
        files.iter().map(|f| (f.clone(), fingerprint(f))).collect();
    thread::spawn(move || {
        loop {
            thread::sleep(interval);
            for file in &files {
                let quiet = std::fs::metadata(file)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|modified| SystemTime::now().duration_since(modified).ok())
                    .is_none_or(|age| age >= grace);
                if !quiet {
                    continue;
                }
                let now = fingerprint(file);
                if seen.get(file) != Some(&now) {
                    seen.insert(file.clone(), now);
                    if events.send(WatchEvent::Polled(file.clone())).is_err() {
                        return;
                    }
                }
            }
        }
    });
}

/// True where file events are known not to arrive: a Windows drive seen from WSL.
pub fn events_unreliable(root: &Path) -> bool {
    let wsl = std::fs::read_to_string("/proc/version")
        .is_ok_and(|v| v.to_ascii_lowercase().contains("microsoft"));
    wsl && root.starts_with("/mnt/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temporaries_are_not_sources() {
        for name in ["a.rs", "src/b_c.rs"] {
            assert!(is_source_file(Path::new(name)), "{name}");
        }
        for name in [
            "a.rs~",
            "a.rs.swp",
            ".a.rs.swp",
            "4913",
            ".#a.rs",
            "a.rs___jb_tmp___",
            "a.rs___jb_old___",
            "README.md",
            "a.rs.tmp",
        ] {
            assert!(!is_source_file(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn the_poller_reports_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.rs");
        std::fs::write(&file, "one").unwrap();
        let (tx, rx) = mpsc::channel();
        poll(
            vec![file.clone()],
            Duration::from_millis(10),
            Duration::ZERO,
            tx,
        );
        std::fs::write(&file, "two").unwrap();
        match rx.recv_timeout(Duration::from_secs(5)) {
            Ok(WatchEvent::Polled(path)) => assert_eq!(path, file),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn file_events_arrive_for_a_rename_save() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.rs");
        std::fs::write(&file, "one").unwrap();
        let (tx, rx) = mpsc::channel();
        let _watcher = watch_events(dir.path(), tx).unwrap();
        // What vim and JetBrains do: write a temporary file, then rename it over the original.
        let temporary = dir.path().join("a.rs___jb_tmp___");
        std::fs::write(&temporary, "two").unwrap();
        std::fs::rename(&temporary, &file).unwrap();
        match rx.recv_timeout(Duration::from_secs(5)) {
            Ok(WatchEvent::FileChanged(path)) => assert_eq!(path.file_name(), file.file_name()),
            other => panic!("{other:?}"),
        }
    }
}
