#!/usr/bin/python3
"""Images per second of aetransfer's conv-vae in plain PyTorch on fixed workloads over synthetic
data: the peer that `./aetransfer bench` is measured against. Run it with Debian's
/usr/bin/python3, which has torch.

Workloads, each for every shape (conv-vae, latent 32 by default):
  train-full            one training step end to end (forward, loss, backward, Adam step,
                        zero_grad), batch 64
  train-freeze-encoder  the same with the encoder and the latent heads frozen the naive way:
                        requires_grad_(False), kept in eval() so BatchNorm statistics stay put,
                        and run on every step (nothing cached)
  encode                latent means only, batch 256, under no_grad() and eval()
"""

import argparse
import itertools
import json
import sys
import time

import torch

import convvae

WORKLOADS = ["train-full", "train-freeze-encoder", "encode"]
DEFAULT_SHAPES = ["1x32x32", "3x64x64"]
TRAIN_BATCH = 64
ENCODE_BATCH = 256
WARMUP_STEPS = 3
POOL_BATCHES = 4


def train_step_runner(model, frozen):
    """A closure running one training step on a batch; frozen stages are set up first."""
    if frozen:
        for module in (model.encoder, model.latent):
            module.requires_grad_(False)
    model.train()
    if frozen:
        model.encoder.eval()
        model.latent.eval()
    optimizer = convvae.adam(p for p in model.parameters() if p.requires_grad)

    def step(x):
        logits, mean, logvar = model(x)
        loss = convvae.vae_loss(logits, x, mean, logvar)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

    return step


def encode_runner(model):
    model.eval()

    def step(x):
        with torch.no_grad():
            model.encode(x)

    return step


def measure(step, batches, seconds):
    """Images per second of `step` over the batches in turn, after a warm-up."""
    pool = itertools.cycle(batches)
    for _ in range(WARMUP_STEPS):
        step(next(pool))
    images = 0
    start = time.perf_counter()
    elapsed = 0.0
    while elapsed < seconds:
        x = next(pool)
        step(x)
        images += x.shape[0]
        elapsed = time.perf_counter() - start
    return images / elapsed


def run(workload, shape, args, generator):
    torch.manual_seed(args.seed)
    model = convvae.ConvVae(shape, args.latent)
    batch = ENCODE_BATCH if workload == "encode" else TRAIN_BATCH
    batches = [torch.rand(batch, *shape, generator=generator) for _ in range(POOL_BATCHES)]
    if workload == "encode":
        step = encode_runner(model)
    else:
        step = train_step_runner(model, frozen=workload == "train-freeze-encoder")
    return measure(step, batches, args.seconds)


def shape_arg(text):
    try:
        shape = convvae.parse_shape(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    if shape[1] < 8 or shape[2] < 8:
        raise argparse.ArgumentTypeError(f"conv-vae needs images of at least 8x8, got {text}")
    return shape


def positive_int(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def positive_float(text):
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {text}")
    return value


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--workload", action="append", choices=WORKLOADS, help="repeatable; default all"
    )
    parser.add_argument(
        "--shape", action="append", type=shape_arg, help="CxHxW, repeatable; default both"
    )
    parser.add_argument(
        "--seconds", type=positive_float, default=5.0, help="per measurement (default 5)"
    )
    parser.add_argument("--threads", type=positive_int, help="torch threads (default: all cores)")
    parser.add_argument("--latent", type=positive_int, default=32, help="latent size (default 32)")
    parser.add_argument("--seed", type=int, default=42, help="seed (default 42)")
    parser.add_argument("--json", action="store_true", help="print a JSON list instead")
    args = parser.parse_args()
    args.workload = list(dict.fromkeys(args.workload or WORKLOADS))
    args.shape = list(dict.fromkeys(args.shape or map(convvae.parse_shape, DEFAULT_SHAPES)))
    return args


def main():
    args = parse_args()
    threads = convvae.set_threads(args.threads)
    # Figures besides the JSON list go to stderr, so that stdout stays one JSON document.
    info = sys.stderr if args.json else sys.stdout
    print(f"torch_version={torch.__version__}", file=info)
    print(f"threads={threads}", file=info)

    generator = torch.Generator().manual_seed(args.seed)
    results = []
    for shape in args.shape:
        name = convvae.format_shape(shape)
        parameters = convvae.parameter_count(convvae.ConvVae(shape, args.latent))
        print(f"conv-vae {name} parameters={parameters}", file=info)
        for workload in args.workload:
            rate = run(workload, shape, args, generator)
            print(f"{workload} {name} images_per_second={rate:.1f}", file=info, flush=True)
            results.append(
                {
                    "workload": workload,
                    "shape": name,
                    "parameters": parameters,
                    "images_per_second": round(rate, 1),
                    "threads": threads,
                    "torch_version": torch.__version__,
                }
            )
    peak = round(convvae.peak_rss_mib(), 1)
    print(f"peak_rss_mib={peak:.1f}", file=info)
    if args.json:
        for result in results:
            result["peak_rss_mib"] = peak
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
