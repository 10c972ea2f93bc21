//! A pilot review as a printed report: the KPIs at baseline, 90 and 180 days with their samples
//! and verdicts, each KPI's chart drawn as vectors (bars with 95% interval whiskers), the return
//! on the program with its assumptions and sensitivity, and every definition.

use crate::flow::{Flow, Run, Table};
use crate::layout::{tint, Doc, INK, MUTED, RULE};
use crate::text::{clean, Style};
use crate::{Branding, DocInfo, Fonts, PageSize, Result, Rgb};

#[derive(Debug, Clone)]
pub struct ReportModel {
    pub page: PageSize,
    pub branding: Branding,
    /// The pilot's name.
    pub title: String,
    /// "Backend engineer · started 17 May 2026".
    pub subtitle: String,
    /// "Baseline: 18 Nov 2025 – 16 May 2026", one per window.
    pub windows: Vec<String>,
    pub kpis: Vec<ReportKpi>,
    pub roi: ReportRoi,
    /// How to read the figures (sample sizes, intervals, hidden groups).
    pub method: Vec<String>,
    pub printed_at: String,
    pub printed_on: String,
}

#[derive(Debug, Clone)]
pub struct ReportKpi {
    pub name: String,
    pub formula: String,
    /// Baseline, 90 days, 180 days: each its value, interval and n, one line each.
    pub figures: [Vec<String>; 3],
    pub verdict: String,
    /// The bars of its chart (baseline, 90, 180, then credentialed and not).
    pub bars: Vec<ReportBar>,
    /// What the chart's numbers are: "days", "%", "per 100 PRs".
    pub unit: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ReportBar {
    pub label: String,
    /// None when the group is hidden or has no data (drawn as "—").
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct ReportRoi {
    /// "+197% · EUR 36,605 saved for EUR 12,340 spent, 17 May – 12 Nov 2026".
    pub headline: String,
    /// (what, amount)
    pub costs: Vec<(String, String)>,
    /// (what, how it was worked out, amount)
    pub savings: Vec<(String, String, String)>,
    /// (assumption, value)
    pub assumptions: Vec<(String, String)>,
    /// (assumption, ROI at half, ROI at 1.5 ×)
    pub sensitivity: Vec<(String, String, String)>,
}

const MARGINS: (f32, f32, f32, f32) = (56.0, 50.0, 64.0, 50.0);
const CHART_HEIGHT: f32 = 120.0;

pub fn render_report(fonts: &Fonts, model: &ReportModel) -> Result<Vec<u8>> {
    check(fonts, model)?;
    let info = DocInfo {
        title: format!("{} — pilot review", clean(&model.title)),
        subject: format!(
            "{}: KPIs before and during the pilot, and its return",
            clean(&model.subtitle)
        ),
        author: model.branding.organisation.clone(),
        keywords: vec!["pilot review".into(), "KPI".into(), "ROI".into()],
        printed_at: model.printed_at.clone(),
    };
    let mut doc = Doc::new(fonts, &info, model.page.portrait())?;
    let mut flow = Flow::new(&mut doc, MARGINS, model.branding.accent);
    cover(&mut flow, model);
    summary(&mut flow, model)?;
    charts(&mut flow, model);
    roi(&mut flow, &model.roi)?;
    definitions(&mut flow, model);
    flow.number_pages(&format!(
        "{} · pilot review · {}",
        clean(&model.title),
        model.branding.organisation
    ));
    Ok(doc.finish())
}

fn check(fonts: &Fonts, m: &ReportModel) -> Result<()> {
    fonts.check("the pilot's name", &m.title)?;
    fonts.check("the pilot's role", &m.subtitle)?;
    fonts.check("the organisation's name", &m.branding.organisation)?;
    for k in &m.kpis {
        fonts.check(
            &format!("the KPI {:?}", k.name),
            &format!("{} {}", k.name, k.formula),
        )?;
    }
    Ok(())
}

fn runs(lines: &[String], first: Style) -> Vec<Run> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| Run {
            text: l.clone(),
            style: if i == 0 { first } else { Style::Regular },
            color: if i == 0 { INK } else { MUTED },
        })
        .collect()
}

fn cover(flow: &mut Flow, m: &ReportModel) {
    let width = flow.doc.width;
    let (left, accent) = (flow.left, m.branding.accent);
    let white = Rgb(255, 255, 255);
    let mut page = flow.doc.page();
    page.fill_rect(0.0, 0.0, width, 150.0, accent);
    page.text(
        left,
        50.0,
        Style::Bold,
        11.0,
        white,
        &m.branding.organisation,
    );
    page.text(
        left,
        78.0,
        Style::Bold,
        9.5,
        tint(accent, 0.7),
        "PILOT REVIEW",
    );
    page.text(left, 106.0, Style::Bold, 24.0, white, &clean(&m.title));
    page.text(
        left,
        130.0,
        Style::Regular,
        10.0,
        tint(accent, 0.8),
        &format!("{} · printed {}", clean(&m.subtitle), m.printed_on),
    );
    flow.y = 170.0;
    for w in &m.windows {
        flow.paragraph(w, Style::Regular, 9.5, MUTED, 0.0);
    }
}

fn summary(flow: &mut Flow, m: &ReportModel) -> Result<()> {
    flow.heading("The KPIs before and during the pilot", 80.0);
    let w = flow.width();
    let widths = vec![w * 0.22, w * 0.22, w * 0.2, w * 0.2, w * 0.16];
    let rows = m
        .kpis
        .iter()
        .map(|k| {
            let mut row = vec![runs(std::slice::from_ref(&k.name), Style::Bold)];
            row.extend(k.figures.iter().map(|f| runs(f, Style::Bold)));
            row.push(runs(std::slice::from_ref(&k.verdict), Style::Regular));
            row
        })
        .collect();
    flow.table(&Table {
        widths,
        header: vec![
            "KPI".into(),
            "Baseline".into(),
            "First 90 days".into(),
            "First 180 days".into(),
            "After 180 days".into(),
        ],
        rows,
        size: 8.5,
    })
}

/// One small bar chart per KPI, two to a row: bars from zero with their intervals as whiskers.
fn charts(flow: &mut Flow, m: &ReportModel) {
    flow.heading("Each KPI with its 95% intervals", CHART_HEIGHT + 40.0);
    let gap = 24.0;
    let col = (flow.width() - gap) / 2.0;
    for pair in m.kpis.chunks(2) {
        flow.ensure(CHART_HEIGHT + 44.0);
        let top = flow.y;
        for (i, k) in pair.iter().enumerate() {
            let x = flow.left + i as f32 * (col + gap);
            chart(flow, k, x, top, col);
        }
        flow.y = top + CHART_HEIGHT + 44.0;
    }
}

fn chart(flow: &mut Flow, k: &ReportKpi, x: f32, top: f32, width: f32) {
    let accent = flow.accent;
    let fonts = flow.doc.fonts;
    let mut page = flow.doc.page();
    page.text(x, top + 10.0, Style::Bold, 9.5, INK, &k.name);
    page.text(
        x + width - fonts.width(Style::Regular, 7.5, &k.unit),
        top + 10.0,
        Style::Regular,
        7.5,
        MUTED,
        &k.unit,
    );
    // Room above the tallest whisker for its value.
    let (plot_top, plot_bottom) = (top + 30.0, top + 20.0 + CHART_HEIGHT - 24.0);
    let max = k
        .bars
        .iter()
        .filter_map(|b| b.high.or(b.value))
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE)
        * 1.1;
    let y_of = |v: f64| plot_bottom - ((v / max) as f32) * (plot_bottom - plot_top);
    page.line((x, plot_bottom), (x + width, plot_bottom), 0.6, RULE);
    let slot = width / k.bars.len().max(1) as f32;
    for (i, b) in k.bars.iter().enumerate() {
        let centre = x + slot * (i as f32 + 0.5);
        let bar = (slot * 0.5).min(34.0);
        // The pilot's windows in the accent, the credential split in a lighter tint.
        let colour = if i < 3 { accent } else { tint(accent, 0.45) };
        match b.value {
            Some(v) => {
                let y = y_of(v);
                page.fill_rect(centre - bar / 2.0, y, bar, plot_bottom - y, colour);
                // The value sits above the bar and its whisker, never across them.
                let mut label_y = y;
                if let (Some(lo), Some(hi)) = (b.low, b.high) {
                    let (ylo, yhi) = (y_of(lo), y_of(hi));
                    page.line((centre, yhi), (centre, ylo), 0.9, INK);
                    page.line((centre - 4.0, yhi), (centre + 4.0, yhi), 0.9, INK);
                    page.line((centre - 4.0, ylo), (centre + 4.0, ylo), 0.9, INK);
                    label_y = label_y.min(yhi);
                }
                let label = trim(v);
                let lw = fonts.width(Style::Bold, 7.0, &label);
                page.text(
                    centre - lw / 2.0,
                    label_y - 3.0,
                    Style::Bold,
                    7.0,
                    INK,
                    &label,
                );
            }
            None => {
                let lw = fonts.width(Style::Regular, 8.0, "—");
                page.text(
                    centre - lw / 2.0,
                    plot_bottom - 4.0,
                    Style::Regular,
                    8.0,
                    MUTED,
                    "—",
                );
            }
        }
        for (j, line) in fonts
            .wrap(Style::Regular, 6.8, &b.label, slot - 2.0)
            .iter()
            .take(2)
            .enumerate()
        {
            let lw = fonts.width(Style::Regular, 6.8, line);
            page.text(
                centre - lw / 2.0,
                plot_bottom + 9.0 + 8.0 * j as f32,
                Style::Regular,
                6.8,
                MUTED,
                line,
            );
        }
    }
}

/// 38.0 → "38", 86.25 → "86.3".
fn trim(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

fn roi(flow: &mut Flow, r: &ReportRoi) -> Result<()> {
    flow.heading("Return on the program", 60.0);
    flow.paragraph(&r.headline, Style::Bold, 11.0, INK, 0.0);
    flow.space(8.0);
    let w = flow.width();
    let two = |rows: &[(String, String)]| -> Vec<Vec<Vec<Run>>> {
        rows.iter()
            .map(|(a, b)| {
                vec![
                    runs(std::slice::from_ref(a), Style::Regular),
                    runs(std::slice::from_ref(b), Style::Regular),
                ]
            })
            .collect()
    };
    flow.table(&Table {
        widths: vec![w * 0.7, w * 0.3],
        header: vec!["What it cost".into(), "Amount".into()],
        rows: two(&r.costs),
        size: 8.5,
    })?;
    flow.space(10.0);
    flow.table(&Table {
        widths: vec![w * 0.7, w * 0.3],
        header: vec!["What it saved".into(), "Amount".into()],
        rows: r
            .savings
            .iter()
            .map(|(what, how, amount)| {
                vec![
                    runs(&[what.clone(), how.clone()], Style::Bold),
                    runs(std::slice::from_ref(amount), Style::Regular),
                ]
            })
            .collect(),
        size: 8.5,
    })?;
    flow.space(10.0);
    flow.table(&Table {
        widths: vec![w * 0.7, w * 0.3],
        header: vec!["Assumption".into(), "Value".into()],
        rows: two(&r.assumptions),
        size: 8.5,
    })?;
    flow.space(10.0);
    flow.table(&Table {
        widths: vec![w * 0.5, w * 0.25, w * 0.25],
        header: vec![
            "If this assumption is…".into(),
            "half, the return is".into(),
            "1.5 ×, the return is".into(),
        ],
        rows: r
            .sensitivity
            .iter()
            .map(|(a, half, more)| {
                [a, half, more]
                    .iter()
                    .map(|t| runs(std::slice::from_ref(*t), Style::Regular))
                    .collect()
            })
            .collect(),
        size: 8.5,
    })
}

fn definitions(flow: &mut Flow, m: &ReportModel) {
    flow.heading("How each KPI is computed", 60.0);
    for k in &m.kpis {
        flow.subheading(&k.name, 24.0);
        flow.paragraph(&k.formula, Style::Regular, 9.0, INK, 0.0);
        if let Some(note) = &k.note {
            flow.paragraph(note, Style::Italic, 9.0, MUTED, 0.0);
        }
    }
    flow.heading("Reading the figures", 40.0);
    flow.bullets(&m.method, 9.0);
}
