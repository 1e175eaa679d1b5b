#!/usr/bin/env python3
"""PyTorch reference for bench/step-table: the networks of io.kdbench.bench.StepNetwork rebuilt layer for layer,
with the same batch, loss and optimiser (AdamW after clipping the gradients' global norm to 1), timed on one thread.

  step_times.py --expect NAME=COUNT ... [--compare DIR] [--check-only] [--out FILE]

First checks that every network's parameter count equals kdbench's (--expect, printed by PrintStepNetworks) and,
with --compare, that loaded with kdbench's weights (PrintStepNetworks --dump DIR) each network computes kdbench's
outputs and loss on kdbench's inputs; exits 3 naming the difference if not. Then times each network in its own
process (so each has its own peak RSS): training steps (forward, backward, clipping, AdamW) and inference batches,
after a warm-up, and writes min / median ms and the process's peak RSS (VmHWM) as JSON.
"""
import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import time

# Set before torch is imported in the timing process: one thread everywhere, as kdbench's cells run.
ONE_THREAD = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
# Debian's python3-torch does its matrix products through libblas.so.3, the slow reference BLAS unless another is
# chosen; the timing processes load Debian's OpenBLAS (libopenblas0-pthread) from here when it is installed.
OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-pthread"

# name -> shape of the row (see StepNetwork.java and the methods' defaults it reads)
NETWORKS = {
    # VitStudent defaults (width 32, depth 2, heads 4, mlp_ratio 2) with quick.yaml's conv stem, patch 8;
    # cxr-report: 1 channel, 4 findings (multi-label), 32 px
    "VIT_QUICK": dict(kind="vit", channels=1, side=32, classes=4, patch=8, width=32, depth=2, heads=4, mlp_ratio=2,
                      batch=64, inference_batch=64, lr=0.004),
    # paper.yaml: 64 px, width 64, 4 blocks, 4 heads
    "VIT_PAPER": dict(kind="vit", channels=1, side=64, classes=4, patch=8, width=64, depth=4, heads=4, mlp_ratio=2,
                      batch=64, inference_batch=64, lr=0.002),
    # osmd-rgb-only: widths 8/16/32, learned pooling (quick.yaml); rgbd-incomplete: 3 channels, 3 classes, 32 px
    "CNN_OSMD": dict(kind="cnn", channels=3, side=32, classes=3, widths=(8, 16, 32), batch=32, inference_batch=32,
                     lr=0.004),
    # seg-supervised on fetal-us: width 8, 3 levels, 4 labelled images a step, inference batch 8, 3 classes
    "UNET_2D": dict(kind="unet", channels=1, spatial=(32, 32), classes=3, width=8, levels=3, batch=4,
                    inference_batch=8, lr=0.01),
    # the federated rows on knee-mr-federated: 2 labelled volumes a step, inference batch 2, 4 classes, D x H x W
    "UNET_3D": dict(kind="unet", channels=1, spatial=(8, 24, 24), classes=4, width=8, levels=3, batch=2,
                    inference_batch=2, lr=0.004),
}
WEIGHT_DECAY = 1e-4  # Recipe.defaults
CLIP_NORM = 1.0
# ND4J's layer norm and standardize (its group norm here) divide by the plain standard deviation; PyTorch's default
# epsilon of 1e-5 changes the ViTs' attention maps by up to 1e-2, this one by nothing measurable
NORM_EPS = 1e-12
# the U-Nets' group norm is written as mean / variance ops with PyTorch's epsilon (ConvLayers.groupNorm(x, channels))
UNET_NORM_EPS = 1e-5
SEED = 1


def build(name):
    """The PyTorch twin: (model, loss(x, y), predict(x)); predict returns kdbench's inference outputs by name."""
    import torch
    import torch.nn.functional as F
    from torch import nn

    spec = NETWORKS[name]
    torch.manual_seed(SEED)

    class CnnEncoder(nn.Module):
        """CnnEncoder: stages of 3x3 conv of stride 2, group norm without affine (4 groups where 4 divides), ReLU."""

        def __init__(self, cin, widths):
            super().__init__()
            self.convs = nn.ModuleList()
            for w in widths:
                self.convs.append(nn.Conv2d(cin, w, 3, padding=1, stride=2))
                cin = w

        def forward(self, x):
            for conv in self.convs:
                c = conv.out_channels
                x = F.relu(F.group_norm(conv(x), 4 if c % 4 == 0 else 1, eps=NORM_EPS))
            return x

    def gelu(x):
        # ND4J's gelu op is the sigmoid approximation x * sigmoid(1.702 x)
        return x * torch.sigmoid(1.702 * x)

    class Attention(nn.Module):
        """MultiHeadAttention: q, k, v, proj dense layers over [B*T, D], softmax(q k^T / sqrt(dh)) v."""

        def __init__(self, d, heads):
            super().__init__()
            self.heads = heads
            self.q, self.k, self.v, self.proj = (nn.Linear(d, d) for _ in range(4))

        def forward(self, x, t):
            d = x.shape[1]
            dh = d // self.heads

            def split(y):
                return y.reshape(-1, t, self.heads, dh).permute(0, 2, 1, 3)

            q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
            att = torch.softmax(torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(dh)), dim=-1)
            return self.proj(torch.matmul(att, v).permute(0, 2, 1, 3).reshape(-1, d)), att

    class Block(nn.Module):
        def __init__(self, d, heads, mlp_ratio):
            super().__init__()
            self.ln1, self.ln2 = nn.LayerNorm(d, eps=NORM_EPS), nn.LayerNorm(d, eps=NORM_EPS)
            self.attn = Attention(d, heads)
            self.fc1, self.fc2 = nn.Linear(d, d * mlp_ratio), nn.Linear(d * mlp_ratio, d)

        def forward(self, x, t):
            a, att = self.attn(self.ln1(x), t)
            x = x + a
            return x + self.fc2(gelu(self.fc1(self.ln2(x)))), att

    class Vit(nn.Module):
        """VisionTransformer.buildConv + VitClassifier: conv stem (log2(patch) stages, widths max(4, D >> ...)),
        a CLS token, position embeddings, pre-norm blocks, final layer norm, dense head on the CLS feature."""

        def __init__(self, s):
            super().__init__()
            d, stages = s["width"], int(math.log2(s["patch"]))
            self.d, self.grid = d, s["side"] // s["patch"]
            self.tokens = self.grid * self.grid + 1
            self.stem = CnnEncoder(s["channels"], [max(4, d >> (stages - 1 - i)) for i in range(stages)])
            self.cls = nn.Parameter(torch.zeros(1, 1, d))
            self.pos = nn.Parameter(torch.randn(self.tokens, d) * 0.02)
            self.blocks = nn.ModuleList(Block(d, s["heads"], s["mlp_ratio"]) for _ in range(s["depth"]))
            self.ln_final = nn.LayerNorm(d, eps=NORM_EPS)
            self.head = nn.Linear(d, s["classes"])

        def forward(self, images):
            positions = self.stem(images).permute(0, 2, 3, 1).reshape(-1, self.grid * self.grid, self.d)
            x = torch.cat([self.cls.expand(positions.shape[0], -1, -1), positions], 1)
            x = (x + self.pos).reshape(-1, self.d)
            maps = []
            for block in self.blocks:
                x, att = block(x, self.tokens)
                maps.append(att)
            cls = self.ln_final(x).reshape(-1, self.tokens, self.d)[:, 0, :]
            return self.head(cls), maps

    class Cnn(nn.Module):
        """CnnClassifier with one modality and learned pooling: encoder, dense over the flattened map, dense head."""

        def __init__(self, s):
            super().__init__()
            self.encoder = CnnEncoder(s["channels"], s["widths"])
            out, side = s["widths"][-1], s["side"] >> len(s["widths"])
            self.pool = nn.Linear(out * side * side, out)
            self.head = nn.Linear(out, s["classes"])

        def forward(self, images):
            return self.head(self.pool(self.encoder(images).flatten(1)))

    class UNet(nn.Module):
        """UNet: levels of blocks conv, leaky ReLU (0.01), conv, group norm without affine (4 groups where 4
        divides; 2-D only), leaky ReLU; max pooling, nearest upsampling, skip concatenation [up, skip], a 1x1(x1) classifier."""

        def __init__(self, s):
            super().__init__()
            three_d = self.three_d = len(s["spatial"]) == 3
            conv = nn.Conv3d if three_d else nn.Conv2d
            self.pool = F.max_pool3d if three_d else F.max_pool2d
            self.levels = s["levels"]
            ch = [s["width"] << l for l in range(self.levels)]
            self.enc = nn.ModuleList()
            cin = s["channels"]
            for l in range(self.levels):
                self.enc.append(nn.ModuleList([conv(cin, ch[l], 3, padding=1), conv(ch[l], ch[l], 3, padding=1)]))
                cin = ch[l]
            self.dec = nn.ModuleList()  # coarsest first
            for l in range(self.levels - 2, -1, -1):
                self.dec.append(nn.ModuleList([conv(ch[l + 1] + ch[l], ch[l], 3, padding=1),
                                               conv(ch[l], ch[l], 3, padding=1)]))
            self.out = conv(ch[0], s["classes"], 1)

        def block(self, x, convs):
            c = convs[1].out_channels
            h = convs[1](F.leaky_relu(convs[0](x), 0.01))
            if not self.three_d:
                h = F.group_norm(h, 4 if c % 4 == 0 else 1, eps=UNET_NORM_EPS)
            return F.leaky_relu(h, 0.01)

        def forward(self, x):
            skips = []
            for l in range(self.levels):
                if l > 0:
                    x = self.pool(x, 2)
                x = self.block(x, self.enc[l])
                if l < self.levels - 1:
                    skips.append(x)
            for i, l in enumerate(range(self.levels - 2, -1, -1)):
                up = F.interpolate(x, scale_factor=2, mode="nearest")
                x = self.block(torch.cat([up, skips[l]], 1), self.dec[i])
            return self.out(x)

    def dice_ce(logits, one_hot, classes):
        """SegmentationLosses.diceCe: 0.5 (soft Dice over each sample's voxels, smooth 1, + voxel CE)."""
        logp = F.log_softmax(logits.movedim(1, -1).reshape(-1, classes), 1)
        ce = -(one_hot.reshape(-1, classes) * logp).sum(1).mean()
        p = logp.exp().reshape(one_hot.shape)
        dice = (1 - (2 * (p * one_hot).sum(1) + 1) / (p.sum(1) + one_hot.sum(1) + 1)).mean()
        return 0.5 * (dice + ce)

    kind = spec["kind"]
    if kind == "vit":
        model = Vit(spec)

        def loss(x, y):
            return F.binary_cross_entropy_with_logits(model(x)[0], y)

        def predict(x):
            # the attention maps are outputs of kdbench's inference too (its attention readout)
            logits, maps = model(x)
            return {"probs": torch.sigmoid(logits), **{f"vit_attn{i}": m for i, m in enumerate(maps)}}
    elif kind == "cnn":
        model = Cnn(spec)

        def loss(x, y):
            return -(y * F.log_softmax(model(x), 1)).sum(1).mean()

        def predict(x):
            return {"probs": torch.softmax(model(x), 1)}
    else:
        model = UNet(spec)

        def loss(x, y):
            return dice_ce(model(x), y, spec["classes"])

        def predict(x):
            return {"s_logits": model(x)}
    return model, loss, predict


def random_inputs(spec):
    """A training batch (x, y) and an inference batch x of the row's shapes, seeded."""
    import torch
    import torch.nn.functional as F
    torch.manual_seed(SEED)
    k = spec["classes"]
    shape = (spec["channels"], *spec["spatial"]) if "spatial" in spec else (spec["channels"], spec["side"], spec["side"])
    x, x_inference = torch.randn(spec["batch"], *shape), torch.randn(spec["inference_batch"], *shape)
    if spec["kind"] == "vit":
        y = (torch.rand(spec["batch"], k) < 0.5).float()
    elif spec["kind"] == "cnn":
        y = F.one_hot(torch.randint(k, (spec["batch"],)), k).float()
    else:
        y = F.one_hot(torch.randint(k, (spec["batch"], math.prod(spec["spatial"]))), k).float()
    return x, y, x_inference


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())


def twin_parameter(spec, name):
    """The twin's state_dict key of kdbench's variable `name` (e.g. vit_block0_q_W -> blocks.0.attn.q.weight)."""
    part = {"W": "weight", "b": "bias", "g": "weight", "beta": "bias"}
    if spec["kind"] == "unet":
        m = re.fullmatch(r"s_(enc|dec)(\d)_c(\d)_(W|b)", name)
        if m:
            level = int(m[2]) if m[1] == "enc" else spec["levels"] - 2 - int(m[2])
            return f"{m[1]}.{level}.{int(m[3]) - 1}.{part[m[4]]}"
        return f"out.{part[re.fullmatch(r's_dec_out_(W|b)', name)[1]]}"
    rules = [(r"vit_(cls|pos)", "{0}"), (r"vit_stem_s(\d)_(W|b)", "stem.convs.{0}.{1}"),
             (r"vit_block(\d)_(q|k|v|proj)_(W|b)", "blocks.{0}.attn.{1}.{2}"),
             (r"vit_block(\d)_(fc1|fc2|ln1|ln2)_(W|b|g|beta)", "blocks.{0}.{1}.{2}"),
             (r"vit_ln_final_(g|beta)", "ln_final.{0}"), (r"head_(W|b)", "head.{0}"),
             (r"enc_image_s(\d)_(W|b)", "encoder.convs.{0}.{1}"), (r"enc_image_pool_(W|b)", "pool.{0}")]
    for pattern, key in rules:
        m = re.fullmatch(pattern, name)
        if m:
            return key.format(*(part.get(g, g) for g in m.groups()))
    raise KeyError(f"no PyTorch parameter for kdbench's {name}")


def compare(name, folder):
    """Loads kdbench's weights into the twin and returns the differences of outputs and loss (empty if none)."""
    import numpy as np
    import torch
    arrays, kdbench_loss = {}, None
    with open(os.path.join(folder, "index.tsv")) as f:
        for line in f:
            key, value = line.rstrip("\n").split("\t")
            if key == "loss":
                kdbench_loss = float(value)
                continue
            shape = [int(s) for s in value.split(",")] if value else []
            raw = np.fromfile(os.path.join(folder, key + ".f32"), dtype="<f4")
            arrays[key] = torch.from_numpy(raw.reshape(shape))
    spec = NETWORKS[name]
    model, loss, predict = build(name)
    state = model.state_dict()
    for key, w in arrays.items():
        if not key.startswith("weight."):
            continue
        target = twin_parameter(spec, key[len("weight."):])
        if w.dim() >= 4:  # kernels [k, k(, k), in, out] -> [out, in, k, k(, k)]
            w = w.permute(w.dim() - 1, w.dim() - 2, *range(w.dim() - 2))
        elif w.dim() == 2 and w.shape[0] != 1:  # dense [in, out] -> [out, in]
            w = w.t()
        state[target] = w.reshape(state[target].shape).clone()
    model.load_state_dict(state)
    inputs = [v for k, v in arrays.items() if k.startswith("inference.")]
    training = {k.split(".", 1)[1]: v for k, v in arrays.items() if k.startswith("training.")}
    x, y = (training[k] for k in {"vit": ("input", "targets"), "cnn": ("image", "targets"),
                                   "unet": ("xl", "yl")}[spec["kind"]])
    problems = []
    with torch.no_grad():
        for out, value in predict(inputs[0]).items():
            diff = (value - arrays["output." + out]).abs().max().item()
            if not diff < 1e-3:
                problems.append(f"{name}: output {out} differs by up to {diff:.2e}")
        twin_loss = loss(x, y).item()
    if not abs(twin_loss - kdbench_loss) < 1e-4 * max(1.0, abs(kdbench_loss)):
        problems.append(f"{name}: loss kdbench {kdbench_loss:.6f}, PyTorch {twin_loss:.6f}")
    return problems


def timed(fn, warmup_s, measure_s, min_calls):
    """Milliseconds of single calls, after warming up for warmup_s (and min_calls calls)."""
    end, calls = time.perf_counter() + warmup_s, 0
    while time.perf_counter() < end or calls < min_calls:
        fn()
        calls += 1
    times = []
    end = time.perf_counter() + measure_s
    while time.perf_counter() < end or len(times) < min_calls:
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def peak_rss_kb():
    """This process's peak resident memory: VmHWM, as kdbench's forks record it. (ru_maxrss would do, but after
    fork and exec it starts from the parent's RSS, which here holds torch and every network.)"""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


def blas_library():
    """The BLAS this process loaded (its file name under /usr/lib), from /proc/self/maps."""
    with open("/proc/self/maps") as f:
        for line in f:
            if "libblas" in line or "libopenblas" in line:
                path = line.split()[-1]
                return path.replace("/usr/lib/x86_64-linux-gnu/", "")
    return "unknown"


def cpu_capability(torch):
    """The kernel set ATen dispatches to (DEFAULT, AVX2, AVX512), from its build report."""
    for line in torch.__config__.show().splitlines():
        if "CPU capability usage" in line:
            return line.split(":", 1)[1].strip()
    return "unknown"


def child(name, a):
    """Times one network in this process and prints one JSON line."""
    import torch
    torch.set_num_threads(1)
    spec = NETWORKS[name]
    model, loss, predict = build(name)
    x, y, x_inference = random_inputs(spec)
    params = list(model.parameters())
    optimiser = torch.optim.AdamW(params, lr=spec["lr"], betas=(0.9, 0.999), eps=1e-8, weight_decay=WEIGHT_DECAY)

    def step():  # as kdbench's Fitter: loss, gradients, global-norm clipping, AdamW
        optimiser.zero_grad(set_to_none=True)
        value = loss(x, y)
        value.backward()
        torch.nn.utils.clip_grad_norm_(params, CLIP_NORM)
        optimiser.step()
        return value.item()

    def inference():
        with torch.inference_mode():
            return predict(x_inference)

    steps = timed(step, a.warmup_seconds, a.measure_seconds, 5)
    step_rss_kb = peak_rss_kb()
    model.eval()
    inferences = timed(inference, a.inference_warmup_seconds, a.inference_measure_seconds, 5)
    print(json.dumps({
        "network": name, "parameters": parameter_count(model), "torch": torch.__version__,
        "threads": torch.get_num_threads(), "cpu_capability": cpu_capability(torch), "blas": blas_library(),
        "step_ms": {"min": min(steps), "median": statistics.median(steps), "n": len(steps)},
        "inference_ms": {"min": min(inferences), "median": statistics.median(inferences), "n": len(inferences)},
        "peak_rss_kb": step_rss_kb}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--expect", nargs="*", default=[], metavar="NAME=COUNT",
                    help="kdbench's parameter count of each network to time")
    ap.add_argument("--compare", metavar="DIR", help="kdbench's weights, inputs and outputs (PrintStepNetworks --dump)")
    ap.add_argument("--check-only", action="store_true", help="check parameter counts (and outputs) and exit")
    ap.add_argument("--out", help="write the results here as JSON (default: stdout)")
    # the JMH benchmark's own times (TrainingStepBenchmark)
    ap.add_argument("--warmup-seconds", type=float, default=9.0, help="training steps' warm-up")
    ap.add_argument("--measure-seconds", type=float, default=15.0, help="training steps' timed part")
    ap.add_argument("--inference-warmup-seconds", type=float, default=4.0)
    ap.add_argument("--inference-measure-seconds", type=float, default=6.0)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args)
        return 0

    expected = {}
    for e in args.expect:
        name, count = e.split("=")
        if name not in NETWORKS:
            sys.exit(f"step_times.py: no PyTorch twin of {name}; known: {', '.join(NETWORKS)}")
        expected[name] = int(count)
    names = list(expected) or list(NETWORKS)

    import torch
    problems = []
    for name in names:
        count = parameter_count(build(name)[0])
        if name in expected and count != expected[name]:
            problems.append(f"{name}: parameters kdbench {expected[name]:,}, PyTorch {count:,}")
        elif args.compare:
            problems += compare(name, os.path.join(args.compare, name))
    if problems:
        print("step_times.py: the PyTorch networks are not kdbench's:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 3
    checked = "parameter counts" + (", outputs and losses" if args.compare else "")
    print(f"step_times.py: {checked} equal for {', '.join(names)}", file=sys.stderr)
    if args.check_only:
        return 0

    env = dict(os.environ, **ONE_THREAD)
    if os.path.isdir(OPENBLAS):
        env["LD_LIBRARY_PATH"] = OPENBLAS + (":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
    else:
        print("step_times.py: PyTorch's matrix products run on the system's libblas.so.3 (the reference BLAS unless"
              " another is chosen); for a fair reference: apt-get install -y libopenblas0-pthread", file=sys.stderr)
    times = [f"--{k.replace('_', '-')}={v}" for k, v in vars(args).items() if k.endswith("_seconds")]
    results = []
    for name in names:
        print(f"step_times.py: timing {name} in PyTorch {torch.__version__} ...", file=sys.stderr)
        out = subprocess.run([sys.executable, __file__, "--child", name, *times], env=env, check=True,
                             stdout=subprocess.PIPE, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    text = json.dumps(results, indent=1)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
