"""Reference values for the report's census statistics (src/model/inference.rs), from SciPy.

Reads src/data directly (not the Rust model), computes for Voice and Accountability (WGI 2011
estimate), non-signatories (x) against signatories (y):
  - AUC = P(x > y) + P(x = y)/2 over all pairs, overall and within groups (exact);
  - the AUC stratified by income group and by region, weights n_x * n_y (exact);
  - permutation p of |AUC - 1/2| (scipy.stats.permutation_test, independent, 100,000 resamples);
  - percentile bootstrap 95% interval of the AUC (scipy.stats.bootstrap, 20,000 resamples);
  - the 95% interval of the AUC with each value drawn from Normal(estimate, se) (numpy, 20,000 draws).
Monte Carlo values are compared by tests/inference_reference.rs within their Monte Carlo error.

Then, under "census", the figures of src/model/analysis.rs, for each of the six indicators over
all 144, per income group and per region, stratified, for statuses graded A/B only and with the EU
counted once: medians, Mann-Whitney U (scipy.stats.mannwhitneyu), P(non-signatory higher),
rank-biserial r, and the seeded Monte Carlo figures (permutation hits, bootstrap intervals,
measurement-error interval) recomputed EXACTLY: this script reproduces the model's SplitMix64
stream and its order of draws, so tests/analysis_reference.rs compares them to 1e-12 (and each is
also checked here against SciPy's own permutation test and bootstrap, within Monte Carlo error).

Run: python3 scripts/stats_reference.py > tests/reference/inference.json (numpy, scipy from PyPI).
"""
import csv
import json
import sys

import numpy as np
import scipy
from scipy import stats

D = "src/data/"


def rows(name):
    with open(D + name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


status = {r["iso3"]: r["status"] for r in rows("signatories.csv")}
inc = {r["iso3"]: r for r in rows("income_fy2013.csv")}
va = {}
for r in rows("wgi_2011_2012_detail.csv"):
    if r["year"] == "2011" and r["indicator"] == "va" and r["estimate"] and r["iso3"] in status:
        va[r["iso3"]] = (float(r["estimate"]), float(r["stderr"]))


def groups(keep=lambda iso: True):
    x = [va[i] for i, s in status.items() if s == "declined" and i in va and keep(i)]
    y = [va[i] for i, s in status.items() if s == "signed" and i in va and keep(i)]
    return x, y


def auc(x, y):
    x, y = np.asarray(x)[:, None], np.asarray(y)[None, :]
    return float(((x > y) + 0.5 * (x == y)).mean())


def est(v):
    return [e for e, _ in v]


out = {"scipy": scipy.__version__, "numpy": np.__version__, "indicator": "va", "measure": "estimate"}

x, y = groups()
out["all"] = {"n_x": len(x), "n_y": len(y), "auc": auc(est(x), est(y))}
for key, field in (("income", "income_group"), ("region", "wb_region")):
    num = den = 0.0
    per = {}
    for g in sorted({inc[i][field] for i in status}):
        gx, gy = groups(lambda iso, g=g: inc[iso][field] == g)
        per[g] = {"n_x": len(gx), "n_y": len(gy), "auc": auc(est(gx), est(gy)) if gx and gy else None}
        if gx and gy:
            num += len(gx) * len(gy) * per[g]["auc"]
            den += len(gx) * len(gy)
    out[f"by_{key}"] = per
    out[f"stratified_{key}"] = num / den


def perm_p(x, y, n, seed):
    res = stats.permutation_test(
        (np.array(est(x)), np.array(est(y))),
        lambda a, b: abs(auc(a, b) - 0.5),
        permutation_type="independent", alternative="greater", n_resamples=n, rng=np.random.default_rng(seed),
    )
    return float(res.pvalue)


def boot(x, y, n, seed):
    res = stats.bootstrap(
        (np.array(est(x)), np.array(est(y))), lambda a, b: auc(a, b), vectorized=False, paired=False,
        method="percentile", n_resamples=n, confidence_level=0.95, rng=np.random.default_rng(seed),
    )
    return [float(res.confidence_interval.low), float(res.confidence_interval.high)]


def propagate(x, y, n, seed):
    rng = np.random.default_rng(seed)
    ex, sx = np.array(x).T
    ey, sy = np.array(y).T
    draws = [auc(rng.normal(ex, sx), rng.normal(ey, sy)) for _ in range(n)]
    return [float(np.percentile(draws, 2.5)), float(np.percentile(draws, 97.5))]


out["all"]["bootstrap95"] = boot(x, y, 20000, 1)
out["all"]["propagated95"] = propagate(x, y, 20000, 3)
for name, field, g in (("ssa", "wb_region", "Sub-Saharan Africa"), ("high", "income_group", "High")):
    gx, gy = groups(lambda iso: inc[iso][field] == g)
    out[name] = {
        "group": g, "n_x": len(gx), "n_y": len(gy), "auc": auc(est(gx), est(gy)),
        "permutation_p": perm_p(gx, gy, 100000, 2), "bootstrap95": boot(gx, gy, 20000, 1),
    }

# ------------------------------------------------------------------------------------------------
# The model's seeded figures, reproduced exactly (src/model/inference.rs, src/model/analysis.rs).
M64 = (1 << 64) - 1
RESAMPLES, PERM_SEED, BOOT_SEED, SE_SEED, SE_DRAWS, MIN_GROUP = 1000, 0x5EED_0000, 0xB007_0000, 0x5E00_0000, 2000, 5
LEAD_SEED = 0x1EAD_0000
INDICATORS = ["va", "pv", "ge", "rq", "rl", "cc"]
INCOMES = ["Low", "Lower middle", "Upper middle", "High"]  # Income::ALL order
REGIONS = ["East Asia & Pacific", "Europe & Central Asia", "Latin America & Caribbean",
           "Middle East & North Africa", "North America", "South Asia", "Sub-Saharan Africa"]


class Rng:
    """SplitMix64 (Steele, Lea & Flood 2014), as model::inference::Rng."""

    def __init__(self, seed):
        self.s = seed & M64

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M64
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)

    def below(self, n):
        return ((self.next() >> 32) * n) >> 32

    def uniform(self):
        return ((self.next() >> 11) + 0.5) / float(1 << 53)

    def normal(self):
        import math
        u, v = self.uniform(), self.uniform()
        return math.sqrt(-2.0 * math.log(u)) * math.cos(math.tau * v)


def quantile(sorted_v, q):
    """Linear interpolation (type 7), written as model::stats::quantile."""
    h = (len(sorted_v) - 1) * q
    lo, hi = int(np.floor(h)), int(np.ceil(h))
    return sorted_v[lo] + (h - lo) * (sorted_v[hi] - sorted_v[lo])


def interval(draws, level=0.95):
    d = sorted(draws)
    tail = (1.0 - level) / 2.0
    return [quantile(d, tail), quantile(d, 1.0 - tail)]


def sm_perm_hits(x, y, n, seed):
    obs = auc(x, y)
    ranks = list(stats.rankdata(list(x) + list(y)))
    n1, n2 = len(x), len(y)
    target = abs(obs - 0.5) - 1e-12
    rng, hits = Rng(seed), 0
    for _ in range(n):
        r1 = 0.0
        for k in range(n1):
            j = k + rng.below(len(ranks) - k)
            ranks[k], ranks[j] = ranks[j], ranks[k]
            r1 += ranks[k]
        a = (r1 - n1 * (n1 + 1.0) / 2.0) / (n1 * n2)
        if abs(a - 0.5) >= target:
            hits += 1
    return hits


def sm_boot_draw(rng, x, y):
    bx = [x[rng.below(len(x))] for _ in x]
    by = [y[rng.below(len(y))] for _ in y]
    return auc(bx, by)


def sm_boot(x, y, n, seed):
    rng = Rng(seed)
    return interval([sm_boot_draw(rng, x, y) for _ in range(n)])


def sm_boot_strat(strata, n, seed):
    parts = [(len(x) * len(y), x, y) for x, y in strata if x and y]
    den = float(sum(w for w, _, _ in parts))
    rng = Rng(seed)
    draws = []
    for _ in range(n):
        num = 0.0
        for w, x, y in parts:
            num += w * sm_boot_draw(rng, x, y)
        draws.append(num / den)
    return interval(draws)


def sm_propagate(x, y, n, seed):
    rng = Rng(seed)
    draws = []
    for _ in range(n):
        dx = [e + s * rng.normal() for e, s in x]
        dy = [e + s * rng.normal() for e, s in y]
        draws.append(auc(dx, dy))
    return interval(draws)


rows_sig = {r["iso3"]: r for r in rows("signatories.csv")}
wgi = {}
for r in rows("wgi_2011_2012_detail.csv"):
    if r["year"] == "2011" and r["iso3"] in status and r["estimate"]:
        wgi[(r["iso3"], r["indicator"])] = (float(r["estimate"]), float(r["stderr"]))
order = [r["iso3"] for r in rows("signatories.csv")]  # the model's COUNTRIES order


def values(ind, keep=lambda iso: True):
    x = [wgi[(i, ind)][0] for i in order if status[i] == "declined" and (i, ind) in wgi and keep(i)]
    y = [wgi[(i, ind)][0] for i in order if status[i] == "signed" and (i, ind) in wgi and keep(i)]
    return x, y


def census(ind, keep=lambda iso: True, check_scipy=False):
    k = INDICATORS.index(ind)
    x, y = values(ind, keep)
    a = auc(x, y)
    res = {
        "n_x": len(x), "n_y": len(y), "median_x": float(np.median(x)), "median_y": float(np.median(y)),
        "u": float(stats.mannwhitneyu(x, y).statistic), "auc": a, "r": 2 * a - 1,
        "perm_hits": sm_perm_hits(x, y, RESAMPLES, PERM_SEED + k),
        "ci": sm_boot(x, y, RESAMPLES, BOOT_SEED + k),
    }
    if check_scipy:  # the seeded stream against SciPy's own resampling (Monte Carlo tolerance)
        p_sm = (1 + res["perm_hits"]) / (1 + RESAMPLES)
        p_sp = perm_p([(v, 0) for v in x], [(v, 0) for v in y], 20000, 5)
        assert abs(p_sm - p_sp) < 4 * (max(p_sp * (1 - p_sp), 1e-4) / RESAMPLES) ** 0.5 + 0.002, (ind, p_sm, p_sp)
        lo, hi = boot([(v, 0) for v in x], [(v, 0) for v in y], 20000, 6)
        assert abs(res["ci"][0] - lo) < 0.03 and abs(res["ci"][1] - hi) < 0.03, (ind, res["ci"], lo, hi)
    return res


cen = {"constants": {"resamples": RESAMPLES, "perm_seed": PERM_SEED, "boot_seed": BOOT_SEED,
                     "se_seed": SE_SEED, "se_draws": SE_DRAWS, "min_group": MIN_GROUP,
                     "lead_seed": LEAD_SEED}}
cen["all"] = {ind: census(ind, check_scipy=True) for ind in INDICATORS}
for key, field, names, seed in (("income", "income_group", INCOMES, BOOT_SEED + 0x100),
                                ("region", "wb_region", REGIONS, BOOT_SEED + 0x200)):
    per = {}
    for g in names:
        keep = lambda iso, g=g: inc[iso][field] == g
        x, y = values("va", keep)
        per[g] = {"n_x": len(x), "n_y": len(y)}
        if min(len(x), len(y)) >= MIN_GROUP:
            per[g]["census"] = census("va", keep)
    cen[f"by_{key}"] = per
    strata = [values("va", lambda iso, g=g: inc[iso][field] == g) for g in names]
    cen[f"stratified_{key}"] = {"auc": out[f"stratified_{key}"], "ci": sm_boot_strat(strata, RESAMPLES, seed)}
cen["grades_ab"] = census("va", lambda iso: rows_sig[iso]["evidence"] in ("A", "B"))
cen["grades_ab"]["n"] = sum(1 for i in order if rows_sig[i]["evidence"] in ("A", "B"))
eu = [i for i in order if "EUPR" in rows_sig[i]["sources"].split(";")]
x_eu = [wgi[(i, "va")][0] for i in order if status[i] == "declined" and i not in eu] + [float(np.median([wgi[(i, "va")][0] for i in eu]))]
y_eu = [wgi[(i, "va")][0] for i in order if status[i] == "signed" and i not in eu]
cen["eu_once"] = {"n_eu": len(eu), "eu": eu, "auc": auc(x_eu, y_eu)}
xs = [wgi[(i, "va")] for i in order if status[i] == "declined"]
ys = [wgi[(i, "va")] for i in order if status[i] == "signed"]
cen["propagated95"] = sm_propagate(xs, ys, SE_DRAWS, SE_SEED)
# The paired lead of the top indicator: countries resampled jointly for all six (x, then y).
xs6 = [values(ind)[0] for ind in INDICATORS]
ys6 = [values(ind)[1] for ind in INDICATORS]
aucs6 = [auc(a, b) for a, b in zip(xs6, ys6)]
rank6 = sorted(range(6), key=lambda k: -aucs6[k])  # stable, as model::order_by
rng = Rng(LEAD_SEED)
joint = [[] for _ in range(6)]
nx, ny = len(xs6[0]), len(ys6[0])
for _ in range(RESAMPLES):
    dx = [rng.below(nx) for _ in range(nx)]
    dy = [rng.below(ny) for _ in range(ny)]
    for k in range(6):
        joint[k].append(auc([xs6[k][i] for i in dx], [ys6[k][j] for j in dy]))
top = rank6[0]
cen["lead"] = {"top": INDICATORS[top], "vs": {INDICATORS[k]: interval([a - b for a, b in zip(joint[top], joint[k])])
                                              for k in rank6[1:]}}

rho = []
for a in range(6):
    for b in range(a + 1, 6):
        pairs = [(wgi[(i, INDICATORS[a])][0], wgi[(i, INDICATORS[b])][0]) for i in order
                 if (i, INDICATORS[a]) in wgi and (i, INDICATORS[b]) in wgi]
        rho.append(float(stats.spearmanr([p[0] for p in pairs], [p[1] for p in pairs]).statistic))
cen["spearman_range"] = [min(rho), max(rho)]
out["census"] = cen

json.dump(out, sys.stdout, indent=1, sort_keys=True)
print()
