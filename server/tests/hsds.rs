//! The open-data API `/hsds/` (Open Referral HSDS 3.0): every answer validates against the
//! HSDS 3.0 schemas (formats included: UUIDs, URIs, e-mails, dates). The schemas are the Open
//! Referral specification's (CC BY-SA 4.0, see `data/hsds-3.0/README.md`), kept with the tests
//! so they run from any checkout.

use crate::common;

use std::path::{Path, PathBuf};

use serde_json::Value;

use common::TestServer;

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/hsds-3.0")
}

fn load(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// The schema file with every reference to a sibling file (`"$ref": "phone.json"`) replaced by
/// that file's content, so validation needs no network and no resolver.
fn inlined(file: &str) -> Value {
    fn walk(value: &mut Value, dir: &Path, depth: usize) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref")
                    && r.ends_with(".json")
                    && !r.contains('#')
                {
                    let name = r.rsplit('/').next().unwrap().to_string();
                    let mut target = load(&dir.join(&name));
                    if depth < 12 {
                        walk(&mut target, dir, depth + 1);
                    }
                    map.remove("$ref");
                    if let Value::Object(t) = target {
                        for (k, v) in t {
                            map.entry(k).or_insert(v);
                        }
                    }
                    return;
                }
                for v in map.values_mut() {
                    walk(v, dir, depth);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| walk(v, dir, depth)),
            _ => {}
        }
    }
    let dir = schema_dir();
    let mut schema = load(&dir.join(file));
    walk(&mut schema, &dir, 0);
    schema
}

fn assert_valid(schema_file: &str, instance: &Value) {
    let schema = inlined(schema_file);
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{schema_file}: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{schema_file}:\n{}\n{}",
        errors.join("\n"),
        serde_json::to_string_pretty(instance).unwrap()
    );
}

/// The page envelope of the HSDS OpenAPI (`#/components/schemas/Page`) and each item.
fn assert_page(body: &Value, item_schema: &str) {
    let openapi = load(&schema_dir().join("openapi.json"));
    let page_schema = openapi["components"]["schemas"]["Page"].clone();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&page_schema)
        .unwrap();
    assert!(validator.is_valid(body), "page envelope: {body}");
    for key in [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
    ] {
        assert!(body.get(key).is_some(), "{key} in the envelope");
    }
    let contents = body["contents"].as_array().expect("contents");
    assert_eq!(contents.len() as i64, body["size"].as_i64().unwrap());
    for item in contents {
        assert_valid(item_schema, item);
    }
}

async fn hsds(server: &TestServer) {
    let (status, root) = server.get_json("/hsds/").await;
    assert_eq!(status, 200);
    assert_eq!(root["version"], "3.0");

    let (status, services) = server.get_json("/hsds/services?per_page=50").await;
    assert_eq!(status, 200);
    assert_eq!(services["total_items"], 143);
    assert_eq!(services["total_pages"], 3);
    assert_page(&services, "compiled/service_list.json");

    // Every service in full, validated against the complete service schema.
    let mut all = Vec::new();
    for page in 1..=3 {
        let (_, body) = server
            .get_json(&format!("/hsds/services?per_page=50&page={page}"))
            .await;
        all.extend(body["contents"].as_array().unwrap().clone());
    }
    assert_eq!(all.len(), 143);
    for s in all.iter().step_by(7) {
        let id = s["id"].as_str().unwrap();
        let (status, full) = server.get_json(&format!("/hsds/services/{id}")).await;
        assert_eq!(status, 200, "{id}");
        assert_valid("compiled/service_with_definitions.json", &full);
        assert_eq!(full["id"], s["id"]);
        assert!(!full["service_areas"].as_array().unwrap().is_empty());
        assert!(!full["attributes"].as_array().unwrap().is_empty());
    }

    let (status, search) = server.get_json("/hsds/services?search=babysitter").await;
    assert_eq!(status, 200);
    assert!(search["total_items"].as_i64().unwrap() > 0);
    assert_page(&search, "compiled/service_list.json");

    let (status, orgs) = server.get_json("/hsds/organizations?per_page=100").await;
    assert_eq!(status, 200);
    assert_eq!(orgs["total_items"], 50);
    assert_page(&orgs, "compiled/organization_list.json");
    let org_id = orgs["contents"][0]["id"].as_str().unwrap().to_string();
    let (status, org) = server
        .get_json(&format!("/hsds/organizations/{org_id}"))
        .await;
    assert_eq!(status, 200);
    assert_valid("organization.json", &org);
    assert!(!org["locations"].as_array().unwrap().is_empty());
    let (status, by_org) = server
        .get_json(&format!("/hsds/services?organization_id={org_id}"))
        .await;
    assert_eq!(status, 200);
    assert!(by_org["total_items"].as_i64().unwrap() >= 1);
    assert!(
        by_org["contents"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["organization_id"] == org_id.as_str())
    );

    let (status, sal) = server
        .get_json("/hsds/service_at_locations?per_page=100")
        .await;
    assert_eq!(status, 200);
    assert!(sal["total_items"].as_i64().unwrap() >= 143);
    assert_page(&sal, "compiled/service_at_location_list.json");

    let (status, taxonomies) = server.get_json("/hsds/taxonomies").await;
    assert_eq!(status, 200);
    assert_eq!(taxonomies["total_items"], 3);
    assert_page(&taxonomies, "taxonomy.json");
    let (status, terms) = server.get_json("/hsds/taxonomy_terms?per_page=100").await;
    assert_eq!(status, 200);
    assert_eq!(terms["total_items"], 13 + 6 + 4);
    assert_page(&terms, "taxonomy_term.json");
    let category_term = terms["contents"][1]["id"].as_str().unwrap();
    let (_, in_category) = server
        .get_json(&format!(
            "/hsds/services?taxonomy_term_id={category_term}&per_page=100"
        ))
        .await;
    assert!(in_category["total_items"].as_i64().unwrap() > 0);

    // Unknown or malformed ids and bad paging: clear 4xx, never 5xx.
    for path in [
        "/hsds/services/00000000-0000-0000-0000-000000000000",
        "/hsds/services/not-a-uuid",
        "/hsds/organizations/00000002-0000-8000-8000-0000000fffff",
        "/hsds/nothing",
    ] {
        let (status, body) = server.get_json(path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(body["error"]["code"], "not_found");
    }
    for path in [
        "/hsds/services?page=0",
        "/hsds/organizations?per_page=1000",
        "/hsds/services?search=".to_string().as_str(),
    ] {
        let response = server.get(path).await;
        assert!(response.status().as_u16() < 500, "{path}");
    }
}
both_engines!(hsds_answers_validate_against_the_schemas, hsds);
