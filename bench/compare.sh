#!/usr/bin/env bash
# Runs `./aetransfer bench --json` and the PyTorch reference in turn, interleaved over several
# rounds (the side that goes first alternates), with the same thread count on both sides, and
# prints one line per workload:
#
#   WORKLOAD ratio min=X median=Y max=Z
#
# where each ratio is aetransfer's images per second over PyTorch's for one round and one shape;
# train-freeze-encoder-cached is set against PyTorch's train-freeze-encoder (the naive frozen
# encoder, run on every step). Per-shape medians go to stderr; every round's raw JSON and a
# rounds.csv of all figures are kept in $BENCH_OUT (default bench/out/, which git ignores).
#
# Options: --rounds N (default 5), --threads N (default: every core), --seconds S (default 5),
# --workload W and --shape CxHxW (repeatable; default all). Extra JVM options go in
# AETRANSFER_JAVA_OPTS.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
out=${BENCH_OUT:-$bench/out}

rounds=5
threads=$(nproc)
seconds=5
java_args=()
torch_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --workload)
            java_args+=(--workload "$2")
            # PyTorch has no cache; its peer of the cached workload is the naive frozen encoder.
            torch_args+=(--workload "${2%-cached}")
            shift 2 ;;
        --shape) java_args+=(--shape "$2"); torch_args+=(--shape "$2"); shift 2 ;;
        *) echo "compare.sh: unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
    esac
done
if ! [[ $rounds =~ ^[1-9][0-9]*$ && $threads =~ ^[1-9][0-9]*$ ]]; then
    echo "compare.sh: --rounds and --threads must be positive integers, got $rounds and $threads" >&2
    exit 2
fi

mkdir -p "$out"
rm -f "$out"/round-*.json

run_aetransfer() {
    AETRANSFER_JAVA_OPTS="-Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=$threads ${AETRANSFER_JAVA_OPTS:-}" \
        "$root/aetransfer" bench --json --seconds "$seconds" ${java_args[@]+"${java_args[@]}"} \
        >"$out/round-$1-aetransfer.json" 2>"$out/round-$1-aetransfer.log"
}

run_torch() {
    /usr/bin/python3 "$bench/torch_reference.py" --json --threads "$threads" --seconds "$seconds" \
        ${torch_args[@]+"${torch_args[@]}"} >"$out/round-$1-torch.json" 2>"$out/round-$1-torch.log"
}

for round in $(seq 1 "$rounds"); do
    echo "compare.sh: round $round of $rounds (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    if [ $((round % 2)) -eq 1 ]; then
        run_aetransfer "$round"
        run_torch "$round"
    else
        run_torch "$round"
        run_aetransfer "$round"
    fi
done

/usr/bin/python3 - "$out" "$rounds" <<'EOF_PY'
import json
import statistics
import sys

out, rounds = sys.argv[1], int(sys.argv[2])


def load(path):
    with open(path) as f:
        return {(r["workload"], r["shape"]): r["images_per_second"] for r in json.load(f)}


def peer(workload):
    return workload[: -len("-cached")] if workload.endswith("-cached") else workload


java = [load(f"{out}/round-{r}-aetransfer.json") for r in range(1, rounds + 1)]
torch = [load(f"{out}/round-{r}-torch.json") for r in range(1, rounds + 1)]

with open(f"{out}/rounds.csv", "w") as csv:
    csv.write("round,side,workload,shape,images_per_second\n")
    for r in range(rounds):
        for side, figures in (("aetransfer", java[r]), ("torch", torch[r])):
            for (workload, shape), rate in figures.items():
                csv.write(f"{r + 1},{side},{workload},{shape},{rate}\n")

workloads = list(dict.fromkeys(w for w, _ in java[0]))
shapes = list(dict.fromkeys(s for _, s in java[0]))
for workload in workloads:
    ratios = []
    for shape in shapes:
        key, peer_key = (workload, shape), (peer(workload), shape)
        if peer_key not in torch[0]:
            continue
        per_shape = [java[r][key] / torch[r][peer_key] for r in range(rounds)]
        ratios += per_shape
        print(
            f"  {workload} {shape}: aetransfer median="
            f"{statistics.median(java[r][key] for r in range(rounds)):.1f}"
            f" torch median={statistics.median(torch[r][peer_key] for r in range(rounds)):.1f}"
            f" ratio min={min(per_shape):.2f} median={statistics.median(per_shape):.2f}"
            f" max={max(per_shape):.2f}",
            file=sys.stderr,
        )
    if ratios:
        print(
            f"{workload} ratio min={min(ratios):.2f} median={statistics.median(ratios):.2f}"
            f" max={max(ratios):.2f}"
        )
    else:
        print(f"compare.sh: PyTorch measured no peer of {workload}", file=sys.stderr)
EOF_PY
