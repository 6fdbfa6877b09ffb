//! A progress bar on standard error for long runs on a terminal.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::Path;
use std::time::{Duration, Instant};

/// Runs shorter than this show no bar at all.
const DELAY: Duration = Duration::from_secs(1);

/// Files done of the total, and MB/s; drawn only on a terminal, never with
/// `--quiet`, and only once the run has taken a second.
pub struct Progress {
    bar: Option<ProgressBar>,
    sizes: Vec<u64>,
    done: usize,
    started: Instant,
    shown: bool,
}

impl Progress {
    /// A bar for `files`, whose sizes are read only when it is shown.
    pub fn new<'a>(files: impl Iterator<Item = &'a Path>, quiet: bool) -> Self {
        let enabled = !quiet && std::io::stderr().is_terminal();
        let sizes: Vec<u64> = if enabled {
            files
                .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
                .collect()
        } else {
            Vec::new()
        };
        let bar = enabled.then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(sizes.iter().sum()),
                ProgressDrawTarget::hidden(),
            );
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:30} {msg} files, {binary_bytes_per_sec}, {elapsed}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        Self {
            bar,
            sizes,
            done: 0,
            started: Instant::now(),
            shown: false,
        }
    }

    /// One more file linted.
    pub fn file_done(&mut self) {
        let Some(bar) = &self.bar else { return };
        let size = self.sizes.get(self.done).copied().unwrap_or(0);
        self.done += 1;
        bar.inc(size);
        bar.set_message(format!(
            "{}/{}",
            self.done.min(self.sizes.len()),
            self.sizes.len()
        ));
        if !self.shown && self.started.elapsed() >= DELAY {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }

    /// Removes the bar before the summary is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
