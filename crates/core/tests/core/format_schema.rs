//! The documented JSON Schema (docs/ladder-format.schema.json) and the importer agree: what
//! Guildbook writes validates, and what the schema refuses the importer refuses too.

use guildbook_core::ladder::templates::{self, Template};
use serde_json::{json, Value};

fn schema() -> jsonschema::Validator {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/ladder-format.schema.json"
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the documented schema compiles")
}

#[test]
fn templates_and_exports_validate_against_the_documented_schema() {
    let validator = schema();
    for t in [Template::Technical, Template::Creative] {
        let file = serde_json::to_value(templates::file(t)).unwrap();
        let errors: Vec<_> = validator
            .iter_errors(&file)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{t:?}: {errors:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let ws = guildbook_core::demo::create(&dir.path().join("demo")).unwrap();
    for role in ws.list_roles(true).unwrap() {
        let file: Value = serde_json::from_str(&ws.export_ladder_json(&role.id).unwrap()).unwrap();
        let errors: Vec<_> = validator
            .iter_errors(&file)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", role.name);
    }
}

/// A change that makes a ladder file wrong.
type Mutation = dyn Fn(&mut Value);

#[test]
fn what_the_schema_refuses_the_importer_refuses() {
    let validator = schema();
    let (_dir, mut ws) = crate::common::workspace();
    let base = serde_json::to_value(templates::file(Template::Creative)).unwrap();
    let mutations: Vec<(&str, Box<Mutation>)> = vec![
        (
            "count 0",
            Box::new(|v| v["cells"][0]["evidence"][0]["count"] = json!(0)),
        ),
        (
            "unknown kind",
            Box::new(|v| v["cells"][0]["evidence"][0]["kind"] = json!("vibes")),
        ),
        (
            "empty role name",
            Box::new(|v| v["role"]["name"] = json!("")),
        ),
        (
            "unknown field",
            Box::new(|v| v["cells"][0]["outcome"] = json!([])),
        ),
        ("wrong version", Box::new(|v| v["formatVersion"] = json!(2))),
        (
            "one-step scale",
            Box::new(|v| v["scale"] = json!({"ratings": ["ok"], "meetsFrom": 1})),
        ),
        (
            "nothing below the bar",
            Box::new(|v| v["scale"] = json!({"ratings": ["ok", "good"], "meetsFrom": 0})),
        ),
        (
            "repeated rating",
            Box::new(|v| v["scale"] = json!({"ratings": ["ok", "ok"], "meetsFrom": 1})),
        ),
        (
            "21 levels",
            Box::new(|v| {
                v["levels"] = json!((0..21)
                    .map(|i| json!({"name": format!("L{i}")}))
                    .collect::<Vec<_>>())
            }),
        ),
    ];
    for (what, mutate) in mutations {
        let mut file = base.clone();
        mutate(&mut file);
        assert!(!validator.is_valid(&file), "schema accepts {what}");
        let imported = guildbook_core::ladder::format::parse(file.to_string().as_bytes())
            .and_then(|f| ws.import_ladder_file(&f, None));
        assert!(imported.is_err(), "importer accepts {what}");
    }
}
