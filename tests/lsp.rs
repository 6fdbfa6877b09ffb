//! `factlint lsp` end to end: a subprocess spoken to in JSON-RPC with
//! `Content-Length` framing, as an editor does.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// Long enough for a slow debug build on a busy machine; only to avoid hangs.
const PATIENCE: Duration = Duration::from_secs(120);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    next_id: i64,
    /// Messages received while waiting for others.
    backlog: Vec<Value>,
}

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A `file:` URI (test paths need no percent-encoding but spaces).
fn uri(path: &Path) -> String {
    format!("file://{}", path.display().to_string().replace(' ', "%20"))
}

impl Client {
    fn start() -> Self {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("factlint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start factlint lsp");
        let stdout = child.stdout.take().expect("stdout");
        let stdin = child.stdin.take();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("Content-Length")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let value: Value = serde_json::from_slice(&body).expect("server sends JSON");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages: rx,
            next_id: 1,
            backlog: Vec::new(),
        }
    }

    fn write_raw(&mut self, body: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        stdin.flush().expect("flush");
    }

    fn send(&mut self, message: Value) {
        self.write_raw(&message.to_string());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    /// The first message (received or in the backlog) matching `want`.
    fn wait(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&want) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(m) if want(&m) => return m,
                Ok(m) => self.backlog.push(m),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no awaited message; got {:#?}", self.backlog)
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("server closed its output; got {:#?}", self.backlog)
                }
            }
        }
    }

    /// The next diagnostics published for `uri` (at `version`, if given).
    fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == json!(v))
        });
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    fn initialize(root: &Path) -> Self {
        let mut client = Client::start();
        let result = client.request(
            "initialize",
            json!({"processId": null, "rootUri": uri(root), "capabilities": {}}),
        );
        assert!(
            result["result"]["capabilities"]["hoverProvider"] == json!(true),
            "{result}"
        );
        client.notify("initialized", json!({}));
        client
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    /// `shutdown` then `exit`: the process ends with status 0.
    fn shut_down(mut self) {
        let response = self.request("shutdown", Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                assert_eq!(status.code(), Some(0));
                return;
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The byte offset of an LSP (UTF-16) position, to apply edits as an editor does.
fn offset(text: &str, line: u64, character: u64) -> usize {
    let mut start = 0;
    for _ in 0..line {
        start += text[start..]
            .find('\n')
            .map_or(text.len() - start, |i| i + 1);
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16() as u64;
    }
    text.len()
}

fn apply(text: &str, edits: &[Value]) -> String {
    let mut edits: Vec<&Value> = edits.iter().collect();
    edits.sort_by_key(|e| {
        let s = &e["range"]["start"];
        std::cmp::Reverse((s["line"].as_u64(), s["character"].as_u64()))
    });
    let mut out = text.to_string();
    for edit in edits {
        let at = |p: &Value| {
            offset(
                &out,
                p["line"].as_u64().unwrap(),
                p["character"].as_u64().unwrap(),
            )
        };
        let (start, end) = (at(&edit["range"]["start"]), at(&edit["range"]["end"]));
        out.replace_range(start..end, edit["newText"].as_str().unwrap());
    }
    out
}

fn with_code<'a>(diagnostics: &'a [Value], code: &str) -> Vec<&'a Value> {
    diagnostics.iter().filter(|d| d["code"] == code).collect()
}

#[test]
fn annexation_year_is_flagged_fixed_and_gone() {
    let root = crate_root();
    let path = root.join("corpus/000_5eb7f0aaffca3f40.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = uri(&path);
    let mut client = Client::initialize(&root);
    client.open(&uri, "plaintext", &text);
    let diagnostics = client.diagnostics(&uri, Some(1));
    let year = with_code(&diagnostics, "annexation-year");
    assert_eq!(year.len(), 1, "{diagnostics:#?}");
    let range = year[0]["range"].clone();
    assert_eq!(
        range,
        json!({"start": {"line": 25, "character": 70}, "end": {"line": 25, "character": 74}})
    );
    assert_eq!(year[0]["severity"], 1);
    assert_eq!(year[0]["source"], "factlint");
    assert!(
        year[0]["codeDescription"]["href"]
            .as_str()
            .is_some_and(|h| h.starts_with("https://en.wikipedia.org/")),
        "{:#?}",
        year[0]
    );

    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 25, "character": 72}}),
    );
    let contents = hover["result"]["contents"]["value"].as_str().unwrap_or("");
    assert!(
        contents.contains("annexation-year") && contents.contains("30 September 2022"),
        "{hover}"
    );
    assert!(
        !contents.contains("[["),
        "examples are shown without markers: {contents}"
    );

    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": [year[0]]}}),
    );
    let actions = actions["result"].as_array().cloned().unwrap_or_default();
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    assert!(
        titles.contains(&"Suppress `annexation-year` on this line"),
        "{titles:?}"
    );
    let fix = actions
        .iter()
        .find(|a| a["title"] == "Replace `2020` with `2022`")
        .unwrap_or_else(|| panic!("no fix among {titles:?}"));
    assert_eq!(fix["kind"], "quickfix");
    let edits = fix["edit"]["changes"][&uri]
        .as_array()
        .expect("edits for the document");
    let fixed = apply(&text, edits);
    assert!(fixed.contains("claimed to have annexed in 2022 but"));

    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let after = client.diagnostics(&uri, Some(2));
    assert!(
        with_code(&after, "annexation-year").is_empty(),
        "{after:#?}"
    );
    // The other findings stay.
    assert_eq!(after.len(), diagnostics.len() - 1);
    client.shut_down();
}

#[test]
fn suppression_comment_silences_the_finding() {
    let root = crate_root();
    let path = root.join("corpus/000_5eb7f0aaffca3f40.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = uri(&path);
    let mut client = Client::initialize(&root);
    client.open(&uri, "plaintext", &text);
    let diagnostics = client.diagnostics(&uri, Some(1));
    let year = with_code(&diagnostics, "annexation-year")[0].clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": year["range"], "context": {"diagnostics": [year]}}),
    );
    let suppress = actions["result"]
        .as_array()
        .and_then(|a| {
            a.iter().find(|a| {
                a["title"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("Suppress"))
            })
        })
        .cloned()
        .expect("a suppress action");
    let suppressed = apply(&text, suppress["edit"]["changes"][&uri].as_array().unwrap());
    assert!(
        suppressed
            .contains("<!-- factlint-disable-next-line annexation-year -->\nIt is one of four")
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": suppressed}]}),
    );
    let after = client.diagnostics(&uri, Some(2));
    assert!(
        with_code(&after, "annexation-year").is_empty(),
        "{after:#?}"
    );
    assert!(
        with_code(&after, "unused-suppression").is_empty(),
        "{after:#?}"
    );
    client.shut_down();
}

#[test]
fn ranges_count_utf16_units_after_emoji_and_curly_quotes() {
    let root = crate_root();
    let dir = tempfile::tempdir().unwrap();
    let uri = uri(&dir.path().join("draft.md"));
    let line =
        "😀 “Quote” — It is one of four regions that the Kremlin claimed to have annexed in 2020.";
    let text = format!("# Draft\n\n{line}\n");
    let mut client = Client::initialize(&root);
    client.open(&uri, "markdown", &text);
    let diagnostics = client.diagnostics(&uri, Some(1));
    let year = with_code(&diagnostics, "annexation-year");
    assert_eq!(year.len(), 1, "{diagnostics:#?}");
    let column = line[..line.find("2020").unwrap()].encode_utf16().count() as u64;
    assert_ne!(
        column,
        line[..line.find("2020").unwrap()].chars().count() as u64
    );
    assert_eq!(
        year[0]["range"],
        json!({"start": {"line": 2, "character": column}, "end": {"line": 2, "character": column + 4}})
    );
    client.shut_down();
}

#[test]
fn disagreement_with_another_article_points_into_it() {
    let root = crate_root();
    let path = root.join("corpus/003_6632207225475f1e.txt");
    let uri = uri(&path);
    let mut client = Client::initialize(&root);
    client.open(&uri, "plaintext", &std::fs::read_to_string(&path).unwrap());
    let diagnostics = client.diagnostics(&uri, Some(1));
    let drift = with_code(&diagnostics, "quote-drift");
    assert_eq!(drift.len(), 1, "{diagnostics:#?}");
    assert_eq!(
        drift[0]["range"]["start"],
        json!({"line": 24, "character": 37})
    );
    let related = drift[0]["relatedInformation"]
        .as_array()
        .expect("related spans");
    let other = related
        .iter()
        .find(|r| {
            r["location"]["uri"]
                .as_str()
                .is_some_and(|u| u.ends_with("004_f5959b2be3a0d548.txt"))
        })
        .unwrap_or_else(|| panic!("no span in 004: {related:#?}"));
    assert_eq!(other["location"]["range"]["start"]["line"], 16);
    // The range covers the differing word in that file's text.
    let text004 = std::fs::read_to_string(root.join("corpus/004_f5959b2be3a0d548.txt")).unwrap();
    let r = &other["location"]["range"];
    let start = offset(&text004, 16, r["start"]["character"].as_u64().unwrap());
    let end = offset(&text004, 16, r["end"]["character"].as_u64().unwrap());
    assert!(
        text004[start..end].contains("Russia"),
        "{:?}",
        &text004[start..end]
    );
    client.shut_down();
}

#[test]
fn malformed_messages_get_errors_and_the_server_goes_on() {
    let mut client = Client::initialize(&crate_root());
    client.write_raw("{this is not json");
    let parse_error = client.wait(|m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);
    client.write_raw(r#"{"jsonrpc":"2.0","id":41,"result":1,"method":3}"#);
    let unknown = client.request("factlint/noSuchMethod", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let bad_params = client.request("textDocument/hover", json!({"textDocument": 5}));
    assert_eq!(bad_params["error"]["code"], -32602, "{bad_params}");
    // Requests about unknown documents and absurd positions are answered.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.md"}, "position": {"line": 9, "character": 9}}),
    );
    assert_eq!(hover["result"], Value::Null);
    let uri = "untitled:Untitled-1";
    client.open(uri, "markdown", "Annexed in 2020.\n");
    client.diagnostics(uri, Some(1));
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4000000000u64, "character": 4000000000u64}}),
    );
    assert!(hover.get("error").is_none(), "{hover}");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri}}),
    );
    client.notify("no/such/notification", json!([1, 2]));
    client.shut_down();
}

#[test]
fn check_files_get_diagnostics_hover_and_completion() {
    let mut client = Client::initialize(&crate_root());
    let dir = tempfile::tempdir().unwrap();
    let uri = uri(&dir.path().join("checks/new.toml"));
    let text = "# “draft” 😀\n[[check]]\nid = \"x\"\nkind = \"forbid\"\nseverty = \"error\"\npattern = \"y\"\n";
    client.open(&uri, "toml", text);
    let diagnostics = client.diagnostics(&uri, Some(1));
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(
        diagnostics[0]["range"],
        json!({"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 7}})
    );
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `severity`?")
    );

    let fixed = text.replace("severty", "severity");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    assert!(client.diagnostics(&uri, Some(2)).is_empty());

    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 1}}),
    );
    assert!(
        hover["result"]["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("What the check asserts")
    );

    let typed = format!("{fixed}value = {{ type = \"");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": typed}]}),
    );
    client.diagnostics(&uri, Some(3));
    let completion = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 6, "character": 18}}),
    );
    let labels: Vec<&str> = completion["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert_eq!(labels, ["year", "date", "weekday", "number", "quantity"]);
    client.shut_down();
}

#[test]
fn broken_checks_file_on_disk_is_reported_in_it_and_linting_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir_all(root.join("checks")).unwrap();
    std::fs::create_dir_all(root.join("corpus")).unwrap();
    let checks = root.join("checks/ads.toml");
    std::fs::write(
        &checks,
        "[[check]]\nid = \"ad\"\nkind = \"forbid\"\npattern = 'Advertisement'\n",
    )
    .unwrap();
    let article = root.join("corpus/a.txt");
    std::fs::write(&article, "News.\n\nAdvertisement\n").unwrap();
    let mut client = Client::initialize(&root);
    let article_uri = uri(&article);
    client.open(&article_uri, "plaintext", "News.\n\nAdvertisement\n");
    assert_eq!(
        with_code(&client.diagnostics(&article_uri, Some(1)), "ad").len(),
        1
    );

    std::fs::write(
        &checks,
        "[[check]]\nid = \"ad\"\nkind = \"forbid\"\npattern = '(Advert'\n",
    )
    .unwrap();
    let checks_uri = uri(&checks);
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": checks_uri, "type": 2}]}),
    );
    let errors = client.diagnostics(&checks_uri, None);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        errors[0]["range"]["start"],
        json!({"line": 3, "character": 10})
    );
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains("invalid regular expression")
    );
    // The last good checks are still in use.
    assert_eq!(
        with_code(&client.diagnostics(&article_uri, Some(1)), "ad").len(),
        1
    );

    std::fs::write(
        &checks,
        "[[check]]\nid = \"ad\"\nkind = \"forbid\"\npattern = 'News'\n",
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": checks_uri, "type": 2}]}),
    );
    assert!(client.diagnostics(&checks_uri, None).is_empty());
    let after = client.diagnostics(&article_uri, Some(1));
    assert_eq!(after.len(), 1, "{after:#?}");
    assert_eq!(
        after[0]["range"]["start"],
        json!({"line": 0, "character": 0})
    );
    client.shut_down();
}

#[test]
fn a_burst_of_changes_ends_on_the_latest_text() {
    let root = crate_root();
    let dir = tempfile::tempdir().unwrap();
    let uri = uri(&dir.path().join("burst.md"));
    let mut client = Client::initialize(&root);
    client.open(&uri, "markdown", "Draft.\n");
    client.diagnostics(&uri, Some(1));
    let last = 40;
    for version in 2..=last {
        // Only the last text has the wrong year.
        let year = if version == last { 2020 } else { 2022 };
        let text = format!(
            "It is one of four regions that the Kremlin claimed to have annexed in {year}.\n"
        );
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }
    let final_diagnostics = client.diagnostics(&uri, Some(last));
    assert_eq!(with_code(&final_diagnostics, "annexation-year").len(), 1);
    // Whatever was published before came in order, each for a text of its version.
    let versions: Vec<i64> = client
        .backlog
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
        .filter_map(|m| m["params"]["version"].as_i64())
        .collect();
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    assert!(versions.iter().all(|&v| v < last));
    client.shut_down();
}

/// Time from a change of a 10 KB article to its diagnostics. Run with
/// `cargo test --release --test lsp -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a test"]
fn latency_of_a_10_kb_article() {
    let root = crate_root();
    let seed = std::fs::read_to_string(root.join("corpus/000_5eb7f0aaffca3f40.txt")).unwrap();
    let mut text = String::new();
    while text.len() < 10 * 1024 {
        text.push_str(&seed);
        text.push_str("\n\n");
    }
    let mut end = 10 * 1024;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    let dir = tempfile::tempdir().unwrap();
    let uri = uri(&dir.path().join("long.txt"));
    let mut client = Client::initialize(&root);
    client.open(&uri, "plaintext", &text);
    client.diagnostics(&uri, Some(1));
    let mut times = Vec::new();
    for version in 2..22 {
        text.push(' ');
        let started = Instant::now();
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
        client.diagnostics(&uri, Some(version));
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "10 KB article, change → diagnostics: median {:?}, max {:?}",
        times[times.len() / 2],
        times[times.len() - 1]
    );
    client.shut_down();
}
