use std::ffi::c_long;
use std::sync::Mutex;

/// mimalloc instead of the system allocator: a run allocates and frees many
/// small strings and vectors on two threads (findings, rendered snippets,
/// values), and glibc's malloc took over a quarter of a 200 MB run's CPU
/// samples (perf), more per byte as the heap grew. See bench/README.md.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    factlint::lint::ALLOCATOR_HINTS
        .set(factlint::lint::AllocatorHints {
            listed: collect_freed_memory,
            linted: return_freed_memory,
            compared: keep_freed_memory,
        })
        .expect("set once, here");
    factlint::cli::run()
}

/// mimalloc's `purge_delay` option (`mi_option_purge_delay` in mimalloc.h,
/// version 2, which the `v2` feature builds); the Rust bindings leave it
/// unnamed.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// The purge delay linting runs with (10 ms unless `MIMALLOC_PURGE_DELAY`
/// says otherwise), kept while facts are compared.
static LINTING_PURGE_DELAY: Mutex<c_long> = Mutex::new(10);

/// mimalloc keeps a freed page for 10 ms, and each free in its segment puts
/// that off again, so on a busy thread freed pages stay resident. While
/// articles are linted that is what makes allocating cheap. Comparing facts
/// across articles then allocates large blocks, on fresh pages: 10-15 MB of
/// RSS over a 200 MB corpus, the run's peak. So, once linting is done, what
/// it freed is returned on every thread, and while facts are compared what
/// is freed goes back at once.
fn return_freed_memory() {
    // SAFETY: plain calls into mimalloc, made while no other thread of the
    // process allocates: the linting threads have finished.
    let delay = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
    *LINTING_PURGE_DELAY
        .lock()
        .unwrap_or_else(|e| e.into_inner()) = delay;
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
    collect_freed_memory();
}

/// Returns what every thread has freed now, without waiting for the purge
/// delay. Listing a large corpus frees the manifest's parse trees on the
/// threads that parsed it, 40 MB of pages at 200 MB, which linting would
/// not all reuse: returned, they took 3-6 MB off the run's peak RSS.
fn collect_freed_memory() {
    // SAFETY: a plain call into mimalloc on each thread, for that thread's
    // own heap.
    rayon::broadcast(|_| unsafe { libmimalloc_sys::mi_collect(true) });
    unsafe { libmimalloc_sys::mi_collect(true) };
}

/// Back to the delay linting ran with once the large blocks are allocated:
/// building and writing findings frees and reuses small blocks, which
/// purging at once would make 5% slower (SARIF, human output).
fn keep_freed_memory() {
    let delay = *LINTING_PURGE_DELAY
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    // SAFETY: as above; the comparison is done and no other thread allocates.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, delay) };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `PURGE_DELAY` is mimalloc's own option: it reads 10 ms by default,
    /// and the hints turn it off and back on.
    #[test]
    fn the_hints_set_mimallocs_purge_delay() {
        let delay = || unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(delay(), 10);
        return_freed_memory();
        assert_eq!(delay(), 0);
        keep_freed_memory();
        assert_eq!(delay(), 10);
    }
}
