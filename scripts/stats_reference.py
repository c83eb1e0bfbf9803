"""Reference values for the report's census statistics (src/model/inference.rs), from SciPy.

Reads src/data directly (not the Rust model), computes for Voice and Accountability (WGI 2011
estimate), non-signatories (x) against signatories (y):
  - AUC = P(x > y) + P(x = y)/2 over all pairs, overall and within groups (exact);
  - the AUC stratified by income group and by region, weights n_x * n_y (exact);
  - permutation p of |AUC - 1/2| (scipy.stats.permutation_test, independent, 100,000 resamples);
  - percentile bootstrap 95% interval of the AUC (scipy.stats.bootstrap, 20,000 resamples);
  - the 95% interval of the AUC with each value drawn from Normal(estimate, se) (numpy, 20,000 draws).
Monte Carlo values are compared by tests/inference_reference.rs within their Monte Carlo error.

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
json.dump(out, sys.stdout, indent=1, sort_keys=True)
print()
