//! The server's state and its handling of requests and notifications.

use super::convert::{self, Text};
use super::toml_docs;
use super::workspace::{Workspace, normalise};
use crate::checks::error::ConfigError;
use crate::document::Document;
use crate::finding::{Finding, Location, Severity};
use crate::suppress;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeDescription,
    CompletionParams, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileChangeType, Hover, HoverContents,
    HoverParams, MarkupContent, MarkupKind, NumberOrString, PublishDiagnosticsParams, TextEdit,
    Uri, WorkspaceEdit,
};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Instant;

/// An open document.
struct Open {
    uri: Uri,
    language: String,
    version: i32,
    text: Text,
    /// The file it was opened from, if it is a local file.
    path: Option<PathBuf>,
    /// Findings of the last lint, for code actions and hover.
    findings: Vec<Finding>,
}

impl Open {
    fn is_check_file(&self) -> bool {
        let toml = self.language == "toml"
            || self
                .path
                .as_ref()
                .is_some_and(|p| p.extension().is_some_and(|e| e == "toml"));
        let special = self.path.as_ref().is_some_and(|p| {
            p.file_name()
                .is_some_and(|n| n == crate::config::CONFIG_FILE || n == crate::corpus::MANIFEST)
        });
        toml && !special
    }

    fn is_article(&self) -> bool {
        matches!(self.language.as_str(), "markdown" | "plaintext" | "text")
    }

    /// The path shown in findings, with an extension that tells the markup.
    fn shown_path(&self) -> String {
        match &self.path {
            Some(path) => path.to_string_lossy().into_owned(),
            None if self.language == "markdown" => "untitled.md".into(),
            None => "untitled.txt".into(),
        }
    }
}

struct Server {
    connection: Connection,
    ws: Workspace,
    docs: HashMap<String, Open>,
    /// Other files' text, read once, for the ranges of related locations.
    files: HashMap<PathBuf, Option<Text>>,
    /// TOML files given diagnostics for load errors, to clear them once fixed.
    error_files: HashSet<String>,
    trace: bool,
    shutdown: bool,
}

/// Runs the protocol on a connection; the exit status.
pub fn serve(connection: Connection) -> u8 {
    let Some((id, params)) = handshake(&connection) else {
        return 1;
    };
    let root = root_of(&params);
    let ws = Workspace::load(root);
    let result = json!({
        "capabilities": {
            "textDocumentSync": {
                "openClose": true,
                "change": 1,
                "save": { "includeText": false },
            },
            "hoverProvider": true,
            "codeActionProvider": { "codeActionKinds": ["quickfix"] },
            "completionProvider": { "triggerCharacters": ["\"", "{", ","] },
        },
        "serverInfo": { "name": "factlint", "version": env!("CARGO_PKG_VERSION") },
    });
    let _ = connection.sender.send(Response::new_ok(id, result).into());
    let watch = params
        .pointer("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let mut server = Server {
        connection,
        ws,
        docs: HashMap::new(),
        files: HashMap::new(),
        error_files: HashSet::new(),
        trace: std::env::var_os("FACTLINT_LSP_TRACE").is_some(),
        shutdown: false,
    };
    if watch {
        server.register_watchers();
    }
    server.publish_load_errors();
    server.main_loop()
}

/// Waits for `initialize`; other requests are refused, notifications dropped.
fn handshake(connection: &Connection) -> Option<(RequestId, Value)> {
    loop {
        match connection.receiver.recv().ok()? {
            Message::Request(req) if req.method == "initialize" => {
                return Some((req.id, req.params));
            }
            Message::Request(req) => {
                let _ = connection.sender.send(
                    Response::new_err(
                        req.id,
                        ErrorCode::ServerNotInitialized as i32,
                        "the server is not initialized yet".into(),
                    )
                    .into(),
                );
            }
            Message::Notification(n) if n.method == "exit" => return None,
            _ => {}
        }
    }
}

/// The workspace root: `rootUri`, else the first workspace folder, else
/// `rootPath`, else the current directory.
fn root_of(params: &Value) -> PathBuf {
    let uri = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .and_then(|s| Uri::from_str(s).ok())
            .and_then(|u| convert::uri_to_path(&u))
    };
    uri(params.get("rootUri"))
        .or_else(|| uri(params.pointer("/workspaceFolders/0/uri")))
        .or_else(|| {
            params
                .get("rootPath")
                .and_then(Value::as_str)
                .map(PathBuf::from)
        })
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

impl Server {
    fn main_loop(&mut self) -> u8 {
        let mut pending: VecDeque<Message> = VecDeque::new();
        loop {
            let message = match pending.pop_front() {
                Some(m) => m,
                None => match self.connection.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return 1,
                },
            };
            match message {
                Message::Request(req) => self.request(req),
                Message::Response(_) => {}
                Message::Notification(n) if n.method == "exit" => {
                    return if self.shutdown { 0 } else { 1 };
                }
                Message::Notification(n) if n.method == "textDocument/didChange" => {
                    // Coalesce a burst of edits: apply every queued change,
                    // then lint each changed document once, on its latest text.
                    let mut changed = Vec::new();
                    changed.extend(self.did_change(n));
                    while let Ok(next) = self.connection.receiver.try_recv() {
                        match next {
                            Message::Notification(n) if n.method == "textDocument/didChange" => {
                                changed.extend(self.did_change(n));
                            }
                            other => {
                                pending.push_back(other);
                                break;
                            }
                        }
                    }
                    let unique: HashSet<String> = changed.into_iter().collect();
                    for key in unique {
                        self.refresh(&key);
                    }
                }
                Message::Notification(n) => self.notification(n),
            }
        }
    }

    fn send(&self, message: impl Into<Message>) {
        let _ = self.connection.sender.send(message.into());
    }

    fn request(&mut self, req: Request) {
        if self.shutdown {
            self.send(Response::new_err(
                req.id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".into(),
            ));
            return;
        }
        let id = req.id.clone();
        let result = match req.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            "textDocument/hover" => params(req).map(|p| to_json(self.hover(p))),
            "textDocument/codeAction" => params(req).map(|p| to_json(self.code_actions(p))),
            "textDocument/completion" => params(req).map(|p| to_json(self.complete(p))),
            method => Err((
                ErrorCode::MethodNotFound,
                format!("unknown method `{method}`"),
            )),
        };
        self.send(match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        });
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let doc = p.text_document;
                    let key = doc.uri.as_str().to_string();
                    let path = convert::uri_to_path(&doc.uri);
                    self.docs.insert(
                        key.clone(),
                        Open {
                            uri: doc.uri,
                            language: doc.language_id,
                            version: doc.version,
                            text: Text::new(doc.text),
                            path,
                            findings: Vec::new(),
                        },
                    );
                    self.refresh(&key);
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params)
                    && let Some(doc) = self.docs.remove(p.text_document.uri.as_str())
                {
                    // Load errors of a check file on disk stay shown.
                    if !self.error_files.contains(doc.uri.as_str()) {
                        self.publish(doc.uri, Vec::new(), None);
                    }
                }
            }
            "textDocument/didSave" => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    let key = p.text_document.uri.as_str();
                    if self.docs.get(key).is_some_and(Open::is_check_file) {
                        self.reload();
                    }
                }
            }
            "workspace/didChangeWatchedFiles" => {
                if let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params) {
                    self.watched_files_changed(p);
                }
            }
            _ => {}
        }
    }

    /// Applies one `didChange`; the key of the document changed.
    fn did_change(&mut self, n: Notification) -> Option<String> {
        let p = serde_json::from_value::<DidChangeTextDocumentParams>(n.params).ok()?;
        let key = p.text_document.uri.as_str().to_string();
        let doc = self.docs.get_mut(&key)?;
        let mut text = std::mem::take(&mut doc.text.text);
        for change in p.content_changes {
            match change.range {
                None => text = change.text,
                Some(range) => {
                    let current = Text::new(text);
                    let start = current.offset(range.start);
                    let end = current.offset(range.end).max(start);
                    text = current.text;
                    text.replace_range(start..end, &change.text);
                }
            }
        }
        doc.text = Text::new(text);
        doc.version = p.text_document.version;
        Some(key)
    }

    /// Lints (or validates) an open document and publishes its diagnostics.
    fn refresh(&mut self, key: &str) {
        let Some(doc) = self.docs.get(key) else {
            return;
        };
        if doc.is_check_file() {
            let mut diagnostics = toml_docs::diagnostics(&doc.text);
            if diagnostics.is_empty() {
                // Errors only the whole set shows (a duplicate id in another file).
                diagnostics = self.disk_errors_for(doc);
            }
            self.publish(doc.uri.clone(), diagnostics, Some(doc.version));
            return;
        }
        if !doc.is_article() {
            return;
        }
        let started = Instant::now();
        let shown = doc.shown_path();
        let published = doc.path.as_deref().and_then(|p| self.ws.published(p));
        let key_path = doc.path.as_deref().map(normalise);
        let parsed = Document::parse(shown, doc.text.text.as_bytes().to_vec(), published);
        let findings = match &parsed {
            Ok(parsed) => self.ws.lint(parsed, key_path.as_deref()),
            Err(_) => Vec::new(),
        };
        // Other files that related locations point into are read once.
        self.cache_related_files(&findings);
        let Some(doc) = self.docs.get(key) else {
            return;
        };
        let diagnostics = match &parsed {
            Ok(_) => findings.iter().map(|f| self.diagnostic(doc, f)).collect(),
            Err(e) => vec![Diagnostic {
                severity: Some(DiagnosticSeverity::WARNING),
                code: Some(NumberOrString::String(crate::lint::UNREADABLE.into())),
                source: Some("factlint".into()),
                message: format!("the text {e}; not linted"),
                ..Diagnostic::default()
            }],
        };
        if self.trace {
            eprintln!(
                "factlint lsp: linted {} ({} bytes) in {:.1} ms: {} findings",
                doc.uri.as_str(),
                doc.text.text.len(),
                started.elapsed().as_secs_f64() * 1000.0,
                findings.len()
            );
        }
        let (uri, version) = (doc.uri.clone(), doc.version);
        if let Some(doc) = self.docs.get_mut(key) {
            doc.findings = findings;
        }
        self.publish(uri, diagnostics, Some(version));
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new(
            "textDocument/publishDiagnostics".into(),
            params,
        ));
    }

    /// A finding of an open article as an LSP diagnostic.
    fn diagnostic(&self, doc: &Open, finding: &Finding) -> Diagnostic {
        let check = self.ws.check(&finding.check_id);
        let code_description = check
            .and_then(|c| c.meta.references.first())
            .filter(|r| r.contains("://"))
            .and_then(|r| Uri::from_str(r).ok())
            .map(|href| CodeDescription { href });
        let related: Vec<DiagnosticRelatedInformation> = finding
            .related
            .iter()
            .filter_map(|location| {
                let (uri, range) = self.locate(doc, location)?;
                Some(DiagnosticRelatedInformation {
                    location: lsp_types::Location::new(uri, range),
                    message: location
                        .label
                        .clone()
                        .unwrap_or_else(|| "related".to_string()),
                })
            })
            .collect();
        let mut message = finding.message.clone();
        if let Some(label) = &finding.primary.label
            && !message.contains(label.as_str())
        {
            message.push_str(&format!(" ({label})"));
        }
        Diagnostic {
            range: doc.text.range(finding.primary.span.clone()),
            severity: Some(match finding.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
                Severity::Info => DiagnosticSeverity::INFORMATION,
            }),
            code: Some(NumberOrString::String(finding.check_id.to_string())),
            code_description,
            source: Some("factlint".into()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            ..Diagnostic::default()
        }
    }

    /// The URI and range of a location in the open document or another file.
    fn locate(&self, doc: &Open, location: &Location) -> Option<(Uri, lsp_types::Range)> {
        if *location.path == *doc.shown_path() {
            return Some((doc.uri.clone(), doc.text.range(location.span.clone())));
        }
        let path = Path::new(&*location.path);
        let uri = convert::path_to_uri(path, &self.ws.root)?;
        let span = location.span.clone();
        let exact = self
            .files
            .get(&normalise(path))
            .and_then(Option::as_ref)
            .filter(|t| {
                span.end <= t.text.len()
                    && t.text.is_char_boundary(span.start)
                    && t.text.is_char_boundary(span.end)
            })
            .map(|t| t.range(span));
        let range = exact.unwrap_or_else(|| {
            lsp_types::Range::new(
                convert::approximate(location.start.line, location.start.column),
                convert::approximate(location.end.line, location.end.column),
            )
        });
        Some((uri, range))
    }

    /// Reads (once) the other files that findings of `findings` point into.
    fn cache_related_files(&mut self, findings: &[Finding]) {
        for location in findings.iter().flat_map(|f| &f.related) {
            let path = Path::new(&*location.path);
            let key = normalise(path);
            self.files
                .entry(key)
                .or_insert_with(|| std::fs::read_to_string(path).ok().map(Text::new));
        }
    }

    fn hover(&self, p: HoverParams) -> Option<Hover> {
        let at = p.text_document_position_params;
        let doc = self.docs.get(at.text_document.uri.as_str())?;
        let offset = doc.text.offset(at.position);
        if doc.is_check_file() {
            let (markdown, span) = toml_docs::hover(&doc.text, offset)?;
            return Some(hover_of(markdown, doc.text.range(span)));
        }
        let hits: Vec<&Finding> = doc
            .findings
            .iter()
            .filter(|f| f.primary.span.start <= offset && offset <= f.primary.span.end)
            .collect();
        let first = hits.first()?;
        let sections: Vec<String> = hits.iter().map(|f| self.explain(f)).collect();
        Some(hover_of(
            sections.join("\n\n---\n\n"),
            doc.text.range(first.primary.span.clone()),
        ))
    }

    /// Markdown about a finding's check: message, description, help, examples.
    fn explain(&self, finding: &Finding) -> String {
        let mut out = format!(
            "**{}** `{}`\n\n{}",
            finding.severity.as_str(),
            finding.check_id,
            finding.message
        );
        let Some(check) = self.ws.check(&finding.check_id) else {
            if let Some(help) = &finding.help {
                out.push_str(&format!("\n\n{help}"));
            }
            return out;
        };
        let meta = &check.meta;
        if meta.description != finding.message && Some(&meta.description) != meta.help.as_ref() {
            out.push_str(&format!("\n\n{}", meta.description));
        }
        if let Some(help) = &meta.help {
            out.push_str(&format!("\n\n**Help:** {help}"));
        }
        if !check.examples.is_empty() {
            out.push_str("\n\n**Examples**\n");
            for example in &check.examples {
                let marked = crate::examples::shown(example);
                let verdict = if marked.expected.is_empty() {
                    "passes"
                } else {
                    "flagged"
                };
                let text = marked.text.replace('\n', " ");
                out.push_str(&format!("\n- *{verdict}:* {}", text.trim()));
            }
        }
        if let Some(reference) = meta.references.first() {
            out.push_str(&format!("\n\nSource: {reference}"));
        }
        out
    }

    fn code_actions(&self, p: CodeActionParams) -> Option<Vec<CodeActionOrCommand>> {
        let doc = self.docs.get(p.text_document.uri.as_str())?;
        let start = doc.text.offset(p.range.start);
        let end = doc.text.offset(p.range.end);
        let mut actions = Vec::new();
        let mut suppressed = HashSet::new();
        for finding in &doc.findings {
            let span = &finding.primary.span;
            if span.start > end || start > span.end {
                continue;
            }
            let diagnostic = self.diagnostic(doc, finding);
            if let Some(fix) = &finding.fix
                && fix.span.end <= doc.text.text.len()
                && let Some(found) = doc.text.text.get(fix.span.clone())
            {
                let title = if fix.replacement.is_empty() {
                    format!("Remove `{}`", shorten(found))
                } else {
                    format!(
                        "Replace `{}` with `{}`",
                        shorten(found),
                        shorten(&fix.replacement)
                    )
                };
                let edit = TextEdit::new(doc.text.range(fix.span.clone()), fix.replacement.clone());
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(edit_of(&doc.uri, vec![edit])),
                    is_preferred: Some(true),
                    ..CodeAction::default()
                }));
            }
            let id = &*finding.check_id;
            let line = doc.text.lines.line_of(span.start.min(doc.text.text.len()));
            if id == suppress::UNUSED
                || id == crate::lint::UNREADABLE
                || !suppressed.insert((id.to_string(), line))
            {
                continue;
            }
            let line_range = doc.text.lines.line_range(&doc.text.text, line);
            let indent: String = doc.text.text[line_range.clone()]
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            let eol = if doc.text.text.contains("\r\n") {
                "\r\n"
            } else {
                "\n"
            };
            let at = doc.text.position(line_range.start);
            let insert = TextEdit::new(
                lsp_types::Range::new(at, at),
                format!("{indent}<!-- factlint-disable-next-line {id} -->{eol}"),
            );
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Suppress `{id}` on this line"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic]),
                edit: Some(edit_of(&doc.uri, vec![insert])),
                ..CodeAction::default()
            }));
        }
        Some(actions)
    }

    fn complete(&self, p: CompletionParams) -> Option<Vec<lsp_types::CompletionItem>> {
        let at = p.text_document_position;
        let doc = self.docs.get(at.text_document.uri.as_str())?;
        if !doc.is_check_file() {
            return Some(Vec::new());
        }
        Some(toml_docs::complete(&doc.text, doc.text.offset(at.position)))
    }

    fn watched_files_changed(&mut self, p: DidChangeWatchedFilesParams) {
        let mut reload = false;
        let mut corpus_changed = false;
        for change in &p.changes {
            let Some(path) = convert::uri_to_path(&change.uri) else {
                continue;
            };
            self.files.remove(&normalise(&path));
            let extension = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_ascii_lowercase();
            if extension == "toml" {
                reload = true;
            } else if change.typ != FileChangeType::CHANGED || !self.ws.refresh_article(&path) {
                // A new or deleted article: list the corpus again.
                corpus_changed |= matches!(extension.as_str(), "md" | "markdown" | "txt");
            }
        }
        if reload {
            self.reload();
            return;
        }
        if corpus_changed {
            self.ws.load_corpus();
        }
        self.refresh_all();
    }

    /// Reads settings, checks and corpus again; shows load errors; relints.
    fn reload(&mut self) {
        self.ws.reload();
        self.files.clear();
        self.publish_load_errors();
        self.refresh_all();
    }

    fn refresh_all(&mut self) {
        let keys: Vec<String> = self.docs.keys().cloned().collect();
        for key in keys {
            self.refresh(&key);
        }
    }

    /// Errors of settings and check files, each in its file; clears those fixed.
    fn publish_load_errors(&mut self) {
        let mut by_file: HashMap<PathBuf, Vec<&ConfigError>> = HashMap::new();
        for e in &self.ws.errors {
            by_file.entry(e.path.clone()).or_default().push(e);
        }
        let mut now = HashSet::new();
        let mut to_publish = Vec::new();
        for (path, errors) in by_file {
            let Some(uri) = convert::path_to_uri(&path, &self.ws.root) else {
                continue;
            };
            now.insert(uri.as_str().to_string());
            if self.docs.contains_key(uri.as_str()) {
                continue; // refreshed with its live text below
            }
            let diagnostics = errors.iter().map(|e| config_diagnostic(e)).collect();
            to_publish.push((uri, diagnostics));
        }
        for key in self.error_files.difference(&now) {
            if !self.docs.contains_key(key)
                && let Ok(uri) = Uri::from_str(key)
            {
                to_publish.push((uri, Vec::new()));
            }
        }
        self.error_files = now;
        for (uri, diagnostics) in to_publish {
            self.publish(uri, diagnostics, None);
        }
    }

    /// Load errors of the file an open TOML document was opened from, when
    /// its text is what is on disk.
    fn disk_errors_for(&self, doc: &Open) -> Vec<Diagnostic> {
        let Some(path) = &doc.path else {
            return Vec::new();
        };
        let key = normalise(path);
        self.ws
            .errors
            .iter()
            .filter(|e| normalise(&e.path) == key && e.source == doc.text.text)
            .map(config_diagnostic)
            .collect()
    }

    fn register_watchers(&self) {
        let registration = json!({
            "registrations": [{
                "id": "factlint-watch",
                "method": "workspace/didChangeWatchedFiles",
                "registerOptions": {
                    "watchers": [
                        { "globPattern": "**/*.toml" },
                        { "globPattern": "**/*.{md,markdown,txt}" },
                    ],
                },
            }],
        });
        self.send(Request::new(
            RequestId::from("factlint-register-watchers".to_string()),
            "client/registerCapability".into(),
            registration,
        ));
    }
}

fn config_diagnostic(e: &ConfigError) -> Diagnostic {
    let text = Text::new(e.source.clone());
    let span = e.span.clone().filter(|s| s.end <= e.source.len());
    toml_docs::error_diagnostic(&text, span, &e.message, &e.label, e.help.as_deref())
}

fn hover_of(markdown: String, range: lsp_types::Range) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: Some(range),
    }
}

fn edit_of(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// Text for a title: one line, at most 40 characters.
fn shorten(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    if line.chars().count() > 40 || line.len() < text.trim_end().len() {
        let cut: String = line.chars().take(40).collect();
        format!("{cut}…")
    } else {
        line.to_string()
    }
}

fn to_json<T: serde::Serialize>(value: T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// A request's parameters, or the error response's code and message.
fn params<P: serde::de::DeserializeOwned>(req: Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(req.params).map_err(|e| {
        (
            ErrorCode::InvalidParams,
            format!("invalid parameters of `{}`: {e}", req.method),
        )
    })
}
