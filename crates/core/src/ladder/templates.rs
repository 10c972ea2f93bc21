//! Starter templates, written by us: a technical and a creative ladder. They are ordinary ladder
//! files (see `format`), so they double as examples of the format.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::format::{self, LadderFile};
use super::*;
use crate::new_id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Template {
    Technical,
    Creative,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateInfo {
    pub template: Template,
    pub suggested_name: String,
    pub kind: RoleKind,
    pub description: String,
    pub levels: Vec<String>,
    pub domains: Vec<String>,
}

pub fn file(template: Template) -> LadderFile {
    let json = match template {
        Template::Technical => include_str!("../../templates/technical.json"),
        Template::Creative => include_str!("../../templates/creative.json"),
    };
    format::parse(json.as_bytes()).expect("built-in templates are valid ladder files")
}

pub fn content(template: Template) -> LadderContent {
    format::to_content(&file(template)).expect("built-in templates are valid ladders")
}

pub fn all() -> Vec<TemplateInfo> {
    [Template::Technical, Template::Creative]
        .into_iter()
        .map(|t| {
            let f = file(t);
            TemplateInfo {
                template: t,
                suggested_name: f.role.name,
                kind: f.role.kind,
                description: f.role.description,
                levels: f.levels.into_iter().map(|l| l.name).collect(),
                domains: f.domains.into_iter().map(|d| d.name).collect(),
            }
        })
        .collect()
}

/// A blank ladder: three levels and one domain to start typing into.
pub fn blank() -> LadderContent {
    let header = |name: &str| Level {
        key: new_id(),
        name: name.into(),
        description: String::new(),
    };
    LadderContent {
        levels: vec![header("Level 1"), header("Level 2"), header("Level 3")],
        domains: vec![header("Core skill")],
        cells: vec![],
        scale: RatingScale::default(),
    }
}
