//! SVG rendering of a laid-out graph.
//!
//! [`render`] turns node centres, node boxes, links and group bounds (all in
//! layout units, i.e. WebCola pixels) into a standalone SVG document whose
//! longer side is about 1000 px. The picture is scaled to fit, keeps the
//! aspect ratio and is drawn in this order: background, groups, links, nodes,
//! labels.
//!
//! Nodes whose centre is not finite are skipped together with their links, so
//! the output never contains `NaN` or `inf`. Output is deterministic: the same
//! scene always gives the same bytes.

use std::fmt::{self, Write as _};

/// One node as drawn.
pub struct SvgNode<'a> {
    /// Box width in layout units; `None` draws the node as a dot.
    pub width: Option<f64>,
    /// Box height in layout units; `None` with a width set uses the width.
    pub height: Option<f64>,
    /// Text drawn at the node, if any.
    pub label: Option<&'a str>,
}

/// A group box (drawn under its members), given as its bounds in layout units.
pub struct SvgGroup {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Right edge.
    pub x_max: f64,
    /// Bottom edge.
    pub y_max: f64,
}

/// Everything [`render`] draws.
pub struct SvgScene<'a> {
    /// Node centres in layout units, one per node.
    pub positions: &'a [[f64; 2]],
    /// Node shapes and labels, indexed like `positions`.
    pub nodes: &'a [SvgNode<'a>],
    /// Links as 0-based node index pairs; self-loops are drawn as small loops.
    pub links: &'a [(usize, usize)],
    /// Group boxes, drawn under everything else.
    pub groups: &'a [SvgGroup],
}

/// Longer side of the canvas in px.
const CANVAS: f64 = 1000.0;
/// Space around the drawing in px.
const MARGIN: f64 = 32.0;
/// Content side in px used when all content sits at one point.
const POINT_CONTENT: f64 = 120.0;
/// Side in px of the SVG for an empty scene.
const EMPTY_SIDE: f64 = 100.0;
/// Above this many drawn nodes, dots get no labels.
const DOT_LABEL_LIMIT: usize = 300;
/// Coordinates beyond this magnitude are treated like non-finite ones.
const COORD_LIMIT: f64 = 1e150;
/// Font size in px of labels beside dots.
const DOT_FONT: f64 = 11.0;
/// Largest font size in px of labels inside boxes.
const MAX_BOX_FONT: f64 = 40.0;
/// Box labels smaller than this (px) are unreadable and left out.
const MIN_BOX_FONT: f64 = 2.0;
/// Average glyph width as a fraction of the font size, for fitting text.
const GLYPH_WIDTH: f64 = 0.6;
const FONT_FAMILY: &str = "Helvetica,Arial,sans-serif";

// Palette.
const GROUP_FILL: &str = "#f4e6c6";
const GROUP_STROKE: &str = "#c9a35f";
const LINK_COLOR: &str = "#6f7a8a";
const BOX_FILL: &str = "#d6e6f5";
const BOX_STROKE: &str = "#3f75ad";
const DOT_FILL: &str = "#4f8fd1";
const DOT_STROKE: &str = "#1f4e80";
const TEXT_COLOR: &str = "#1b2430";

/// Renders the scene to a standalone SVG document, scaled to fit.
///
/// Nodes with a non-finite centre, and links touching them or out-of-range
/// indices, are skipped. A scene with nothing drawable gives a small empty
/// (white) SVG. Never panics.
#[must_use]
pub fn render(scene: &SvgScene) -> String {
    let items = collect_nodes(scene);
    let groups = collect_groups(scene.groups);

    let mut bounds = Bounds::EMPTY;
    for it in items.iter().flatten() {
        bounds.add(it.x - it.half_w, it.y - it.half_h);
        bounds.add(it.x + it.half_w, it.y + it.half_h);
    }
    for g in &groups {
        bounds.add(g[0], g[1]);
        bounds.add(g[2], g[3]);
    }
    if !bounds.is_set() {
        return empty_svg();
    }

    let view = View::fit(&bounds);
    let n_drawn = items.iter().flatten().count();
    let n_links = scene
        .links
        .iter()
        .filter(|&&(a, b)| drawn(&items, a).is_some() && drawn(&items, b).is_some())
        .count();
    let style = Style::new(n_drawn, n_links, &items, view.scale);

    let mut out = String::with_capacity(256 + 60 * (n_drawn + n_links));
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">",
        w = N(view.width),
        h = N(view.height)
    );
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");

    write_groups(&mut out, &groups, &view);
    write_links(&mut out, scene.links, &items, &view, &style);
    write_nodes(&mut out, &items, &view, &style);
    write_labels(&mut out, &items, &view, &style, n_drawn);

    out.push_str("</svg>\n");
    out
}

/// A drawable node in layout units.
struct Item<'a> {
    x: f64,
    y: f64,
    /// Half box size; zero for dots.
    half_w: f64,
    half_h: f64,
    is_box: bool,
    label: Option<&'a str>,
}

/// A value usable as a layout coordinate or size.
fn usable(v: f64) -> bool {
    v.is_finite() && v.abs() < COORD_LIMIT
}

/// One entry per position: `None` for nodes that cannot be drawn.
fn collect_nodes<'a>(scene: &SvgScene<'a>) -> Vec<Option<Item<'a>>> {
    scene
        .positions
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let [x, y] = *p;
            if !usable(x) || !usable(y) {
                return None;
            }
            let node = scene.nodes.get(i);
            let w = node.and_then(|n| n.width);
            let h = node.and_then(|n| n.height).or(w);
            // A box needs a usable positive size; anything else is a dot.
            let size = match (w, h) {
                (Some(w), Some(h)) if usable(w) && usable(h) && w > 0.0 && h > 0.0 => Some((w, h)),
                _ => None,
            };
            let label = node.and_then(|n| n.label).filter(|s| !s.trim().is_empty());
            Some(Item {
                x,
                y,
                half_w: size.map_or(0.0, |s| s.0 / 2.0),
                half_h: size.map_or(0.0, |s| s.1 / 2.0),
                is_box: size.is_some(),
                label,
            })
        })
        .collect()
}

/// The drawable node at index `i`, if any.
fn drawn<'s, 'a>(items: &'s [Option<Item<'a>>], i: usize) -> Option<&'s Item<'a>> {
    items.get(i).and_then(Option::as_ref)
}

/// Groups with usable bounds, normalised to `[x_min, y_min, x_max, y_max]`.
fn collect_groups(groups: &[SvgGroup]) -> Vec<[f64; 4]> {
    groups
        .iter()
        .filter(|g| usable(g.x) && usable(g.y) && usable(g.x_max) && usable(g.y_max))
        .map(|g| {
            [
                g.x.min(g.x_max),
                g.y.min(g.y_max),
                g.x.max(g.x_max),
                g.y.max(g.y_max),
            ]
        })
        .collect()
}

/// Axis-aligned bounds in layout units.
struct Bounds {
    min: [f64; 2],
    max: [f64; 2],
}

impl Bounds {
    const EMPTY: Bounds = Bounds {
        min: [f64::INFINITY; 2],
        max: [f64::NEG_INFINITY; 2],
    };

    fn add(&mut self, x: f64, y: f64) {
        self.min = [self.min[0].min(x), self.min[1].min(y)];
        self.max = [self.max[0].max(x), self.max[1].max(y)];
    }

    fn is_set(&self) -> bool {
        self.min[0] <= self.max[0] && self.min[1] <= self.max[1]
    }
}

/// Mapping from layout units to canvas px.
struct View {
    /// px per layout unit.
    scale: f64,
    /// Layout point drawn at the centre of the content area.
    mid: [f64; 2],
    width: f64,
    height: f64,
}

impl View {
    fn fit(b: &Bounds) -> View {
        let span = [b.max[0] - b.min[0], b.max[1] - b.min[1]];
        let longest = span[0].max(span[1]);
        let mid = [b.min[0] + span[0] / 2.0, b.min[1] + span[1] / 2.0];
        if longest <= 1e-9 * (1.0 + b.max[0].abs().max(b.max[1].abs())) {
            // Everything at one point: a small square canvas.
            let side = (POINT_CONTENT + 2.0 * MARGIN).ceil();
            return View {
                scale: 1.0,
                mid,
                width: side,
                height: side,
            };
        }
        let scale = (CANVAS - 2.0 * MARGIN) / longest;
        View {
            scale,
            mid,
            width: ceil_px(span[0] * scale + 2.0 * MARGIN),
            height: ceil_px(span[1] * scale + 2.0 * MARGIN),
        }
    }

    /// Canvas position of a layout point.
    fn map(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.width / 2.0 + (x - self.mid[0]) * self.scale,
            self.height / 2.0 + (y - self.mid[1]) * self.scale,
        )
    }
}

/// Rounds a canvas size up to whole px, ignoring float noise (1000.0000001 is 1000).
fn ceil_px(v: f64) -> f64 {
    (v - 1e-6).ceil()
}

/// Sizes that depend on the graph as a whole, in px.
struct Style {
    dot_r: f64,
    dot_stroke: f64,
    box_stroke: f64,
    link_width: f64,
    link_opacity: f64,
}

impl Style {
    fn new(n_nodes: usize, n_links: usize, items: &[Option<Item>], scale: f64) -> Style {
        // Dots shrink with node count, down to a still-visible radius.
        let dot_r = (50.0 / (n_nodes.max(1) as f64).sqrt()).clamp(2.0, 7.0);
        // Links get thinner and fainter from 100 links up to 10 000.
        let t = (((n_links.max(1) as f64).log10() - 2.0) / 2.0).clamp(0.0, 1.0);
        // Box outlines follow the average drawn box size.
        let (sum, count) = items
            .iter()
            .flatten()
            .filter(|it| it.is_box)
            .fold((0.0, 0usize), |(s, c), it| {
                (s + it.half_w.min(it.half_h) * 2.0 * scale, c + 1)
            });
        let avg_side = if count > 0 { sum / count as f64 } else { 0.0 };
        Style {
            dot_r,
            dot_stroke: (dot_r * 0.25).clamp(0.3, 1.5),
            box_stroke: (avg_side * 0.05).clamp(0.3, 1.5),
            link_width: 1.6 - 0.9 * t,
            link_opacity: 0.7 - 0.35 * t,
        }
    }
}

fn empty_svg() -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{s}\" height=\"{s}\" viewBox=\"0 0 {s} {s}\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n</svg>\n",
        s = N(EMPTY_SIDE)
    )
}

fn write_groups(out: &mut String, groups: &[[f64; 4]], view: &View) {
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<g fill=\"{GROUP_FILL}\" fill-opacity=\"0.55\" stroke=\"{GROUP_STROKE}\" stroke-width=\"1.2\">"
    );
    for g in groups {
        let (x0, y0) = view.map(g[0], g[1]);
        let (x1, y1) = view.map(g[2], g[3]);
        let (w, h) = (x1 - x0, y1 - y0);
        let rx = (w.min(h) * 0.08).min(10.0);
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\"/>",
            N(x0),
            N(y0),
            N(w),
            N(h),
            N(rx)
        );
    }
    out.push_str("</g>\n");
}

fn write_links(
    out: &mut String,
    links: &[(usize, usize)],
    items: &[Option<Item>],
    view: &View,
    style: &Style,
) {
    let mut opened = false;
    for &(a, b) in links {
        let (Some(ia), Some(ib)) = (drawn(items, a), drawn(items, b)) else {
            continue;
        };
        if !opened {
            let _ = writeln!(
                out,
                "<g stroke=\"{LINK_COLOR}\" stroke-opacity=\"{}\" stroke-width=\"{}\" fill=\"none\" stroke-linecap=\"round\">",
                N(style.link_opacity),
                N(style.link_width)
            );
            opened = true;
        }
        let (x1, y1) = view.map(ia.x, ia.y);
        if a == b {
            write_self_loop(out, ia, x1, y1, view, style);
            continue;
        }
        let (x2, y2) = view.map(ib.x, ib.y);
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            N(x1),
            N(y1),
            N(x2),
            N(y2)
        );
    }
    if opened {
        out.push_str("</g>\n");
    }
}

/// A small circle touching the node: through a dot's centre, or around a
/// box's top-right corner.
fn write_self_loop(out: &mut String, it: &Item, x: f64, y: f64, view: &View, style: &Style) {
    let (cx, cy, r) = if it.is_box {
        let (hw, hh) = (it.half_w * view.scale, it.half_h * view.scale);
        (x + hw, y - hh, (hw.min(hh) * 0.6).clamp(5.0, 18.0))
    } else {
        let r = (style.dot_r * 2.5).max(7.0);
        let d = r * std::f64::consts::FRAC_1_SQRT_2;
        (x + d, y - d, r)
    };
    let _ = writeln!(
        out,
        "<path d=\"M{} {}a{r} {r} 0 1 0 {d} 0a{r} {r} 0 1 0 -{d} 0\"/>",
        N(cx - r),
        N(cy),
        r = N(r),
        d = N(2.0 * r)
    );
}

fn write_nodes(out: &mut String, items: &[Option<Item>], view: &View, style: &Style) {
    let boxes: Vec<&Item> = items.iter().flatten().filter(|it| it.is_box).collect();
    if !boxes.is_empty() {
        let _ = writeln!(
            out,
            "<g fill=\"{BOX_FILL}\" stroke=\"{BOX_STROKE}\" stroke-width=\"{}\">",
            N(style.box_stroke)
        );
        for it in boxes {
            let (x, y) = view.map(it.x - it.half_w, it.y - it.half_h);
            let (w, h) = (2.0 * it.half_w * view.scale, 2.0 * it.half_h * view.scale);
            let rx = (w.min(h) * 0.15).min(8.0);
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\"/>",
                N(x),
                N(y),
                N(w),
                N(h),
                N(rx)
            );
        }
        out.push_str("</g>\n");
    }

    let mut dots = items.iter().flatten().filter(|it| !it.is_box).peekable();
    if dots.peek().is_some() {
        let _ = writeln!(
            out,
            "<g fill=\"{DOT_FILL}\" stroke=\"{DOT_STROKE}\" stroke-width=\"{}\">",
            N(style.dot_stroke)
        );
        for it in dots {
            let (x, y) = view.map(it.x, it.y);
            let _ = writeln!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
                N(x),
                N(y),
                N(style.dot_r)
            );
        }
        out.push_str("</g>\n");
    }
}

/// A label ready to draw, font size in hundredths of a px.
struct Text<'a> {
    x: f64,
    y: f64,
    font: i64,
    end_anchor: bool,
    text: &'a str,
}

fn write_labels(
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

fn write_texts(out: &mut String, texts: &[Text], common_font: i64) {
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
fn centi(v: f64) -> i64 {
    (v * 100.0).round() as i64
}

/// The most frequent font size; ties go to the smallest.
fn most_common_font(texts: &[Text]) -> i64 {
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
fn escape_into(out: &mut String, s: &str) {
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
struct N(f64);

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

#[cfg(test)]
mod tests {
    use super::*;

    fn dot() -> SvgNode<'static> {
        SvgNode {
            width: None,
            height: None,
            label: None,
        }
    }

    fn boxed(w: f64, h: f64, label: Option<&str>) -> SvgNode<'_> {
        SvgNode {
            width: Some(w),
            height: Some(h),
            label,
        }
    }

    fn scene<'a>(
        positions: &'a [[f64; 2]],
        nodes: &'a [SvgNode<'a>],
        links: &'a [(usize, usize)],
        groups: &'a [SvgGroup],
    ) -> SvgScene<'a> {
        SvgScene {
            positions,
            nodes,
            links,
            groups,
        }
    }

    fn count(svg: &str, tag: &str) -> usize {
        svg.matches(&format!("<{tag} ")).count()
    }

    /// Basic shape checks every output must pass.
    fn assert_well_formed(svg: &str) {
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.ends_with("</svg>\n"), "{svg}");
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        assert_eq!(svg.matches("<g ").count(), svg.matches("</g>").count());
        assert_eq!(
            svg.matches("<text ").count(),
            svg.matches("</text>").count()
        );
    }

    /// Width and height attributes of the root element.
    fn canvas_size(svg: &str) -> (f64, f64) {
        let attr = |name: &str| {
            let start = svg.find(&format!(" {name}=\"")).map(|i| i + name.len() + 3);
            start
                .and_then(|s| svg[s..].find('"').map(|e| &svg[s..s + e]))
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(-1.0)
        };
        (attr("width"), attr("height"))
    }

    /// Positions, nodes and links of a test graph.
    type Graph = (Vec<[f64; 2]>, Vec<SvgNode<'static>>, Vec<(usize, usize)>);

    /// A deterministic pseudo-random graph of `n` dots on a jittered grid.
    fn big_graph(n: usize) -> Graph {
        let side = (n as f64).sqrt().ceil() as usize;
        let positions = (0..n)
            .map(|i| {
                let j = (i as f64 * 12.9898).sin() * 4.0;
                [(i % side) as f64 * 25.0 + j, (i / side) as f64 * 25.0 - j]
            })
            .collect();
        let nodes = (0..n).map(|_| dot()).collect();
        let mut links = Vec::new();
        for i in 0..n {
            if i % side + 1 < side && i + 1 < n {
                links.push((i, i + 1));
            }
            if i + side < n && i % 2 == 0 {
                links.push((i, i + side));
            }
        }
        (positions, nodes, links)
    }

    #[test]
    fn empty_scene_gives_small_empty_svg() {
        let svg = render(&scene(&[], &[], &[], &[]));
        assert_well_formed(&svg);
        assert_eq!(count(&svg, "circle") + count(&svg, "line"), 0);
        assert_eq!(count(&svg, "rect"), 1);
        assert!(svg.len() < 300);
    }

    #[test]
    fn one_dot_is_drawn_centred_on_a_small_canvas() {
        let svg = render(&scene(&[[5.0, -3.0]], &[dot()], &[], &[]));
        assert_well_formed(&svg);
        assert_eq!(count(&svg, "circle"), 1);
        let (w, h) = canvas_size(&svg);
        assert!(w > 0.0 && w == h && w < CANVAS);
        assert!(svg.contains(&format!("cx=\"{}\" cy=\"{}\"", N(w / 2.0), N(h / 2.0))));
    }

    #[test]
    fn one_box_node_fills_the_canvas_with_its_label() {
        let nodes = [boxed(40.0, 20.0, Some("A"))];
        let svg = render(&scene(&[[0.0, 0.0]], &nodes, &[], &[]));
        assert_well_formed(&svg);
        assert_eq!(count(&svg, "rect"), 2);
        assert!(svg.contains(">A</text>"));
        assert_eq!(canvas_size(&svg), (1000.0, 532.0));
    }

    #[test]
    fn nodes_at_one_point_do_not_produce_nan() {
        let positions = [[7.0, 7.0]; 4];
        let nodes: Vec<_> = (0..4).map(|_| dot()).collect();
        let svg = render(&scene(&positions, &nodes, &[(0, 1), (2, 3)], &[]));
        assert_well_formed(&svg);
        assert_eq!(count(&svg, "circle"), 4);
        assert_eq!(count(&svg, "line"), 2);
    }

    #[test]
    fn nan_position_is_skipped_with_its_links() {
        let positions = [
            [0.0, 0.0],
            [f64::NAN, 1.0],
            [10.0, 10.0],
            [f64::INFINITY, 0.0],
        ];
        let nodes: Vec<_> = (0..4).map(|_| dot()).collect();
        let links = [(0, 1), (1, 2), (0, 2), (2, 3), (0, 9)];
        let svg = render(&scene(&positions, &nodes, &links, &[]));
        assert_well_formed(&svg);
        assert_eq!(count(&svg, "circle"), 2);
        assert_eq!(count(&svg, "line"), 1);
    }

    #[test]
    fn only_non_finite_nodes_give_the_empty_svg() {
        let nodes = [dot()];
        let svg = render(&scene(&[[f64::NAN, f64::NAN]], &nodes, &[(0, 0)], &[]));
        assert_eq!(svg, render(&scene(&[], &[], &[], &[])));
    }

    #[test]
    fn label_is_xml_escaped() {
        let nodes = [
            boxed(200.0, 30.0, Some("a<b&c>\"d'")),
            SvgNode {
                width: None,
                height: None,
                label: Some("<&>\"\u{1}"),
            },
        ];
        let svg = render(&scene(&[[0.0, 0.0], [300.0, 0.0]], &nodes, &[], &[]));
        assert_well_formed(&svg);
        assert!(
            svg.contains(">a&lt;b&amp;c&gt;&quot;d&apos;</text>"),
            "{svg}"
        );
        assert!(svg.contains(">&lt;&amp;&gt;&quot;\u{FFFD}</text>"), "{svg}");
        assert!(!svg.contains("<b") && !svg.contains("\u{1}"));
    }

    #[test]
    fn element_counts_match_the_scene() {
        let positions = [
            [0.0, 0.0],
            [50.0, 0.0],
            [0.0, 50.0],
            [50.0, 50.0],
            [100.0, 20.0],
            [100.0, 80.0],
        ];
        let nodes = [
            dot(),
            dot(),
            dot(),
            dot(),
            boxed(30.0, 20.0, Some("box")),
            boxed(30.0, 20.0, None),
        ];
        let links = [(0, 1), (1, 3), (3, 2), (2, 0), (4, 5), (1, 1)];
        let groups = [SvgGroup {
            x: 80.0,
            y: 0.0,
            x_max: 120.0,
            y_max: 100.0,
        }];
        let svg = render(&scene(&positions, &nodes, &links, &groups));
        assert_well_formed(&svg);
        assert_eq!(count(&svg, "circle"), 4);
        assert_eq!(count(&svg, "rect"), 1 + 1 + 2);
        assert_eq!(count(&svg, "line"), 5);
        assert_eq!(count(&svg, "path"), 1);
        assert_eq!(count(&svg, "text"), 1);
        // Draw order: groups, links, nodes, labels.
        let at = |s: &str| svg.find(s).unwrap_or(usize::MAX);
        assert!(at(GROUP_FILL) < at("<line ") && at("<line ") < at("<circle "));
        assert!(at("<circle ") < at("<text "));
    }

    #[test]
    fn numbers_have_at_most_two_decimals() {
        let (positions, nodes, links) = big_graph(50);
        let svg = render(&scene(&positions, &nodes, &links, &[]));
        for part in svg.split('.').skip(1) {
            let digits = part.chars().take_while(char::is_ascii_digit).count();
            assert!(digits <= 2, "{part}");
        }
        assert_eq!(N(12.345_6).to_string(), "12.35");
        assert_eq!(N(-0.001).to_string(), "0");
        assert_eq!(N(-2.5).to_string(), "-2.5");
        assert_eq!(N(3.0).to_string(), "3");
        assert_eq!(N(0.07).to_string(), "0.07");
        assert_eq!(N(f64::NAN).to_string(), "0");
    }

    #[test]
    fn output_is_deterministic() {
        let (positions, nodes, links) = big_graph(400);
        let a = render(&scene(&positions, &nodes, &links, &[]));
        let b = render(&scene(&positions, &nodes, &links, &[]));
        assert_eq!(a, b);
    }

    #[test]
    fn canvas_longer_side_is_about_1000_px_and_keeps_aspect() {
        let nodes = [dot(), dot()];
        let svg = render(&scene(
            &[[0.0, 0.0], [400.0, 100.0]],
            &nodes,
            &[(0, 1)],
            &[],
        ));
        let (w, h) = canvas_size(&svg);
        assert_eq!(w, 1000.0);
        let ratio = (w - 2.0 * MARGIN) / (h - 2.0 * MARGIN);
        assert!((ratio - 4.0).abs() < 0.02, "{w} x {h}");
    }

    #[test]
    fn canvas_size_ignores_float_noise() {
        let nodes = [dot(), dot(), dot()];
        let svg = render(&scene(
            &[[0.0, 0.0], [2.0, 0.0], [1.0, 1.5]],
            &nodes,
            &[],
            &[],
        ));
        assert_eq!(canvas_size(&svg).0, 1000.0);
    }

    #[test]
    fn dot_labels_are_dropped_on_crowded_pictures() {
        let labels: Vec<String> = (0..400).map(|i| format!("n{i}")).collect();
        let (positions, _, links) = big_graph(400);
        let nodes: Vec<_> = labels
            .iter()
            .map(|l| SvgNode {
                width: None,
                height: None,
                label: Some(l),
            })
            .collect();
        let svg = render(&scene(&positions, &nodes, &links, &[]));
        assert_eq!(count(&svg, "text"), 0);
        let svg = render(&scene(&positions[..100], &nodes[..100], &[], &[]));
        assert_eq!(count(&svg, "text"), 100);
    }

    #[test]
    fn large_graph_stays_compact_with_faint_links() {
        let (positions, nodes, links) = big_graph(5000);
        let svg = render(&scene(&positions, &nodes, &links, &[]));
        assert_well_formed(&svg);
        assert_eq!(count(&svg, "circle"), 5000);
        assert_eq!(count(&svg, "line"), links.len());
        assert!(
            svg.len() < 100 * (5000 + links.len()),
            "{} bytes",
            svg.len()
        );
        let big = Style::new(5000, links.len(), &[], 1.0);
        let small = Style::new(10, 10, &[], 1.0);
        assert!(big.link_opacity < small.link_opacity && big.link_width < small.link_width);
        assert!(big.dot_r < small.dot_r && big.dot_r >= 1.5);
    }
}
