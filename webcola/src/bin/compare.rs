//! colayout against WebCola on the same graphs, in one run: ticks, SN and wall time.
//!
//! ```text
//! cargo run --release -p colayout-webcola --bin compare -- [--ticks N] GRAPH...
//! ```
//! GRAPH is a name in `data/` or `../shared/graphs/`, or a path to a corpus JSON file.
//! Both engines start from WebCola's default positions with `start()` defaults and run
//! to convergence (or exactly N ticks). WebCola runs once untimed first, to warm V8.
//! Prints a Markdown table.

use std::path::PathBuf;
use std::time::Instant;

use colayout::metrics::scale_normalised_stress;
use colayout::{Graph, Layout, LayoutOptions, Schedule};
use colayout_webcola::{data_dir, links_json, points, request};
use serde_json::{json, Value};

fn load(name: &str) -> Result<Graph, String> {
    let candidates = [
        PathBuf::from(name),
        data_dir().join(format!("{name}.json")),
        data_dir().join(format!("../../shared/graphs/{name}.json")),
    ];
    let path = candidates
        .iter()
        .find(|p| p.is_file())
        .ok_or_else(|| format!("graph {name} not found"))?;
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(path).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    let n = doc["nodes"].as_u64().ok_or("expected the corpus shape")? as usize;
    let edges: Option<Vec<(usize, usize)>> = doc["links"]
        .as_array()
        .ok_or("no links")?
        .iter()
        .map(|l| Some((l[0].as_u64()? as usize, l[1].as_u64()? as usize)))
        .collect();
    Graph::from_edges(n, edges.ok_or("bad link")?).map_err(|e| e.to_string())
}

fn main() -> Result<(), String> {
    let mut ticks: Option<usize> = None;
    let mut names = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--ticks" {
            ticks = Some(
                args.next()
                    .and_then(|t| t.parse().ok())
                    .ok_or("--ticks N")?,
            );
        } else {
            names.push(a);
        }
    }
    if names.is_empty() {
        return Err("usage: compare [--ticks N] GRAPH...".into());
    }
    println!("| graph | nodes | colayout ticks | colayout SN | colayout ms | ms/tick | WebCola ticks | WebCola SN | WebCola ms | ms/tick | SN ratio | wall speed-up | tick speed-up |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for name in &names {
        let g = load(name)?;
        let t0 = Instant::now();
        let mut l =
            Layout::<2>::new(g.clone(), LayoutOptions::default()).map_err(|e| e.to_string())?;
        l.start(Schedule {
            keep_running: false,
            ..Schedule::default()
        });
        let t1 = Instant::now();
        let our_ticks = match ticks {
            Some(t) => {
                l.run_ticks(t);
                t
            }
            None => l.run_until_converged(),
        };
        let tick_ms = t1.elapsed().as_secs_f64() * 1e3;
        let ms = t0.elapsed().as_secs_f64() * 1e3;
        let sn = l.scale_normalised_stress();

        let w = request(
            &json!({"op": "layout", "n": g.node_count(), "links": links_json(&g),
            "ticks": ticks, "max_ticks": 10000, "warmup": 1}),
        )?;
        let wp: Vec<f64> = points(&w["positions"]).iter().flatten().copied().collect();
        let wsn = scale_normalised_stress(&g, &wp, 2);
        let wticks = w["ticks"].as_u64().unwrap_or(0) as f64;
        let wms = w["millis"].as_f64().unwrap_or(f64::NAN);
        let wtick_ms = w["descent_millis"].as_f64().unwrap_or(f64::NAN);
        let per = |total: f64, t: f64| if t > 0.0 { total / t } else { f64::NAN };
        println!(
            "| {name} | {} | {our_ticks} | {sn:.2} | {ms:.1} | {:.3} | {wticks} | {wsn:.2} | {wms:.1} | {:.3} | {:.4} | {:.1}x | {:.1}x |",
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
