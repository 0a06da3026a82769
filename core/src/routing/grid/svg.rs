//! WebCola's `getRoutePath`: SVG path data for an orthogonal route.

use alloc::format;
use alloc::string::String;

use crate::geom::Point;

/// `v` as JavaScript's `String(v)` writes it.
pub(super) fn js_number(v: f64) -> String {
    if v == 0.0 {
        return String::from("0");
    }
    if v.is_nan() {
        return String::from("NaN");
    }
    if v.is_infinite() {
        return String::from(if v > 0.0 { "Infinity" } else { "-Infinity" });
    }
    let a = v.abs();
    if (1e-6..1e21).contains(&a) {
        return format!("{v}");
    }
    let e = format!("{v:e}");
    match e.split_once('e') {
        Some((m, x)) if !x.starts_with('-') => format!("{m}e+{x}"),
        _ => e,
    }
}

/// WebCola's `angleBetween2Lines`.
fn angle_between_2_lines(line1: &[Point; 2], line2: &[Point; 2]) -> f64 {
    let angle1 = libm::atan2(line1[0][1] - line1[1][1], line1[0][0] - line1[1][0]);
    let angle2 = libm::atan2(line2[0][1] - line2[1][1], line2[0][0] - line2[1][0]);
    let diff = angle1 - angle2;
    let pi = core::f64::consts::PI;
    if (-pi..=pi).contains(&diff) {
        diff
    } else {
        angle2 - angle1
    }
}

/// The last leg: a line to `arrow_height` short of its end, and the arrowhead there.
fn arrow(li: &[Point; 2], arrow_width: f64, arrow_height: f64, out: &mut (String, String)) {
    let (mut x, mut y) = (li[1][0], li[1][1]);
    let (dx, dy) = (x - li[0][0], y - li[0][1]);
    let tip = [x, y];
    let (c1, c2);
    if dx.abs() > 0.0 {
        x -= dx / dx.abs() * arrow_height;
        c1 = [x, y + arrow_width];
        c2 = [x, y - arrow_width];
    } else {
        y -= dy / dy.abs() * arrow_height;
        c1 = [x + arrow_width, y];
        c2 = [x - arrow_width, y];
    }
    let n = js_number;
    out.0 += &format!("L {} {} ", n(x), n(y));
    if arrow_height > 0.0 {
        out.1 = format!(
            "M {} {} L {} {} L {} {}",
            n(tip[0]),
            n(tip[1]),
            n(c1[0]),
            n(c1[1]),
            n(c2[0]),
            n(c2[1])
        );
    }
}

/// WebCola's `getRoutePath(route, cornerradius, arrowwidth, arrowheight)`.
pub(super) fn route_path(
    route: &[[Point; 2]],
    corner_radius: f64,
    arrow_width: f64,
    arrow_height: f64,
) -> (String, String) {
    let Some(first) = route.first() else {
        return (String::new(), String::new());
    };
    let n = js_number;
    let mut out = (
        format!("M {} {} ", n(first[0][0]), n(first[0][1])),
        String::new(),
    );
    for (i, li) in route.iter().enumerate() {
        let Some(l) = route.get(i + 1) else {
            arrow(li, arrow_width, arrow_height, &mut out);
            break;
        };
        let (mut x, mut y) = (li[1][0], li[1][1]);
        let (dx, dy) = (x - li[0][0], y - li[0][1]);
        if dx.abs() > 0.0 {
            x -= dx / dx.abs() * corner_radius;
        } else {
            y -= dy / dy.abs() * corner_radius;
        }
        out.0 += &format!("L {} {} ", n(x), n(y));
        let (x0, y0) = (l[0][0], l[0][1]);
        let (dx, dy) = (l[1][0] - x0, l[1][1] - y0);
        let angle = u8::from(angle_between_2_lines(li, l) < 0.0);
        let (x2, y2) = if dx.abs() > 0.0 {
            (x0 + dx / dx.abs() * corner_radius, y0)
        } else {
            (x0, y0 + dy / dy.abs() * corner_radius)
        };
        out.0 += &format!(
            "A {} {} 0 0 {} {} {} ",
            n((x2 - x).abs()),
            n((y2 - y).abs()),
            angle,
            n(x2),
            n(y2)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_javascript_writes_them() {
        assert_eq!(js_number(5.0), "5");
        assert_eq!(js_number(-0.0), "0");
        assert_eq!(js_number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(js_number(1e21), "1e+21");
        assert_eq!(js_number(1.5e-7), "1.5e-7");
        assert_eq!(js_number(123_456.0), "123456");
    }
}
