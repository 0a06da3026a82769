//! colayout against WebCola on the same graphs, in one run: ticks, SN and wall time.
//!
//! ```text
//! cargo run --release -p colayout-webcola --bin compare -- [--ticks N] [--iterations A,B,C]
//!     [--avoid-overlaps W,H] [--link-distance L] GRAPH...
//! ```
//! GRAPH is a name in `data/`, or a path to a corpus JSON file.
//! Both engines start from WebCola's default positions, run `start(A, B, C)` (default
//! `0,0,0`) and tick to convergence (or exactly N ticks). With `--avoid-overlaps`, every
//! node is a W×H box and the table adds overlapping box pairs and the largest constraint
//! violation. WebCola runs once untimed first, to warm V8. Prints a Markdown table.

use std::time::Instant;

use colayout::metrics::scale_normalised_stress;
use colayout::{Graph, Layout, LayoutOptions, Schedule};
use colayout_webcola::{layout_request, load, node_boxes, points, request, with_boxes};

/// Number of overlapping box pairs (by more than 1e-3 in both axes).
fn overlaps(g: &Graph, p: &[[f64; 2]]) -> usize {
    colayout::metrics::overlapping_pairs(&node_boxes(g, p), 1e-3)
}

fn numbers(s: Option<String>, what: &str) -> Result<Vec<f64>, String> {
    s.ok_or(format!("{what} needs a value"))?
        .split(',')
        .map(|v| {
            v.trim()
                .parse()
                .map_err(|_| format!("{what}: {v:?} is not a number"))
        })
        .collect()
}

fn main() -> Result<(), String> {
    let mut ticks: Option<usize> = None;
    let mut iterations = [0usize; 3];
    let mut boxes: Option<(f64, f64)> = None;
    let mut options = LayoutOptions::default();
    let mut names = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--ticks" => {
                ticks = Some(
                    args.next()
                        .and_then(|t| t.parse().ok())
                        .ok_or("--ticks N")?,
                )
            }
            "--iterations" => match numbers(args.next(), "--iterations")?[..] {
                [a, b, c] => iterations = [a as usize, b as usize, c as usize],
                _ => return Err("--iterations A,B,C".into()),
            },
            "--avoid-overlaps" => match numbers(args.next(), "--avoid-overlaps")?[..] {
                [w, h] => boxes = Some((w, h)),
                _ => return Err("--avoid-overlaps W,H".into()),
            },
            "--link-distance" => {
                options.link_distance = numbers(args.next(), "--link-distance")?[0]
            }
            _ => names.push(a),
        }
    }
    if names.is_empty() {
        return Err(
            "usage: compare [--ticks N] [--iterations A,B,C] [--avoid-overlaps W,H] [--link-distance L] GRAPH..."
                .into(),
        );
    }
    options.avoid_overlaps = boxes.is_some();
    let (extra_head, extra_rule) = if boxes.is_some() {
        (
            " colayout overlaps | colayout max violation | WebCola overlaps |",
            "---:|---:|---:|",
        )
    } else {
        ("", "")
    };
    println!(
        "| graph | nodes | colayout ticks | colayout SN | colayout ms | ms/tick | WebCola ticks | WebCola SN | \
         WebCola ms | ms/tick | SN ratio | wall speed-up | tick speed-up |{extra_head}"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|{extra_rule}");
    for name in &names {
        let mut g = load(name)?;
        if let Some((w, h)) = boxes {
            g = with_boxes(&g, w, h);
        }
        let t0 = Instant::now();
        let mut l = Layout::<2>::new(g.clone(), options.clone()).map_err(|e| e.to_string())?;
        let schedule = Schedule {
            keep_running: false,
            ..Schedule::iterations(iterations[0], iterations[1], iterations[2])
        };
        l.start(schedule).map_err(|e| e.to_string())?;
        let t1 = Instant::now();
        let our_ticks = match ticks {
            Some(t) => l.run_ticks(t).map(|_| t),
            None => l.run_until_converged(),
        }
        .map_err(|e| e.to_string())?;
        let tick_ms = t1.elapsed().as_secs_f64() * 1e3;
        let ms = t0.elapsed().as_secs_f64() * 1e3;
        let sn = l.scale_normalised_stress();

        let mut req = layout_request(
            &g,
            &options,
            [iterations[0], iterations[1], iterations[2], 0],
            ticks,
        );
        req["warmup"] = 1.into();
        let w = request(&req)?;
        let wpoints = points(&w["positions"]);
        let wp: Vec<f64> = wpoints.iter().flatten().copied().collect();
        let wsn = scale_normalised_stress(&g, &wp, 2);
        let wticks = w["ticks"].as_u64().unwrap_or(0) as f64;
        let wms = w["millis"].as_f64().unwrap_or(f64::NAN);
        let wtick_ms = w["descent_millis"].as_f64().unwrap_or(f64::NAN);
        let per = |total: f64, t: f64| if t > 0.0 { total / t } else { f64::NAN };
        let extra = if boxes.is_some() {
            let worst = l
                .unsatisfied(0.0)
                .iter()
                .map(|v| v.amount)
                .fold(0.0, f64::max);
            format!(
                " {} | {worst:.1e} | {} |",
                overlaps(&g, &l.positions()),
                overlaps(&g, &wpoints)
            )
        } else {
            String::new()
        };
        println!(
            "| {name} | {} | {our_ticks} | {sn:.2} | {ms:.1} | {:.3} | {wticks} | {wsn:.2} | {wms:.1} | {:.3} | {:.4} | {:.1}x | {:.1}x |{extra}",
            g.node_count(),
            per(tick_ms, our_ticks as f64),
            per(wtick_ms, wticks),
            sn / wsn,
            wms / ms,
            per(wtick_ms, wticks) / per(tick_ms, our_ticks as f64),
        );
    }
    Ok(())
}
