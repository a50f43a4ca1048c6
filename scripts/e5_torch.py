"""multilingual-e5-small in PyTorch with low-rank adapters (LoRA), for fine-tuning it on a GPU.

Used by scripts/finetune_ner_teacher.py and scripts/finetune_story_encoder.py. Its inference
twin is newsprism/e5.py (numpy), which applies what ``adapter_arrays`` returns as it loads the
4-bit weights, so nothing that runs newsprism needs PyTorch. This module imports PyTorch only in
``build``: the preparing side (``weights``) runs where only numpy is installed, and the training
side where spaCy is not.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
LINEARS = ("q", "k", "v", "ao", "fi", "fo")  # per layer; "fi" widens to the feed-forward size, "fo" narrows
NORMS = ("aln", "oln")


def numpy_module(relative: str) -> ModuleType:
    """A numpy-only module of newsprism's (``e5.py``, ``nlp/bio_tags.py``), loaded by path:
    importing the package would import spaCy and more, which a GPU machine may lack."""
    path = ROOT / "src" / "newsprism" / relative
    spec = importlib.util.spec_from_file_location(f"newsprism_{path.stem}", path)
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def weights(encoder: Any, used: Iterable[int]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The model's stored tensors with only the ``used`` vocabulary rows of its embedding, plus its
    dimensions: a file small enough to travel to a GPU machine. Also the map from a piece id to its
    row in that smaller embedding."""
    rows = np.array(sorted(set(used)))
    compact = np.full(int(rows.max()) + 1, -1, dtype=np.int64)
    compact[rows] = np.arange(len(rows))
    stored = encoder.stored_tensors
    arrays = {name: tensor for name, tensor in stored.items() if name != "emb.word"}
    arrays["emb.word"] = stored["emb.word"].reshape(-1, encoder.hidden // 32)[rows]
    arrays["dims"] = np.array([encoder.hidden, encoder.layer_count, encoder.heads, encoder.feed_forward])
    arrays["epsilon"] = np.array(encoder.epsilon, dtype=np.float32)
    return arrays, compact


def build(data: Mapping[str, np.ndarray], rank: int, device: Any) -> Any:
    """A torch module: ``model(ids, mask)`` gives the last layer's states ([batch, length, hidden]).
    The 4-bit base weights are frozen; trained are rank-``rank`` changes to every linear layer,
    the biases and the layer norms (``model.trained``)."""
    import torch
    from torch import nn
    from torch.nn import functional

    hidden, layer_count, heads, feed = (int(value) for value in data["dims"])
    epsilon = float(data["epsilon"])
    dequantize = numpy_module("e5.py").dequantize
    shapes = {name: (feed if name == "fi" else hidden, feed if name == "fo" else hidden) for name in LINEARS}

    def constant(array: np.ndarray) -> torch.Tensor:
        return torch.tensor(np.asarray(array, dtype=np.float32), device=device)

    class AdaptedE5(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.hidden = hidden
            self.words = constant(dequantize(data["emb.word"], len(data["emb.word"]), hidden))
            self.positions = constant(data["emb.pos"].reshape(-1, hidden))
            self.token_type = constant(data["emb.type"][:hidden])
            self.frozen = {}
            self.trained = nn.ParameterDict()
            for name in ("emb.ln.w", "emb.ln.b"):
                self.trained[name.replace(".", "_")] = nn.Parameter(constant(data[name]))
            for layer in range(layer_count):
                for name, (rows, columns) in shapes.items():
                    key = f"l{layer}.{name}"
                    self.frozen[key] = constant(dequantize(data[f"{key}.w"], rows, columns))
                    self.trained[f"{key}_b".replace(".", "_")] = nn.Parameter(constant(data[f"{key}.b"]))
                    down = torch.randn(rank, columns, device=device) / np.sqrt(columns)
                    self.trained[f"{key}_down".replace(".", "_")] = nn.Parameter(down)
                    self.trained[f"{key}_up".replace(".", "_")] = nn.Parameter(torch.zeros(rows, rank, device=device))
                for norm in NORMS:
                    for part in ("w", "b"):
                        key = f"l{layer}.{norm}.{part}"
                        self.trained[key.replace(".", "_")] = nn.Parameter(constant(data[key]))
            self.dropout = nn.Dropout(0.1)

        def parameter(self, key: str) -> nn.Parameter:
            return self.trained[key.replace(".", "_")]

        def linear(self, states: torch.Tensor, key: str) -> torch.Tensor:
            low_rank = (states @ self.parameter(f"{key}.down").T) @ self.parameter(f"{key}.up").T
            return functional.linear(states, self.frozen[key], self.parameter(f"{key}.b")) + low_rank

        def norm(self, states: torch.Tensor, key: str) -> torch.Tensor:
            return functional.layer_norm(
                states, (hidden,), self.parameter(f"{key}.w"), self.parameter(f"{key}.b"), epsilon
            )

        def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            batch, length = ids.shape
            states = self.norm(self.words[ids] + self.positions[:length] + self.token_type, "emb.ln")
            blocked = (~mask)[:, None, None, :]
            size = hidden // heads
            for layer in range(layer_count):
                query, key, value = (
                    self.linear(states, f"l{layer}.{name}").view(batch, length, heads, size).transpose(1, 2)
                    for name in ("q", "k", "v")
                )
                scores = query @ key.transpose(2, 3) / np.sqrt(size)
                attention = scores.masked_fill(blocked, -1e4).softmax(dim=-1)
                context = (attention @ value).transpose(1, 2).reshape(batch, length, hidden)
                states = self.norm(states + self.dropout(self.linear(context, f"l{layer}.ao")), f"l{layer}.aln")
                middle = functional.gelu(self.linear(states, f"l{layer}.fi"), approximate="tanh")
                states = self.norm(states + self.dropout(self.linear(middle, f"l{layer}.fo")), f"l{layer}.oln")
            return states

    return AdaptedE5()


def commands(
    parser: argparse.ArgumentParser, folder: str, adapter: Path, rank: int, epochs: int, rate: float
) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The fine-tuning scripts' two commands with their shared options: ``prepare --out`` writes
    build/FOLDER/inputs.npz, ``train --inputs --out --rank --epochs --rate`` reads it and writes the
    adapter (defaults: each script's measured settings). The scripts add their own options."""
    inputs = ROOT / "build" / folder / "inputs.npz"
    subcommands = parser.add_subparsers(dest="command", required=True)
    prepare = subcommands.add_parser("prepare")
    prepare.add_argument("--out", type=Path, default=inputs)
    train = subcommands.add_parser("train")
    train.add_argument("--inputs", type=Path, default=inputs)
    train.add_argument("--out", type=Path, default=adapter)
    train.add_argument("--rank", type=int, default=rank, help="rank of the low-rank changes")
    train.add_argument("--epochs", type=int, default=epochs)
    train.add_argument("--rate", type=float, default=rate, help="AdamW learning rate")
    return prepare, train


def adapter_arrays(model: Any) -> dict[str, np.ndarray]:
    """What ``E5Encoder(adapter=...)`` reads: low-rank factors as float16, the rest as float32."""
    arrays = {}
    for name, parameter in model.trained.items():
        key = name.replace("_", ".")
        value = parameter.detach().float().cpu().numpy()
        arrays[key] = value.astype(np.float16) if key.endswith((".down", ".up")) else value
    return arrays
