//! Converts the domestic-work tables from TOML (the format people edit, with comments and
//! sources) to JSON at build time, so the browser bundle parses them with serde_json, which
//! it carries anyway, instead of shipping a TOML parser.

use std::path::PathBuf;

fn main() {
    let source = "data/domestic-work-tables.toml";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("read the domestic-work tables");
    let value: toml::Value =
        toml::from_str(&text).expect("the domestic-work tables are valid TOML");
    let json = serde_json::to_string(&value).expect("tables as JSON");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("domestic-work-tables.json");
    std::fs::write(out, json).expect("write the JSON tables");
}
