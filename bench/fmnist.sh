#!/usr/bin/env bash
# Pretrains conv-vae (latent 16) on the 60,000 Fashion-MNIST training images with aetransfer and
# with the PyTorch peer (bench/fmnist_torch.py), one after the other with the same thread count,
# and prints test MSE, PSNR and SSIM on the 10,000 test images, training images per second and peak
# resident memory side by side, and whether the two MSEs agree within 10 %.
# Usage: bench/fmnist.sh [EPOCHS] (default 5). Needs dataset-fashion-mnist, python3-torch and
# python3-skimage (Debian). Files go to $BENCH_OUT (default bench/out/).
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
out=${BENCH_OUT:-$bench/out}
epochs=${1:-5}
data=/usr/share/datasets/fashion-mnist
threads=${THREADS:-$(nproc)}
mkdir -p "$out"

model="$out/fmnist.aet"
rm -rf "$model" "$model.checkpoints" "$out/fmnist.metrics.csv"
export AETRANSFER_JAVA_OPTS="${AETRANSFER_JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=$threads"
"$root/aetransfer" --version >/dev/null  # builds the jar outside the measurement
/usr/bin/time -f "%M" -o "$out/fmnist-java.rss" \
    "$root/aetransfer" pretrain --data "$data" --model conv-vae --latent 16 --epochs "$epochs" \
    --out "$model" 2>"$out/fmnist-java.log" >/dev/null
"$root/aetransfer" evaluate --model "$model" --data "$data" --json >"$out/fmnist-java.json" 2>/dev/null

/usr/bin/time -f "%M" -o "$out/fmnist-torch.rss" \
    /usr/bin/python3 "$bench/fmnist_torch.py" --epochs "$epochs" --threads "$threads" --json \
    >"$out/fmnist-torch.json" 2>"$out/fmnist-torch.log"

/usr/bin/python3 - "$out" "$epochs" "$threads" <<'PY'
import csv, json, sys
out, epochs, threads = sys.argv[1], sys.argv[2], sys.argv[3]
java = json.load(open(f"{out}/fmnist-java.json"))["test"]
with open(f"{out}/fmnist.metrics.csv") as f:
    rows = list(csv.DictReader(f))
java_ips = sum(float(r["images_per_second"]) for r in rows) / len(rows)
java_rss = int(open(f"{out}/fmnist-java.rss").read().split()[-1]) / 1024
torch = json.load(open(f"{out}/fmnist-torch.json"))
torch_rss = int(open(f"{out}/fmnist-torch.rss").read().split()[-1]) / 1024
print(f"conv-vae latent 16, {epochs} epochs on 60,000 images, {threads} threads; test set of 10,000")
print(f"{'':12s} {'test MSE':>9s} {'PSNR dB':>8s} {'SSIM':>7s} {'images/s':>9s} {'peak RSS MiB':>13s}")
print(f"{'aetransfer':12s} {java['mse']:9.5f} {java['psnr']:8.3f} {java['ssim']:7.4f} {java_ips:9.0f} {java_rss:13.0f}")
print(f"{'pytorch':12s} {torch['test_mse']:9.5f} {torch['test_psnr']:8.3f} {torch['test_ssim']:7.4f} "
      f"{torch['train_images_per_second']:9.0f} {torch_rss:13.0f}")
gap = abs(java["mse"] - torch["test_mse"]) / torch["test_mse"]
print(f"MSE difference {gap:.1%}: {'within' if gap <= 0.10 else 'NOT within'} 10 %")
PY
