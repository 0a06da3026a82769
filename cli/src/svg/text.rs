//! Labels, and the numbers and text escapes of the SVG.

use std::fmt::{self, Write};

use super::scene::*;

/// A label ready to draw, font size in hundredths of a px.
pub(super) struct Text<'a> {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) font: i64,
    pub(super) end_anchor: bool,
    pub(super) text: &'a str,
}

pub(super) fn write_labels(
    out: &mut String,
    items: &[Option<Item>],
    view: &View,
    style: &Style,
    n_drawn: usize,
) {
    // Box labels: centred, sized to the box.
    let mut in_boxes = Vec::new();
    for it in items.iter().flatten().filter(|it| it.is_box) {
        let Some(text) = it.label else { continue };
        let (x, y) = view.map(it.x, it.y);
        let (w, h) = (2.0 * it.half_w * view.scale, 2.0 * it.half_h * view.scale);
        let chars = text.chars().count().max(1) as f64;
        let font = (h * 0.5)
            .min(w * 0.9 / (GLYPH_WIDTH * chars))
            .min(MAX_BOX_FONT);
        if font < MIN_BOX_FONT {
            continue;
        }
        let font = centi(font);
        in_boxes.push(Text {
            x,
            // Shift the baseline so the text is vertically centred.
            y: y + 0.35 * font as f64 / 100.0,
            font,
            end_anchor: false,
            text,
        });
    }
    if !in_boxes.is_empty() {
        let common = most_common_font(&in_boxes);
        let _ = writeln!(
            out,
            "<g font-family=\"{FONT_FAMILY}\" font-size=\"{}\" text-anchor=\"middle\" fill=\"{TEXT_COLOR}\">",
            N(common as f64 / 100.0)
        );
        write_texts(out, &in_boxes, common);
        out.push_str("</g>\n");
    }

    // Dot labels: beside the dot, only while the picture is not crowded.
    if n_drawn > DOT_LABEL_LIMIT {
        return;
    }
    let gap = style.dot_r + 3.0;
    let mut beside = Vec::new();
    for it in items.iter().flatten().filter(|it| !it.is_box) {
        let Some(text) = it.label else { continue };
        let (x, y) = view.map(it.x, it.y);
        let est = text.chars().count() as f64 * GLYPH_WIDTH * DOT_FONT;
        // Right of the dot, unless that would leave the canvas.
        let left = x + gap + est > view.width - 2.0 && x - gap - est >= 2.0;
        beside.push(Text {
            x: if left { x - gap } else { x + gap },
            y: y + 0.35 * DOT_FONT,
            font: centi(DOT_FONT),
            end_anchor: left,
            text,
        });
    }
    if !beside.is_empty() {
        let _ = writeln!(
            out,
            "<g font-family=\"{FONT_FAMILY}\" font-size=\"{}\" fill=\"{TEXT_COLOR}\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">",
            N(DOT_FONT)
        );
        write_texts(out, &beside, centi(DOT_FONT));
        out.push_str("</g>\n");
    }
}

pub(super) fn write_texts(out: &mut String, texts: &[Text], common_font: i64) {
    for t in texts {
        let _ = write!(out, "<text x=\"{}\" y=\"{}\"", N(t.x), N(t.y));
        if t.font != common_font {
            let _ = write!(out, " font-size=\"{}\"", N(t.font as f64 / 100.0));
        }
        if t.end_anchor {
            out.push_str(" text-anchor=\"end\"");
        }
        out.push('>');
        escape_into(out, t.text);
        out.push_str("</text>\n");
    }
}

/// Rounds px to hundredths, the precision printed.
pub(super) fn centi(v: f64) -> i64 {
    (v * 100.0).round() as i64
}

/// The most frequent font size; ties go to the smallest.
pub(super) fn most_common_font(texts: &[Text]) -> i64 {
    let mut sizes: Vec<i64> = texts.iter().map(|t| t.font).collect();
    sizes.sort_unstable();
    let (mut best, mut best_count) = (0, 0);
    let mut i = 0;
    while i < sizes.len() {
        let mut j = i;
        while j < sizes.len() && sizes[j] == sizes[i] {
            j += 1;
        }
        if j - i > best_count {
            best = sizes[i];
            best_count = j - i;
        }
        i = j;
    }
    best
}

/// Appends `s` as XML text: markup characters escaped, characters not
/// allowed in XML 1.0 replaced by U+FFFD.
pub(super) fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// A number printed with at most two decimals, no trailing zeros, and `0`
/// for non-finite values.
pub(super) struct N(pub(super) f64);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.0.is_finite() {
            return f.write_str("0");
        }
        // Saturating cast; canvas coordinates are far from the limit.
        let c = (self.0 * 100.0).round() as i64;
        if c < 0 {
            f.write_str("-")?;
        }
        let c = c.unsigned_abs();
        let (int, frac) = (c / 100, c % 100);
        match frac {
            0 => write!(f, "{int}"),
            _ if frac % 10 == 0 => write!(f, "{int}.{}", frac / 10),
            _ => write!(f, "{int}.{frac:02}"),
        }
    }
}
