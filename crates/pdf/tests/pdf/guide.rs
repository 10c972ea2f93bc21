use guildbook_pdf::{
    render_guide, Fonts, GuideCredential, GuideLevel, GuideModel, GuidePayTier, GuideRequirement,
    PageSize,
};

const LEVELS: [&str; 12] = [
    "Apprentice",
    "Associate",
    "Practitioner",
    "Senior practitioner",
    "Lead",
    "Principal",
    "Distinguished",
    "Fellow",
    "Senior fellow",
    "Master",
    "Grand master",
    "Emeritus",
];
const DOMAINS: [&str; 6] = [
    "Craft",
    "Delivery",
    "Collaboration",
    "Client care",
    "Quality",
    "Leadership",
];

/// A ladder of `levels` × `domains`; `empty` leaves every third cell blank.
pub fn model(levels: usize, domains: usize, empty: bool) -> GuideModel {
    GuideModel {
        page: PageSize::A4,
        branding: crate::common::branding(),
        role: "Backend engineer".into(),
        role_description: "Builds and runs the services our clients depend on: APIs, data pipelines and the tooling around them. Contractors on this path own changes from design note to production.".into(),
        version: "Version 3, published 2 March 2026".into(),
        levels: LEVELS[..levels]
            .iter()
            .enumerate()
            .map(|(i, name)| GuideLevel {
                name: (*name).into(),
                description: format!("Works at the scope of a {}: owns outcomes, not only tasks, and leaves the code better than found.", name.to_lowercase()),
                evidence: vec![
                    GuideRequirement { domain: "Craft".into(), text: format!("{} code samples from merged changes", i + 1) },
                    GuideRequirement { domain: "Client care".into(), text: "1 piece of client feedback".into() },
                ],
                pay: if i % 4 == 3 { vec![] } else { vec![format!("EUR {}–{} per day", 400 + i * 60, 520 + i * 60)] },
            })
            .collect(),
        domains: DOMAINS[..domains].iter().map(|d| (*d).into()).collect(),
        cells: (0..domains)
            .map(|d| {
                (0..levels)
                    .map(|l| {
                        if empty && (d + l) % 3 == 0 {
                            vec![]
                        } else {
                            vec![
                                format!("Ships {} changes with tests that catch regressions before review", DOMAINS[d].to_lowercase()),
                                format!("Explains trade-offs at level {} in writing", l + 1),
                                "Keeps the runbook current".into(),
                            ]
                        }
                    })
                    .collect()
            })
            .collect(),
        scale: "Assessors rate each cell not yet, meets or exceeds; meets and above count.".into(),
        advancement: vec!["every domain of that level rated meets or better by a signed lead assessment, with the evidence each cell asks for.".into()],
        reviews: vec![
            "Every engagement is reviewed 30 days before it ends, before a renewal is offered.".into(),
            "The review looks at the evidence gathered since the last one and may propose an advance.".into(),
        ],
        pay_tiers: (0..levels).map(|i| GuidePayTier { level: LEVELS[i].into(), band: format!("EUR {}–{} per day", 400 + i * 60, 520 + i * 60) }).collect(),
        credentials: vec![GuideCredential {
            name: "Production on-call".into(),
            level: "Practitioner".into(),
            criteria: "Rated meets in Delivery and Quality at Practitioner, with two incident write-ups.".into(),
            validity: "24 months".into(),
        }],
        printed_at: "2026-11-26T09:30:00Z".into(),
        printed_on: "26 November 2026".into(),
    }
}

#[test]
fn a_six_by_five_guide_reads_like_a_document() {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = render_guide(&fonts, &model(5, 6, false)).unwrap();
    let path = crate::common::write(dir.path(), "guide-6x5.pdf", &pdf);
    crate::common::qpdf_check(&path);
    let pages = crate::common::page_count(&path);
    assert!((4..=12).contains(&pages), "{pages} pages");
    let text = crate::common::text_of(&path);
    for expected in [
        "CAREER-PATH GUIDE",
        "Backend engineer",
        "Version 3, published 2 March 2026",
        "The levels at a glance",
        "The ladder",
        "Level by level",
        "Evidence and artifacts to gather",
        "How to advance",
        "To move up to Associate",
        "Reviews",
        "30 days before it ends",
        "Pay tiers",
        "EUR 400–520 per day",
        "Credentials on this path",
        "Production on-call",
        &format!("Page {pages} of {pages}"),
    ] {
        assert!(text.contains(expected), "{expected:?} missing");
    }
    let info = crate::common::info_of(&path);
    assert!(
        info.contains("Backend engineer — career-path guide"),
        "{info}"
    );
    assert!(info.contains("A4"), "{info}");
}

#[test]
fn twelve_levels_with_empty_cells_flow_across_pages_with_the_header_repeated() {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut m = model(12, 6, true);
    m.page = PageSize::Letter;
    let pdf = render_guide(&fonts, &m).unwrap();
    let path = crate::common::write(dir.path(), "guide-12-levels.pdf", &pdf);
    crate::common::qpdf_check(&path);
    assert!(
        crate::common::info_of(&path).contains("letter"),
        "US Letter"
    );
    let text = crate::common::text_of(&path);
    for part in [
        "part 1 of 3",
        "part 2 of 3",
        "part 3 of 3",
        "12. Emeritus",
        "—",
    ] {
        assert!(text.contains(part), "{part:?} missing");
    }
    // Cells long enough to need more than a page: the row splits and the header comes again.
    let mut tall = model(3, 2, false);
    tall.cells[0][0] = (0..90)
        .map(|i| format!("Outcome number {i} that the level asks for"))
        .collect();
    let pdf = render_guide(&fonts, &tall).unwrap();
    let path = crate::common::write(dir.path(), "guide-tall-cell.pdf", &pdf);
    crate::common::qpdf_check(&path);
    let text = crate::common::text_of(&path);
    assert!(text.contains("Outcome number 89"));
    assert!(
        text.matches("1. Apprentice 2. Associate 3. Practitioner")
            .count()
            >= 2,
        "header repeated: {text}"
    );
}

#[test]
fn a_ladder_without_levels_and_right_to_left_names_are_refused() {
    let fonts = Fonts::load().unwrap();
    let mut empty = model(3, 2, false);
    empty.levels.clear();
    let err = render_guide(&fonts, &empty).unwrap_err().to_string();
    assert!(err.contains("has no levels or no domains"), "{err}");
    let mut rtl = model(3, 2, false);
    rtl.cells[1][2] = vec!["מוביל צוות".into()];
    let err = render_guide(&fonts, &rtl).unwrap_err().to_string();
    assert!(
        err.contains("the cell Delivery × Practitioner is written right to left"),
        "{err}"
    );
}
