//! A career-path guide for one role version: cover with the levels at a glance, the ladder
//! (domains × levels) flowing across pages, each level's evidence and how to advance, reviews,
//! pay tiers and the credentials on the path.

use crate::flow::{Flow, Run, Table};
use crate::layout::{tint, Doc, INK, MUTED};
use crate::text::{clean, Style};
use crate::{Branding, DocInfo, Fonts, PageSize, PdfError, Result};

#[derive(Debug, Clone)]
pub struct GuideModel {
    pub page: PageSize,
    pub branding: Branding,
    pub role: String,
    pub role_description: String,
    /// "Version 3, published 2 March 2026".
    pub version: String,
    pub levels: Vec<GuideLevel>,
    /// Domain names, top to bottom.
    pub domains: Vec<String>,
    /// `cells[domain][level]`: what is expected, one line each (empty: nothing asked).
    pub cells: Vec<Vec<Vec<String>>>,
    /// How assessors rate, in one sentence.
    pub scale: String,
    /// What advancing takes, in sentences (the same rule for every level).
    pub advancement: Vec<String>,
    /// When reviews happen, in sentences.
    pub reviews: Vec<String>,
    pub pay_tiers: Vec<GuidePayTier>,
    pub credentials: Vec<GuideCredential>,
    /// UTC `YYYY-MM-DDTHH:MM:SSZ`; `printed_on` as shown on the cover.
    pub printed_at: String,
    pub printed_on: String,
}

#[derive(Debug, Clone)]
pub struct GuideLevel {
    pub name: String,
    pub description: String,
    /// The evidence the level asks for, across its domains.
    pub evidence: Vec<GuideRequirement>,
    /// The pay band(s), as printed ("EUR 450–600 per day"); empty when none is set.
    pub pay: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct GuideRequirement {
    pub domain: String,
    /// "2 code samples (one from a production change)".
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct GuidePayTier {
    pub level: String,
    pub band: String,
}

#[derive(Debug, Clone)]
pub struct GuideCredential {
    pub name: String,
    pub level: String,
    pub criteria: String,
    pub validity: String,
}

/// A ladder wider than this many levels is printed as several tables, so cells stay readable.
const LEVELS_PER_TABLE: usize = 5;
const MARGINS: (f32, f32, f32, f32) = (56.0, 50.0, 64.0, 50.0);

pub fn render_guide(fonts: &Fonts, model: &GuideModel) -> Result<Vec<u8>> {
    let m = &cleaned(model);
    check(fonts, m)?;
    let info = DocInfo {
        title: format!("{} — career-path guide", m.role),
        subject: format!(
            "The career path for {} at {}: {}",
            m.role, m.branding.organisation, m.version
        ),
        author: m.branding.organisation.clone(),
        keywords: vec!["career path".into(), "ladder".into(), m.role.clone()],
        printed_at: m.printed_at.clone(),
    };
    let mut doc = Doc::new(fonts, &info, m.page.portrait())?;
    let accent = m.branding.accent;
    let mut flow = Flow::new(&mut doc, MARGINS, accent);
    cover(&mut flow, m);
    levels_at_a_glance(&mut flow, m);
    ladder(&mut flow, m)?;
    level_by_level(&mut flow, m);
    reviews_and_pay(&mut flow, m)?;
    credentials(&mut flow, m)?;
    flow.number_pages(&format!(
        "{} · career-path guide · {}",
        m.role, m.branding.organisation
    ));
    Ok(doc.finish())
}

fn cleaned(m: &GuideModel) -> GuideModel {
    let mut m = m.clone();
    let tidy = |s: &mut String| *s = clean(s).trim().to_owned();
    tidy(&mut m.role);
    tidy(&mut m.role_description);
    tidy(&mut m.branding.organisation);
    m.domains.iter_mut().for_each(tidy);
    for level in &mut m.levels {
        tidy(&mut level.name);
        tidy(&mut level.description);
        level.evidence.iter_mut().for_each(|e| tidy(&mut e.text));
    }
    m.cells.iter_mut().flatten().flatten().for_each(tidy);
    m
}

/// Every text the guide prints must be printable; the error names where the problem is.
fn check(fonts: &Fonts, m: &GuideModel) -> Result<()> {
    if m.levels.is_empty() || m.domains.is_empty() {
        return Err(PdfError::Invalid(format!(
            "the {} ladder has no levels or no domains yet",
            m.role
        )));
    }
    fonts.check("the role's name", &m.role)?;
    fonts.check("the role's description", &m.role_description)?;
    fonts.check("the organisation's name", &m.branding.organisation)?;
    for level in &m.levels {
        fonts.check(
            &format!("level {:?}", level.name),
            &format!("{} {}", level.name, level.description),
        )?;
        for e in &level.evidence {
            fonts.check(&format!("evidence of level {:?}", level.name), &e.text)?;
        }
    }
    for (d, domain) in m.domains.iter().enumerate() {
        fonts.check("a domain's name", domain)?;
        for (l, cell) in m.cells.get(d).into_iter().flatten().enumerate() {
            let level = m.levels.get(l).map_or("?", |l| l.name.as_str());
            fonts.check(&format!("the cell {domain} × {level}"), &cell.join(" "))?;
        }
    }
    for c in &m.credentials {
        fonts.check(
            &format!("credential {:?}", c.name),
            &format!("{} {}", c.name, c.criteria),
        )?;
    }
    for text in m.advancement.iter().chain(&m.reviews).chain([&m.scale]) {
        fonts.check("the review rules", text)?;
    }
    Ok(())
}

/// The first page's top: a band of the accent colour with the organisation, the role and the
/// version, then the role's description.
fn cover(flow: &mut Flow, m: &GuideModel) {
    let fonts = flow.doc.fonts;
    let width = flow.doc.width;
    let (left, text_width) = (flow.left, flow.width());
    let accent = m.branding.accent;
    let logo = m
        .branding
        .logo
        .as_ref()
        .map(|l| (flow.doc.add_image(l), l.clone()));
    let (role_size, role_lines) = fonts.fit(Style::Bold, &m.role, text_width, 2, (34.0, 18.0));
    let band = 170.0 + role_lines.len() as f32 * role_size * 1.2;
    let mut page = flow.doc.page();
    page.fill_rect(0.0, 0.0, width, band, accent);
    let mut x = left;
    if let Some((id, image)) = &logo {
        // The logo on a white tile so it reads on any accent.
        let w = (34.0 * image.width() as f32 / image.height() as f32).min(110.0);
        page.fill_rect(x - 6.0, 38.0, w + 12.0, 46.0, crate::Rgb(255, 255, 255));
        page.image(id, image, x, 44.0, w);
        x += w + 18.0;
    }
    let white = crate::Rgb(255, 255, 255);
    page.text(x, 66.0, Style::Bold, 12.0, white, &m.branding.organisation);
    page.text(
        left,
        122.0,
        Style::Bold,
        9.5,
        tint(accent, 0.7),
        "CAREER-PATH GUIDE",
    );
    let mut y = 122.0;
    for line in &role_lines {
        y += role_size * 1.2;
        page.text(left, y, Style::Bold, role_size, white, line);
    }
    page.text(
        left,
        band - 22.0,
        Style::Regular,
        10.0,
        tint(accent, 0.8),
        &format!("{} · printed {}", m.version, m.printed_on),
    );
    flow.y = band + 28.0;
    if !m.role_description.is_empty() {
        flow.paragraph(&m.role_description, Style::Regular, 11.5, INK, 0.0);
    }
}

fn levels_at_a_glance(flow: &mut Flow, m: &GuideModel) {
    flow.heading("The levels at a glance", 60.0);
    let fonts = flow.doc.fonts;
    for (i, level) in m.levels.iter().enumerate() {
        let pay = level.pay.join(" · ");
        let pay_width = if pay.is_empty() {
            0.0
        } else {
            fonts.width(Style::Bold, 9.0, &pay).min(170.0) + 12.0
        };
        let text_width = flow.width() - 34.0 - pay_width;
        let lines = fonts.wrap(Style::Regular, 9.5, &level.description, text_width);
        flow.ensure(22.0 + lines.len() as f32 * 13.0);
        let (left, right, y, accent) = (flow.left, flow.right, flow.y, flow.accent);
        let mut page = flow.doc.page();
        // A numbered marker, then the name and description beside it.
        page.fill_rect(left, y + 2.0, 22.0, 22.0, accent);
        let number = (i + 1).to_string();
        let nw = fonts.width(Style::Bold, 11.0, &number);
        page.text(
            left + 11.0 - nw / 2.0,
            y + 17.0,
            Style::Bold,
            11.0,
            crate::Rgb(255, 255, 255),
            &number,
        );
        page.text(left + 34.0, y + 12.0, Style::Bold, 11.5, INK, &level.name);
        if !pay.is_empty() {
            let (size, fitted) = fonts.fit(Style::Bold, &pay, 170.0, 1, (9.0, 6.5));
            let w = fonts.width(Style::Bold, size, &fitted[0]);
            page.text(right - w, y + 12.0, Style::Bold, size, accent, &fitted[0]);
        }
        let end = page.lines(
            left + 34.0,
            y + 26.0,
            13.0,
            (Style::Regular, 9.5, MUTED),
            &lines,
        );
        flow.y = end.max(y + 28.0) + 6.0;
    }
}

fn ladder(flow: &mut Flow, m: &GuideModel) -> Result<()> {
    flow.new_page();
    flow.heading("The ladder", 80.0);
    flow.paragraph(
        &format!("What each level asks for in each domain. {}", m.scale),
        Style::Regular,
        9.5,
        MUTED,
        0.0,
    );
    flow.space(8.0);
    // As few tables as the page width allows, with the levels shared out evenly (5 → one table
    // of 5, 6 → two of 3, 12 → three of 4).
    let tables = m.levels.len().div_ceil(LEVELS_PER_TABLE);
    let per_table = m.levels.len().div_ceil(tables);
    let chunks: Vec<Vec<usize>> = (0..m.levels.len())
        .collect::<Vec<_>>()
        .chunks(per_table)
        .map(<[usize]>::to_vec)
        .collect();
    for (n, levels) in chunks.iter().enumerate() {
        if chunks.len() > 1 {
            let first = &m.levels[levels[0]].name;
            let last = &m.levels[*levels.last().expect("non-empty chunk")].name;
            flow.ensure(80.0);
            flow.paragraph(
                &format!(
                    "Levels {} to {} ({first} to {last}), part {} of {}",
                    levels[0] + 1,
                    levels.last().unwrap() + 1,
                    n + 1,
                    chunks.len()
                ),
                Style::Bold,
                10.0,
                INK,
                0.0,
            );
            flow.space(4.0);
        }
        let domain_width = 96.0;
        let level_width = (flow.width() - domain_width) / levels.len() as f32;
        let mut widths = vec![domain_width];
        widths.extend(levels.iter().map(|_| level_width));
        let mut header = vec!["Domain".to_owned()];
        header.extend(
            levels
                .iter()
                .map(|&l| format!("{}. {}", l + 1, m.levels[l].name)),
        );
        let rows = m
            .domains
            .iter()
            .enumerate()
            .map(|(d, domain)| {
                let mut row = vec![vec![run(domain, Style::Bold, INK)]];
                for &l in levels {
                    let lines = m
                        .cells
                        .get(d)
                        .and_then(|c| c.get(l))
                        .cloned()
                        .unwrap_or_default();
                    row.push(if lines.is_empty() {
                        vec![run("—", Style::Regular, MUTED)]
                    } else {
                        lines
                            .iter()
                            .map(|line| run(&format!("• {line}"), Style::Regular, INK))
                            .collect()
                    });
                }
                row
            })
            .collect();
        flow.table(&Table {
            widths,
            header,
            rows,
            size: 8.5,
        })?;
        flow.space(14.0);
    }
    Ok(())
}

fn run(text: &str, style: Style, color: crate::Rgb) -> Run {
    Run {
        text: text.to_owned(),
        style,
        color,
    }
}

fn level_by_level(flow: &mut Flow, m: &GuideModel) {
    flow.heading("Level by level", 80.0);
    for (i, level) in m.levels.iter().enumerate() {
        flow.subheading(&format!("{}. {}", i + 1, level.name), 60.0);
        if !level.description.is_empty() {
            flow.paragraph(&level.description, Style::Regular, 10.0, INK, 0.0);
            flow.space(4.0);
        }
        flow.paragraph(
            "Evidence and artifacts to gather",
            Style::Bold,
            9.5,
            MUTED,
            0.0,
        );
        if level.evidence.is_empty() {
            flow.paragraph(
                "No evidence is asked for at this level.",
                Style::Italic,
                9.5,
                MUTED,
                0.0,
            );
        } else {
            let items: Vec<String> = level
                .evidence
                .iter()
                .map(|e| format!("{} — {}", e.text, e.domain))
                .collect();
            flow.bullets(&items, 9.5);
        }
        flow.space(4.0);
        flow.paragraph("How to advance", Style::Bold, 9.5, MUTED, 0.0);
        let next = match m.levels.get(i + 1) {
            Some(next) => format!("To move up to {}: {}", next.name, m.advancement.join(" ")),
            None => "This is the top of the ladder. Reviews at renewal keep the level current."
                .to_owned(),
        };
        flow.paragraph(&next, Style::Regular, 9.5, INK, 0.0);
        if !level.pay.is_empty() {
            flow.space(3.0);
            flow.paragraph(
                &format!("Pay tier: {}", level.pay.join("; ")),
                Style::Bold,
                9.5,
                flow.accent,
                0.0,
            );
        }
        flow.space(8.0);
    }
}

fn reviews_and_pay(flow: &mut Flow, m: &GuideModel) -> Result<()> {
    flow.heading("Reviews", 40.0);
    for sentence in &m.reviews {
        flow.paragraph(sentence, Style::Regular, 10.0, INK, 0.0);
        flow.space(3.0);
    }
    let rows = m
        .pay_tiers
        .iter()
        .map(|t| {
            vec![
                vec![run(&t.level, Style::Bold, INK)],
                vec![run(&t.band, Style::Regular, INK)],
            ]
        })
        .collect();
    section_table(
        flow,
        "Pay tiers",
        "No pay bands are set for this role yet.",
        &[("Level", 0.4), ("Pay band", 0.6)],
        rows,
        9.5,
    )
}

fn credentials(flow: &mut Flow, m: &GuideModel) -> Result<()> {
    let rows = m
        .credentials
        .iter()
        .map(|c| {
            vec![
                vec![run(&c.name, Style::Bold, INK)],
                vec![run(&c.level, Style::Regular, INK)],
                vec![run(&c.criteria, Style::Regular, INK)],
                vec![run(&c.validity, Style::Regular, MUTED)],
            ]
        })
        .collect();
    section_table(
        flow,
        "Credentials on this path",
        "No credentials are defined on this ladder yet.",
        &[
            ("Credential", 0.24),
            ("Level", 0.16),
            ("What earning it takes", 0.44),
            ("Valid for", 0.16),
        ],
        rows,
        9.0,
    )
}

/// A section that is a table (columns as a share of the width), or a note when it has no rows.
fn section_table(
    flow: &mut Flow,
    title: &str,
    empty: &str,
    columns: &[(&str, f32)],
    rows: Vec<Vec<Vec<Run>>>,
    size: f32,
) -> Result<()> {
    flow.heading(title, 60.0);
    if rows.is_empty() {
        flow.paragraph(empty, Style::Italic, 10.0, MUTED, 0.0);
        return Ok(());
    }
    let width = flow.width();
    flow.table(&Table {
        widths: columns.iter().map(|(_, share)| width * share).collect(),
        header: columns.iter().map(|(name, _)| (*name).to_owned()).collect(),
        rows,
        size,
    })
}
