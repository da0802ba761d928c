"""The authoring kit: what every family shares, so a family module holds only its own arithmetic.

- ``parts``: one-line part builders (``real``, ``integer``, ``shape``), ``prompt`` (a prompt
  rendered with the templates' filters) and ``from_rounded`` (the slack of a result worked from
  rounded operands);
- ``slips``: the standard mistake tags with the one credit policy (``slip``, ``wrong_bases``);
- ``arith``: conv/pool output sizes with their slips, correlation, convolution and pooling by
  hand on small grids, affine maps, ReLU, softmax;
- ``logs``: exact entropies and logs in any base;
- ``templating``: the newline fix, the shared macros and ``result(...)``, which records the
  decimals a solution prints for each part in ``facts["printed"]``.

See docs/adding-a-family.md.
"""

from interview_sim.kit.arith import (
    affine,
    conv_out,
    convolve,
    correlate,
    flip,
    mean,
    pool,
    relu,
    softmax,
    windows,
    zero_pad,
)
from interview_sim.kit.logs import combine, entropy_terms, in_base
from interview_sim.kit.parts import from_rounded, half_unit, integer, part, prompt, real, shape
from interview_sim.kit.slips import CREDIT, HALF, WRONG_BASE, slip, wrong_bases

__all__ = [
    "CREDIT",
    "HALF",
    "WRONG_BASE",
    "affine",
    "combine",
    "conv_out",
    "convolve",
    "correlate",
    "entropy_terms",
    "flip",
    "from_rounded",
    "half_unit",
    "in_base",
    "integer",
    "mean",
    "part",
    "pool",
    "prompt",
    "real",
    "relu",
    "shape",
    "slip",
    "softmax",
    "windows",
    "wrong_bases",
    "zero_pad",
]
