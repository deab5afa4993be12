#!/usr/bin/env bash
# Resident memory of long and large runs, from the rss_mib=... of each epoch's INFO line:
#
#   1. flat over epochs: a 20-epoch pretrain on 20,000 procedural texture patches (3x16x16,
#      conv-vae, latent 16), printing the RSS after every epoch and the growth from epoch 2 to 20;
#   2. bounded while streaming: a pretrain on the 60,000 Fashion-MNIST training images (47 MB of
#      pixels) once with a memory budget of a tenth of their size, so that they stream from a cache
#      file, and once with the default budget (in memory), printing the peak RSS of each.
#
# Usage: bench/memory.sh [--epochs N] [--stream-epochs N]. Logs and models go to $BENCH_OUT
# (default bench/out/, which git ignores). Needs /usr/share/datasets/fashion-mnist (Debian's
# fashion-mnist data) for the second part, which is skipped without it.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
out=${BENCH_OUT:-$bench/out}
epochs=20
stream_epochs=2
while [ $# -gt 0 ]; do
    case "$1" in
        --epochs) epochs=$2; shift 2 ;;
        --stream-epochs) stream_epochs=$2; shift 2 ;;
        *) echo "memory.sh: unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
    esac
done
mkdir -p "$out"
# Memory is measured here, not speed: sleeping OpenMP threads keep the runs short on a machine
# that other work shares.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

# Prints "epoch rss_mib" pairs from a log of INFO lines.
rss_by_epoch() {
    sed -n 's/^INFO  epoch=\([0-9]*\) .* rss_mib=\([0-9.]*\)$/\1 \2/p' "$1"
}

pretrain() {
    local log=$1
    shift
    AETRANSFER_LOG_LEVEL=INFO "$root/aetransfer" pretrain --overwrite --validation 0 "$@" \
        2>"$log" >/dev/null
}

echo "== flat over $epochs epochs: textures:source, 20000 patches of 3x16x16, conv-vae"
log="$out/memory-epochs.log"
rm -rf "$out/memory-epochs.aet" "$out/memory-epochs.aet.checkpoints"
pretrain "$log" --data 'textures:source&n=20000&size=16' --model conv-vae --latent 16 \
    --epochs "$epochs" --out "$out/memory-epochs.aet"
rss_by_epoch "$log" | awk '{ printf "epoch=%d rss_mib=%s\n", $1, $2 }'
rss_by_epoch "$log" | awk -v last="$epochs" '
    $1 == 2 { second = $2 }
    $1 == last { final = $2 }
    END {
        if (second == "" || final == "") { print "growth: missing epochs in the log"; exit 1 }
        printf "growth epoch 2 -> %d: %+.1f MiB (%+.1f %%)\n", last, final - second,
            100 * (final - second) / second
    }'

fmnist=/usr/share/datasets/fashion-mnist
if [ ! -f "$fmnist/train-images-idx3-ubyte.gz" ]; then
    echo "== streaming: skipped, $fmnist/train-images-idx3-ubyte.gz is missing"
    exit 0
fi
pixels=$((60000 * 28 * 28))
budget=$((pixels / 10))
for mode in streamed in-memory; do
    log="$out/memory-$mode.log"
    rm -rf "$out/memory-$mode.aet" "$out/memory-$mode.aet.checkpoints"
    budget_args=()
    if [ "$mode" = streamed ]; then
        budget_args=(--memory-budget "$budget")
    fi
    pretrain "$log" --data "$fmnist/train-images-idx3-ubyte.gz" --model conv-vae \
        --latent 16 --epochs "$stream_epochs" --out "$out/memory-$mode.aet" \
        ${budget_args[@]+"${budget_args[@]}"}
    peak=$(rss_by_epoch "$log" | awk '$2 > peak { peak = $2 } END { print peak }')
    where=$(grep -o -m1 'on_disk=[a-z]*' "$log" || true)
    echo "== $mode: Fashion-MNIST, $pixels bytes of pixels, budget ${budget_args[1]:-default}:" \
        "peak epoch rss_mib=$peak${where:+ ($where)}"
    rss_by_epoch "$log" | awk '{ printf "   epoch=%d rss_mib=%s\n", $1, $2 }'
done
