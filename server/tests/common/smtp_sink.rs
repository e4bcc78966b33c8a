//! A real SMTP server for tests: listens on 127.0.0.1, accepts every message and keeps it in
//! memory. It speaks what lettre uses (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no
//! STARTTLS, no AUTH) and decodes what lettre writes (quoted-printable or base64 bodies,
//! RFC 2047 subjects), so tests read the text as the person would.
//!
//! `fail_next(n)` answers the next `n` messages with `451` after their data, as a relay that is
//! briefly unable to take mail would.
//!
//! Used by `tests/mail.rs` and by `examples/smtp_sink.rs` (for browser tests).

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine as _;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// A message as the sink received it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The envelope sender (MAIL FROM).
    pub from: String,
    /// The envelope recipients (RCPT TO).
    pub to: Vec<String>,
    /// Headers and body as sent, dot-unstuffed, lines ending in CRLF.
    pub raw: String,
}

impl Message {
    fn split(&self) -> (&str, &str) {
        self.raw
            .split_once("\r\n\r\n")
            .unwrap_or((self.raw.as_str(), ""))
    }

    /// The value of the first header called `name` (any case), unfolded, not decoded.
    pub fn header(&self, name: &str) -> Option<String> {
        let (head, _) = self.split();
        let mut value: Option<String> = None;
        for line in head.split("\r\n") {
            if line.starts_with([' ', '\t']) {
                if let Some(v) = value.as_mut() {
                    v.push_str(line);
                }
                continue;
            }
            if value.is_some() {
                break;
            }
            if let Some((field, rest)) = line.split_once(':')
                && field.trim().eq_ignore_ascii_case(name)
            {
                value = Some(rest.trim_start().to_string());
            }
        }
        value.map(|v| v.trim().to_string())
    }

    /// The subject, RFC 2047 encoded-words decoded.
    pub fn subject(&self) -> String {
        decode_encoded_words(&self.header("Subject").unwrap_or_default())
    }

    /// The body, its transfer encoding undone, with `\n` line ends.
    pub fn text(&self) -> String {
        let (_, body) = self.split();
        let encoding = self
            .header("Content-Transfer-Encoding")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let bytes = match encoding.as_str() {
            "quoted-printable" => decode_quoted_printable(body),
            "base64" => {
                let compact: String = body.split_whitespace().collect();
                base64::engine::general_purpose::STANDARD
                    .decode(compact)
                    .expect("base64 body")
            }
            _ => body.as_bytes().to_vec(),
        };
        String::from_utf8(bytes)
            .expect("UTF-8 body")
            .replace("\r\n", "\n")
    }

    /// The first http(s) URL in the text.
    pub fn first_link(&self) -> Option<String> {
        let text = self.text();
        let start = ["http://", "https://"]
            .iter()
            .filter_map(|scheme| text.find(scheme))
            .min()?;
        let link: String = text[start..]
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, '<' | '>' | '"'))
            .collect();
        Some(
            link.trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '\''])
                .to_string(),
        )
    }
}

fn decode_quoted_printable(body: &str) -> Vec<u8> {
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'=' if bytes[i + 1..].starts_with(b"\r\n") => i += 3,
            b'=' if bytes[i + 1..].starts_with(b"\n") => i += 2,
            b'=' => {
                let hex = std::str::from_utf8(&bytes[i + 1..(i + 3).min(bytes.len())])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .expect("quoted-printable escape");
                out.push(hex);
                i += 3;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Decodes RFC 2047 encoded-words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) in a header value; the
/// blanks between two adjacent encoded-words are dropped, as the RFC says.
pub fn decode_encoded_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut after_word = false;
    while !rest.is_empty() {
        let Some(start) = rest.find("=?") else {
            out.push_str(rest);
            break;
        };
        let (before, candidate) = rest.split_at(start);
        match parse_encoded_word(candidate) {
            Some((decoded, len)) => {
                if !(after_word && before.trim().is_empty()) {
                    out.push_str(before);
                }
                out.push_str(&decoded);
                rest = &candidate[len..];
                after_word = true;
            }
            None => {
                out.push_str(before);
                out.push_str("=?");
                rest = &candidate[2..];
                after_word = false;
            }
        }
    }
    out
}

/// `=?charset?encoding?text?=` at the start of `s`: the decoded text and the length used.
fn parse_encoded_word(s: &str) -> Option<(String, usize)> {
    let inner = s.strip_prefix("=?")?;
    let (charset, inner) = inner.split_once('?')?;
    let (encoding, inner) = inner.split_once('?')?;
    let end = inner.find("?=")?;
    let text = &inner[..end];
    if text.contains(char::is_whitespace) {
        return None;
    }
    let charset = charset.split('*').next()?.to_ascii_lowercase();
    if charset != "utf-8" && charset != "us-ascii" {
        return None;
    }
    let bytes = match encoding.to_ascii_lowercase().as_str() {
        "b" => base64::engine::general_purpose::STANDARD
            .decode(text)
            .ok()?,
        "q" => decode_quoted_printable(&text.replace('_', " ")),
        _ => return None,
    };
    let len = 2 + charset.len() + 1 + encoding.len() + 1 + end + 2;
    Some((String::from_utf8(bytes).ok()?, len))
}

struct State {
    messages: Mutex<Vec<Message>>,
    /// Counts accepted messages; waiters watch it.
    count: tokio::sync::watch::Sender<usize>,
    fail_next: AtomicUsize,
    failed: AtomicUsize,
}

/// The running sink. Dropping it stops listening.
pub struct SmtpSink {
    addr: SocketAddr,
    state: Arc<State>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl SmtpSink {
    /// A sink on a free port of 127.0.0.1.
    pub async fn start() -> SmtpSink {
        SmtpSink::start_on(SocketAddr::from(([127, 0, 0, 1], 0)))
            .await
            .expect("the SMTP sink listens")
    }

    pub async fn start_on(addr: SocketAddr) -> std::io::Result<SmtpSink> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State {
            messages: Mutex::new(Vec::new()),
            count: tokio::sync::watch::Sender::new(0),
            fail_next: AtomicUsize::new(0),
            failed: AtomicUsize::new(0),
        });
        let task = tokio::spawn({
            let state = state.clone();
            async move {
                while let Ok((stream, _)) = listener.accept().await {
                    let state = state.clone();
                    tokio::spawn(async move {
                        // A client that hangs up mid-session is its own business.
                        let _ = session(stream, state).await;
                    });
                }
            }
        });
        Ok(SmtpSink { addr, state, task })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The URL for `MailConfig::smtp_url` (plain SMTP).
    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// Every message accepted so far, in arrival order.
    pub fn messages(&self) -> Vec<Message> {
        self.state.messages.lock().unwrap().clone()
    }

    /// Refuses the next `n` messages with `451` (temporary failure).
    pub fn fail_next(&self, n: usize) {
        self.state.fail_next.store(n, Ordering::SeqCst);
    }

    /// How many messages were refused by `fail_next`.
    pub fn failed(&self) -> usize {
        self.state.failed.load(Ordering::SeqCst)
    }

    /// The `index`-th accepted message (from 0), waiting for it as long as it takes.
    pub async fn nth(&self, index: usize) -> Message {
        let mut rx = self.state.count.subscribe();
        rx.wait_for(|count| *count > index)
            .await
            .expect("the sink is running");
        self.messages()[index].clone()
    }

    /// The first message for `to` (any case), waiting up to `timeout`; panics after.
    pub async fn wait_for(&self, to: &str, timeout: Duration) -> Message {
        let find = |messages: Vec<Message>| {
            messages
                .into_iter()
                .find(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(to)))
        };
        let mut rx = self.state.count.subscribe();
        let wait = async {
            loop {
                if let Some(found) = find(self.messages()) {
                    return found;
                }
                rx.changed().await.expect("the sink is running");
            }
        };
        match tokio::time::timeout(timeout, wait).await {
            Ok(message) => message,
            Err(_) => panic!(
                "no e-mail for {to} within {timeout:?}; received for: {:?}",
                self.messages().iter().map(|m| &m.to).collect::<Vec<_>>()
            ),
        }
    }
}

/// The text between `<` and `>` of `MAIL FROM:<…>` / `RCPT TO:<…>` (parameters after it ignored).
fn path_of(argument: &str) -> Option<String> {
    let (_, rest) = argument.split_once(':')?;
    let rest = rest.trim_start();
    match rest.strip_prefix('<') {
        Some(inner) => inner.split_once('>').map(|(path, _)| path.to_string()),
        None => rest.split_whitespace().next().map(str::to_string),
    }
}

async fn session(stream: TcpStream, state: Arc<State>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write
        .write_all(b"220 wemi-test-sink ESMTP ready\r\n")
        .await?;
    let mut from: Option<String> = None;
    let mut to: Vec<String> = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end_matches(['\r', '\n']);
        let verb = command
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => {
                from = None;
                to.clear();
                b"250-wemi-test-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n"
            }
            "HELO" => {
                from = None;
                to.clear();
                b"250 wemi-test-sink\r\n"
            }
            "MAIL" => match path_of(command) {
                Some(path) => {
                    from = Some(path);
                    to.clear();
                    b"250 OK\r\n"
                }
                None => b"501 Syntax: MAIL FROM:<address>\r\n",
            },
            "RCPT" => match (&from, path_of(command)) {
                (None, _) => b"503 MAIL first\r\n",
                (Some(_), Some(path)) => {
                    to.push(path);
                    b"250 OK\r\n"
                }
                (Some(_), None) => b"501 Syntax: RCPT TO:<address>\r\n",
            },
            "DATA" if from.is_none() || to.is_empty() => b"503 RCPT first\r\n",
            "DATA" => {
                write
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let mut raw = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    // Dot-unstuffing (RFC 5321 4.5.2).
                    raw.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                let refuse = state
                    .fail_next
                    .try_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                    .is_ok();
                let message = Message {
                    from: from.take().unwrap_or_default(),
                    to: std::mem::take(&mut to),
                    raw,
                };
                if refuse {
                    state.failed.fetch_add(1, Ordering::SeqCst);
                    b"451 4.3.0 Try again later (test sink)\r\n"
                } else {
                    let count = {
                        let mut messages = state.messages.lock().unwrap();
                        messages.push(message);
                        messages.len()
                    };
                    state.count.send_replace(count);
                    b"250 OK queued\r\n"
                }
            }
            "RSET" => {
                from = None;
                to.clear();
                b"250 OK\r\n"
            }
            "NOOP" => b"250 OK\r\n",
            "QUIT" => {
                write.write_all(b"221 Bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 Command not implemented\r\n",
        };
        write.write_all(reply).await?;
    }
}
