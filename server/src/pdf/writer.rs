//! A small PDF 1.4 writer for text documents: A4 pages, the standard Helvetica and
//! Helvetica-Bold fonts with WinAnsiEncoding (so "à", "è", "€" print), word wrapping with the
//! fonts' real widths, right-aligned amounts and a footer on every page. No compression, no
//! images: the summary is a few kilobytes and stays searchable.

use std::fmt::Write as _;

pub const PAGE_WIDTH: f32 = 595.0;
pub const PAGE_HEIGHT: f32 = 842.0;
pub const MARGIN: f32 = 50.0;
const BOTTOM: f32 = 60.0;

/// Helvetica widths (thousandths of the font size) of the printable ASCII characters 32–126.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p..~
];

/// Helvetica-Bold widths of the same characters.
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, //
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, //
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, //
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, //
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, //
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, //
];

/// The WinAnsiEncoding byte of a character, or `?` when the font cannot print it.
pub fn win_ansi(c: char) -> u8 {
    match c {
        ' '..='~' => c as u8,
        '\u{A0}'..='\u{FF}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => b'?',
    }
}

/// Width of a WinAnsi byte in thousandths of the font size.
fn byte_width(byte: u8, bold: bool) -> u16 {
    let table = if bold { &HELVETICA_BOLD } else { &HELVETICA };
    match byte {
        32..=126 => table[usize::from(byte - 32)],
        0x97 => 1000,
        0x91 | 0x92 | 0x82 => 278,
        0x93 | 0x94 | 0x84 => 500,
        0x95 => 350,
        0xD7 => 584,
        0xAA | 0xBA => 370,
        0xC0..=0xDE => 722,
        0xEC..=0xEF => 278,
        _ => 556,
    }
}

/// Width of a text in points.
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let thousandths: u32 = text
        .chars()
        .map(|c| u32::from(byte_width(win_ansi(c), bold)))
        .sum();
    thousandths as f32 * size / 1000.0
}

/// Splits a text into lines no wider than `width` points (a word longer than a line is
/// split where it overflows).
pub fn wrap(text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size, bold) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if text_width(&piece, size, bold) > width {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        line = piece;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A PDF string literal in WinAnsiEncoding, with `(`, `)`, `\` and non-ASCII bytes escaped.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('(');
    for c in text.chars() {
        match win_ansi(c) {
            b'(' => out.push_str("\\("),
            b')' => out.push_str("\\)"),
            b'\\' => out.push_str("\\\\"),
            byte @ 32..=126 => out.push(byte as char),
            byte => {
                let _ = write!(out, "\\{byte:03o}");
            }
        }
    }
    out.push(')');
    out
}

/// A document being written, top to bottom.
pub struct Document {
    title: String,
    pages: Vec<String>,
    content: String,
    /// Baseline of the next line, from the bottom of the page.
    y: f32,
}

impl Document {
    pub fn new(title: &str) -> Document {
        Document {
            title: title.to_string(),
            pages: Vec::new(),
            content: String::new(),
            y: PAGE_HEIGHT - MARGIN,
        }
    }

    /// Starts a new page when fewer than `needed` points are left.
    pub fn ensure(&mut self, needed: f32) {
        if self.y - needed < BOTTOM {
            self.pages.push(std::mem::take(&mut self.content));
            self.y = PAGE_HEIGHT - MARGIN;
        }
    }

    /// Moves down by `points`.
    pub fn gap(&mut self, points: f32) {
        self.y -= points;
    }

    /// Places a text with its baseline on the current line, at `x`.
    fn put(&mut self, x: f32, text: &str, size: f32, bold: bool, grey: bool) {
        let font = if bold { "F2" } else { "F1" };
        let colour = if grey { "0.3 g" } else { "0 g" };
        let _ = writeln!(
            self.content,
            "BT {colour} /{font} {size} Tf 1 0 0 1 {x:.2} {:.2} Tm {} Tj ET",
            self.y,
            literal(text)
        );
    }

    /// A wrapped paragraph starting at `indent` points from the margin.
    pub fn paragraph(&mut self, text: &str, size: f32, bold: bool, grey: bool, indent: f32) {
        let leading = size * 1.3;
        let width = PAGE_WIDTH - 2.0 * MARGIN - indent;
        for line in wrap(text, size, bold, width) {
            self.ensure(leading);
            self.y -= leading;
            self.put(MARGIN + indent, &line, size, bold, grey);
        }
    }

    /// A line of a table: a wrapped label on the left and amounts right-aligned at the given
    /// right edges (points from the left of the page).
    pub fn row(&mut self, label: &str, amounts: &[(Option<&str>, f32)], size: f32, bold: bool) {
        let leading = size * 1.3;
        let first_edge = amounts
            .iter()
            .map(|(_, edge)| *edge)
            .fold(PAGE_WIDTH - MARGIN, f32::min);
        let label_width = first_edge - MARGIN - 90.0;
        let lines = wrap(label, size, bold, label_width);
        self.ensure(leading * lines.len().max(1) as f32);
        for (index, line) in lines.iter().enumerate() {
            self.y -= leading;
            self.put(MARGIN, line, size, bold, false);
            if index == 0 {
                for (amount, edge) in amounts {
                    if let Some(amount) = amount {
                        let x = edge - text_width(amount, size, bold);
                        self.put(x, amount, size, bold, false);
                    }
                }
            }
        }
    }

    /// A thin horizontal rule under the current line.
    pub fn rule(&mut self) {
        self.ensure(6.0);
        self.y -= 4.0;
        let _ = writeln!(
            self.content,
            "0.7 G 0.5 w {MARGIN} {:.2} m {:.2} {:.2} l S",
            self.y,
            PAGE_WIDTH - MARGIN,
            self.y
        );
    }

    /// The finished file; `footer(n, total)` is printed at the bottom of every page.
    pub fn finish(mut self, footer: impl Fn(usize, usize) -> String) -> Vec<u8> {
        if !self.content.is_empty() || self.pages.is_empty() {
            self.pages.push(std::mem::take(&mut self.content));
        }
        let total = self.pages.len();
        let mut out: Vec<u8> = Vec::new();
        let mut offsets: Vec<usize> = Vec::new();
        out.extend_from_slice(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
        let mut object = |out: &mut Vec<u8>, body: &str| {
            offsets.push(out.len());
            let number = offsets.len();
            out.extend_from_slice(format!("{number} 0 obj\n{body}\nendobj\n").as_bytes());
        };
        // 1 catalog, 2 pages, 3 and 4 fonts, 5 info, then a page and its content per page.
        let kids: Vec<String> = (0..total).map(|i| format!("{} 0 R", 6 + 2 * i)).collect();
        object(&mut out, "<< /Type /Catalog /Pages 2 0 R >>");
        object(
            &mut out,
            &format!(
                "<< /Type /Pages /Kids [{}] /Count {total} >>",
                kids.join(" ")
            ),
        );
        for (name, base) in [("F1", "Helvetica"), ("F2", "Helvetica-Bold")] {
            object(
                &mut out,
                &format!(
                    "<< /Type /Font /Subtype /Type1 /Name /{name} /BaseFont /{base} \
                     /Encoding /WinAnsiEncoding >>"
                ),
            );
        }
        object(
            &mut out,
            &format!(
                "<< /Title {} /Producer (WeMi) /Creator (WeMi - Comune di Milano) >>",
                literal(&self.title)
            ),
        );
        for (index, page) in self.pages.iter().enumerate() {
            let mut content = page.clone();
            let text = footer(index + 1, total);
            let x = PAGE_WIDTH - MARGIN - text_width(&text, 8.0, false);
            let _ = writeln!(
                content,
                "BT 0.3 g /F1 8 Tf 1 0 0 1 {x:.2} 30 Tm {} Tj ET",
                literal(&text)
            );
            object(
                &mut out,
                &format!(
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
                     /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
                    7 + 2 * index
                ),
            );
            object(
                &mut out,
                &format!(
                    "<< /Length {} >>\nstream\n{content}endstream",
                    content.len()
                ),
            );
        }
        let xref = out.len();
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1);
        for offset in &offsets {
            let _ = writeln!(table, "{offset:010} 00000 n ");
        }
        let _ = write!(
            table,
            "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        );
        out.extend_from_slice(table.as_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_euro_are_win_ansi() {
        assert_eq!(
            literal("Città (1.675,92 €)"),
            "(Citt\\340 \\(1.675,92 \\200\\))"
        );
        assert_eq!(win_ansi('ù'), 0xF9);
        assert_eq!(win_ansi('–'), 0x96);
        assert_eq!(win_ansi('中'), b'?');
    }

    #[test]
    fn wraps_within_the_width() {
        let text = "Retribuzione lorda mensile più tredicesima e TFR ".repeat(10);
        for line in wrap(&text, 10.0, false, 200.0) {
            assert!(text_width(&line, 10.0, false) <= 200.0, "{line}");
        }
    }

    #[test]
    fn xref_offsets_point_at_objects() {
        let mut doc = Document::new("Prova");
        for _ in 0..80 {
            doc.paragraph("Una riga di prova con l'euro €", 10.0, false, false, 0.0);
        }
        let bytes = doc.finish(|n, of| format!("{n}/{of}"));
        assert!(bytes.starts_with(b"%PDF-1.4"));
        assert!(bytes.ends_with(b"%%EOF\n"));
        let find = |needle: &[u8]| bytes.windows(needle.len()).rposition(|w| w == needle);
        assert!(find(b"/Count 2").is_some(), "two pages");
        let at = find(b"startxref\n").unwrap() + "startxref\n".len();
        let tail = std::str::from_utf8(&bytes[at..]).unwrap();
        let start: usize = tail.lines().next().unwrap().parse().unwrap();
        assert!(bytes[start..].starts_with(b"xref"));
        let table = std::str::from_utf8(&bytes[start..]).unwrap();
        let first = table.lines().nth(3).unwrap();
        let offset: usize = first[..10].parse().unwrap();
        assert!(bytes[offset..].starts_with(b"1 0 obj"));
    }
}
