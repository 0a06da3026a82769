//! The command line: flags into the core's `LayoutOptions`, `Schedule` and `Limits`.
//! Defaults shown in the help are read from the core, never restated here.

use colayout::io::Limits;
use colayout::{
    Axis, EdgeRouting, Flow, LayoutOptions, LinkLengths, Pivots, RouteOptions, Schedule,
    SgdSchedule, Solver, StressMode,
};

/// A failure: a one-line message and the exit code.
pub struct Failure(pub String, pub u8);

pub fn bad_usage(msg: impl Into<String>) -> Failure {
    Failure(msg.into(), 2)
}

pub struct Args {
    pub input: String,
    pub output: Option<String>,
    pub svg: Option<String>,
    /// `--dot OUT.dot`: the laid-out graph as DOT with `pos`.
    pub dot: Option<String>,
    /// `--png OUT.png`: the SVG's picture as PNG.
    pub png: Option<String>,
    pub options: LayoutOptions,
    /// `--link-distance` was given (otherwise DOT input gets Graphviz's 72).
    pub link_distance_given: bool,
    pub schedule: Schedule,
    pub ticks: Option<usize>,
    pub dims: usize,
    pub limits: Limits,
    /// `--route` was given: the JSON output gets `"routes"`.
    pub route_given: bool,
    /// How edges are routed for the SVG and `"routes"`; its `arrow_head` is the length
    /// used when arrows are drawn.
    pub routes: RouteOptions,
    /// `--arrows` / `--no-arrows`; `None` draws them for digraphs and flow layouts.
    pub arrows: Option<bool>,
    /// `--hulls`: group outlines as convex hulls rather than boxes.
    pub hulls: bool,
    /// `--power-graph`: lay out the power graph's groups, draw its power edges, and
    /// write it under `"power_graph"`.
    pub power_graph: bool,
}

/// The help text, with the core's defaults.
pub fn usage() -> String {
    let o = LayoutOptions::default();
    let l = Limits::default();
    let f = Flow::default();
    let r = RouteOptions::default();
    format!(
        "\
colayout: constraint-based graph layout (WebCola's layout, in Rust)

USAGE:
    colayout layout INPUT [OPTIONS]

INPUT is a file, or - for stdin, in one of four forms:
- WebCola's JSON, {{\"nodes\": [...], \"links\": [...], \"groups\": [...],
  \"constraints\": [...]}};
- the corpus shape, {{\"nodes\": N, \"links\": [[u, v], ...]}};
- Graphviz DOT. Clusters become groups; node width, height (inches), label, pos
  (points) and pin, and edge len (inches) and weight are used;
- GraphML. Nested graphs become groups; node data x, y, width, height and label,
  and edge data weight and length are used.
UTF-8, or UTF-16 (with or without a byte-order mark).

OPTIONS:
    -o, --output OUT.json     write positions and stats as JSON (default: stdout,
                              unless --svg is given); replaced only by a run that
                              succeeds
        --svg OUT.svg         draw the layout as SVG
        --png OUT.png         draw the layout as PNG (the SVG's picture)
        --dot OUT.dot         write the layout as Graphviz DOT with pos (neato -n2
                              draws it as laid out) and groups as clusters
        --route clip|polyline|orthogonal  edges for the SVG and the JSON's \"routes\"
                              (one list of [x, y] per link): straight and clipped at
                              the node boxes, around the other boxes, or horizontal
                              and vertical on a grid between them [{ro}]
        --route-margin M      clearance of polyline routes around boxes, spacing of
                              orthogonal routes on one grid line [{rm}]
        --arrows, --no-arrows arrowheads on links (default: on for DOT digraphs,
                              JSON with \"directed\": true, and --flow)
        --hulls               outline groups with convex hulls instead of boxes
        --power-graph         group the nodes by WebCola's power-graph decomposition
                              (for graphs without groups), lay out those groups, draw
                              the power edges, and write them under \"power_graph\"
        --link-distance L     ideal length of links without their own length [{ld};
                              {dl} for DOT, Graphviz's len of 1 inch]
        --symmetric-diff I[,W] link lengths I*(1+W*sqrt(|A∪B|-|A∩B|)) [W=1]
        --jaccard I[,W]       link lengths I*(1+W*|A∩B|/|A∪B|) [W=1]
        --iterations A,B,C[,D] iterations of WebCola's start(a, b, c, d) phases:
                              unconstrained, user constraints, all constraints,
                              grid snap [0,0,0,0]
        --avoid-overlaps      keep node boxes (width x height) and groups apart
        --overlapping-groups  let a node sit in groups that do not nest (libcola's
                              overlapping clusters; their boxes overlap around it)
        --flow AXIS[,SEP]     directed links point along AXIS (x or y), targets at
                              least SEP beyond sources, except inside cycles [SEP={sep}]
        --ticks N             run exactly N ticks after the phases, with no
                              convergence test (for benchmarks)
        --max-ticks N         stop a run that has not converged after N ticks [{mt}]
        --damp-after N        damp a run with no new lowest tick displacement for N
                              ticks (5% shorter steps per tick); 0 never [{da}]
        --stress p|full       P-stress (WebCola) or full stress (neato, libcola) [{st}]
        --solver descent|sgd  WebCola's descent, or SGD over pairs (s_gd2's schedule;
                              each tick one epoch) [{so}]
        --sgd-schedule anneal|convergent  SGD steps after the anneal: s_gd2's layout
                              (30 epochs) or layout_convergent (until converged,
                              at most 200) [{ss}]
        --pivots N|auto       stress model: 0 dense (every pair), N sparse with N
                              pivots per component (links exact, O(n*N) memory),
                              auto dense while it fits --memory-limit [{pv}]
        --threshold T         convergence threshold on the tick displacement [{th}]
        --size W,H            canvas size: start point and packing centre [{w},{h}]
        --no-pack             do not separate disconnected components
        --seed S              seed for spreading coincident nodes [{seed}]
        --dims 2|3            dimensions [2]
        --memory-limit BYTES  most memory for the stress model, with an optional
                              k, M or G suffix (powers of 1024) [{mem}]
        --max-nodes N         refuse inputs with more nodes [{mn}]
        --max-links N         refuse inputs with more links [{ml}]
    -h, --help                print this help
",
        ro = r.routing,
        rm = r.margin,
        ld = o.link_distance,
        dl = colayout::io::dot::DEFAULT_LEN,
        sep = f.min_separation,
        mt = o.max_ticks,
        da = o.damp_after,
        st = o.stress.name(),
        so = o.solver.name(),
        pv = o.pivots,
        ss = o.sgd_schedule.name(),
        th = o.convergence_threshold,
        w = o.size[0],
        h = o.size[1],
        seed = o.seed,
        mem = o.memory_limit,
        mn = l.max_nodes,
        ml = l.max_links,
    )
}

/// The arguments, or `None` for help.
pub fn parse() -> Result<Option<Args>, Failure> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut command = None;
    let mut a = Args {
        input: String::new(),
        output: None,
        svg: None,
        dot: None,
        png: None,
        options: LayoutOptions::default(),
        link_distance_given: false,
        schedule: Schedule {
            keep_running: false,
            ..Schedule::default()
        },
        ticks: None,
        dims: 2,
        limits: Limits::default(),
        route_given: false,
        routes: RouteOptions {
            arrow_head: colayout::routing::DEFAULT_ARROW_HEAD,
            ..RouteOptions::default()
        },
        arrows: None,
        hulls: false,
        power_graph: false,
    };
    let mut input = None;
    let err = |e: lexopt::Error| bad_usage(format!("{e} (see colayout --help)"));
    while let Some(arg) = parser.next().map_err(err)? {
        let (flag, positional) = match arg {
            Long(l) => (format!("--{l}"), None),
            Short(s) => (format!("-{s}"), None),
            Value(v) => (String::new(), Some(string(v)?)),
        };
        let mut value = || -> Result<String, Failure> { string(parser.value().map_err(err)?) };
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "-o" | "--output" => a.output = Some(value()?),
            "--svg" => a.svg = Some(value()?),
            "--dot" => a.dot = Some(value()?),
            "--png" => a.png = Some(value()?),
            "--link-distance" => {
                a.options.link_distance = number(&flag, &value()?)?;
                a.link_distance_given = true;
            }
            "--symmetric-diff" | "--jaccard" => {
                let v = numbers(&flag, &value()?)?;
                let (ideal, w) = match v[..] {
                    [i] => (i, 1.0),
                    [i, w] => (i, w),
                    _ => return Err(bad_usage(format!("{flag} expects IDEAL or IDEAL,W"))),
                };
                a.options.link_lengths = if flag == "--symmetric-diff" {
                    LinkLengths::SymmetricDiff { ideal, w }
                } else {
                    LinkLengths::Jaccard { ideal, w }
                };
            }
            "--iterations" => {
                let v = value()?;
                let counts: Vec<usize> = v
                    .split(',')
                    .map(|c| count(&flag, c))
                    .collect::<Result<_, _>>()?;
                if !(3..=4).contains(&counts.len()) {
                    return Err(bad_usage("--iterations expects A,B,C or A,B,C,D"));
                }
                a.schedule.unconstrained = counts[0];
                a.schedule.user_constraints = counts[1];
                a.schedule.all_constraints = counts[2];
                a.schedule.grid_snap = counts.get(3).copied().unwrap_or(0);
            }
            "--route" => {
                a.routes.routing = value()?
                    .parse::<EdgeRouting>()
                    .map_err(|e| bad_usage(format!("{flag}: {e}")))?;
                a.route_given = true;
            }
            "--route-margin" => {
                a.routes.margin = number(&flag, &value()?)?;
                if a.routes.margin < 0.0 {
                    return Err(bad_usage("--route-margin must be >= 0"));
                }
            }
            "--arrows" => a.arrows = Some(true),
            "--no-arrows" => a.arrows = Some(false),
            "--hulls" => a.hulls = true,
            "--power-graph" => a.power_graph = true,
            "--avoid-overlaps" => a.options.avoid_overlaps = true,
            "--overlapping-groups" => a.options.overlapping_groups = true,
            "--flow" => {
                let v = value()?;
                let (axis, sep) = match v.split_once(',') {
                    Some((axis, sep)) => (axis, Some(sep)),
                    None => (v.as_str(), None),
                };
                let axis: Axis = axis
                    .parse()
                    .map_err(|e: colayout::Error| bad_usage(format!("{flag}: {e}")))?;
                let min_separation = match sep {
                    Some(s) => number(&flag, s)?,
                    None => Flow::default().min_separation,
                };
                a.options.flow = Some(Flow {
                    axis,
                    min_separation,
                });
            }
            "--ticks" => a.ticks = Some(count(&flag, &value()?)?),
            "--max-ticks" => a.options.max_ticks = count(&flag, &value()?)?,
            "--damp-after" => a.options.damp_after = count(&flag, &value()?)?,
            "--stress" => {
                a.options.stress = value()?
                    .parse::<StressMode>()
                    .map_err(|e| bad_usage(format!("{flag}: {e}")))?;
            }
            "--solver" => {
                a.options.solver = value()?
                    .parse::<Solver>()
                    .map_err(|e| bad_usage(format!("{flag}: {e}")))?;
            }
            "--sgd-schedule" => {
                a.options.sgd_schedule = value()?
                    .parse::<SgdSchedule>()
                    .map_err(|e| bad_usage(format!("{flag}: {e}")))?;
            }
            "--pivots" => {
                a.options.pivots = value()?
                    .parse::<Pivots>()
                    .map_err(|e| bad_usage(format!("{flag}: {e}")))?;
            }
            "--threshold" => a.options.convergence_threshold = number(&flag, &value()?)?,
            "--size" => match numbers(&flag, &value()?)?[..] {
                [w, h] => a.options.size = [w, h],
                _ => return Err(bad_usage("--size expects W,H")),
            },
            "--no-pack" => a.options.handle_disconnected = false,
            "--seed" => {
                a.options.seed = value()?
                    .trim()
                    .parse()
                    .map_err(|_| bad_usage(format!("{flag} expects a whole number")))?;
            }
            "--dims" => {
                a.dims = count(&flag, &value()?)?;
                if a.dims != 2 && a.dims != 3 {
                    return Err(bad_usage("--dims must be 2 or 3"));
                }
            }
            "--memory-limit" => a.options.memory_limit = bytes(&flag, &value()?)?,
            "--max-nodes" => a.limits.max_nodes = count(&flag, &value()?)?,
            "--max-links" => a.limits.max_links = count(&flag, &value()?)?,
            "" if command.is_none() => command = positional,
            "" if input.is_none() => input = positional,
            "" => {
                return Err(bad_usage(format!(
                    "unexpected argument {:?} (see colayout --help)",
                    positional.unwrap_or_default()
                )))
            }
            _ => {
                return Err(bad_usage(format!(
                    "unknown option {flag} (see colayout --help)"
                )))
            }
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
    let outputs = [
        ("-o", &a.output),
        ("--svg", &a.svg),
        ("--dot", &a.dot),
        ("--png", &a.png),
    ];
    for (i, (f1, p1)) in outputs.iter().enumerate() {
        for (f2, p2) in &outputs[i + 1..] {
            if let (Some(p), Some(q)) = (p1, p2) {
                if same_file(p, q) {
                    return Err(bad_usage(format!(
                        "{f1} and {f2} name the same file ({p}); give them different paths"
                    )));
                }
            }
        }
    }
    Ok(Some(a))
}

/// True when two output paths name one file (as written, or once resolved).
fn same_file(a: &str, b: &str) -> bool {
    use std::path::Path;
    let resolve = |p: &str| {
        let p = Path::new(p);
        let dir = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::canonicalize(dir)
            .ok()
            .zip(p.file_name())
            .map(|(d, f)| d.join(f))
    };
    Path::new(a) == Path::new(b) || matches!((resolve(a), resolve(b)), (Some(x), Some(y)) if x == y)
}

fn string(v: std::ffi::OsString) -> Result<String, Failure> {
    v.into_string()
        .map_err(|v| bad_usage(format!("argument {v:?} is not valid UTF-8")))
}

fn number(flag: &str, s: &str) -> Result<f64, Failure> {
    match s.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(bad_usage(format!("{flag}: {s:?} is not a finite number"))),
    }
}

fn numbers(flag: &str, s: &str) -> Result<Vec<f64>, Failure> {
    s.split(',').map(|x| number(flag, x)).collect()
}

fn count(flag: &str, s: &str) -> Result<usize, Failure> {
    s.trim().parse().map_err(|_| {
        bad_usage(format!(
            "{flag}: {s:?} is not a count (a whole number >= 0)"
        ))
    })
}

/// Bytes, with an optional `k`, `M` or `G` suffix (powers of 1024).
fn bytes(flag: &str, s: &str) -> Result<u64, Failure> {
    let s = s.trim();
    let (digits, scale) = match s.char_indices().last() {
        Some((i, 'k' | 'K')) => (&s[..i], 1u64 << 10),
        Some((i, 'm' | 'M')) => (&s[..i], 1 << 20),
        Some((i, 'g' | 'G')) => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|v| v.checked_mul(scale))
        .ok_or_else(|| bad_usage(format!("{flag}: {s:?} is not a byte count (like 4G)")))
}
