//! `factlint lsp`: a language server over standard input and output.
//!
//! Articles (`markdown`, `plaintext`) get diagnostics as they are typed,
//! compared with the facts of the reference corpus (read once and kept);
//! fixes and suppressions are code actions; hover explains a check. Check
//! files (`toml`) get their errors as diagnostics, hover on keys and
//! completion.
//!
//! The transport is our own thin framing over [`lsp_server::Connection`]'s
//! channels, so that a malformed message gets a JSON-RPC error response
//! instead of ending the session.

pub mod convert;
mod server;
pub mod toml_docs;
pub mod workspace;

use lsp_server::{Connection, Message};
use std::io::{BufRead, Read, Write};
use std::sync::{Arc, Mutex};

/// Options of `factlint lsp`.
#[derive(Debug, clap::Args)]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport; accepted
    /// because many clients pass it).
    #[arg(long)]
    pub stdio: bool,
}

/// The largest message body read; larger ones are skipped with an error.
const MAX_BODY: usize = 256 << 20;

/// Runs the server until `exit`; the process's exit status (0 after a
/// `shutdown` request, 1 otherwise, as the protocol asks).
pub fn run(_args: &LspArgs) -> u8 {
    let (server, client) = Connection::memory();
    let stdout = Arc::new(Mutex::new(std::io::stdout()));
    let writer = {
        let stdout = Arc::clone(&stdout);
        let receiver = client.receiver;
        std::thread::spawn(move || {
            for message in receiver {
                let mut out = stdout.lock().unwrap_or_else(|e| e.into_inner());
                if message.write(&mut *out).is_err() {
                    break;
                }
            }
        })
    };
    let sender = client.sender;
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        loop {
            match read_body(&mut input) {
                Frame::End => break,
                Frame::Body(body) => match serde_json::from_str::<Message>(&body) {
                    Ok(message) => {
                        let exit =
                            matches!(&message, Message::Notification(n) if n.method == "exit");
                        if sender.send(message).is_err() || exit {
                            break;
                        }
                    }
                    Err(e) => write_error(&stdout, &body, &e.to_string()),
                },
                Frame::Bad(why) => write_error(&stdout, "", &why),
            }
        }
    });
    let code = server::serve(server);
    // The server's end of the channel is gone: the writer drains and stops.
    let _ = writer.join();
    code
}

enum Frame {
    Body(String),
    /// A message that could not be read; the stream goes on after it.
    Bad(String),
    End,
}

/// Reads one `Content-Length`-framed message body.
fn read_body(input: &mut impl BufRead) -> Frame {
    let mut length: Option<Result<usize, String>> = None;
    let mut line = String::new();
    let mut any_header = false;
    loop {
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) if !any_header => return Frame::End,
            Ok(0) => return Frame::End,
            Err(e) => return Frame::Bad(format!("cannot read a header: {e}")),
            Ok(_) => {}
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if any_header {
                break;
            }
            continue;
        }
        any_header = true;
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = Some(
                value
                    .trim()
                    .parse::<usize>()
                    .map_err(|e| format!("bad Content-Length `{}`: {e}", value.trim())),
            );
        }
    }
    let length = match length {
        None => return Frame::Bad("a message without Content-Length".into()),
        Some(Err(why)) => return Frame::Bad(why),
        Some(Ok(n)) => n,
    };
    if length > MAX_BODY {
        let skipped = std::io::copy(&mut input.take(length as u64), &mut std::io::sink());
        return match skipped {
            Ok(n) if n == length as u64 => Frame::Bad(format!("a message of {length} bytes")),
            _ => Frame::End,
        };
    }
    let mut body = vec![0; length];
    if input.read_exact(&mut body).is_err() {
        return Frame::End;
    }
    match String::from_utf8(body) {
        Ok(body) => Frame::Body(body),
        Err(_) => Frame::Bad("a message body that is not UTF-8".into()),
    }
}

/// Answers a message that is not a valid JSON-RPC message: "invalid
/// request" with its id when it has one, else "parse error" with a null id.
fn write_error(stdout: &Mutex<std::io::Stdout>, body: &str, why: &str) {
    let value: Option<serde_json::Value> = serde_json::from_str(body).ok();
    let id = value
        .as_ref()
        .and_then(|v| v.get("id"))
        .filter(|id| id.is_number() || id.is_string())
        .cloned();
    let (code, id) = match (&value, id) {
        (Some(_), Some(id)) => (-32600, id),
        (Some(_), None) => (-32600, serde_json::Value::Null),
        (None, _) => (-32700, serde_json::Value::Null),
    };
    let is_notification = value
        .as_ref()
        .is_some_and(|v| v.get("method").is_some() && v.get("id").is_none());
    if is_notification {
        // Notifications are never answered, even when malformed.
        eprintln!("factlint lsp: ignored a malformed notification: {why}");
        return;
    }
    let response = serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code, "message": format!("invalid message: {why}") },
    });
    let text = response.to_string();
    let mut out = stdout.lock().unwrap_or_else(|e| e.into_inner());
    let _ = write!(out, "Content-Length: {}\r\n\r\n{text}", text.len());
    let _ = out.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<String> {
        let mut input = std::io::Cursor::new(input.as_bytes().to_vec());
        let mut out = Vec::new();
        loop {
            match read_body(&mut input) {
                Frame::End => return out,
                Frame::Body(b) => out.push(b),
                Frame::Bad(why) => out.push(format!("bad: {why}")),
            }
        }
    }

    #[test]
    fn frames_are_read_and_bad_ones_skipped() {
        let got = frames(
            "Content-Length: 2\r\n\r\n{}Content-Type: x\r\n\r\ncontent-length: nope\r\n\r\nContent-Length: 4\r\n\r\n[1]\n",
        );
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], "{}");
        assert!(got[1].starts_with("bad: a message without"));
        assert!(got[2].starts_with("bad: bad Content-Length"));
        assert_eq!(got[3], "[1]\n");
        // a body cut short ends the stream
        assert_eq!(frames("Content-Length: 10\r\n\r\n{}"), Vec::<String>::new());
    }
}
