"""Train newsprism's German spaCy pipeline from ../shared/data and install it into the package.

Usage: python scripts/train_models.py [--data ../shared/data] [--build build] [--steps-ner N] [--steps-ud N]
(`make models` runs it.) Steps, all with fixed seeds:

1. scripts/nlp_corpora.py: the training, development and held-out test files (build/corpora);
2. scripts/build_vectors.py: 64-dimensional static vectors from the multilingual USE encoder;
3. `spacy train configs/de_ud.cfg`: tok2vec + morphologizer + parser + lemmatizer on UD German;
4. meanwhile scripts/silver_ner.py: multilingual-e5-small fine-tuned on GermEval train (its
   adapter is committed; `make teacher` retrains it) labels 28,743 unlabelled sentences
   (speeches, UD text, Wikipedia) as silver data;
5. `spacy train configs/de_ner.cfg`: NER on GermEval (twice, as the in-domain set) + Europarl +
   SmartData news + the silver sentences (the mix measured best on GermEval dev; see
   docs/benchmarks.md);
6. assembly: the UD pipeline, a sentencizer and newsprism's sentence hints before the parser, the NER component and
   newsprism's entity consistency after it, saved to src/newsprism/nlp/models/de_newsprism.

Takes about 15 minutes on two cores (the two trainings run side by side, one core each; the best
model on the development set is kept, which both reach within these steps).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_MODEL = ROOT / "src" / "newsprism" / "nlp" / "models" / "de_newsprism"
NER_MIX = {  # file in the mix → corpus file (``ner_silver``: scripts/silver_ner.py's output)
    "germeval1": "ner_train",
    "germeval2": "ner_train",
    "europarl": "ner_europarl",
    "smartdata": "ner_smartdata",
    "silver": "ner_silver",
}


def _run(command: list[str], log: Path | None = None) -> subprocess.Popen[bytes]:
    environment = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    output = log.open("wb") if log else None
    return subprocess.Popen(command, env=environment, stdout=output, stderr=subprocess.STDOUT)


def _wait(process: subprocess.Popen[bytes], what: str) -> None:
    if process.wait() != 0:
        sys.exit(f"{what} failed (exit {process.returncode})")


def assemble(ud_model: Path, ner_model: Path, out: Path) -> None:
    import spacy

    import newsprism.nlp.components  # noqa: F401 - registers the sentence hints

    nlp = spacy.load(ud_model)
    ner = spacy.load(ner_model)
    # UD sentences come one per document, so the parser cannot learn boundaries: punctuation rules
    # set them, newsprism's hints undo the false ones, and the parser respects both.
    nlp.add_pipe("sentencizer", before="parser")
    nlp.add_pipe("newsprism_sentence_hints", after="sentencizer")
    nlp.add_pipe("ner", source=ner)
    nlp.add_pipe("newsprism_entity_consistency", after="ner")
    nlp.meta.update(
        name="newsprism",
        version="0.1.0",
        description=(
            "German pipeline trained by newsprism from GermEval 2014, Europarl, SmartData, silver NER "
            "(SpkAtt, UD, WikiANN text labelled by fine-tuned e5) and UD German"
        ),
        license="CC BY-SA 4.0",
    )
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--build", type=Path, default=ROOT / "build")
    parser.add_argument("--steps-ner", type=int, default=4500)
    parser.add_argument("--steps-ud", type=int, default=2500)
    args = parser.parse_args()
    build, python = args.build, sys.executable
    corpora, vectors, mix = build / "corpora", build / "vectors_de", build / "ner_mix"
    scripts = ROOT / "scripts"
    _wait(_run([python, str(scripts / "nlp_corpora.py"), "--data", str(args.data), "--out", str(corpora)]), "corpora")
    _wait(
        _run([python, str(scripts / "build_vectors.py"), "--corpora", str(corpora), "--out", str(vectors)]), "vectors"
    )
    train = [python, "-m", "spacy", "train"]
    ud = _run(
        [
            *train,
            str(ROOT / "configs" / "de_ud.cfg"),
            "--output",
            str(build / "ud"),
            "--paths.train",
            str(corpora / "ud_train.spacy"),
            "--paths.dev",
            str(corpora / "ud_dev.spacy"),
            "--paths.vectors",
            str(vectors),
            "--training.max_steps",
            str(args.steps_ud),
        ],
        build / "ud.log",
    )
    # the silver labels are made on the second core while the UD pipeline trains on the first
    _wait(_run([python, str(scripts / "silver_ner.py"), "--corpora", str(corpora)]), "silver NER")
    shutil.rmtree(mix, ignore_errors=True)
    mix.mkdir(parents=True)
    for name, source in NER_MIX.items():
        shutil.copyfile(corpora / f"{source}.spacy", mix / f"{name}.spacy")
    ner = _run(
        [
            *train,
            str(ROOT / "configs" / "de_ner.cfg"),
            "--output",
            str(build / "ner"),
            "--paths.train",
            str(mix),
            "--paths.dev",
            str(corpora / "ner_dev.spacy"),
            "--paths.vectors",
            str(vectors),
            "--training.max_steps",
            str(args.steps_ner),
        ],
        build / "ner.log",
    )
    _wait(ud, "UD training (see build/ud.log)")
    _wait(ner, "NER training (see build/ner.log)")
    assemble(build / "ud" / "model-best", build / "ner" / "model-best", PACKAGE_MODEL)
    print(f"installed the German pipeline in {PACKAGE_MODEL}")


if __name__ == "__main__":
    main()
