"""The authoring kit: what every family shares, so a family module holds only its own arithmetic.

- ``parts``: one-line part builders (``real``, ``integer``, ``expression``,
  ``interval``, ``shape``),
  ``prompt`` (a prompt rendered with the templates' filters) and ``from_rounded`` (the slack
  of a result worked from rounded operands);
- ``slips``: the standard mistake tags with the one credit policy (``slip``, ``wrong_bases``);
- ``arith``: conv/pool output sizes with their slips, correlation, convolution and pooling by
  hand on small grids, affine maps, ReLU, sigmoid and logit, softmax;
- ``logs``: exact entropies, cross-entropies, KL divergences and logs in any base;
- ``templating``: the newline fix, the shared macros and ``result(...)``, which records the
  decimals a solution prints for each part in ``facts["printed"]``.

See docs/adding-a-family.md.
"""

from interview_sim.kit import slips_stats as slips_stats  # statistics slips, one call each
from interview_sim.kit.arith import (
    affine,
    conv_out,
    convolve,
    correlate,
    flip,
    logit,
    mean,
    pool,
    relu,
    sigmoid,
    softmax,
    windows,
    zero_pad,
)
from interview_sim.kit.logs import combine, cross_entropy_terms, entropy_terms, in_base, kl_terms
from interview_sim.kit.parts import (
    expression,
    from_rounded,
    half_unit,
    integer,
    interval,
    part,
    prompt,
    real,
    shape,
    vector,
)
from interview_sim.kit.slips import (
    CREDIT,
    HALF,
    WRONG_BASE,
    each,
    missing_minus,
    slip,
    tabled,
    wrong_bases,
)

__all__ = [
    "CREDIT",
    "HALF",
    "WRONG_BASE",
    "affine",
    "combine",
    "conv_out",
    "convolve",
    "correlate",
    "cross_entropy_terms",
    "entropy_terms",
    "expression",
    "flip",
    "from_rounded",
    "half_unit",
    "in_base",
    "integer",
    "interval",
    "kl_terms",
    "logit",
    "mean",
    "part",
    "pool",
    "prompt",
    "real",
    "relu",
    "shape",
    "sigmoid",
    "each",
    "missing_minus",
    "slip",
    "tabled",
    "vector",
    "softmax",
    "windows",
    "wrong_bases",
    "zero_pad",
]
