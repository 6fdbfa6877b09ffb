//! Check loading on arbitrary UTF-8: errors, never panics. Errors are rendered
//! (their spans must point into the source); loaded checks run their examples.
#![no_main]

use factlint::checks::load::load_str;
use factlint::examples::run_examples;
use factlint::report::human::HumanReporter;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fuzz_target!(|source: &str| {
    match load_str(source) {
        Ok(checks) => {
            for (check, id_span) in checks {
                assert!(source.get(id_span).is_some(), "id span on char boundaries");
                let _ = run_examples(&check);
            }
        }
        Err(errors) => {
            let reporter = HumanReporter::new(false);
            for e in errors {
                if let Some(span) = &e.span {
                    assert!(span.start <= span.end && span.end <= source.len());
                }
                let _ = reporter.config_error(&e.in_file(PathBuf::from("f.toml"), source));
            }
        }
    }
});
