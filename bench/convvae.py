"""aetransfer's conv-vae preset in PyTorch, shared by the benchmark scripts.

The architecture, initialisation and loss follow aetransfer-core's Presets, AutoencoderBlock,
LatentBlock, Upsample, Autoencoder.create and Objective so that both sides train the same
model: the same layers in the same order, the same parameter count, the same loss.
"""

import os
import resource

import torch
from torch import nn
from torch.nn import functional as F

LOG_VARIANCE_BOUND = 10.0

MAX_STAGES = 5
MAX_CHANNELS = 256


def parse_shape(text):
    """'1x32x32' -> (1, 32, 32); raises ValueError with the rule and the value seen."""
    parts = text.lower().split("x")
    if len(parts) != 3 or not all(p.isdigit() and int(p) > 0 for p in parts):
        raise ValueError(f"shape must be CxHxW with positive integers, e.g. 1x32x32, got {text}")
    return tuple(int(p) for p in parts)


def format_shape(shape):
    return "x".join(str(d) for d in shape)


def halved(size):
    """Spatial size after one stride-2 convolution with kernel 3 and padding 1."""
    return (size + 1) // 2


def conv_widths(height, width):
    """Channels of the encoder stages: 32, 64, ... (at most 256) until maps are 4x4 or less."""
    widths = []
    while (height > 4 or width > 4) and len(widths) < MAX_STAGES:
        widths.append(min(MAX_CHANNELS, 32 << len(widths)))
        height, width = halved(height), halved(width)
    return widths


def hidden_stage(*layers, channels):
    """The layers, then BatchNorm (eps 1e-5, momentum 0.1 as DJL's defaults) and ReLU."""
    return nn.Sequential(*layers, nn.BatchNorm2d(channels, eps=1e-5, momentum=0.1), nn.ReLU())


class Upsample(nn.Module):
    """Nearest-neighbour upsampling to a fixed size, as aetransfer's Upsample does."""

    def __init__(self, height, width):
        super().__init__()
        self.size = (height, width)

    def forward(self, x):
        return F.interpolate(x, size=self.size, mode="nearest")


class Latent(nn.Module):
    """Flatten, then the mean and log-variance heads."""

    def __init__(self, in_features, latent_size):
        super().__init__()
        self.mean = nn.Linear(in_features, latent_size)
        self.logvar = nn.Linear(in_features, latent_size)

    def forward(self, h):
        flat = h.flatten(1)
        # aetransfer bounds the log-variance smoothly to +-10 (LatentBlock.LOG_VARIANCE_BOUND).
        logvar = LOG_VARIANCE_BOUND * torch.tanh(self.logvar(flat) / LOG_VARIANCE_BOUND)
        return self.mean(flat), logvar


class FromLatent(nn.Module):
    """decoder.0: Linear to C*h*w, reshape to (C, h, w), BatchNorm, ReLU."""

    def __init__(self, latent_size, channels, height, width):
        super().__init__()
        self.shape = (channels, height, width)
        self.linear = nn.Linear(latent_size, channels * height * width)
        self.norm = nn.BatchNorm2d(channels, eps=1e-5, momentum=0.1)

    def forward(self, z):
        h = self.linear(z).view(-1, *self.shape)
        return F.relu(self.norm(h))


class ConvVae(nn.Module):
    """The conv-vae preset for C x H x W inputs in [0, 1]; outputs logits of the same shape."""

    def __init__(self, shape, latent_size):
        super().__init__()
        channels, height, width = shape
        widths = conv_widths(height, width)
        sizes = []
        h, w = height, width
        for _ in widths:
            h, w = halved(h), halved(w)
            sizes.append((h, w))

        self.encoder = nn.Sequential()
        previous = channels
        for i, out in enumerate(widths):
            conv = nn.Conv2d(previous, out, 3, stride=2, padding=1, bias=False)
            self.encoder.add_module(str(i), hidden_stage(conv, channels=out))
            previous = out

        last_h, last_w = sizes[-1]
        self.latent = Latent(previous * last_h * last_w, latent_size)

        reversed_widths = widths[::-1]
        self.decoder = nn.Sequential()
        self.decoder.add_module("0", FromLatent(latent_size, reversed_widths[0], last_h, last_w))
        n = len(widths)
        for i in range(1, n):
            size_h, size_w = sizes[n - 1 - i]
            conv = nn.Conv2d(reversed_widths[i - 1], reversed_widths[i], 3, padding=1, bias=False)
            stage = hidden_stage(Upsample(size_h, size_w), conv, channels=reversed_widths[i])
            self.decoder.add_module(str(i), stage)
        self.decoder.add_module(
            "out",
            nn.Sequential(
                Upsample(height, width),
                nn.Conv2d(reversed_widths[-1], channels, 3, padding=1, bias=True),
            ),
        )
        self.apply(init_weights)

    def encode(self, x):
        """Latent mean and log-variance, each N x latent."""
        return self.latent(self.encoder(x))

    def forward(self, x):
        """(logits, mean, logvar); in training mode the decoder gets a reparameterised sample."""
        mean, logvar = self.encode(x)
        if self.training:
            z = mean + torch.exp(0.5 * logvar) * torch.randn_like(mean)
        else:
            z = mean
        return self.decoder(z), mean, logvar


def init_weights(module):
    """He-normal weights (std sqrt(2 / fan_in)), zero biases, BatchNorm weight 1 and bias 0."""
    if isinstance(module, (nn.Conv2d, nn.Linear)):
        fan_in = module.weight[0].numel()
        nn.init.normal_(module.weight, 0.0, (2.0 / fan_in) ** 0.5)
        if module.bias is not None:
            nn.init.zeros_(module.bias)
    elif isinstance(module, nn.BatchNorm2d):
        nn.init.ones_(module.weight)
        nn.init.zeros_(module.bias)


def vae_loss(logits, x, mean, logvar, beta=1.0):
    """Batch mean of [summed BCE on logits + beta * KL(q(z|x) || N(0, I))]."""
    n = x.shape[0]
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="sum") / n
    kl = -0.5 * torch.sum(1 + logvar - mean.pow(2) - logvar.exp()) / n
    return reconstruction + beta * kl


def adam(parameters):
    """Adam as aetransfer trains by default: lr 1e-3, betas (0.9, 0.999), eps 1e-8, no decay."""
    return torch.optim.Adam(parameters, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0)


def parameter_count(model):
    """Scalar parameters, BatchNorm running statistics excluded (as aetransfer counts them)."""
    return sum(p.numel() for p in model.parameters())


def set_threads(threads):
    """Sets torch's intra-op and inter-op threads and returns the intra-op count; None means every
    core it may use (as DJL's PyTorch engine does)."""
    count = threads if threads is not None else len(os.sched_getaffinity(0))
    torch.set_num_threads(count)
    torch.set_num_interop_threads(count)
    return torch.get_num_threads()


def peak_rss_mib():
    """Peak resident memory of this process in MiB (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0

