#!/usr/bin/env bash
# Runs `./aetransfer bench --json` and the PyTorch reference one after the other, in the same
# sitting, and prints their images per second side by side. Arguments go to torch_reference.py
# (e.g. --seconds 10 --threads 2); the JSON of both sides is kept in $BENCH_OUT (default
# bench/out/, which git ignores).
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
out=${BENCH_OUT:-$bench/out}
mkdir -p "$out"

"$root/aetransfer" bench --json >"$out/aetransfer.json"
/usr/bin/python3 "$bench/torch_reference.py" --json "$@" >"$out/torch.json"

/usr/bin/python3 - "$out/aetransfer.json" "$out/torch.json" <<'EOF'
import json
import sys

def rates(path):
    with open(path) as f:
        rows = json.load(f)
    return {(r["workload"], r["shape"]): r for r in rows}

java, torch = rates(sys.argv[1]), rates(sys.argv[2])
print(f"{'workload':22s} {'shape':9s} {'aetransfer':>11s} {'torch':>11s} {'aetransfer/torch':>17s}")
for key in sorted(java.keys() & torch.keys()):
    a = java[key]["images_per_second"]
    b = torch[key]["images_per_second"]
    print(f"{key[0]:22s} {key[1]:9s} {a:11.1f} {b:11.1f} {a / b:17.2f}")
for key in sorted(java.keys() ^ torch.keys()):
    side = "aetransfer" if key in java else "torch"
    print(f"{key[0]:22s} {key[1]:9s} measured by {side} only")
threads = {r["threads"] for r in list(java.values()) + list(torch.values())}
if len(threads) > 1:
    print(f"note: the sides ran on different thread counts {sorted(threads)}")
EOF
