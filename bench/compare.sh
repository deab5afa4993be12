#!/usr/bin/env bash
# Runs `./aetransfer bench --json` and the PyTorch reference in turn, interleaved over several
# rounds (the side that goes first alternates), with the same thread count and environment on both
# sides, and prints one line per workload:
#
#   WORKLOAD ratio min=X median=Y max=Z
#
# where each ratio is aetransfer's images per second over PyTorch's for one round and one shape;
# train-freeze-encoder-cached is set against PyTorch's train-freeze-encoder (the naive frozen
# encoder, run on every step). Per-shape medians go to stderr; every round's raw JSON and a
# rounds.csv of all figures are kept in $BENCH_OUT (default bench/out/, which git ignores).
#
# Before each run it waits (up to 30 minutes) until the CPUs are less than --quiet percent busy,
# and it records how much CPU other processes took during the run (foreign_cpu_percent in
# rounds.csv); a run that shared the machine is flagged on stderr.
#
# Options: --rounds N (default 5), --threads N (default: every core), --seconds S (default 5),
# --quiet PCT (default 10; 100 does not wait), --workload W and --shape CxHxW (repeatable; default
# all). Extra JVM options go in AETRANSFER_JAVA_OPTS.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
out=${BENCH_OUT:-$bench/out}

rounds=5
threads=$(nproc)
seconds=5
quiet=10
java_args=()
torch_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --quiet) quiet=$2; shift 2 ;;
        --workload)
            java_args+=(--workload "$2")
            # PyTorch has no cache; its peer of the cached workload is the naive frozen encoder.
            torch_args+=(--workload "${2%-cached}")
            shift 2 ;;
        --shape) java_args+=(--shape "$2"); torch_args+=(--shape "$2"); shift 2 ;;
        *) echo "compare.sh: unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
    esac
done
if ! [[ $rounds =~ ^[1-9][0-9]*$ && $threads =~ ^[1-9][0-9]*$ && $quiet =~ ^[0-9]+$ ]]; then
    echo "compare.sh: --rounds and --threads must be positive integers and --quiet a percentage," \
        "got $rounds, $threads and $quiet" >&2
    exit 2
fi

# Both sides run with the allocator and OpenMP settings that aetransfer makes in its own process
# (dev.aetransfer.DjlEngine): here as environment variables, so that PyTorch gets them too.
export MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-134217728}
export MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD_:-268435456}
export MALLOC_TOP_PAD_=${MALLOC_TOP_PAD_:-67108864}
if [ -z "${OMP_WAIT_POLICY:-}" ]; then
    export GOMP_SPINCOUNT=${GOMP_SPINCOUNT:-10000}
fi

mkdir -p "$out"
rm -f "$out"/round-*.json

# Busy and total CPU time of the whole machine so far, in clock ticks.
cpu_ticks() {
    awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}

# CPU time of this shell's finished children so far, in clock ticks, into $children. (`times`
# runs here rather than in a $(...) subshell, whose counts would start from zero.)
child_ticks() {
    times >"$out/.times"
    children=$(awk -v hz="$(getconf CLK_TCK)" 'NR == 2 {
        split($1, u, /[ms]/); split($2, s, /[ms]/)
        printf "%d\n", ((u[1] * 60 + u[2]) + (s[1] * 60 + s[2])) * hz }' "$out/.times")
}

wait_for_quiet() {
    local waited=0 busy
    while :; do
        read -r b1 t1 < <(cpu_ticks)
        sleep 3
        read -r b2 t2 < <(cpu_ticks)
        busy=$(( 100 * (b2 - b1) / (t2 - t1) ))
        if [ "$busy" -lt "$quiet" ] || [ "$quiet" -ge 100 ]; then
            return
        fi
        waited=$((waited + 3))
        if [ "$waited" -ge 1800 ]; then
            echo "compare.sh: the CPUs are still ${busy}% busy after 30 minutes; measuring anyway" >&2
            return
        fi
    done
}

# Runs one side ($1: aetransfer or torch) for round $2 and appends the CPU share that other
# processes took meanwhile to foreign.csv.
measured() {
    local side=$1 round=$2 b1 t1 b2 t2 c1 c2 children foreign
    wait_for_quiet
    read -r b1 t1 < <(cpu_ticks)
    child_ticks
    c1=$children
    "run_$side" "$round"
    child_ticks
    c2=$children
    read -r b2 t2 < <(cpu_ticks)
    foreign=$(( 100 * ((b2 - b1) - (c2 - c1)) / (t2 - t1) ))
    foreign=$(( foreign < 0 ? 0 : foreign ))
    echo "$round,$side,$foreign" >>"$out/foreign.csv"
    if [ "$foreign" -gt 10 ]; then
        echo "compare.sh: round $round, $side shared the machine (${foreign}% of the CPUs went elsewhere)" >&2
    fi
}

run_aetransfer() {
    AETRANSFER_JAVA_OPTS="-Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=$threads ${AETRANSFER_JAVA_OPTS:-}" \
        "$root/aetransfer" bench --json --seconds "$seconds" ${java_args[@]+"${java_args[@]}"} \
        >"$out/round-$1-aetransfer.json" 2>"$out/round-$1-aetransfer.log"
}

run_torch() {
    /usr/bin/python3 "$bench/torch_reference.py" --json --threads "$threads" --seconds "$seconds" \
        ${torch_args[@]+"${torch_args[@]}"} >"$out/round-$1-torch.json" 2>"$out/round-$1-torch.log"
}

# Builds the jar now if the sources changed, rather than inside the first measured run.
"$root/aetransfer" --version >/dev/null

echo "round,side,foreign_cpu_percent" >"$out/foreign.csv"
for round in $(seq 1 "$rounds"); do
    echo "compare.sh: round $round of $rounds" >&2
    if [ $((round % 2)) -eq 1 ]; then
        measured aetransfer "$round"
        measured torch "$round"
    else
        measured torch "$round"
        measured aetransfer "$round"
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

with open(f"{out}/foreign.csv") as f:
    foreign = {(int(r), side): int(p) for r, side, p in (line.strip().split(",") for line in f)
               if r != "round"}

with open(f"{out}/rounds.csv", "w") as csv:
    csv.write("round,side,workload,shape,images_per_second,foreign_cpu_percent\n")
    for r in range(rounds):
        for side, figures in (("aetransfer", java[r]), ("torch", torch[r])):
            for (workload, shape), rate in figures.items():
                csv.write(f"{r + 1},{side},{workload},{shape},{rate},{foreign[r + 1, side]}\n")

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
