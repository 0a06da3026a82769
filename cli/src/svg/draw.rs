//! Groups, links and nodes as SVG elements.

use std::fmt::Write;

use super::scene::*;
use super::text::N;

pub(super) fn empty_svg() -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{s}\" height=\"{s}\" viewBox=\"0 0 {s} {s}\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n</svg>\n",
        s = N(EMPTY_SIDE)
    )
}

pub(super) fn write_groups(out: &mut String, groups: &[[f64; 4]], view: &View) {
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

/// The group outlines as polygons, in the group style.
pub(super) fn write_hulls(out: &mut String, hulls: &[Vec<[f64; 2]>], view: &View) {
    let usable_hull = |h: &&Vec<[f64; 2]>| h.len() >= 3 && h.iter().flatten().all(|&v| usable(v));
    let mut hulls = hulls.iter().filter(usable_hull).peekable();
    if hulls.peek().is_none() {
        return;
    }
    let _ = writeln!(
        out,
        "<g fill=\"{GROUP_FILL}\" fill-opacity=\"0.55\" stroke=\"{GROUP_STROKE}\" stroke-width=\"1.2\" stroke-linejoin=\"round\">"
    );
    for h in hulls {
        let pts: Vec<(f64, f64)> = h.iter().map(|p| view.map(p[0], p[1])).collect();
        let _ = writeln!(out, "<polygon points=\"{}\"/>", points_attr(&pts));
    }
    out.push_str("</g>\n");
}

fn points_attr(pts: &[(f64, f64)]) -> String {
    let mut s = String::new();
    for (i, &(x, y)) in pts.iter().enumerate() {
        let _ = write!(s, "{}{},{}", if i > 0 { " " } else { "" }, N(x), N(y));
    }
    s
}

/// The arrowhead marker: its tip at the end of a link, sized from the link width.
pub(super) fn write_arrow_marker(out: &mut String, style: &Style) {
    let s = 4.0 * style.link_width + 4.0;
    let _ = writeln!(
        out,
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"{s}\" markerHeight=\"{s}\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\"{LINK_COLOR}\"/></marker></defs>",
        s = N(s)
    );
}

/// A routed link in px, its ends moved off dot centres to the dot's rim.
fn route_px(
    route: &[[f64; 2]],
    ends: (&Item, &Item),
    view: &View,
    style: &Style,
) -> Option<Vec<(f64, f64)>> {
    if route.len() < 2 || !route.iter().flatten().all(|&v| usable(v)) {
        return None;
    }
    let mut pts: Vec<(f64, f64)> = route.iter().map(|p| view.map(p[0], p[1])).collect();
    let k = pts.len();
    for (it, at, toward) in [(ends.0, 0, 1), (ends.1, k - 1, k - 2)] {
        if !it.is_box {
            let (p, q) = (pts[at], pts[toward]);
            let (dx, dy) = (q.0 - p.0, q.1 - p.1);
            let l = (dx * dx + dy * dy).sqrt();
            if l > 2.0 * style.dot_r {
                pts[at] = (p.0 + dx / l * style.dot_r, p.1 + dy / l * style.dot_r);
            }
        }
    }
    Some(pts)
}

pub(super) fn write_links(
    out: &mut String,
    scene: &SvgScene,
    items: &[Option<Item>],
    view: &View,
    style: &Style,
) {
    let mut opened = false;
    let marker = if scene.arrows && scene.routes.is_some() {
        " marker-end=\"url(#arrow)\""
    } else {
        ""
    };
    for (k, &(a, b)) in scene.links.iter().enumerate() {
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
        let routed = scene
            .routes
            .and_then(|r| r.get(k))
            .and_then(|r| route_px(r, (ia, ib), view, style));
        match routed.as_deref() {
            Some(pts) if pts.len() > 2 => {
                let _ = writeln!(out, "<polyline points=\"{}\"{marker}/>", points_attr(pts));
            }
            _ => {
                let ((x1, y1), (x2, y2)) = match routed.as_deref() {
                    Some(&[p, q]) => (p, q),
                    _ => ((x1, y1), view.map(ib.x, ib.y)),
                };
                let _ = writeln!(
                    out,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"{marker}/>",
                    N(x1),
                    N(y1),
                    N(x2),
                    N(y2)
                );
            }
        }
    }
    if opened {
        out.push_str("</g>\n");
    }
}

/// A small circle touching the node: through a dot's centre, or around a
/// box's top-right corner.
pub(super) fn write_self_loop(
    out: &mut String,
    it: &Item,
    x: f64,
    y: f64,
    view: &View,
    style: &Style,
) {
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

pub(super) fn write_nodes(out: &mut String, items: &[Option<Item>], view: &View, style: &Style) {
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
