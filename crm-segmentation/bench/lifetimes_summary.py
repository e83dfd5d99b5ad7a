"""The BTYD peer: lifetimes' summary_data_from_transaction_data, step by step, in pandas.

lifetimes is not a Debian package, so it cannot be installed on the build machine; this script follows
its summary_data_from_transaction_data (lifetimes 0.11, utils.py: _find_first_transactions, then the
per-customer min/max/count, T, recency and the mean of the repeat purchases' per-period sums) with the
same pandas calls, so its time is what a lifetimes user pays for the same summary.

    /usr/bin/python3 crm-segmentation/bench/lifetimes_summary.py target/bench-data/rfm/tx_5000000_s42.csv [reps]

Input: the rfm-peers CSV (customer_id,date,amount). Calibration end = the last date, weeks
(freq "D", freq_multiplier 7). Prints the best and median time of the summary (CSV load excluded) and
column sums to compare with crm-segmentation's CustomerBaseSummary on the same file.
"""
import sys
import time

try:
    import numpy as np
    import pandas as pd
except ImportError:
    sys.exit("lifetimes_summary.py: pandas is not installed for this python (Debian: apt-get install python3-pandas);"
             " the BTYD peer row cannot be measured")


def find_first_transactions(tx, end, freq="D"):
    tx = tx[["customer_id", "date", "amount"]].sort_values(["customer_id", "date", "amount"]).copy()
    tx["date"] = pd.to_datetime(tx["date"])
    tx = tx.set_index("date").to_period(freq).to_timestamp()
    tx = tx.loc[tx.index <= end].reset_index()
    period = tx.groupby(["date", "customer_id"], sort=False, as_index=False).sum()
    period["first"] = False
    firsts = period.groupby("customer_id", sort=True, as_index=False).head(1).index
    period.loc[firsts, "first"] = True
    period["date"] = pd.PeriodIndex(period["date"], freq=freq)
    return period[["customer_id", "date", "amount", "first"]]


def summary(tx, end, freq="D", multiplier=7):
    end = pd.to_datetime(end).to_period(freq).to_timestamp()
    rep = find_first_transactions(tx, end, freq)
    rep["date"] = rep["date"].dt.to_timestamp()
    customers = rep.groupby("customer_id", sort=False)["date"].agg(["min", "max", "count"])
    customers["frequency"] = customers["count"] - 1
    customers["T"] = (end - customers["min"]) / np.timedelta64(1, freq) / multiplier
    customers["recency"] = (customers["max"] - customers["min"]) / np.timedelta64(1, freq) / multiplier
    firsts = rep[rep["first"]].index
    rep.loc[firsts, "amount"] = np.nan
    customers["monetary_value"] = rep.groupby("customer_id")["amount"].mean().fillna(0)
    return customers[["frequency", "recency", "T", "monetary_value"]].astype(float)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: lifetimes_summary.py TRANSACTIONS.csv [reps]  (a customer_id,date,amount CSV, e.g. from"
                 " crm-segmentation/bench/peers: java crm-segmentation/bench/peers/src/main/java/rfm/Gen.java N 42 FILE)")
    path = sys.argv[1]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    tx = pd.read_csv(path, dtype={"customer_id": np.int64, "date": str, "amount": float})
    end = tx["date"].max()
    times = []
    out = None
    for _ in range(reps):
        t0 = time.perf_counter()
        out = summary(tx, end)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(f"lifetimes-pandas rows={len(tx)} customers={len(out)} calibration_end={end} "
          f"best_ms={times[0]:.1f} median_ms={times[len(times) // 2]:.1f} runs={reps} pandas={pd.__version__}")
    print(f"sums frequency={out['frequency'].sum():.0f} recency={out['recency'].sum():.4f} "
          f"T={out['T'].sum():.4f} monetary_value={out['monetary_value'].sum():.2f}")
    try:
        from lifetimes.utils import summary_data_from_transaction_data
    except ImportError:
        print("lifetimes itself is not installed: only the step-by-step pandas version above was timed")
        return
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        lt = summary_data_from_transaction_data(tx, "customer_id", "date", "amount", freq="D",
                                                observation_period_end=end, freq_multiplier=7)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(f"lifetimes rows={len(tx)} customers={len(lt)} best_ms={times[0]:.1f} median_ms={times[len(times) // 2]:.1f}"
          f" runs={reps}")


if __name__ == "__main__":
    main()
