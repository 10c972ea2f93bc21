//! A role's career-path guide: the newest published ladder with its pay bands, the advancement
//! rule, review timing and the credentials defined on it, in words.

use guildbook_pdf as pdf;

use super::{pdf_error, printed_at, Paper};
use crate::credentials::Credential;
use crate::dates;
use crate::error::Result;
use crate::ladder::{EvidenceRequirement, Ladder};
use crate::progression::AdvancementRule;
use crate::roster::amount;
use crate::roster::PayBand;
use crate::workspace::Workspace;

impl Workspace {
    /// The career-path guide of a role's newest published ladder, as a PDF.
    pub fn guide_pdf(&self, fonts: &pdf::Fonts, role_id: &str, paper: Paper) -> Result<Vec<u8>> {
        let model = self.guide_model(role_id, paper)?;
        pdf::render_guide(fonts, &model).map_err(pdf_error)
    }

    pub(crate) fn guide_model(&self, role_id: &str, paper: Paper) -> Result<pdf::GuideModel> {
        let ladder = self.published_ladder(role_id)?;
        let bands = self.pay_bands(role_id)?;
        let rule = self.advancement_rule(role_id)?;
        let c = &ladder.content;
        let band_of = |level_key: &str| -> Vec<String> {
            bands
                .iter()
                .filter(|b| b.level_key == level_key)
                .map(band_text)
                .collect()
        };
        let levels = c
            .levels
            .iter()
            .map(|level| pdf::GuideLevel {
                name: level.name.clone(),
                description: level.description.clone(),
                evidence: c
                    .domains
                    .iter()
                    .filter_map(|d| c.cell(&level.key, &d.key).map(|cell| (d, cell)))
                    .flat_map(|(d, cell)| {
                        cell.evidence.iter().map(|e| pdf::GuideRequirement {
                            domain: d.name.clone(),
                            text: requirement_text(e),
                        })
                    })
                    .collect(),
                pay: band_of(&level.key),
            })
            .collect();
        let cells = c
            .domains
            .iter()
            .map(|d| {
                c.levels
                    .iter()
                    .map(|l| {
                        c.cell(&l.key, &d.key)
                            .map(|cell| cell.outcomes.clone())
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect();
        let pay_tiers = c
            .levels
            .iter()
            .flat_map(|l| {
                band_of(&l.key).into_iter().map(|band| pdf::GuidePayTier {
                    level: l.name.clone(),
                    band,
                })
            })
            .collect();
        let credentials = credentials_on_path(self.credentials(false)?, role_id);
        Ok(pdf::GuideModel {
            page: paper.size(),
            branding: self.branding()?,
            role: ladder.role.name.clone(),
            role_description: ladder.role.description.clone(),
            version: version_text(&ladder),
            levels,
            domains: c.domains.iter().map(|d| d.name.clone()).collect(),
            cells,
            scale: scale_text(&ladder),
            advancement: advancement_text(&rule, c.domains.len()),
            reviews: reviews_text(&rule),
            pay_tiers,
            credentials,
            printed_at: printed_at(),
            printed_on: dates::long(&dates::format(dates::today())),
        })
    }
}

/// The credentials earned on this ladder, then those stacked on them (in that order).
fn credentials_on_path(all: Vec<Credential>, role_id: &str) -> Vec<pdf::GuideCredential> {
    let validity = |c: &Credential| match c.validity_months {
        Some(months) => format!("{months} months"),
        None => "Does not expire".into(),
    };
    let (own, others): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|c| c.criteria.as_ref().is_some_and(|k| k.role_id == role_id));
    let stacked = others.into_iter().filter_map(|c| {
        let after: Vec<&str> = c
            .prerequisites
            .iter()
            .filter(|p| own.iter().any(|o| o.id == p.id))
            .map(|p| p.name.as_str())
            .collect();
        (!after.is_empty()).then(|| pdf::GuideCredential {
            level: format!("After {}", after.join(", ")),
            criteria: c.criteria_text.clone(),
            validity: validity(&c),
            name: c.name.clone(),
        })
    });
    let stacked: Vec<_> = stacked.collect();
    own.iter()
        .map(|c| pdf::GuideCredential {
            level: c
                .criteria
                .as_ref()
                .map_or(String::new(), |k| k.level_name.clone()),
            criteria: c.criteria_text.clone(),
            validity: validity(c),
            name: c.name.clone(),
        })
        .chain(stacked)
        .collect()
}

fn version_text(ladder: &Ladder) -> String {
    let number = ladder.version.number.unwrap_or(0);
    match &ladder.version.published_at {
        Some(at) => format!(
            "Version {number}, published {}",
            dates::long(&at[..10.min(at.len())])
        ),
        None => format!("Version {number}"),
    }
}

fn band_text(b: &PayBand) -> String {
    format!(
        "{} {}–{} per {}",
        b.min.currency,
        amount(b.min.minor, &b.min.currency),
        amount(b.max_minor, &b.min.currency),
        b.rate_unit.as_str()
    )
}

/// "2 code samples (one from a production change)".
fn requirement_text(e: &EvidenceRequirement) -> String {
    let label = e.kind.label();
    // "feedback" has no plural; everything else takes an s.
    let noun = if e.count == 1 || label.ends_with("feedback") {
        label.to_owned()
    } else {
        format!("{label}s")
    };
    let note = if e.note.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", e.note.trim())
    };
    format!("{} {noun}{note}", e.count)
}

fn scale_text(ladder: &Ladder) -> String {
    let scale = &ladder.content.scale;
    let counted: Vec<&str> = scale
        .ratings
        .iter()
        .skip(scale.meets_from as usize)
        .map(String::as_str)
        .collect();
    format!(
        "Assessors rate each cell {}; {} count as meeting the level.",
        scale.ratings.join(" / "),
        counted.join(" and ")
    )
}

fn advancement_text(rule: &AdvancementRule, domains: usize) -> Vec<String> {
    let how_many = match rule.min_domains {
        Some(n) if (n as usize) < domains => format!("at least {n} of the {domains} domains"),
        _ => "every domain".to_owned(),
    };
    let evidence = if rule.require_evidence {
        ", each with the evidence its cell asks for"
    } else {
        ""
    };
    vec![
        format!("{how_many} of that level rated as meeting it in a signed lead assessment{evidence}."),
        "The proposal is decided at the next review; an advance changes the level, and the pay band applies from the next engagement.".into(),
    ]
}

fn reviews_text(rule: &AdvancementRule) -> Vec<String> {
    vec![
        format!(
            "Every engagement is reviewed {} days before it ends, before a renewal is offered.",
            rule.review_lead_days
        ),
        "A review looks at the evidence gathered since the last one and the signed assessments, and may propose holding the level, advancing, or a move to a related role.".into(),
    ]
}
