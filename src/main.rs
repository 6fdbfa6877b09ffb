/// mimalloc instead of the system allocator: a run allocates and frees many
/// small strings and vectors on two threads (findings, rendered snippets,
/// values), and glibc's malloc took over a quarter of a 200 MB run's CPU
/// samples (perf), more per byte as the heap grew. See bench/README.md.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    factlint::cli::run()
}
