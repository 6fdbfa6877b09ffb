//! Running the binary as a user would, shared by the end-to-end tests.

use assert_cmd::Command;
use std::path::Path;

/// `factlint ARGS` run in `dir`, colour off, a 120-column terminal assumed;
/// its standard output, standard error and exit code.
pub fn factlint_in(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let output = Command::cargo_bin("factlint")
        .expect("binary built")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "120")
        .args(args)
        .output()
        .expect("factlint runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code().expect("exit code"),
    )
}

/// `factlint ARGS` run from the crate root.
pub fn factlint(args: &[&str]) -> (String, String, i32) {
    factlint_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}
