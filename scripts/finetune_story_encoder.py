"""Fine-tune multilingual-e5-small's lead embeddings on SemEval-2022 Task 8 pairs (an experiment, not shipped).

Usage:
    python scripts/finetune_story_encoder.py prepare [--data ../shared/data] [--out build/story/inputs.npz]
    python scripts/finetune_story_encoder.py train [--inputs build/story/inputs.npz] [--out build/story/adapter.npz]

Why: story clustering compares e5 embeddings of each article's lead (title and first 300
characters, ``stories.embed.lead``), and German articles on different events of one kind (police
reports, market reports) come out too close. The training pairs of SemEval-2022 Task 8 rate how
similar two articles are as news stories (1 = same story .. 4 = unrelated); low-rank changes to e5
(scripts/e5_torch.py) can learn that notion of similarity.

``prepare`` tokenises each article's lead as the pipeline does; ``train`` measures the gain
honestly first: the de/en pairs are split into five folds by connected component of the article
graph (no article on both sides), each fold scored by a model trained on the other four plus all
pairs of the other languages, against plain e5 on the same pairs (Pearson with the human score,
and F1 of "same story" at the threshold that is best on the training folds). Then it trains on
every pair and writes the adapter. Needs PyTorch; minutes on a GPU. Result (docs/benchmarks.md,
"Story clustering"): same-language pairs gain, German–English pairs lose, so nothing ships from it.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
import time
from pathlib import Path

import numpy as np
from e5_torch import adapter_arrays, build, commands, numpy_module, weights

ROOT = Path(__file__).resolve().parents[1]
FOLDS = 5
POSITIVE, NEGATIVE = 1.5, 3.0  # Overall ≤ 1.5: same story; ≥ 3: another story (as cluster_bench.py)
SEED = 2026


def prepare(data: Path, out: Path) -> None:
    """Lead pieces of every article, the pairs with their scores, and a fold for each de/en pair."""
    from newsprism.stories.embed import lead

    encoder = numpy_module("e5.py").E5Encoder()
    csv.field_size_limit(sys.maxsize)
    texts: dict[str, str] = {}
    pairs: list[tuple[str, str, str, float]] = []
    with gzip.open(data / "semeval2022-task8" / "train_texts_hfl.csv.gz", "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            first, second = row["pair_id"].split("_")
            texts.setdefault(first, row["text1"])
            texts.setdefault(second, row["text2"])
            pairs.append((first, second, f"{row['lang1']}-{row['lang2']}", float(row["Overall"])))
    ids = sorted(texts)
    index = {article: number for number, article in enumerate(ids)}
    inputs = []
    for article in ids:
        text = texts[article]
        title = text.split("\n", 1)[0].strip() if "\n" in text else None  # as cluster_bench.py reads them
        inputs.append(encoder.token_ids(lead(title, text)))
    parent = list(range(len(ids)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    german_english = [pair for pair in pairs if pair[2] in ("de-de", "de-en", "en-en")]
    for first, second, _, _ in german_english:
        parent[root(index[first])] = root(index[second])
    components = sorted({root(index[first]) for first, _, _, _ in german_english})
    fold_of = dict(zip(components, np.random.default_rng(SEED).permutation(len(components)) % FOLDS, strict=True))
    arrays, compact = weights(encoder, (piece for one in inputs for piece in one))
    arrays["ids"] = np.concatenate([compact[np.asarray(one)] for one in inputs]).astype(np.int32)
    arrays["lengths"] = np.array([len(one) for one in inputs], dtype=np.int32)
    arrays["pairs"] = np.array([[index[first], index[second]] for first, second, _, _ in pairs], dtype=np.int32)
    arrays["overall"] = np.array([overall for _, _, _, overall in pairs], dtype=np.float32)
    arrays["fold"] = np.array(
        [fold_of[root(index[first])] if kind in ("de-de", "de-en", "en-en") else -1 for first, _, kind, _ in pairs]
    )
    arrays["cross"] = np.array([kind == "de-en" for _, _, kind, _ in pairs])
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(out, **arrays)
    pieces = len(arrays["emb.word"])
    print(f"{out}: {len(ids)} articles, {len(pairs)} pairs ({len(german_english)} de/en), {pieces} pieces")


def _f1(scores: np.ndarray, gold: np.ndarray, threshold: float) -> float:
    predicted = scores >= threshold
    hits = (predicted & gold).sum()
    return float(2 * hits / max(predicted.sum() + gold.sum(), 1))


def _best_threshold(scores: np.ndarray, gold: np.ndarray) -> float:
    return max(np.unique(scores), key=lambda threshold: _f1(scores, gold, threshold))


def train(inputs: Path, out: Path, rank: int, epochs: int, rate: float, anchor: float) -> None:
    import torch

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    data = np.load(inputs)
    bounds = np.cumsum([0, *data["lengths"]])
    pairs, overall, folds, cross = data["pairs"], data["overall"], data["fold"], data["cross"]
    decided = (overall <= POSITIVE) | (overall >= NEGATIVE)

    def embed(model: torch.nn.Module, articles: np.ndarray) -> torch.Tensor:
        length = int(max(bounds[a + 1] - bounds[a] for a in articles))
        ids = np.zeros((len(articles), length), dtype=np.int64)
        mask = np.zeros((len(articles), length), dtype=bool)
        for row, article in enumerate(articles):
            pieces = data["ids"][bounds[article] : bounds[article + 1]]
            ids[row, : len(pieces)], mask[row, : len(pieces)] = pieces, True
        ids_t, mask_t = torch.tensor(ids, device=device), torch.tensor(mask, device=device)
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
            states = model(ids_t, mask_t).float()
        pooled = (states * mask_t[..., None]).sum(1) / mask_t.sum(1, keepdim=True)
        return torch.nn.functional.normalize(pooled, dim=-1)

    def embed_all(model: torch.nn.Module, articles: np.ndarray) -> torch.Tensor:
        """``embed`` in batches of 128, without gradients."""
        with torch.no_grad():
            return torch.cat([embed(model, articles[s : s + 128]) for s in range(0, len(articles), 128)])

    def cosines(model: torch.nn.Module, chosen: np.ndarray) -> np.ndarray:
        model.eval()
        articles = np.unique(pairs[chosen])
        row = {article: number for number, article in enumerate(articles)}
        vectors = embed_all(model, articles).cpu().numpy()
        model.train()
        return np.array([vectors[row[a]] @ vectors[row[b]] for a, b in pairs[chosen]])

    def fit(chosen: np.ndarray, anchors: torch.Tensor) -> torch.nn.Module:
        """CoSENT on the chosen pairs, plus ``anchor`` × how far each vector moved from plain e5's
        (which keeps the languages aligned: most pairs are within one language)."""
        torch.manual_seed(SEED)
        random = np.random.default_rng(SEED)
        model = build(data, rank, device)
        parameters = list(model.trained.values())
        optimizer = torch.optim.AdamW(parameters, lr=rate, weight_decay=0.01)
        batch_size = 32
        steps = epochs * ((len(chosen) + batch_size - 1) // batch_size)
        schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: max(0.0, 1 - step / steps))
        for _ in range(epochs):
            order = random.permutation(chosen)
            for start in range(0, len(order), batch_size):
                batch = order[start : start + batch_size]
                articles = np.unique(pairs[batch])
                row = {article: number for number, article in enumerate(articles)}
                vectors = embed(model, articles)
                first = vectors[[row[a] for a, _ in pairs[batch]]]
                second = vectors[[row[b] for _, b in pairs[batch]]]
                similarity = (first * second).sum(-1) * 20
                target = torch.tensor(-overall[batch], device=device)
                # CoSENT: every pair the humans rate more similar should score higher
                wrong = similarity[None, :] - similarity[:, None]
                wrong = wrong.masked_fill(~(target[:, None] > target[None, :]), -1e4)
                loss = torch.logsumexp(torch.cat([torch.zeros(1, device=device), wrong.flatten()]), dim=0)
                moved = 1 - (vectors * anchors[torch.tensor(articles, device=device)]).sum(-1)
                loss = loss + anchor * moved.mean()
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                schedule.step()
        return model

    started = time.time()
    everything = np.arange(len(pairs))
    base_model = build(data, rank, device)
    base = cosines(base_model, everything)
    base_model.eval()
    anchors = embed_all(base_model, np.arange(len(bounds) - 1))
    tuned = np.zeros_like(base)
    thresholds = {}
    for fold in range(FOLDS):
        training = everything[folds != fold]
        model = fit(training, anchors)
        tuned[folds == fold] = cosines(model, everything[folds == fold])
        known = training[(folds[training] >= 0) & decided[training]]
        trained_scores = cosines(model, known)
        thresholds[fold] = (
            _best_threshold(base[known], overall[known] <= POSITIVE),
            _best_threshold(trained_scores, overall[known] <= POSITIVE),
        )
        print(f"fold {fold} done ({time.time() - started:.0f} s)", flush=True)
    print(f"{'pairs':<8} {'n':>4} {'Pearson e5':>11} {'tuned':>7} {'F1 e5':>7} {'tuned':>7}")
    for name, chosen in (("de/en", folds >= 0), ("de-en", (folds >= 0) & cross)):
        rows = np.flatnonzero(chosen)
        pearson = [np.corrcoef(scores[rows], -overall[rows])[0, 1] for scores in (base, tuned)]
        f1s = []
        for which, scores in enumerate((base, tuned)):
            gold, predicted = [], []
            for fold in range(FOLDS):
                held = rows[(folds[rows] == fold) & decided[rows]]
                gold.append(overall[held] <= POSITIVE)
                predicted.append(scores[held] >= thresholds[fold][which])
            gold_all, predicted_all = np.concatenate(gold), np.concatenate(predicted)
            f1s.append(2 * (gold_all & predicted_all).sum() / max(gold_all.sum() + predicted_all.sum(), 1))
        print(f"{name:<8} {len(rows):>4} {pearson[0]:>11.3f} {pearson[1]:>7.3f} {f1s[0]:>7.3f} {f1s[1]:>7.3f}")
    model = fit(everything, anchors)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **adapter_arrays(model))
    print(f"{out}: trained on all {len(pairs)} pairs ({time.time() - started:.0f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    prepare_command, train_command = commands(
        parser, "story", ROOT / "build" / "story" / "adapter.npz", rank=8, epochs=2, rate=1e-3
    )
    prepare_command.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    train_command.add_argument("--anchor", type=float, default=0.0)
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.data, args.out)
    else:
        train(args.inputs, args.out, args.rank, args.epochs, args.rate, args.anchor)


if __name__ == "__main__":
    main()
