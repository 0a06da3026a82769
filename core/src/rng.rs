//! WebCola's `PseudoRandom`: the MSVC `rand()` linear congruential generator.
//!
//! colayout uses it only to displace coincident nodes, exactly as WebCola's `Descent`
//! does, so that a layout from coincident starting positions is reproducible and, with
//! the default seed 1, follows WebCola's displacement sequence.

/// The LCG `seed = (seed * 214013 + 2531011) mod 2^31`, returning `(seed >> 16) / 32767`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PseudoRandom {
    seed: u64,
}

impl PseudoRandom {
    /// Multiplier.
    pub const A: u64 = 214_013;
    /// Increment.
    pub const C: u64 = 2_531_011;
    /// Modulus, 2^31.
    pub const M: u64 = 1 << 31;
    /// Divisor of the 15-bit output.
    pub const RANGE: f64 = 32_767.0;

    /// A generator with the given seed. WebCola's default seed is 1.
    ///
    /// The seed is taken modulo 2^31; for seeds below that, the sequence equals
    /// WebCola's `new PseudoRandom(seed)`.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self {
            seed: seed % Self::M,
        }
    }

    /// The next value in `[0, 1]`.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> f64 {
        self.seed = (self.seed * Self::A + Self::C) % Self::M;
        (self.seed >> 16) as f64 / Self::RANGE
    }

    /// The next value in `[min, max]`.
    pub fn next_between(&mut self, min: f64, max: f64) -> f64 {
        min + self.next() * (max - min)
    }

    /// WebCola's `Descent.offsetDir`: a random direction of length `length`.
    ///
    /// Consumes exactly `K` values, one per dimension in order.
    pub fn offset_dir<const K: usize>(&mut self, length: f64) -> [f64; K] {
        let mut u = [0.0; K];
        let mut l = 0.0;
        for ui in &mut u {
            *ui = self.next_between(0.01, 1.0) - 0.5;
            l += *ui * *ui;
        }
        let l = crate::math::sqrt(l);
        u.map(|ui| ui * length / l)
    }
}

impl Default for PseudoRandom {
    /// Seed 1, WebCola's default.
    fn default() -> Self {
        Self::new(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_one_matches_webcola_sequence() {
        let mut r = PseudoRandom::new(1);
        let expected = [
            0.001_251_258_888_515_884_9,
            0.563_585_314_493_240_1,
            0.193_304_239_020_966_22,
            0.808_740_501_113_925_6,
            0.585_009_308_145_390_2,
        ];
        for e in expected {
            assert_eq!(r.next(), e);
        }
    }

    #[test]
    fn offset_dir_has_requested_length() {
        let mut r = PseudoRandom::new(5);
        let v = r.offset_dir::<3>(20.0);
        let l = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
        assert!((l - 20.0).abs() < 1e-12);
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): 64-bit integer output, for shuffling the
/// SGD solver's pair terms. Pure integer arithmetic, so the same bits on every target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator with the given seed.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value in `[0, 1)`, from the top 53 bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A value in `0..bound` (`bound > 0`), by Lemire's multiply-shift.
    pub fn below(&mut self, bound: usize) -> usize {
        ((u128::from(self.next_u64()) * bound as u128) >> 64) as usize
    }
}
