"""Times statsmodels SARIMAX on one benchmark case, inside Python (start-up excluded).

Called by bench/run.ts: /usr/bin/python3 bench/peers/peer.py <input.json>
input: {"y": [...], "reps": n, "run": {"kind": "fit", "model": {...}}}
Prints one line: BENCH_RESULT {"timesMs": [...], "maxRssKb": ..., "note": "..."}
The mean and Fourier terms are exog columns, as in tests/fixtures/reference/generate_statsmodels.py.
"""

import json
import math
import resource
import sys
import time
import warnings

import numpy as np
from statsmodels.tsa.statespace.sarimax import SARIMAX


def exog_matrix(model, n):
    t = np.arange(n)
    cols = [np.ones(n)] if model["includeMean"] else []
    for term in model.get("fourier") or []:
        for k in range(1, term["harmonics"] + 1):
            cols.append(np.sin(2 * math.pi * k * t / term["period"]))
            cols.append(np.cos(2 * math.pi * k * t / term["period"]))
    return np.column_stack(cols) if cols else None


def fit_once(y, model):
    period = model["period"] if model["period"] > 1 else 0
    sarimax = SARIMAX(
        y,
        exog=exog_matrix(model, len(y)),
        order=tuple(model["order"]),
        seasonal_order=tuple(model["seasonal"]) + (period,),
        trend="n",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = sarimax.fit(disp=False)
    return f"llf {res.llf:.3f}"


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    y = np.array(data["y"], dtype=float)
    run = data["run"]
    if run["kind"] != "fit":
        raise SystemExit("statsmodels has no automatic order search")
    times, note = [], ""
    for _ in range(data["reps"]):
        start = time.perf_counter()
        note = fit_once(y, run["model"])
        times.append(1000 * (time.perf_counter() - start))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("BENCH_RESULT " + json.dumps({"timesMs": times, "maxRssKb": peak, "note": note}))


if __name__ == "__main__":
    main()
