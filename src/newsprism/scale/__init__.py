"""Scale: the same pipeline on a Dask cluster (``newsprism analyze --engine dask``): per-article
stages in tasks over partitions of the input, corpus-level stages after, the same result as one
process.

Public surface: ``run_distributed``, ``DaskOptions``, ``partition_inputs``.
"""

from newsprism.scale.engine import DaskOptions, partition_inputs, run_distributed

__all__ = ["DaskOptions", "partition_inputs", "run_distributed"]
