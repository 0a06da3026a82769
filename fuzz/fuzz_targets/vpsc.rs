//! The VPSC solver on arbitrary instances (cycles, equalities, contradictions): it
//! terminates with finite positions, and the constraints it does not report
//! unsatisfiable hold.
#![no_main]

use colayout::constraints::vpsc::{Constraint, Solver, Variable};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let n = usize::from(n % 24) + 1;
    if rest.len() < 2 * n {
        return;
    }
    let (var_bytes, con_bytes) = rest.split_at(2 * n);
    let vars: Vec<Variable> = var_bytes
        .chunks(2)
        .map(|b| Variable::weighted(f64::from(b[0]) - 128.0, f64::from(b[1] % 8) + 1.0, 1.0))
        .collect();
    let cons: Vec<Constraint> = con_bytes
        .chunks_exact(3)
        .map(|b| {
            let (l, r) = (usize::from(b[0]) % n, usize::from(b[1]) % n);
            let gap = f64::from(b[2] & 0x3f);
            if b[2] & 0x80 != 0 {
                Constraint::equality(l, r, gap)
            } else {
                Constraint::new(l, r, gap)
            }
        })
        .collect();
    let Ok(mut solver) = Solver::new(vars, cons) else {
        return;
    };
    solver.solve();
    let x = solver.positions();
    assert!(x.iter().all(|v| v.is_finite()), "non-finite position {x:?}");
    for c in solver.constraints() {
        if c.is_unsatisfiable() || c.left == c.right {
            continue;
        }
        let slack = x[c.right] - x[c.left] - c.gap;
        assert!(
            slack > -1e-6 && (!c.equality || slack < 1e-6),
            "violated {c:?} by {slack}"
        );
    }
});
