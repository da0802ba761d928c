"""Words and phrases typed for cloze blanks and text answers, compared after normalising.

A candidate who writes "Cross-Entropy", "cross entropy" or "the cross entropy." means the same
thing as the listed "cross-entropy": case, spacing, hyphens/underscores, a leading article and
closing punctuation never decide a verdict. The wording itself still does: synonyms must be listed
by the item's author, so a different word is never accepted by accident.
"""

from __future__ import annotations

import re
import unicodedata

_ARTICLE = re.compile(r"^(the|a|an)\s+")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_]+")
_EDGE_PUNCTUATION = " .,;:!?\"'`“”‘’"


def normalise_phrase(text: str) -> str:
    """The comparison key of a phrase: "The  Cross-Entropy." → "crossentropy"."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip(_EDGE_PUNCTUATION)
    folded = _ARTICLE.sub("", folded)
    return _SEPARATORS.sub("", folded)


def same_phrase(typed: str, accepted: str) -> bool:
    return normalise_phrase(typed) == normalise_phrase(accepted) != ""
