//! A document of titled sections of lines (the worker's CV): title, a grey subtitle, then each
//! section's heading with its lines, page numbers at the bottom.

use super::writer::Document;

pub fn sections_pdf(
    title: &str,
    subtitle: &str,
    sections: &[(String, Vec<String>)],
    page_label: &str,
) -> Vec<u8> {
    let mut doc = Document::new(title);
    doc.paragraph(title, 18.0, true, false, 0.0);
    doc.paragraph(subtitle, 10.0, false, true, 0.0);
    for (heading, lines) in sections {
        if lines.is_empty() {
            continue;
        }
        doc.gap(8.0);
        doc.paragraph(heading, 12.0, true, false, 0.0);
        doc.rule();
        for line in lines {
            doc.paragraph(line, 10.0, false, false, 6.0);
        }
    }
    let label = page_label.to_string();
    doc.finish(move |n, total| format!("{label} {n}/{total}"))
}
