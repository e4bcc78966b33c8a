//! A local SMTP server that accepts every message and writes it, decoded, to a folder: for
//! browser tests and for trying the portal's e-mails without a real mail server.
//!
//! ```sh
//! cargo run -p server --example smtp_sink -- --port 2525 --dir /tmp/wemi-mail
//! WEMI_SMTP_URL=smtp://127.0.0.1:2525 scripts/run.sh
//! ```
//!
//! Each message becomes `DIR/<n>.json` (n = 1, 2, …) holding
//! `{"to": [...], "subject": "...", "text": "..."}`; the file appears whole (written aside,
//! then renamed), so a test polling the folder never reads half of one. Runs until killed.

#[path = "../tests/common/smtp_sink.rs"]
mod smtp_sink;

use std::net::SocketAddr;
use std::path::PathBuf;

fn usage() -> ! {
    eprintln!("usage: smtp_sink --port N --dir DIR");
    std::process::exit(2)
}

fn main() -> std::io::Result<()> {
    let mut port: Option<u16> = None;
    let mut dir: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => port = args.next().and_then(|p| p.parse().ok()),
            "--dir" => dir = args.next().map(PathBuf::from),
            _ => usage(),
        }
    }
    let (Some(port), Some(dir)) = (port, dir) else {
        usage()
    };
    std::fs::create_dir_all(&dir)?;
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(serve(port, dir))
}

async fn serve(port: u16, dir: PathBuf) -> std::io::Result<()> {
    let sink = smtp_sink::SmtpSink::start_on(SocketAddr::from(([127, 0, 0, 1], port))).await?;
    println!(
        "SMTP sink listening on {} (WEMI_SMTP_URL={}), writing to {}",
        sink.addr(),
        sink.url(),
        dir.display()
    );
    for n in 1.. {
        let message = sink.nth(n - 1).await;
        let json = serde_json::json!({
            "to": message.to,
            "subject": message.subject(),
            "text": message.text(),
        });
        let path = dir.join(format!("{n}.json"));
        let partial = dir.join(format!(".{n}.json.partial"));
        std::fs::write(&partial, serde_json::to_vec_pretty(&json)?)?;
        std::fs::rename(&partial, &path)?;
        println!("{}: to {:?}", path.display(), message.to);
    }
    Ok(())
}
