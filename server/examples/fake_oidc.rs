//! The fake SPID/CIE identity broker of the tests, as a process for browser tests.
//!
//! ```sh
//! cargo run -p server --example fake_oidc -- --port 4010 \
//!     --client-id wemi-test --client-secret wemi-test-secret \
//!     --redirect-uri http://127.0.0.1:3000/
//! ```
//!
//! Prints the issuer URL on the first line of standard output, then serves until killed.
//! `--client-secret ""` makes the client public (PKCE only). `--redirect-uri` is the prefix
//! every redirect URI must start with. Steer it over HTTP: `POST /_fake/identity` with the
//! claims of the next login (JSON object), `POST /_fake/fault` with `{"fault": "expired"}` or
//! `{"fault": null}`.

use std::io::Write as _;

#[path = "../tests/common/fake_oidc.rs"]
mod fake_oidc;

use fake_oidc::{FakeOidc, FakeOidcOptions};

const USAGE: &str = "usage: fake_oidc [--port N] [--client-id ID] [--client-secret SECRET] \
                     [--redirect-uri PREFIX]";

fn parse_args() -> Result<FakeOidcOptions, String> {
    let mut options = FakeOidcOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            return Err(USAGE.into());
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--port" => {
                options.port = value
                    .parse()
                    .map_err(|_| format!("--port: {value:?} is not a port number"))?;
            }
            "--client-id" => options.client_id = value,
            "--client-secret" => {
                options.client_secret = Some(value).filter(|secret| !secret.is_empty());
            }
            "--redirect-uri" => options.redirect_uri_prefix = value,
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    Ok(options)
}

#[tokio::main]
async fn main() {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    let fake = FakeOidc::start_with(options).await;
    // The issuer alone on the first line, for the scripts that start this.
    println!("{}", fake.issuer);
    let _ = std::io::stdout().flush();
    eprintln!(
        "fake OpenID provider: client {:?} ({}), until killed",
        fake.client_id,
        if fake.client_secret.is_some() {
            "confidential"
        } else {
            "public"
        }
    );
    // SIGTERM's default action ends the process; Ctrl-C is caught to end it the same way.
    let _ = tokio::signal::ctrl_c().await;
}
