//! The JSON Schema of the sheet format, generated from the types in
//! `sheet.rs` so that it cannot drift from what the widget reads. Committed
//! as docs/factcards.schema.json; `tests/schema.rs` keeps the two in sync.

use schemars::generate::SchemaSettings;

use super::sheet::Sheet;

/// The schema's address, used as its `$id`.
pub const SCHEMA_ID: &str = "https://factcards.invalid/schema/v1/factcards.schema.json";

/// The JSON Schema (draft 2020-12) of a version 1 sheet, pretty-printed.
pub fn schema_json() -> String {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<Sheet>();
    schema.insert("$id".to_owned(), SCHEMA_ID.into());
    schema.insert(
        "title".to_owned(),
        "factcards story sheet, format version 1".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
