//! `factlint check --watch`: lint again whenever an article or a check changes,
//! printing only what changed since the last run.

use super::{EXIT_TROUBLE, Reported};
use crate::finding::Finding;
use notify::{RecursiveMode, Watcher};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

/// Edits arriving within this time are taken together (an editor's save is
/// often several events).
const SETTLE: Duration = Duration::from_millis(200);

/// What identifies a finding between two runs.
type Key = (String, String, std::ops::Range<usize>, String);

fn key(f: &Finding) -> Key {
    (
        f.check_id.to_string(),
        f.primary.path.to_string(),
        f.primary.span.clone(),
        f.message.clone(),
    )
}

/// Calls `lint` once, then again after every change under `paths`, printing the
/// findings that appeared with `render` and a line counting those that went.
/// Returns only when watching fails.
pub fn watch(
    paths: &[PathBuf],
    lint: &mut dyn FnMut() -> Result<Vec<Finding>, Reported>,
    render: &dyn Fn(&Finding) -> String,
) -> Result<u8, Reported> {
    let (events, changes) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(events).map_err(|e| {
        eprintln!("error: cannot watch for changes: {e}");
        Reported(EXIT_TROUBLE)
    })?;
    for path in paths {
        watcher.watch(path, RecursiveMode::Recursive).map_err(|e| {
            eprintln!("error: cannot watch `{}`: {e}", path.display());
            Reported(EXIT_TROUBLE)
        })?;
    }
    let mut previous: HashSet<Key> = HashSet::new();
    loop {
        // A broken check file or a missing path is reported by `lint`; the
        // watch goes on until it is fixed.
        let Ok(findings) = lint() else {
            println!("[watch] waiting for changes (Ctrl-C to stop)");
            wait(&changes)?;
            continue;
        };
        let now: HashSet<Key> = findings.iter().map(key).collect();
        let appeared: Vec<&Finding> = findings
            .iter()
            .filter(|f| !previous.contains(&key(f)))
            .collect();
        let gone = previous.difference(&now).count();
        let mut out = String::new();
        for finding in &appeared {
            out.push_str(&render(finding));
        }
        out.push_str(&format!(
            "[watch] {} new, {gone} gone, {} in all; waiting for changes (Ctrl-C to stop)\n",
            appeared.len(),
            findings.len()
        ));
        print!("{out}");
        use std::io::Write as _;
        let _ = std::io::stdout().flush();
        previous = now;
        wait(&changes)?;
    }
}

/// Waits for an edit, then lets the burst of events it belongs to settle.
fn wait(changes: &mpsc::Receiver<notify::Result<notify::Event>>) -> Result<(), Reported> {
    loop {
        match changes.recv() {
            Ok(Ok(event)) if is_edit(&event) => break,
            Ok(_) => continue,
            Err(_) => return Err(Reported(EXIT_TROUBLE)),
        }
    }
    while changes.recv_timeout(SETTLE).is_ok() {}
    Ok(())
}

/// Creations, modifications and removals; not mere reads.
fn is_edit(event: &notify::Event) -> bool {
    use notify::EventKind;
    matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
    )
}
