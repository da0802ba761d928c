"""Seeds for variants and exams.

A variant's seed is derived by hashing (family id, family version, exam seed, slot) instead of
drawing from a shared random stream: adding, removing or reordering questions then never changes
the other questions of an exam, and one integer reproduces one variant forever. Nothing in the
package uses a global RNG; every generator gets its own ``random.Random``.
"""

from __future__ import annotations

import hashlib
import random

SEED_BITS = 48  # small enough to type, large enough that collisions do not matter


def derive_seed(family_id: str, version: int, exam_seed: int, slot: int) -> int:
    """The variant seed for one slot of an exam."""
    key = f"{family_id}\x1f{version}\x1f{exam_seed}\x1f{slot}".encode()
    digest = hashlib.blake2b(key, digest_size=8).digest()
    return int.from_bytes(digest, "big") >> (64 - SEED_BITS)


def rng_for(family_id: str, seed: int) -> random.Random:
    """The private RNG a family draws one variant's parameters from."""
    key = f"{family_id}\x1f{seed}".encode()
    return random.Random(int.from_bytes(hashlib.blake2b(key, digest_size=16).digest(), "big"))


def fresh_seed() -> int:
    """A new seed for 'try a similar one' or a new exam, from the OS's entropy."""
    return random.SystemRandom().getrandbits(SEED_BITS)
