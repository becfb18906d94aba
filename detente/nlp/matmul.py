"""The model's matrix products through numpy's BLAS, on one thread, instead of thinc's bundled BLIS.

thinc's CPU backend multiplies with BLIS by default. On the development machine (x86-64, AMD EPYC) BLIS took
about three times numpy's OpenBLAS for the shapes of the small English model (a few thousand tokens by 288
features by 288: 12.6 ms against 3.8 ms), and the token-to-vector layer, almost all matrix products, was the
largest single cost of coding. Both compute the same products; on the VOA corpus's sentences and the labelled
news (5,572 sentences) every tag, lemma, dependency, head and entity came out the same, and ``detente evaluate``
is byte-identical. Where they could differ it is in a float's last bits, which is why the switch is one place,
measured, and can be turned off (``DETENTE_BLIS=1``).

OpenBLAS is held to one thread: it would otherwise start a thread per core for each product, which costs more
CPU than it saves when coding already runs one worker per core (measured: no CPU gain with two threads). The
limit is process-wide (OpenBLAS has no per-call setting), so a program that loads the pipeline gets numpy's
other BLAS calls on one thread too. The parser's own transition loop calls BLIS directly and is unchanged.
"""

from __future__ import annotations

import os

from spacy.language import Language
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_limits


def blis_requested() -> bool:
    """``DETENTE_BLIS=1`` keeps thinc's default (BLIS) products, for comparing or for a machine where BLIS wins."""
    return os.environ.get("DETENTE_BLIS", "") not in {"", "0"}


def use_numpy_products(nlp: Language) -> int:
    """Give every model layer of ``nlp`` that multiplies with BLIS on the CPU a numpy backend instead, and hold
    OpenBLAS to one thread. Layers on another backend (a GPU's, Apple's) are left alone. Returns how many
    layers were switched."""
    if blis_requested():
        return 0
    ops = NumpyOps(use_blis=False)
    switched = 0
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps and getattr(node.ops, "use_blis", False):
                node.ops = ops
                switched += 1
    if switched:
        threadpool_limits(limits=1, user_api="blas")
    return switched
