//! Inference for a census. The 144 eligible states are the whole population, not a sample, so
//! the report's uncertainty statements are built from the data itself, seeded and reproducible:
//!
//! - [`permutation_p`]: how often a random relabelling of who signed (same group sizes) separates
//!   the groups at least as much as the real labels do — the honest reading of "p" for a census.
//! - [`bootstrap_auc`]: a percentile interval for P(non-signatory higher), resampling countries
//!   within each group (stratified bootstrap).
//! - [`stratified_auc`]: the within-group comparison pooled over strata (income groups, regions)
//!   with weights n₁·n₂, as in the van Elteren test.
//! - [`propagate_se`]: the spread of P(non-signatory higher) when each country's WGI value is
//!   drawn from its estimate ± standard error.
//!
//! Cross-checked against SciPy reference values (`tests/reference/`, made by
//! `scripts/stats_reference.py`).
//!
//! The generator is SplitMix64 written out here (ten lines) rather than the `rand` crate: the
//! report needs one small seeded stream, and every dependency in the browser build costs bytes.

use super::stats::quantile;

/// A small seeded pseudo-random generator (SplitMix64; Steele, Lea & Flood 2014).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform integer in `0..n` (Lemire's multiply-shift; the bias is below 2⁻⁵⁰ for n ≤ 2¹⁴).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }
    /// Uniform in (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// P(a random member of `x` scores higher than a random member of `y`), ties counting one half
/// (the AUC, U/(n₁·n₂)). `None` when a group is empty.
pub fn auc(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.is_empty() || y.is_empty() {
        return None;
    }
    let ys = super::sorted_values(y);
    // For each x: the number of y below it plus half the number equal to it.
    let mut u = 0.0;
    for &a in x {
        let below = ys.partition_point(|&b| b < a);
        let upto = ys.partition_point(|&b| b <= a);
        u += below as f64 + 0.5 * (upto - below) as f64;
    }
    Some(u / (x.len() * y.len()) as f64)
}

/// Midranks (1-based, ties share their mean rank) of `v`.
pub fn midranks(v: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    super::order_by(&mut idx, &|a, b| v[a].total_cmp(&v[b]));
    let mut ranks = vec![0.0; v.len()];
    let mut k = 0;
    while k < idx.len() {
        let run = idx[k..].iter().take_while(|&&i| v[i] == v[idx[k]]).count();
        let r = (k + 1 + k + run) as f64 / 2.0;
        for &i in &idx[k..k + run] {
            ranks[i] = r;
        }
        k += run;
    }
    ranks
}

/// Permutation p-value of the separation |AUC − ½| between `x` and `y`: the share of `resamples`
/// random relabellings (group sizes kept) at least as separated as the real labels, counting the
/// real labelling once: (1 + hits) / (1 + resamples). `None` when a group is empty.
pub fn permutation_p(x: &[f64], y: &[f64], resamples: usize, seed: u64) -> Option<f64> {
    let hits = permutation_hits(x, y, resamples, seed)?;
    Some((1 + hits) as f64 / (1 + resamples) as f64)
}

/// How many of `resamples` random relabellings (group sizes kept, seeded) separate the groups at
/// least as much as the real labels: the count behind [`permutation_p`].
pub fn permutation_hits(x: &[f64], y: &[f64], resamples: usize, seed: u64) -> Option<usize> {
    let observed = auc(x, y)?;
    let pooled: Vec<f64> = x.iter().chain(y).copied().collect();
    // The pooled values never change under relabelling, so neither do their ranks: each
    // relabelling only picks which n₁ ranks belong to x (partial Fisher–Yates shuffle).
    let mut ranks = midranks(&pooled);
    let (n1, n2) = (x.len() as f64, y.len() as f64);
    let target = (observed - 0.5).abs() - 1e-12;
    let mut rng = Rng::new(seed);
    let mut hits = 0usize;
    for _ in 0..resamples {
        let mut r1 = 0.0;
        for k in 0..x.len() {
            let j = k + rng.below(ranks.len() - k);
            ranks.swap(k, j);
            r1 += ranks[k];
        }
        let a = (r1 - n1 * (n1 + 1.0) / 2.0) / (n1 * n2);
        if (a - 0.5).abs() >= target {
            hits += 1;
        }
    }
    Some(hits)
}

/// Spearman's rank correlation of paired values (Pearson's correlation of their midranks).
/// `None` for fewer than two pairs or a constant variable.
pub fn spearman(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.len() != b.len() || a.len() < 2 {
        return None;
    }
    let (ra, rb) = (midranks(a), midranks(b));
    let n = a.len() as f64;
    let (ma, mb) = (ra.iter().sum::<f64>() / n, rb.iter().sum::<f64>() / n);
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in ra.iter().zip(&rb) {
        sab += (x - ma) * (y - mb);
        saa += (x - ma) * (x - ma);
        sbb += (y - mb) * (y - mb);
    }
    (saa > 0.0 && sbb > 0.0).then(|| sab / (saa * sbb).sqrt())
}

/// A two-sided interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

/// The `level` percentile interval of `draws` (quantiles as in [`quantile`]).
pub fn percentile_interval(mut draws: Vec<f64>, level: f64) -> Interval {
    draws = super::sorted_values(&draws);
    let tail = (1.0 - level) / 2.0;
    Interval {
        lo: quantile(&draws, tail),
        hi: quantile(&draws, 1.0 - tail),
    }
}

/// The pairs of one comparison, prepared for fast resampling: each `x`'s position among the
/// sorted `y` (how many `y` lie below it, and below or at it) and each `y`'s sorted position.
/// A bootstrap draw then costs O(n₁ + n₂) instead of a sort: count the drawn `y` per sorted
/// position, take prefix sums, and add up each drawn `x`'s share of them.
struct Pairs {
    /// (y below, y below or equal) for each x.
    x_pos: Vec<(usize, usize)>,
    /// Sorted position of each y.
    y_pos: Vec<usize>,
    drawn_x: Vec<usize>,
    cum: Vec<u32>,
}

impl Pairs {
    fn new(x: &[f64], y: &[f64]) -> Pairs {
        let mut order: Vec<usize> = (0..y.len()).collect();
        super::order_by(&mut order, &|a, b| y[a].total_cmp(&y[b]));
        let ys: Vec<f64> = order.iter().map(|&k| y[k]).collect();
        let mut y_pos = vec![0; y.len()];
        for (p, &k) in order.iter().enumerate() {
            y_pos[k] = p;
        }
        let x_pos = x
            .iter()
            .map(|&a| {
                (
                    ys.partition_point(|&b| b < a),
                    ys.partition_point(|&b| b <= a),
                )
            })
            .collect();
        Pairs {
            x_pos,
            y_pos,
            drawn_x: vec![0; x.len()],
            cum: vec![0; y.len() + 1],
        }
    }

    /// The AUC of one bootstrap resample: `x` drawn with replacement, then `y` (this order of
    /// draws is part of the seeded stream that `scripts/stats_reference.py` reproduces).
    fn draw(&mut self, rng: &mut Rng) -> f64 {
        let (nx, ny) = (self.x_pos.len(), self.y_pos.len());
        for d in self.drawn_x.iter_mut() {
            *d = rng.below(nx);
        }
        self.cum.fill(0);
        for _ in 0..ny {
            self.cum[self.y_pos[rng.below(ny)] + 1] += 1;
        }
        self.finish()
    }

    /// The AUC of the resample made of the given draws (indices into `x` and `y`).
    fn auc_of(&mut self, dx: &[usize], dy: &[usize]) -> f64 {
        self.drawn_x.copy_from_slice(dx);
        self.cum.fill(0);
        for &j in dy {
            self.cum[self.y_pos[j] + 1] += 1;
        }
        self.finish()
    }

    /// Prefix sums of the drawn `y` counts, then each drawn `x`'s share of them.
    fn finish(&mut self) -> f64 {
        let (nx, ny) = (self.x_pos.len(), self.y_pos.len());
        for p in 1..=ny {
            self.cum[p] += self.cum[p - 1];
        }
        let mut u = 0.0;
        for &i in &self.drawn_x {
            let (below, upto) = self.x_pos[i];
            let (b, e) = (self.cum[below] as f64, self.cum[upto] as f64);
            u += b + 0.5 * (e - b);
        }
        u / (nx * ny) as f64
    }
}

/// A joint bootstrap of several variables measured on the same countries: `x[k]` and `y[k]` are
/// variable k's values for the two groups, every `x[k]` in the same country order (likewise
/// `y[k]`). Each resample draws the countries once (x, then y) and computes every variable's
/// AUC on them, so differences between variables are paired. Returns the draws per variable;
/// `None` when a group is empty, the variables' group sizes differ, or `resamples` is 0.
pub fn bootstrap_joint(
    x: &[Vec<f64>],
    y: &[Vec<f64>],
    resamples: usize,
    seed: u64,
) -> Option<Vec<Vec<f64>>> {
    let (nx, ny) = (x.first()?.len(), y.first()?.len());
    if nx == 0 || ny == 0 || resamples == 0 || x.len() != y.len() {
        return None;
    }
    if x.iter().any(|v| v.len() != nx) || y.iter().any(|v| v.len() != ny) {
        return None;
    }
    let mut pairs: Vec<Pairs> = x.iter().zip(y).map(|(a, b)| Pairs::new(a, b)).collect();
    let mut rng = Rng::new(seed);
    let (mut dx, mut dy) = (vec![0; nx], vec![0; ny]);
    let mut out = vec![Vec::with_capacity(resamples); x.len()];
    for _ in 0..resamples {
        for d in dx.iter_mut() {
            *d = rng.below(nx);
        }
        for d in dy.iter_mut() {
            *d = rng.below(ny);
        }
        for (k, p) in pairs.iter_mut().enumerate() {
            out[k].push(p.auc_of(&dx, &dy));
        }
    }
    Some(out)
}

/// Percentile bootstrap interval (`level`, e.g. 0.95) of [`auc`]: countries resampled with
/// replacement within each group. `None` when a group is empty or `resamples` is 0.
pub fn bootstrap_auc(
    x: &[f64],
    y: &[f64],
    resamples: usize,
    seed: u64,
    level: f64,
) -> Option<Interval> {
    if x.is_empty() || y.is_empty() || resamples == 0 {
        return None;
    }
    let mut rng = Rng::new(seed);
    let mut pairs = Pairs::new(x, y);
    let draws = (0..resamples).map(|_| pairs.draw(&mut rng)).collect();
    Some(percentile_interval(draws, level))
}

/// Percentile bootstrap interval of [`stratified_auc`]: within every stratum, each group
/// resampled with replacement (strata in order, x then y), the strata weighted by their
/// original n₁·n₂. `None` when no stratum has both groups or `resamples` is 0.
pub fn bootstrap_stratified(
    strata: &[(Vec<f64>, Vec<f64>)],
    resamples: usize,
    seed: u64,
    level: f64,
) -> Option<Interval> {
    let mut parts: Vec<(f64, Pairs)> = strata
        .iter()
        .filter(|(x, y)| !x.is_empty() && !y.is_empty())
        .map(|(x, y)| ((x.len() * y.len()) as f64, Pairs::new(x, y)))
        .collect();
    let den: f64 = parts.iter().map(|p| p.0).sum();
    if parts.is_empty() || resamples == 0 {
        return None;
    }
    let mut rng = Rng::new(seed);
    let draws = (0..resamples)
        .map(|_| {
            let num: f64 = parts.iter_mut().map(|(w, p)| *w * p.draw(&mut rng)).sum();
            num / den
        })
        .collect();
    Some(percentile_interval(draws, level))
}

/// One stratum's comparison: its group sizes and AUC.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stratum {
    pub n_x: usize,
    pub n_y: usize,
    pub auc: Option<f64>,
}

/// The AUC pooled over strata, each weighted by n₁·n₂ (strata with an empty group carry no
/// weight). `None` when no stratum has both groups.
pub fn stratified_auc(strata: &[(Vec<f64>, Vec<f64>)]) -> Option<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    for (x, y) in strata {
        if let Some(a) = auc(x, y) {
            let w = (x.len() * y.len()) as f64;
            num += w * a;
            den += w;
        }
    }
    (den > 0.0).then(|| num / den)
}

/// Spread of [`auc`] when every value is redrawn from Normal(estimate, standard error), `draws`
/// times: the `level` percentile interval of the redrawn AUCs. Values are (estimate, se).
pub fn propagate_se(
    x: &[(f64, f64)],
    y: &[(f64, f64)],
    draws: usize,
    seed: u64,
    level: f64,
) -> Option<Interval> {
    if x.is_empty() || y.is_empty() || draws == 0 {
        return None;
    }
    let mut rng = Rng::new(seed);
    let mut draw =
        |v: &[(f64, f64)]| -> Vec<f64> { v.iter().map(|&(e, s)| e + s * rng.normal()).collect() };
    let mut out = Vec::with_capacity(draws);
    for _ in 0..draws {
        let (dx, dy) = (draw(x), draw(y));
        out.push(auc(&dx, &dy)?);
    }
    Some(percentile_interval(out, level))
}

/// A share in words that never overstates: whole percent, but never "100%" for less than all
/// nor "0%" for more than none (0.953 → "95%", 0.998 → "more than 99%").
pub fn share_words(p: f64) -> String {
    let pct = (p * 100.0).round() as i64;
    if pct >= 100 && p < 1.0 {
        "more than 99%".into()
    } else if pct <= 0 && p > 0.0 {
        "less than 1%".into()
    } else {
        format!("{pct}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_counts_pairs_with_ties_as_halves() {
        assert_eq!(auc(&[3.0], &[1.0, 2.0]), Some(1.0));
        assert_eq!(auc(&[1.0], &[1.0]), Some(0.5));
        assert_eq!(auc(&[1.0, 3.0], &[2.0]), Some(0.5));
        assert_eq!(auc(&[2.0, 2.0], &[1.0, 2.0, 3.0]), Some(0.5));
        assert_eq!(auc(&[], &[1.0]), None);
    }

    #[test]
    fn midranks_share_ties() {
        assert_eq!(
            midranks(&[10.0, 20.0, 10.0, 30.0]),
            vec![1.5, 3.0, 1.5, 4.0]
        );
    }

    #[test]
    fn rng_is_seeded_and_uniform_enough() {
        let a: Vec<u64> = (0..3)
            .map({
                let mut r = Rng::new(7);
                move |_| r.next_u64()
            })
            .collect();
        let b: Vec<u64> = (0..3)
            .map({
                let mut r = Rng::new(7);
                move |_| r.next_u64()
            })
            .collect();
        assert_eq!(a, b);
        let mut r = Rng::new(1);
        let mut counts = [0usize; 6];
        for _ in 0..60_000 {
            counts[r.below(6)] += 1;
        }
        assert!(
            counts.iter().all(|&c| (9_500..10_500).contains(&c)),
            "{counts:?}"
        );
        let m: f64 = (0..20_000).map(|_| r.normal()).sum::<f64>() / 20_000.0;
        assert!(m.abs() < 0.03, "{m}");
    }

    #[test]
    fn permutation_p_is_small_for_separated_groups_and_large_for_mixed() {
        let x: Vec<f64> = (0..20).map(|v| v as f64 + 100.0).collect();
        let y: Vec<f64> = (0..20).map(|v| v as f64).collect();
        let p = permutation_p(&x, &y, 2_000, 1).unwrap();
        assert_eq!(p, 1.0 / 2_001.0);
        let mixed: Vec<f64> = (0..20).map(|v| (v * 2) as f64).collect();
        let other: Vec<f64> = (0..20).map(|v| (v * 2 + 1) as f64).collect();
        assert!(permutation_p(&mixed, &other, 2_000, 1).unwrap() > 0.5);
    }

    /// The bootstrap's counting shortcut gives exactly what resampling and recomputing the AUC
    /// from scratch gives, draw for draw (same stream, same order of draws).
    #[test]
    fn fast_bootstrap_equals_the_naive_one() {
        let mut r = Rng::new(3);
        let x: Vec<f64> = (0..23).map(|_| (r.below(9) as f64) / 2.0).collect();
        let y: Vec<f64> = (0..31).map(|_| (r.below(9) as f64) / 2.0 - 0.5).collect();
        let mut fast = Pairs::new(&x, &y);
        let (mut a, mut b) = (Rng::new(42), Rng::new(42));
        for _ in 0..500 {
            let bx: Vec<f64> = x.iter().map(|_| x[b.below(x.len())]).collect();
            let by: Vec<f64> = y.iter().map(|_| y[b.below(y.len())]).collect();
            assert_eq!(fast.draw(&mut a), auc(&bx, &by).unwrap());
        }
        // Given draws: the same as recomputing from scratch.
        let (dx, dy): (Vec<usize>, Vec<usize>) = (
            (0..x.len()).map(|_| a.below(x.len())).collect(),
            (0..y.len()).map(|_| a.below(y.len())).collect(),
        );
        let bx: Vec<f64> = dx.iter().map(|&i| x[i]).collect();
        let by: Vec<f64> = dy.iter().map(|&j| y[j]).collect();
        assert_eq!(fast.auc_of(&dx, &dy), auc(&bx, &by).unwrap());
        // A joint bootstrap of one variable is the ordinary bootstrap, draw for draw.
        let joint =
            bootstrap_joint(std::slice::from_ref(&x), std::slice::from_ref(&y), 200, 9).unwrap();
        let mut single = Pairs::new(&x, &y);
        let mut r = Rng::new(9);
        let own: Vec<f64> = (0..200).map(|_| single.draw(&mut r)).collect();
        assert_eq!(joint[0], own);
    }

    #[test]
    fn stratified_bootstrap_brackets_the_estimate_and_ignores_empty_strata() {
        let s1 = (
            (0..8).map(f64::from).collect(),
            (0..9).map(|v| f64::from(v) - 2.0).collect(),
        );
        let s2 = (
            vec![1.0, 2.0, 3.0, 5.0, 8.0],
            vec![0.0, 2.5, 4.0, 6.0, 7.0, 9.0],
        );
        let empty: (Vec<f64>, Vec<f64>) = (vec![1.0], vec![]);
        let strata = vec![s1, s2, empty];
        let est = stratified_auc(&strata).unwrap();
        let iv = bootstrap_stratified(&strata, 2_000, 5, 0.95).unwrap();
        assert!(iv.lo < est && est < iv.hi, "{iv:?} {est}");
        assert_eq!(bootstrap_stratified(&strata, 2_000, 5, 0.95), Some(iv));
        assert_eq!(bootstrap_stratified(&strata[2..], 100, 5, 0.95), None);
    }

    #[test]
    fn spearman_is_one_for_monotone_pairs_and_handles_ties() {
        let a = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(spearman(&a, &[10.0, 20.0, 35.0, 90.0]), Some(1.0));
        assert_eq!(spearman(&a, &[4.0, 3.0, 2.0, 1.0]), Some(-1.0));
        assert_eq!(spearman(&a, &[1.0, 1.0, 1.0, 1.0]), None);
        assert_eq!(spearman(&a[..1], &a[..1]), None);
        // SciPy: spearmanr([1, 2, 2, 3], [1, 3, 2, 4]) = 0.9486832980505138
        let r = spearman(&[1.0, 2.0, 2.0, 3.0], &[1.0, 3.0, 2.0, 4.0]).unwrap();
        assert!((r - 0.948_683_298_050_513_8).abs() < 1e-12, "{r}");
    }

    #[test]
    fn shares_never_round_to_certainty() {
        assert_eq!(share_words(0.953), "95%");
        assert_eq!(share_words(0.95), "95%");
        assert_eq!(share_words(0.999), "more than 99%");
        assert_eq!(share_words(0.996), "more than 99%");
        assert_eq!(share_words(1.0), "100%");
        assert_eq!(share_words(0.004), "less than 1%");
        assert_eq!(share_words(0.0), "0%");
    }
}
