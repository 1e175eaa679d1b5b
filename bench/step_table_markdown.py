#!/usr/bin/env python3
"""Prints bench/step-table's markdown table from its JMH result, the forks' peak-RSS files and the PyTorch timings."""
import argparse
import datetime
import json
import os
import platform


def read_rss(folder, network, benchmark):
    path = os.path.join(folder, f"{network}-{benchmark}.txt")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return dict(line.strip().split(" ", 1) for line in f if " " in line)


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--networks", required=True)
    ap.add_argument("--jmh", required=True)
    ap.add_argument("--rss", required=True)
    ap.add_argument("--pytorch", required=True)
    args = ap.parse_args()

    with open(args.networks) as f:
        networks = [line.rstrip("\n").split("\t") for line in f if line.count("\t") == 2]
    kdbench = {}
    with open(args.jmh) as f:
        for r in json.load(f):
            benchmark = r["benchmark"].rsplit(".", 1)[1]
            p = r["primaryMetric"]["scorePercentiles"]
            kdbench[(r["params"]["network"], benchmark)] = (p["0.0"], p["50.0"])
    with open(args.pytorch) as f:
        torch = {r["network"]: r for r in json.load(f)}

    print("| network (as the methods build it) | params | kdbench ms/step min / median | PyTorch ms/step min / median"
          " | ratio (median) | kdbench ms/inference batch (median) | PyTorch ms/inference batch (median)"
          " | peak RSS kdbench / PyTorch |")
    print("|---|---|---|---|---|---|---|---|")
    for name, params, description in networks:
        k_step, k_inf = kdbench.get((name, "step")), kdbench.get((name, "inference"))
        t = torch[name]
        ratio = k_step[1] / t["step_ms"]["median"]
        rss = read_rss(args.rss, name, "step").get("vmhwm_kb")
        k_rss = f"{int(rss) / 1024:,.0f}" if rss and int(rss) > 0 else "?"
        print(f"| {description} | {int(params):,} | {k_step[0]:.1f} / {k_step[1]:.1f}"
              f" | {t['step_ms']['min']:.1f} / {t['step_ms']['median']:.1f} | {ratio:.1f}x"
              f" | {k_inf[1]:.1f} | {t['inference_ms']['median']:.1f} | {k_rss} / {t['peak_rss_kb'] / 1024:,.0f} MB |")
    any_torch = next(iter(torch.values()))
    threads = {read_rss(args.rss, n, "step").get("omp_num_threads") for n, _, _ in networks}
    print()
    print(f"CPU: {cpu_model()} ({os.cpu_count()} logical CPUs); threads: kdbench OMP_NUM_THREADS="
          f"{','.join(sorted(t for t in threads if t))}, PyTorch {any_torch['torch']} set_num_threads("
          f"{any_torch['threads']}), kernels {any_torch['cpu_capability']}, BLAS {any_torch.get('blas', '?')}; "
          f"date: {datetime.date.today().isoformat()}")


if __name__ == "__main__":
    main()
