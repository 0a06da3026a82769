//! `colayout`: lay out a graph from JSON or DOT, write positions as JSON and a picture
//! as SVG.

mod args;
mod write;

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use colayout::geom::make_edge_between;
use colayout::io::{dot, graphml, json, Input};
use colayout::layout::REPORT_TOLERANCE;
use colayout::powergraph::{power_graph_of, PowerEnd, PowerGraph};
use colayout::{Axis, DynLayout, RouteOptions};
use colayout_cli::svg;

use args::{Args, Failure};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg, code)) => {
            eprintln!("colayout: error: {msg}");
            ExitCode::from(code)
        }
    }
}

fn run() -> Result<(), Failure> {
    let Some(mut args) = args::parse()? else {
        print!("{}", args::usage());
        return Ok(());
    };
    let bytes = read_input(&args.input)?;
    let bad = |e: colayout::Error| Failure(format!("{}: {e}", args.input), 2);
    let text = colayout::io::decode(&bytes).map_err(bad)?;
    let input = if graphml::looks_like_graphml(&text) {
        graphml::parse_with(&text, &args.limits).map_err(bad)?
    } else if dot::looks_like_dot(&text) {
        if !args.link_distance_given {
            args.options.link_distance = dot::DEFAULT_LEN;
        }
        dot::parse_with(&text, &args.limits).map_err(bad)?
    } else {
        json::parse_with(&text, &args.limits).map_err(bad)?
    };
    drop(text);
    drop(bytes);
    lay_out(&args, input)
}

fn read_input(path: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    read.map_err(|e| Failure(format!("cannot read {path}: {e}"), 2))?;
    Ok(bytes)
}

/// Runs to convergence, with progress on stderr for long runs: on a terminal, a line
/// rewritten every 200 ms once a second has passed (and cleared at the end); otherwise
/// (a log, a CI job) a line every 5 seconds.
fn run_with_progress(layout: &mut DynLayout) -> colayout::Result<usize> {
    let mut stderr = std::io::stderr();
    let terminal = stderr.is_terminal();
    let (first, every) = if terminal {
        (Duration::from_secs(1), Duration::from_millis(200))
    } else {
        (Duration::from_secs(5), Duration::from_secs(5))
    };
    let threshold = layout.options().convergence_threshold;
    let max_ticks = layout.options().max_ticks;
    let start = Instant::now();
    let mut shown: Option<Instant> = None;
    let ticks = layout.run_until_converged_with(|ticks, tick| {
        let now = Instant::now();
        let due = match shown {
            None => now.duration_since(start) >= first,
            Some(at) => now.duration_since(at) >= every,
        };
        if due {
            shown = Some(now);
            let line = format!(
                "colayout: tick {ticks} of at most {max_ticks}, alpha {:.4} (ends below {threshold}), {:.0} s",
                tick.alpha,
                now.duration_since(start).as_secs_f64()
            );
            let _ = if terminal {
                write!(stderr, "\r{line}\x1b[K")
            } else {
                writeln!(stderr, "{line}")
            };
        }
    });
    if terminal && shown.is_some() {
        let _ = write!(stderr, "\r\x1b[K");
    }
    ticks
}

/// What a finished layout reports, computed once for the JSON, the picture and the
/// warnings.
struct Report {
    /// Node-major positions, `dims` per node.
    positions: Vec<f64>,
    unsatisfied: Vec<colayout::Violation>,
    overlapping: Vec<(usize, usize)>,
    /// The JSON's `"routes"` (with room for arrowheads when they are drawn), when
    /// `--route` was given.
    routes: Option<Vec<Vec<[f64; 2]>>>,
}

/// The JSON document: positions (each coordinate the shortest text that round-trips
/// its exact `f64`), group boxes, unsatisfied constraints, overlapping boxes and stats.
fn document(layout: &DynLayout, report: &Report, stats: serde_json::Value) -> String {
    let dims = layout.dims();
    let positions = &report.positions;
    let mut out = String::with_capacity(positions.len() * 12 + 200);
    out.push_str("{\"positions\":[");
    for (i, p) in positions.chunks_exact(dims).enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        for (d, c) in p.iter().enumerate() {
            if d > 0 {
                out.push(',');
            }
            out.push_str(&format!("{c}"));
        }
        out.push(']');
    }
    let groups: Vec<[f64; 4]> = layout
        .group_bounds()
        .iter()
        .map(|b| [b.x, b.x_max, b.y, b.y_max])
        .collect();
    let unsatisfied: Vec<serde_json::Value> = report
        .unsatisfied
        .iter()
        .map(|v| {
            serde_json::json!({
                "constraint": v.constraint,
                "axis": if v.axis == Axis::X { "x" } else { "y" },
                "amount": v.amount,
            })
        })
        .collect();
    out.push_str("],\"groups\":");
    out.push_str(&serde_json::json!(groups).to_string());
    out.push_str(",\"unsatisfied\":");
    out.push_str(&serde_json::Value::Array(unsatisfied).to_string());
    out.push_str(",\"overlapping\":");
    out.push_str(&serde_json::json!(report.overlapping).to_string());
    if let Some(routes) = &report.routes {
        out.push_str(",\"routes\":");
        out.push_str(&serde_json::json!(routes).to_string());
    }
    out.push_str(",\"stats\":");
    out.push_str(&stats.to_string());
    out.push_str("}\n");
    out
}

/// The power graph as JSON: groups `{"leaves", "groups"}` (a group's index is its id),
/// power edges `{"source", "target", "type"}` with ends `{"node": i}` or `{"group": g}`.
fn power_graph_json(pg: &PowerGraph) -> serde_json::Value {
    let end = |e: PowerEnd| match e {
        PowerEnd::Node(v) => serde_json::json!({ "node": v }),
        PowerEnd::Group(g) => serde_json::json!({ "group": g }),
    };
    serde_json::json!({
        "groups": pg.groups.iter().map(|g| serde_json::json!({"leaves": g.leaves, "groups": g.groups})).collect::<Vec<_>>(),
        "power_edges": pg.power_edges.iter().map(|e| serde_json::json!({
            "source": end(e.source),
            "target": end(e.target),
            "type": e.link_type,
        })).collect::<Vec<_>>(),
    })
}

/// What the SVG draws beyond the layout itself.
struct Drawing<'a> {
    labels: &'a [Option<String>],
    /// Routes clipped at the boxes with no room left for arrowheads (the SVG's markers
    /// end on the box).
    routes: Routes,
    arrows: bool,
    hulls: bool,
    /// With `--power-graph`: its power edges are drawn instead of the links.
    power: Option<&'a PowerGraph>,
}

/// Power edges as scene links (a representative node per end, for the picture's
/// bookkeeping) and their routes: straight, clipped at the ends' boxes.
/// A drawn route per link, in layout units.
type Routes = Vec<Vec<[f64; 2]>>;

fn power_edges(layout: &DynLayout, pg: &PowerGraph) -> (Vec<(usize, usize)>, Routes) {
    let (nodes, groups) = (layout.node_bounds(), layout.group_bounds());
    let rect = |e: PowerEnd| match e {
        PowerEnd::Node(v) => nodes[v],
        PowerEnd::Group(g) => groups[g],
    };
    let node = |e: PowerEnd| pg.leaves(e).first().copied().unwrap_or(0);
    pg.power_edges
        .iter()
        .map(|e| {
            let c = make_edge_between(&rect(e.source), &rect(e.target), 0.0);
            (
                (node(e.source), node(e.target)),
                vec![c.source_intersection, c.arrow_start],
            )
        })
        .unzip()
}

fn picture(layout: &DynLayout, report: &Report, drawing: &Drawing) -> String {
    let labels = drawing.labels;
    let graph = layout.graph();
    let xy: Vec<[f64; 2]> = report
        .positions
        .chunks_exact(layout.dims())
        .map(|p| [p[0], p[1]])
        .collect();
    let nodes: Vec<svg::SvgNode> = graph
        .nodes()
        .iter()
        .zip(labels)
        .map(|(v, label)| svg::SvgNode {
            width: v.width,
            height: v.height,
            label: label.as_deref(),
        })
        .collect();
    let (links, routes) = match drawing.power {
        Some(pg) => power_edges(layout, pg),
        None => (
            graph.links().iter().map(|l| (l.source, l.target)).collect(),
            drawing.routes.clone(),
        ),
    };
    let boxes: Vec<svg::SvgGroup> = layout
        .group_bounds()
        .iter()
        .map(|b| svg::SvgGroup {
            x: b.x,
            y: b.y,
            x_max: b.x_max,
            y_max: b.y_max,
        })
        .collect();
    let hulls = if drawing.hulls {
        layout.group_hulls()
    } else {
        Vec::new()
    };
    svg::render(&svg::SvgScene {
        positions: &xy,
        nodes: &nodes,
        links: &links,
        groups: &boxes,
        routes: Some(&routes),
        arrows: drawing.arrows,
        hulls: &hulls,
    })
}

fn lay_out(args: &Args, input: Input) -> Result<(), Failure> {
    let failed = |e: colayout::Error| Failure(format!("{}: {e}", args.input), 2);
    let t0 = Instant::now();
    let Input {
        graph,
        labels,
        directed,
    } = input;
    let (graph, power) = if args.power_graph {
        if !graph.groups().groups().is_empty() {
            return Err(Failure(
                format!("{}: --power-graph needs a graph without groups", args.input),
                2,
            ));
        }
        let pg = power_graph_of(&graph).map_err(failed)?;
        (
            graph.with_groups(pg.layout_groups()).map_err(failed)?,
            Some(pg),
        )
    } else {
        (graph, None)
    };
    let arrows = args
        .arrows
        .unwrap_or(directed || args.options.flow.is_some());
    let mut layout = DynLayout::new(graph, args.options.clone(), args.dims).map_err(failed)?;
    layout.start(args.schedule).map_err(failed)?;
    let t1 = Instant::now();
    let ticks = match args.ticks {
        Some(n) => layout.run_ticks(n).map(|_| n),
        None => run_with_progress(&mut layout),
    }
    .map_err(failed)?;
    let descent_millis = t1.elapsed().as_secs_f64() * 1e3;
    let millis = t0.elapsed().as_secs_f64() * 1e3;
    let sn = layout.scale_normalised_stress();
    let report = Report {
        positions: layout.positions(),
        unsatisfied: layout.unsatisfied(REPORT_TOLERANCE),
        overlapping: layout.overlapping_nodes(REPORT_TOLERANCE),
        routes: if args.route_given {
            let options = RouteOptions {
                arrow_head: if arrows { args.routes.arrow_head } else { 0.0 },
                ..args.routes
            };
            Some(layout.routes(&options).map_err(failed)?)
        } else {
            None
        },
    };
    let stats = serde_json::json!({
        "ticks": ticks,
        "converged": !layout.reached_max_ticks(),
        "stress": layout.stress(),
        "p_stress": layout.p_stress(),
        "sn": sn,
        "millis": millis,
        "descent_millis": descent_millis,
    });
    let mut doc = document(&layout, &report, stats);
    if let Some(pg) = &power {
        // The document ends "}\n"; the power graph goes in before it.
        doc.truncate(doc.len() - 2);
        doc.push_str(",\"power_graph\":");
        doc.push_str(&power_graph_json(pg).to_string());
        doc.push_str("}\n");
    }
    let svg = match args.svg.is_some() || args.png.is_some() {
        true => {
            let routes = layout
                .routes(&RouteOptions {
                    arrow_head: 0.0,
                    ..args.routes
                })
                .map_err(failed)?;
            let drawing = Drawing {
                labels: &labels,
                routes,
                arrows,
                hulls: args.hulls,
                power: power.as_ref(),
            };
            Some(picture(&layout, &report, &drawing))
        }
        false => None,
    };
    let png = match (&args.png, &svg) {
        (Some(_), Some(svg)) => Some(colayout_cli::png::render(svg).map_err(|e| Failure(e, 1))?),
        _ => None,
    };
    let mut files: Vec<(&str, &[u8])> = Vec::new();
    if let Some(path) = &args.output {
        files.push((path, doc.as_bytes()));
    }
    if let (Some(path), Some(svg)) = (&args.svg, &svg) {
        files.push((path, svg.as_bytes()));
    }
    if let (Some(path), Some(png)) = (&args.png, &png) {
        files.push((path, png));
    }
    let dot_text = args.dot.as_ref().map(|_| {
        dot::write(
            layout.graph(),
            &report.positions,
            layout.dims(),
            &labels,
            directed,
        )
    });
    if let (Some(path), Some(text)) = (&args.dot, &dot_text) {
        files.push((path, text.as_bytes()));
    }
    write::atomically(&files)?;
    if [&args.output, &args.svg, &args.dot, &args.png]
        .iter()
        .all(|o| o.is_none())
    {
        std::io::stdout()
            .write_all(doc.as_bytes())
            .map_err(|e| Failure(format!("cannot write to stdout: {e}"), 1))?;
    }
    let unsatisfied = report.unsatisfied.len();
    if unsatisfied > 0 {
        eprintln!(
            "colayout: warning: {unsatisfied} constraint(s) could not be satisfied (listed under \"unsatisfied\")"
        );
    }
    let overlaps = report.overlapping.len();
    if args.options.avoid_overlaps && overlaps > 0 {
        eprintln!(
            "colayout: warning: {overlaps} pair(s) of node boxes still overlap (listed under \"overlapping\")"
        );
    }
    if layout.reached_max_ticks() {
        eprintln!("colayout: warning: stopped after {ticks} ticks (--max-ticks) before converging");
    }
    if [&args.output, &args.svg, &args.dot, &args.png]
        .iter()
        .any(|o| o.is_some())
    {
        eprintln!(
            "colayout: {} nodes, {} links: {ticks} ticks, SN {sn:.2}, {millis:.1} ms",
            layout.graph().node_count(),
            layout.graph().link_count(),
        );
    }
    Ok(())
}
