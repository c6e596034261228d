//! docs/factcards.schema.json is exactly what the Rust types generate.
//! After changing the format, refresh it with:
//! `UPDATE_SCHEMA=1 cargo test --test schema`
#![cfg(not(target_arch = "wasm32"))]

use factcards::model::schema::schema_json;

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/factcards.schema.json");

#[test]
fn committed_schema_matches_the_types() {
    let generated = schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &generated).expect("write the schema");
    }
    let committed = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/factcards.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test --test schema`"
    );
}

#[test]
fn schema_describes_the_rules_editors_need() {
    let schema: serde_json::Value = serde_json::from_str(&schema_json()).unwrap();
    assert_eq!(schema["additionalProperties"], false, "unknown fields are errors");
    let required = schema["required"].as_array().unwrap();
    for field in [
        "factcards",
        "id",
        "title",
        "summary",
        "lang",
        "updated",
        "sources",
        "categories",
        "cards",
    ] {
        assert!(required.contains(&field.into()), "{field} is required");
    }
    assert!(!required.contains(&"corrections".into()));
    let defs = &schema["$defs"];
    assert_eq!(
        defs["Status"]["oneOf"]
            .as_array()
            .map(Vec::len)
            .or(defs["Status"]["enum"].as_array().map(Vec::len)),
        Some(5)
    );
    assert_eq!(defs["Fact"]["properties"]["sources"]["minItems"], 1);
    assert_eq!(defs["Card"]["properties"]["facts"]["minItems"], 1);
    assert_eq!(defs["FormatVersion"]["enum"], serde_json::json!([1]));
}

#[test]
fn the_schema_bounds_refresh_as_the_rules_do() {
    use factcards::model::{MAX_REFRESH_SECONDS, MIN_REFRESH_SECONDS};
    let schema: serde_json::Value = serde_json::from_str(&schema_json()).unwrap();
    let refresh = &schema["properties"]["refresh"];
    assert_eq!(refresh["minimum"], MIN_REFRESH_SECONDS);
    assert_eq!(refresh["maximum"], MAX_REFRESH_SECONDS);
    let fact_id = &schema["$defs"]["Fact"]["properties"]["id"];
    assert_eq!(fact_id["pattern"], "^[a-z0-9]+(-[a-z0-9]+)*$");
}

#[test]
fn the_schema_allows_a_source_url_relative_to_the_sheet() {
    let schema: serde_json::Value = serde_json::from_str(&schema_json()).unwrap();
    let url = &schema["$defs"]["Source"]["properties"]["url"];
    // http(s) with a host, or ./ or ../ then anything but whitespace, as
    // model::source_urls::check_source_url accepts.
    assert_eq!(
        url["pattern"],
        r"^(?:[Hh][Tt][Tt][Pp][Ss]?://[^\s]+|\.\.?/[^\s]*)$"
    );
    assert!(url["description"].as_str().unwrap().contains("`./` or `../`"));
}
