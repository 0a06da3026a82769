//! SVG rendering of a laid-out graph.
//!
//! [`render`] turns node centres, node boxes, links and group bounds (all in
//! layout units, i.e. WebCola pixels) into a standalone SVG document whose
//! longer side is about 1000 px. The picture is scaled to fit, keeps the
//! aspect ratio and is drawn in this order: background, groups (boxes or hulls),
//! links (routed, with arrowheads when asked), nodes, labels.
//!
//! Nodes whose centre is not finite are skipped together with their links, so
//! the output never contains `NaN` or `inf`. Output is deterministic: the same
//! scene always gives the same bytes.

mod draw;
mod scene;
mod text;

use std::fmt::Write;

pub use scene::{SvgGroup, SvgNode, SvgScene};

use draw::{empty_svg, write_arrow_marker, write_groups, write_hulls, write_links, write_nodes};
use scene::{collect_groups, collect_nodes, drawn, Bounds, Style, View};
use text::{write_labels, N};

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
    for p in scene.hulls.iter().flatten() {
        if scene::usable(p[0]) && scene::usable(p[1]) {
            bounds.add(p[0], p[1]);
        }
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

    if scene.arrows && scene.routes.is_some() {
        write_arrow_marker(&mut out, &style);
    }
    if scene.hulls.is_empty() {
        write_groups(&mut out, &groups, &view);
    } else {
        write_hulls(&mut out, scene.hulls, &view);
    }
    write_links(&mut out, scene, &items, &view, &style);
    write_nodes(&mut out, &items, &view, &style);
    write_labels(&mut out, &items, &view, &style, n_drawn);

    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests;
