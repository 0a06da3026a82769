//! What is drawn, in layout units: the scene the CLI hands over, its drawable nodes,
//! their bounds, the view onto the canvas, and the sizes that follow from the graph.

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

/// Everything [`super::render`] draws.
pub struct SvgScene<'a> {
    /// Node centres in layout units, one per node.
    pub positions: &'a [[f64; 2]],
    /// Node shapes and labels, indexed like `positions`.
    pub nodes: &'a [SvgNode<'a>],
    /// Links as 0-based node index pairs; self-loops are drawn as small loops.
    pub links: &'a [(usize, usize)],
    /// Group boxes, drawn under everything else.
    pub groups: &'a [SvgGroup],
    /// One route per link in layout units (`colayout::routing`), drawn instead of the
    /// centre-to-centre line; a route ending at a dot's centre stops at its rim.
    pub routes: Option<&'a [Vec<[f64; 2]>]>,
    /// Arrowheads at the targets of routed links.
    pub arrows: bool,
    /// Group outlines as convex polygons in layout units; when given they are drawn
    /// instead of the group boxes.
    pub hulls: &'a [Vec<[f64; 2]>],
}

/// Longer side of the canvas in px.
pub(super) const CANVAS: f64 = 1000.0;
/// Space around the drawing in px.
pub(super) const MARGIN: f64 = 32.0;
/// Content side in px used when all content sits at one point.
pub(super) const POINT_CONTENT: f64 = 120.0;
/// Side in px of the SVG for an empty scene.
pub(super) const EMPTY_SIDE: f64 = 100.0;
/// Above this many drawn nodes, dots get no labels.
pub(super) const DOT_LABEL_LIMIT: usize = 300;
/// Coordinates beyond this magnitude are treated like non-finite ones.
pub(super) const COORD_LIMIT: f64 = 1e150;
/// Font size in px of labels beside dots.
pub(super) const DOT_FONT: f64 = 11.0;
/// Largest font size in px of labels inside boxes.
pub(super) const MAX_BOX_FONT: f64 = 40.0;
/// Box labels smaller than this (px) are unreadable and left out.
pub(super) const MIN_BOX_FONT: f64 = 2.0;
/// Average glyph width as a fraction of the font size, for fitting text.
pub(super) const GLYPH_WIDTH: f64 = 0.6;
pub(super) const FONT_FAMILY: &str = "Helvetica,Arial,sans-serif";

// Palette.
pub(super) const GROUP_FILL: &str = "#f4e6c6";
pub(super) const GROUP_STROKE: &str = "#c9a35f";
pub(super) const LINK_COLOR: &str = "#6f7a8a";
pub(super) const BOX_FILL: &str = "#d6e6f5";
pub(super) const BOX_STROKE: &str = "#3f75ad";
pub(super) const DOT_FILL: &str = "#4f8fd1";
pub(super) const DOT_STROKE: &str = "#1f4e80";
pub(super) const TEXT_COLOR: &str = "#1b2430";

/// A drawable node in layout units.
pub(super) struct Item<'a> {
    pub(super) x: f64,
    pub(super) y: f64,
    /// Half box size; zero for dots.
    pub(super) half_w: f64,
    pub(super) half_h: f64,
    pub(super) is_box: bool,
    pub(super) label: Option<&'a str>,
}

/// A value usable as a layout coordinate or size.
pub(super) fn usable(v: f64) -> bool {
    v.is_finite() && v.abs() < COORD_LIMIT
}

/// One entry per position: `None` for nodes that cannot be drawn.
pub(super) fn collect_nodes<'a>(scene: &SvgScene<'a>) -> Vec<Option<Item<'a>>> {
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
pub(super) fn drawn<'s, 'a>(items: &'s [Option<Item<'a>>], i: usize) -> Option<&'s Item<'a>> {
    items.get(i).and_then(Option::as_ref)
}

/// Groups with usable bounds, normalised to `[x_min, y_min, x_max, y_max]`.
pub(super) fn collect_groups(groups: &[SvgGroup]) -> Vec<[f64; 4]> {
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
pub(super) struct Bounds {
    pub(super) min: [f64; 2],
    pub(super) max: [f64; 2],
}

impl Bounds {
    pub(super) const EMPTY: Bounds = Bounds {
        min: [f64::INFINITY; 2],
        max: [f64::NEG_INFINITY; 2],
    };

    pub(super) fn add(&mut self, x: f64, y: f64) {
        self.min = [self.min[0].min(x), self.min[1].min(y)];
        self.max = [self.max[0].max(x), self.max[1].max(y)];
    }

    pub(super) fn is_set(&self) -> bool {
        self.min[0] <= self.max[0] && self.min[1] <= self.max[1]
    }
}

/// Mapping from layout units to canvas px.
pub(super) struct View {
    /// px per layout unit.
    pub(super) scale: f64,
    /// Layout point drawn at the centre of the content area.
    pub(super) mid: [f64; 2],
    pub(super) width: f64,
    pub(super) height: f64,
}

impl View {
    pub(super) fn fit(b: &Bounds) -> View {
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
    pub(super) fn map(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.width / 2.0 + (x - self.mid[0]) * self.scale,
            self.height / 2.0 + (y - self.mid[1]) * self.scale,
        )
    }
}

/// Rounds a canvas size up to whole px, ignoring float noise (1000.0000001 is 1000).
pub(super) fn ceil_px(v: f64) -> f64 {
    (v - 1e-6).ceil()
}

/// Sizes that depend on the graph as a whole, in px.
pub(super) struct Style {
    pub(super) dot_r: f64,
    pub(super) dot_stroke: f64,
    pub(super) box_stroke: f64,
    pub(super) link_width: f64,
    pub(super) link_opacity: f64,
}

impl Style {
    pub(super) fn new(n_nodes: usize, n_links: usize, items: &[Option<Item>], scale: f64) -> Style {
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
