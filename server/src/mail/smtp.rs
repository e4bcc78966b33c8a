//! Sending one queued message over SMTP with lettre (tokio, rustls: no OpenSSL).
//!
//! lettre's `tracing` feature stays off: at debug level it logs every line written to the
//! server, message bodies (with their one-time links) included.

use std::fmt;
use std::time::Duration;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use crate::store::outbox::QueuedMail;

/// Each network step (connect, TLS, each command) may take this long before the attempt fails.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// How the connection to the SMTP server is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    /// No encryption: only for a relay on the same host or network (and the test sink).
    Plain,
    /// Plain connection upgraded with STARTTLS; fails if the server does not offer it, so
    /// neither the password nor a message ever travels in clear.
    StartTls,
    /// TLS from the first byte (SMTPS, port 465).
    Tls,
}

/// Where and how to reach the SMTP server, read from `WEMI_SMTP_URL`:
///
/// - `smtp://host[:port]`: plain (port 25), for a local relay;
/// - `smtp://user:pass@host[:port]`: STARTTLS required (port 587), then login;
/// - `smtp://host[:port]?tls=required`: STARTTLS required, no login;
/// - `smtps://[user:pass@]host[:port]`: TLS from the start (port 465).
///
/// User and password are percent-decoded (`%40` for `@`). A path names the host in EHLO
/// (`smtp://relay:25/portal.example`), as in lettre's own URLs.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpEndpoint {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub credentials: Option<(String, String)>,
    pub hello_name: Option<String>,
}

impl fmt::Debug for SmtpEndpoint {
    // The password never reaches a log line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpEndpoint")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("user", &self.credentials.as_ref().map(|(user, _)| user))
            .field("hello_name", &self.hello_name)
            .finish()
    }
}

impl SmtpEndpoint {
    pub fn parse(url: &str) -> Result<SmtpEndpoint, String> {
        let (scheme, rest) = url
            .split_once("://")
            .ok_or("expected smtp://… or smtps://…")?;
        let implicit_tls = match scheme.to_ascii_lowercase().as_str() {
            "smtp" => false,
            "smtps" => true,
            other => return Err(format!("unknown scheme {other:?}: use smtp or smtps")),
        };
        let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((userinfo, hostport)) => (Some(userinfo), hostport),
            None => (None, authority),
        };
        let credentials = match userinfo {
            None => None,
            Some(userinfo) => {
                let (user, password) = userinfo
                    .split_once(':')
                    .ok_or("a user needs a password (smtp://user:password@host)")?;
                Some((percent_decode(user)?, percent_decode(password)?))
            }
        };
        let (host, port) = split_host_port(hostport)?;
        let mut require_starttls = false;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            match pair {
                "tls=required" => require_starttls = true,
                other => return Err(format!("unknown option {other:?} (known: tls=required)")),
            }
        }
        let security = if implicit_tls {
            Security::Tls
        } else if credentials.is_some() || require_starttls {
            Security::StartTls
        } else {
            Security::Plain
        };
        let port = port.unwrap_or(match security {
            Security::Plain => 25,
            Security::StartTls => 587,
            Security::Tls => 465,
        });
        let hello_name = Some(path.trim_matches('/'))
            .filter(|p| !p.is_empty())
            .map(str::to_string);
        Ok(SmtpEndpoint {
            host,
            port,
            security,
            credentials,
            hello_name,
        })
    }

    fn transport(&self) -> Result<AsyncSmtpTransport<Tokio1Executor>, String> {
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&self.host)
            .port(self.port)
            .timeout(Some(SMTP_TIMEOUT));
        let tls =
            || TlsParameters::new(self.host.clone()).map_err(|err| format!("TLS settings: {err}"));
        builder = match self.security {
            Security::Plain => builder.tls(Tls::None),
            Security::StartTls => builder.tls(Tls::Required(tls()?)),
            Security::Tls => builder.tls(Tls::Wrapper(tls()?)),
        };
        if let Some((user, password)) = &self.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        if let Some(name) = &self.hello_name {
            builder = builder.hello_name(ClientId::Domain(name.clone()));
        }
        Ok(builder.build())
    }
}

fn split_host_port(hostport: &str) -> Result<(String, Option<u16>), String> {
    let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
        let (host, after) = v6.split_once(']').ok_or("unclosed [ in the host")?;
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':').ok_or("expected :port after ]")?),
        };
        (host, port)
    } else {
        match hostport.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (hostport, None),
        }
    };
    if host.is_empty() {
        return Err("the host is missing".to_string());
    }
    let port = match port {
        None => None,
        Some(p) => Some(
            p.parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| format!("bad port {p:?}"))?,
        ),
    };
    Ok((host.to_string(), port))
}

fn percent_decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or("bad %-escape in the user or password")?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "the user or password is not UTF-8".to_string())
}

/// Parses the sender, e.g. `WeMi <noreply@wemi.comune.milano.it>`.
pub fn parse_from(from: &str) -> Result<Mailbox, String> {
    from.trim()
        .parse::<Mailbox>()
        .map_err(|err| format!("{from:?} is not an e-mail address ({err})"))
}

/// Why a message was not sent.
#[derive(Debug)]
pub enum SendError {
    /// The message cannot be sent as it is (e.g. a malformed address): retrying cannot help.
    Invalid(String),
    /// The SMTP exchange failed (server down, timeout, refusal): worth retrying.
    Smtp(lettre::transport::smtp::Error),
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendError::Invalid(reason) => write!(f, "invalid message: {reason}"),
            SendError::Smtp(err) => write!(f, "SMTP: {err}"),
        }
    }
}

impl std::error::Error for SendError {}

/// Sends queued messages to one SMTP server, reusing connections (lettre's pool).
#[derive(Clone)]
pub struct SmtpSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpSender {
    pub fn new(endpoint: &SmtpEndpoint, from: &str) -> Result<SmtpSender, String> {
        Ok(SmtpSender {
            transport: endpoint.transport()?,
            from: parse_from(from)?,
        })
    }

    pub async fn send(&self, mail: &QueuedMail) -> Result<(), SendError> {
        let message = build_message(&self.from, mail).map_err(SendError::Invalid)?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(SendError::Smtp)
    }
}

/// The e-mail for a queued message: text/plain UTF-8 from `from`, with Date and a Message-ID
/// that stays the same across retries (a message sent twice after a crash can be recognised
/// as one by the receiving side).
pub fn build_message(from: &Mailbox, mail: &QueuedMail) -> Result<Message, String> {
    let to: Address = mail
        .to
        .trim()
        .parse()
        .map_err(|err| format!("recipient address: {err}"))?;
    let message_id = format!(
        "<wemi.outbox.{}.{}@{}>",
        mail.id,
        mail.created_at.unix_timestamp(),
        from.email.domain()
    );
    Message::builder()
        .from(from.clone())
        .to(Mailbox::new(None, to))
        .subject(mail.subject.as_str())
        .message_id(Some(message_id))
        .date_now()
        // RFC 3834: automatic mail, so vacation responders do not answer it.
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            "auto-generated".to_string(),
        ))
        .header(ContentType::TEXT_PLAIN)
        .body(mail.text.clone())
        .map_err(|err| format!("cannot build the message: {err}"))
}
