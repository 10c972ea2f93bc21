//! Text that flows down pages: headings kept with what follows, paragraphs, bullet lists, and
//! tables whose rows split across pages with the header row repeated.

use crate::layout::{Doc, INK, MUTED, RULE, WASH};
use crate::text::Style;
use crate::{Result, Rgb};

/// One line of a table cell or a paragraph, with its font.
#[derive(Debug, Clone)]
pub struct Run {
    pub text: String,
    pub style: Style,
    pub color: Rgb,
}

/// A table: column widths (points), a header, rows of cells of paragraphs.
pub struct Table {
    pub widths: Vec<f32>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Vec<Run>>>,
    pub size: f32,
}

pub struct Flow<'d, 'f> {
    pub doc: &'d mut Doc<'f>,
    pub y: f32,
    pub left: f32,
    pub right: f32,
    top: f32,
    bottom: f32,
    pub accent: Rgb,
}

const PAD: f32 = 5.0;

impl<'d, 'f> Flow<'d, 'f> {
    /// Starts on a new page with the given margins.
    pub fn new(doc: &'d mut Doc<'f>, margins: (f32, f32, f32, f32), accent: Rgb) -> Self {
        let (top, right, bottom, left) = margins;
        let (width, height) = (doc.width, doc.height);
        doc.add_page();
        Flow {
            doc,
            y: top,
            left,
            right: width - right,
            top,
            bottom: height - bottom,
            accent,
        }
    }

    pub fn width(&self) -> f32 {
        self.right - self.left
    }

    pub fn new_page(&mut self) {
        self.doc.add_page();
        self.y = self.top;
    }

    /// Starts a new page unless `height` more points fit on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > self.bottom && self.y > self.top {
            self.new_page();
        }
    }

    pub fn space(&mut self, points: f32) {
        self.y = (self.y + points).min(self.bottom);
    }

    /// A section heading in the accent colour with a rule, kept with `keep` points after it.
    pub fn heading(&mut self, text: &str, keep: f32) {
        self.ensure(40.0 + keep);
        if self.y > self.top {
            self.y += 14.0;
        }
        let (left, right, accent) = (self.left, self.right, self.accent);
        let mut page = self.doc.page();
        page.text(left, self.y + 18.0, Style::Bold, 17.0, accent, text);
        page.line((left, self.y + 26.0), (right, self.y + 26.0), 0.8, accent);
        self.y += 38.0;
    }

    /// A smaller heading (a level's name), kept with `keep` points after it.
    pub fn subheading(&mut self, text: &str, keep: f32) {
        self.ensure(24.0 + keep);
        self.y += 6.0;
        let left = self.left;
        self.doc
            .page()
            .text(left, self.y + 12.0, Style::Bold, 12.0, INK, text);
        self.y += 20.0;
    }

    /// Wrapped text at `indent` from the left, line by line across pages.
    pub fn paragraph(&mut self, text: &str, style: Style, size: f32, color: Rgb, indent: f32) {
        let leading = size * 1.4;
        let lines = self
            .doc
            .fonts
            .wrap(style, size, text, self.width() - indent);
        for line in lines {
            self.ensure(leading);
            let x = self.left + indent;
            self.doc
                .page()
                .text(x, self.y + size, style, size, color, &line);
            self.y += leading;
        }
    }

    /// A bullet list.
    pub fn bullets(&mut self, items: &[String], size: f32) {
        for item in items {
            let leading = size * 1.4;
            self.ensure(leading);
            let (x, y, accent) = (self.left + 4.0, self.y + size, self.accent);
            self.doc.page().text(x, y, Style::Bold, size, accent, "•");
            self.paragraph(item, Style::Regular, size, INK, 16.0);
        }
    }

    /// Draws `table`; rows too tall for the rest of a page split between lines, and every page
    /// the table reaches starts with its header row.
    pub fn table(&mut self, table: &Table) -> Result<()> {
        let leading = table.size * 1.35;
        let fonts = self.doc.fonts;
        // Each cell wrapped into lines at its column's width.
        let rows: Vec<Vec<Vec<Run>>> = table
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&table.widths)
                    .map(|(cell, width)| {
                        cell.iter()
                            .flat_map(|run| {
                                // Bulleted lines hang: continuation lines align after the bullet.
                                let (bullet, body) = match run.text.strip_prefix("• ") {
                                    Some(body) => ("• ", body),
                                    None => ("", run.text.as_str()),
                                };
                                let indent = fonts.width(run.style, table.size, bullet);
                                fonts
                                    .wrap(run.style, table.size, body, width - 2.0 * PAD - indent)
                                    .into_iter()
                                    .enumerate()
                                    .map(move |(i, line)| Run {
                                        text: match (i, bullet.is_empty()) {
                                            (_, true) => line,
                                            (0, false) => format!("{bullet}{line}"),
                                            // Two spaces are about as wide as "• ".
                                            _ => format!("  {line}"),
                                        },
                                        ..run.clone()
                                    })
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        self.ensure(self.header_height(table) + 3.0 * leading + 2.0 * PAD);
        self.table_header(table);
        let half_page = ((self.bottom - self.top) / leading / 2.0) as usize;
        for (index, row) in rows.iter().enumerate() {
            let mut from = 0;
            let total = row.iter().map(Vec::len).max().unwrap_or(0).max(1);
            while from < total {
                let room = ((self.bottom - self.y - 2.0 * PAD) / leading)
                    .floor()
                    .max(0.0) as usize;
                let rest = total - from;
                let fresh_page = self.y <= self.top + self.header_height(table) + 1.0;
                // A row that fits on a fresh page moves there whole; only a row taller than half
                // a page splits, never leaving fewer than three lines on either side.
                if rest > room && !fresh_page && (rest <= half_page || room < 3) {
                    self.new_page();
                    self.table_header(table);
                    continue;
                }
                let take = if rest <= room {
                    rest
                } else if rest - room < 3 {
                    rest.saturating_sub(3).max(1)
                } else {
                    room.max(1)
                };
                self.table_row(table, row, from..from + take, leading, index % 2 == 1);
                from += take;
                if from < total {
                    self.new_page();
                    self.table_header(table);
                }
            }
        }
        Ok(())
    }

    fn header_height(&self, table: &Table) -> f32 {
        let lines = table
            .header
            .iter()
            .zip(&table.widths)
            .map(|(h, w)| {
                self.doc
                    .fonts
                    .wrap(Style::Bold, table.size, h, w - 2.0 * PAD)
                    .len()
            })
            .max()
            .unwrap_or(1);
        lines as f32 * table.size * 1.3 + 2.0 * PAD
    }

    fn table_header(&mut self, table: &Table) {
        let height = self.header_height(table);
        let (left, y, accent) = (self.left, self.y, self.accent);
        let fonts = self.doc.fonts;
        let width: f32 = table.widths.iter().sum();
        let mut page = self.doc.page();
        page.fill_rect(left, y, width, height, accent);
        let mut x = left;
        for (text, w) in table.header.iter().zip(&table.widths) {
            let lines = fonts.wrap(Style::Bold, table.size, text, w - 2.0 * PAD);
            let leading = table.size * 1.3;
            page.lines(
                x + PAD,
                y + PAD + table.size,
                leading,
                (Style::Bold, table.size, Rgb(255, 255, 255)),
                &lines,
            );
            x += w;
        }
        self.y += height;
    }

    fn table_row(
        &mut self,
        table: &Table,
        row: &[Vec<Run>],
        lines: std::ops::Range<usize>,
        leading: f32,
        shaded: bool,
    ) {
        let height = lines.len() as f32 * leading + 2.0 * PAD;
        let (left, y) = (self.left, self.y);
        let width: f32 = table.widths.iter().sum();
        let mut page = self.doc.page();
        if shaded {
            page.fill_rect(left, y, width, height, WASH);
        }
        let mut x = left;
        for (cell, w) in row.iter().zip(&table.widths) {
            for (i, run) in cell.iter().skip(lines.start).take(lines.len()).enumerate() {
                let baseline = y + PAD + table.size + i as f32 * leading;
                page.text(
                    x + PAD,
                    baseline,
                    run.style,
                    table.size,
                    run.color,
                    &run.text,
                );
            }
            x += w;
        }
        page.line((left, y + height), (left + width, y + height), 0.4, RULE);
        self.y += height;
    }

    /// "Page 3 of 9" and a running title at the foot of every page but the first.
    pub fn number_pages(self, title: &str) {
        let count = self.doc.page_count();
        let (left, right, foot) = (self.left, self.right, self.bottom + 28.0);
        let fonts = self.doc.fonts;
        for index in 1..count {
            let label = format!("Page {} of {count}", index + 1);
            let w = fonts.width(Style::Regular, 8.0, &label);
            let mut page = self.doc.on_page(index);
            page.line((left, foot - 12.0), (right, foot - 12.0), 0.4, RULE);
            page.text(left, foot, Style::Regular, 8.0, MUTED, title);
            page.text(right - w, foot, Style::Regular, 8.0, MUTED, &label);
        }
    }
}
