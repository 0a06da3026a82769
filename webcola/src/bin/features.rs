//! Edge routing and power graphs, colayout against WebCola on the same input, in one
//! run: wall time of each, and what each produced.
//!
//! ```text
//! cargo run --release -p colayout-webcola --bin features -- [--boxes W,H] GRAPH...
//! ```
//! GRAPH is a name in `data/` or a path. Routes: colayout lays the graph out with every
//! node a W×H box (default 12,12) and `avoidOverlaps`, then both engines route every
//! link around the boxes (margin 2, WebCola's `prepareEdgeRouting` and `routeEdge`).
//! Power graphs: both run the greedy decomposition on the links. Prints Markdown.

use std::time::Instant;

use colayout::geom::segment_crosses_polygon;
use colayout::powergraph::power_graph;
use colayout::routing::{route_edges, EdgeRouting, RouteOptions};
use colayout::{Layout, LayoutOptions, Rectangle, Schedule};
use colayout_webcola::{load, request, with_boxes};
use serde_json::{json, Value};

/// Routes that cross a box other than their ends' (shrunk by 1e-6).
fn crossing(routes: &[Vec<[f64; 2]>], boxes: &[Rectangle], links: &[(usize, usize)]) -> usize {
    routes
        .iter()
        .zip(links)
        .filter(|(r, &(s, t))| {
            r.windows(2).any(|w| {
                boxes.iter().enumerate().any(|(k, b)| {
                    k != s
                        && k != t
                        && segment_crosses_polygon(w[0], w[1], &b.inflate(-1e-6).vertices())
                })
            })
        })
        .count()
}

fn main() -> Result<(), String> {
    let mut size = (12.0, 12.0);
    let mut names = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--boxes" {
            let v: Vec<f64> = args
                .next()
                .ok_or("--boxes needs W,H")?
                .split(',')
                .map(|x| x.trim().parse().map_err(|_| format!("--boxes: {x:?}")))
                .collect::<Result<_, _>>()?;
            size = (v[0], *v.get(1).unwrap_or(&v[0]));
        } else {
            names.push(a);
        }
    }
    println!("| graph | nodes | links | WebCola routes ms | colayout routes ms | speed-up | WebCola routes crossing a box | colayout crossing | WebCola power graph ms | colayout ms | speed-up | power edges (both) | groups (both) |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for name in names {
        let g = with_boxes(&load(&name)?, size.0, size.1);
        let options = LayoutOptions {
            avoid_overlaps: true,
            ..LayoutOptions::default()
        };
        let mut layout = Layout::<2>::new(g.clone(), options).map_err(|e| e.to_string())?;
        layout
            .start(Schedule {
                keep_running: false,
                ..Schedule::iterations(10, 0, 10)
            })
            .map_err(|e| e.to_string())?;
        let boxes = layout.node_bounds();
        let links: Vec<(usize, usize)> = g.links().iter().map(|l| (l.source, l.target)).collect();
        let margin = 2.0;
        let t0 = Instant::now();
        let ours = route_edges(
            &boxes,
            &links,
            &RouteOptions {
                routing: EdgeRouting::Polyline,
                margin,
                arrow_head: 0.0,
            },
        )
        .map_err(|e| e.to_string())?;
        let route_ms = t0.elapsed().as_secs_f64() * 1e3;
        let answer = request(&json!({
            "op": "route",
            "boxes": boxes.iter().map(|b| json!([b.x, b.x_max, b.y, b.y_max])).collect::<Vec<_>>(),
            "links": links.iter().map(|&(s, t)| json!([s, t])).collect::<Vec<_>>(),
            "margin": margin,
            "ah": 0.0,
        }))?;
        let theirs: Vec<Vec<[f64; 2]>> = answer["routes"]
            .as_array()
            .ok_or("no routes")?
            .iter()
            .map(|r| {
                r.as_array()
                    .map(|pts| {
                        pts.iter()
                            .filter_map(|p| Some([p[0].as_f64()?, p[1].as_f64()?]))
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        let typed: Vec<(usize, usize, u32)> = links.iter().map(|&(s, t)| (s, t, 0)).collect();
        let t1 = Instant::now();
        let pg = power_graph(g.node_count(), &typed).map_err(|e| e.to_string())?;
        let pg_ms = t1.elapsed().as_secs_f64() * 1e3;
        let theirs_pg = request(&json!({
            "op": "powergraph",
            "n": g.node_count(),
            "links": links.iter().map(|&(s, t)| json!([s, t])).collect::<Vec<_>>(),
        }))?;
        let count = |v: &Value, k: &str| v[k].as_array().map_or(0, Vec::len);
        let same = |a: usize, b: usize| {
            if a == b {
                format!("{a}")
            } else {
                format!("{a} vs {b}")
            }
        };
        println!(
            "| {name} | {} | {} | {:.1} | {:.1} | {:.0}x | {} | {} | {:.1} | {:.2} | {:.0}x | {} | {} |",
            g.node_count(),
            links.len(),
            answer["millis"].as_f64().unwrap_or(f64::NAN),
            route_ms,
            answer["millis"].as_f64().unwrap_or(f64::NAN) / route_ms,
            crossing(&theirs, &boxes, &links),
            crossing(&ours, &boxes, &links),
            theirs_pg["millis"].as_f64().unwrap_or(f64::NAN),
            pg_ms,
            theirs_pg["millis"].as_f64().unwrap_or(f64::NAN) / pg_ms,
            same(pg.power_edges.len(), count(&theirs_pg, "power_edges")),
            same(pg.groups.len(), count(&theirs_pg, "groups")),
        );
    }
    Ok(())
}
