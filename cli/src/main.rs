//! `colayout`: lay out a graph from JSON, write positions as JSON and a picture as SVG.

use colayout::io::{self as input, dot, json};
use colayout_cli::svg;

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use colayout::{Axis, Flow, Layout, LayoutOptions, LinkLengths, Schedule, StressMode};

const USAGE: &str = "\
colayout: constraint-based graph layout (WebCola's layout, in Rust)

USAGE:
    colayout layout INPUT [OPTIONS]

INPUT is a file, or - for stdin, in one of three forms:
- WebCola's JSON, {\"nodes\": [...], \"links\": [...], \"groups\": [...],
  \"constraints\": [...]};
- the corpus shape, {\"nodes\": N, \"links\": [[u, v], ...]};
- Graphviz DOT. Clusters become groups; node width, height (inches), label, pos
  (points) and pin, and edge len (inches) and weight are used.

OPTIONS:
    -o, --output OUT.json     write positions and stats as JSON (default: stdout,
                              unless --svg is given)
        --svg OUT.svg         draw the layout as SVG
        --link-distance L     ideal length of links without their own length [20;
                              72 for DOT, Graphviz's len of 1 inch]
        --symmetric-diff I[,W] link lengths I*(1+W*sqrt(|A∪B|-|A∩B|)) [W=1]
        --jaccard I[,W]       link lengths I*(1+W*|A∩B|/|A∪B|) [W=1]
        --iterations A,B,C[,D] iterations of WebCola's start(a, b, c, d) phases:
                              unconstrained, user constraints, all constraints,
                              grid snap [0,0,0,0]
        --avoid-overlaps      keep node boxes (width x height) and groups apart
        --flow AXIS,SEP       directed links point along AXIS (x or y), targets at
                              least SEP beyond sources, except inside cycles
        --ticks N             run exactly N ticks after the phases, with no
                              convergence test (for benchmarks)
        --stress p|full       P-stress (WebCola) or full stress (neato, libcola) [p]
        --threshold T         convergence threshold on the tick displacement [0.01]
        --size W,H            canvas size: start point and packing centre [1,1]
        --no-pack             do not separate disconnected components
        --seed S              seed for spreading coincident nodes [1]
        --dims 2|3            dimensions [2]
    -h, --help                print this help
";

/// A failure: a one-line message and the exit code.
struct Failure(String, u8);

fn bad_usage(msg: impl Into<String>) -> Failure {
    Failure(msg.into(), 2)
}

struct Args {
    input: String,
    output: Option<String>,
    svg: Option<String>,
    options: LayoutOptions,
    /// `--link-distance` was given (otherwise DOT input gets Graphviz's 72).
    link_distance_given: bool,
    schedule: Schedule,
    ticks: Option<usize>,
    dims: usize,
}

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
    let Some(mut args) = parse_args()? else {
        print!("{USAGE}");
        return Ok(());
    };
    let text = read_input(&args.input)?;
    let input = if dot::looks_like_dot(&text) {
        if !args.link_distance_given {
            args.options.link_distance = dot::DEFAULT_LEN;
        }
        dot::parse(&text).map_err(|e| Failure(format!("{}: {e}", args.input), 2))?
    } else {
        json::parse(&text).map_err(|e| Failure(format!("{}: {e}", args.input), 2))?
    };
    match args.dims {
        2 => lay_out::<2>(&args, input),
        _ => lay_out::<3>(&args, input),
    }
}

fn parse_args() -> Result<Option<Args>, Failure> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut command = None;
    let mut a = Args {
        input: String::new(),
        output: None,
        svg: None,
        options: LayoutOptions::default(),
        link_distance_given: false,
        schedule: Schedule {
            keep_running: false,
            ..Schedule::default()
        },
        ticks: None,
        dims: 2,
    };
    let mut input = None;
    let err = |e: lexopt::Error| bad_usage(format!("{e} (see colayout --help)"));
    while let Some(arg) = parser.next().map_err(err)? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Short('o') | Long("output") => a.output = Some(string(parser.value().map_err(err)?)?),
            Long("svg") => a.svg = Some(string(parser.value().map_err(err)?)?),
            Long("link-distance") => {
                a.options.link_distance = number(&string(parser.value().map_err(err)?)?)?;
                a.link_distance_given = true;
            }
            Long("symmetric-diff") | Long("jaccard") => {
                let is_sym = matches!(arg, Long("symmetric-diff"));
                let v = numbers(&string(parser.value().map_err(err)?)?)?;
                let (ideal, w) = match v[..] {
                    [i] => (i, 1.0),
                    [i, w] => (i, w),
                    _ => return Err(bad_usage("expected IDEAL or IDEAL,W")),
                };
                a.options.link_lengths = if is_sym {
                    LinkLengths::SymmetricDiff { ideal, w }
                } else {
                    LinkLengths::Jaccard { ideal, w }
                };
            }
            Long("iterations") => {
                let v = numbers(&string(parser.value().map_err(err)?)?)?;
                let count = |x: f64| {
                    if x >= 0.0 && x.fract() == 0.0 {
                        Ok(x as usize)
                    } else {
                        Err(bad_usage(format!("--iterations: {x} is not a count")))
                    }
                };
                if !(3..=4).contains(&v.len()) {
                    return Err(bad_usage("--iterations expects A,B,C or A,B,C,D"));
                }
                a.schedule.unconstrained = count(v[0])?;
                a.schedule.user_constraints = count(v[1])?;
                a.schedule.all_constraints = count(v[2])?;
                a.schedule.grid_snap = v.get(3).map_or(Ok(0), |&d| count(d))?;
            }
            Long("avoid-overlaps") => a.options.avoid_overlaps = true,
            Long("flow") => {
                let v = string(parser.value().map_err(err)?)?;
                let (axis, sep) = v.split_once(',').unwrap_or((v.as_str(), "30"));
                let axis = match axis.trim() {
                    "x" => Axis::X,
                    "y" => Axis::Y,
                    other => {
                        return Err(bad_usage(format!(
                            "--flow: axis must be x or y, not {other:?}"
                        )))
                    }
                };
                a.options.flow = Some(Flow {
                    axis,
                    min_separation: number(sep)?,
                });
            }
            Long("ticks") => a.ticks = Some(parser.value().map_err(err)?.parse().map_err(err)?),
            Long("stress") => {
                a.options.stress = match string(parser.value().map_err(err)?)?.as_str() {
                    "p" | "pstress" | "p-stress" => StressMode::PStress,
                    "full" => StressMode::Full,
                    s => return Err(bad_usage(format!("--stress must be p or full, not {s}"))),
                }
            }
            Long("threshold") => {
                a.options.convergence_threshold = number(&string(parser.value().map_err(err)?)?)?;
            }
            Long("size") => match numbers(&string(parser.value().map_err(err)?)?)?[..] {
                [w, h] => a.options.size = [w, h],
                _ => return Err(bad_usage("--size expects W,H")),
            },
            Long("no-pack") => a.options.handle_disconnected = false,
            Long("seed") => a.options.seed = parser.value().map_err(err)?.parse().map_err(err)?,
            Long("dims") => {
                a.dims = parser.value().map_err(err)?.parse().map_err(err)?;
                if a.dims != 2 && a.dims != 3 {
                    return Err(bad_usage("--dims must be 2 or 3"));
                }
            }
            Value(v) if command.is_none() => command = Some(string(v)?),
            Value(v) if input.is_none() => input = Some(string(v)?),
            _ => return Err(err(arg.unexpected())),
        }
    }
    match command.as_deref() {
        Some("layout") => {}
        Some(c) => {
            return Err(bad_usage(format!(
                "unknown command {c:?} (try colayout --help)"
            )))
        }
        None => return Ok(None),
    }
    a.input =
        input.ok_or_else(|| bad_usage("missing INPUT (a JSON or DOT file, or - for stdin)"))?;
    Ok(Some(a))
}

fn string(v: std::ffi::OsString) -> Result<String, Failure> {
    v.into_string()
        .map_err(|v| bad_usage(format!("argument {v:?} is not valid UTF-8")))
}

fn number(s: &str) -> Result<f64, Failure> {
    s.trim()
        .parse()
        .map_err(|_| bad_usage(format!("{s:?} is not a number")))
}

fn numbers(s: &str) -> Result<Vec<f64>, Failure> {
    s.split(',').map(number).collect()
}

fn read_input(path: &str) -> Result<String, Failure> {
    let mut text = String::new();
    let read = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_string(&mut text).map(|_| ()))
    };
    read.map_err(|e| Failure(format!("cannot read {path}: {e}"), 2))?;
    Ok(text)
}

/// Runs to convergence. On a terminal, a run longer than a second shows its progress on
/// stderr (ticks, and alpha against the threshold it must fall below), then clears it.
fn run_with_progress<const K: usize>(layout: &mut Layout<K>) -> usize {
    let mut stderr = std::io::stderr();
    if !stderr.is_terminal() {
        return layout.run_until_converged();
    }
    let threshold = layout.options().convergence_threshold;
    let start = Instant::now();
    let mut shown = start;
    let ticks = layout.run_until_converged_with(|ticks, tick| {
        let now = Instant::now();
        if now.duration_since(start).as_secs_f64() > 1.0
            && now.duration_since(shown).as_millis() >= 200
        {
            shown = now;
            let _ = write!(
                stderr,
                "\rcolayout: tick {ticks}, alpha {:.4} (ends below {threshold})\x1b[K",
                tick.alpha
            );
        }
    });
    if shown != start {
        let _ = write!(stderr, "\r\x1b[K");
    }
    ticks
}

fn lay_out<const K: usize>(args: &Args, input: input::Input) -> Result<(), Failure> {
    let failed = |e: colayout::Error| Failure(format!("{}: {e}", args.input), 2);
    let t0 = Instant::now();
    let mut layout = Layout::<K>::new(input.graph, args.options.clone()).map_err(failed)?;
    layout.start(args.schedule);
    let t1 = Instant::now();
    let ticks = match args.ticks {
        Some(n) => {
            layout.run_ticks(n);
            n
        }
        None => run_with_progress(&mut layout),
    };
    let descent_millis = t1.elapsed().as_secs_f64() * 1e3;
    let millis = t0.elapsed().as_secs_f64() * 1e3;
    let positions = layout.positions();

    let mut json = String::with_capacity(positions.len() * 24 + 200);
    json.push_str("{\"positions\":[");
    for (i, p) in positions.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push('[');
        for (d, c) in p.iter().enumerate() {
            if d > 0 {
                json.push(',');
            }
            // The shortest text that round-trips the exact f64.
            json.push_str(&format!("{c}"));
        }
        json.push(']');
    }
    let violations = layout.unsatisfied(1e-3);
    let sn = layout.scale_normalised_stress();
    let unsatisfied: Vec<serde_json::Value> = violations
        .iter()
        .map(|v| {
            serde_json::json!({
                "constraint": v.constraint,
                "axis": if v.axis == Axis::X { "x" } else { "y" },
                "amount": v.amount,
            })
        })
        .collect();
    let group_bounds = layout.group_bounds();
    let stats = serde_json::json!({
        "ticks": ticks,
        "stress": layout.stress(),
        "p_stress": layout.p_stress(),
        "sn": sn,
        "millis": millis,
        "descent_millis": descent_millis,
    });
    json.push_str("],\"groups\":");
    let groups: Vec<[f64; 4]> = group_bounds
        .iter()
        .map(|b| [b.x, b.x_max, b.y, b.y_max])
        .collect();
    json.push_str(&serde_json::to_string(&groups).unwrap_or_else(|_| "[]".into()));
    json.push_str(",\"unsatisfied\":");
    json.push_str(&serde_json::Value::Array(unsatisfied).to_string());
    json.push_str(",\"stats\":");
    json.push_str(&stats.to_string());
    json.push_str("}\n");

    match (&args.output, &args.svg) {
        (Some(path), _) => write_file(path, json.as_bytes())?,
        (None, None) => std::io::stdout()
            .write_all(json.as_bytes())
            .map_err(|e| Failure(format!("cannot write to stdout: {e}"), 1))?,
        (None, Some(_)) => {}
    }
    if let Some(path) = &args.svg {
        let graph = layout.graph();
        let xy: Vec<[f64; 2]> = positions.iter().map(|p| [p[0], p[1]]).collect();
        let nodes: Vec<svg::SvgNode> = graph
            .nodes()
            .iter()
            .zip(&input.labels)
            .map(|(v, label)| svg::SvgNode {
                width: v.width,
                height: v.height,
                label: label.as_deref(),
            })
            .collect();
        let links: Vec<(usize, usize)> =
            graph.links().iter().map(|l| (l.source, l.target)).collect();
        let boxes: Vec<svg::SvgGroup> = group_bounds
            .iter()
            .map(|b| svg::SvgGroup {
                x: b.x,
                y: b.y,
                x_max: b.x_max,
                y_max: b.y_max,
            })
            .collect();
        let scene = svg::SvgScene {
            positions: &xy,
            nodes: &nodes,
            links: &links,
            groups: &boxes,
        };
        write_file(path, svg::render(&scene).as_bytes())?;
    }
    if !violations.is_empty() {
        eprintln!(
            "colayout: warning: {} constraint(s) could not be satisfied (listed under \"unsatisfied\")",
            violations.len()
        );
    }
    if args.output.is_some() || args.svg.is_some() {
        eprintln!(
            "colayout: {} nodes, {} links: {ticks} ticks, SN {sn:.2}, {millis:.1} ms",
            layout.graph().node_count(),
            layout.graph().link_count(),
        );
    }
    Ok(())
}

fn write_file(path: &str, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes).map_err(|e| Failure(format!("cannot write {path}: {e}"), 1))
}
