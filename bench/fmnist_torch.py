#!/usr/bin/python3
"""Pretrains aetransfer's conv-vae (latent 16) on Fashion-MNIST in PyTorch and reports test MSE,
PSNR and SSIM, training throughput and peak memory: the peer of aetransfer's own pretraining run
on the same data. Run it with Debian's /usr/bin/python3, which has torch.

Output: one key=value line per figure on stdout (or one JSON object with --json); progress per
epoch goes to stderr.
"""

import argparse
import gzip
import json
import math
import os
import struct
import sys
import time

import numpy as np
import torch
from skimage.metrics import structural_similarity

import convvae

DEFAULT_DATA = "/usr/share/datasets/fashion-mnist"
LATENT = 16
BATCH = 64
EVAL_BATCH = 256
IDX_IMAGES_MAGIC = 0x00000803


def read_idx_images(path):
    """An IDX3 image file (gzipped or not) as a float32 tensor N x 1 x H x W in [0, 1]."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    if len(data) < 16:
        raise ValueError(f"cannot read {path}: {len(data)} bytes is too short for an IDX header")
    magic, n, height, width = struct.unpack(">IIII", data[:16])
    if magic != IDX_IMAGES_MAGIC:
        raise ValueError(f"cannot read {path}: magic {magic:#010x} is not an IDX3 uint8 file")
    expected = 16 + n * height * width
    if len(data) != expected:
        raise ValueError(f"cannot read {path}: {len(data)} bytes, expected {expected}")
    pixels = np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, 1, height, width)
    return torch.from_numpy(pixels.astype(np.float32) / 255.0)


def train(model, images, epochs, generator):
    """Trains in place; returns (seconds in the loop, images seen, last epoch's mean loss)."""
    optimizer = convvae.adam(model.parameters())
    n = images.shape[0]
    model.train()
    seen = 0
    epoch_loss = float("nan")
    start = time.perf_counter()
    for epoch in range(epochs):
        epoch_start = time.perf_counter()
        order = torch.randperm(n, generator=generator)
        total = 0.0
        count = 0
        for first in range(0, n, BATCH):
            indices = order[first : first + BATCH]
            # BatchNorm cannot train on one sample; aetransfer drops such a trailing batch too.
            if indices.numel() < 2:
                continue
            x = images[indices]
            logits, mean, logvar = model(x)
            loss = convvae.vae_loss(logits, x, mean, logvar)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            value = loss.item()
            if not math.isfinite(value):
                raise RuntimeError(f"the loss became {value} at epoch {epoch + 1}")
            total += value * x.shape[0]
            count += x.shape[0]
        seen += count
        epoch_loss = total / count
        seconds = time.perf_counter() - epoch_start
        print(
            f"epoch={epoch + 1} loss={epoch_loss:.4f} seconds={seconds:.1f}",
            file=sys.stderr,
            flush=True,
        )
    return time.perf_counter() - start, seen, epoch_loss


def evaluate(model, images):
    """(per-pixel MSE, mean SSIM) of sigmoid(decoder(mean)) against the images."""
    model.eval()
    squared_error = 0.0
    ssim_total = 0.0
    with torch.no_grad():
        for first in range(0, images.shape[0], EVAL_BATCH):
            x = images[first : first + EVAL_BATCH]
            logits, _, _ = model(x)
            y = torch.sigmoid(logits)
            squared_error += torch.sum((y - x) ** 2, dtype=torch.float64).item()
            ssim_total += sum(mean_ssim(a, b) for a, b in zip(x.numpy(), y.numpy()))
    return squared_error / images.numel(), ssim_total / images.shape[0]


def mean_ssim(target, reconstruction):
    """SSIM of one C x H x W image, per channel and averaged, as aetransfer computes it."""
    values = [
        structural_similarity(
            t,
            r,
            gaussian_weights=True,
            sigma=1.5,
            use_sample_covariance=False,
            data_range=1.0,
        )
        for t, r in zip(target, reconstruction)
    ]
    return sum(values) / len(values)


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=positive, default=5, help="training epochs (default 5)")
    parser.add_argument("--threads", type=positive, help="torch threads (default: all cores)")
    parser.add_argument("--seed", type=int, default=42, help="seed (default 42)")
    parser.add_argument("--data", default=DEFAULT_DATA, help=f"IDX folder (default {DEFAULT_DATA})")
    parser.add_argument(
        "--limit", type=positive, help="train on the first N images only, for a quick check"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    return parser.parse_args()


def fail(message):
    """Reports bad input and exits with status 2, as aetransfer's command does."""
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


def load(folder, name):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        fail(f"cannot read {path}: no such file; --data takes the Fashion-MNIST folder")
    try:
        return read_idx_images(path)
    except ValueError as e:
        fail(str(e))


def main():
    args = parse_args()
    threads = convvae.set_threads(args.threads)
    torch.manual_seed(args.seed)
    generator = torch.Generator().manual_seed(args.seed)

    train_images = load(args.data, "train-images-idx3-ubyte.gz")
    test_images = load(args.data, "t10k-images-idx3-ubyte.gz")
    if args.limit is not None:
        train_images = train_images[: args.limit].clone()
    shape = tuple(train_images.shape[1:])

    model = convvae.ConvVae(shape, LATENT)
    seconds, seen, loss = train(model, train_images, args.epochs, generator)
    eval_start = time.perf_counter()
    mse, ssim = evaluate(model, test_images)
    eval_seconds = time.perf_counter() - eval_start

    figures = {
        "torch_version": torch.__version__,
        "threads": threads,
        "model": "conv-vae",
        "shape": convvae.format_shape(shape),
        "latent": LATENT,
        "parameters": convvae.parameter_count(model),
        "epochs": args.epochs,
        "batch_size": BATCH,
        "train_images": train_images.shape[0],
        "test_images": test_images.shape[0],
        "train_seconds": round(seconds, 2),
        "train_images_per_second": round(seen / seconds, 1),
        "train_loss": round(loss, 4),
        "test_mse": round(mse, 6),
        "test_psnr": round(10 * math.log10(1 / mse), 3),
        "test_ssim": round(ssim, 4),
        "eval_seconds": round(eval_seconds, 2),
        "peak_rss_mib": round(convvae.peak_rss_mib(), 1),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key}={value}")


if __name__ == "__main__":
    main()
