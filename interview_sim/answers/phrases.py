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
_ROUNDS = 8
_EDGE_PUNCTUATION = " .,;:!?\"'`“”‘’"


def normalise_phrase(text: str) -> str:
    """The comparison key of a phrase: "The  Cross-Entropy." → "crossentropy".

    Applied until nothing changes, so the key of a key is itself (stripping an article can bare
    punctuation, and case folding can undo Unicode normalisation); two or three rounds settle any
    text, the bound only guards against the unforeseen.
    """
    key = text
    for _ in range(_ROUNDS):
        folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", key).casefold())
        folded = _ARTICLE.sub("", _SEPARATORS.sub(" ", folded).strip(_EDGE_PUNCTUATION))
        folded = _SEPARATORS.sub("", folded)
        if folded == key:
            return key
        key = folded
    return key


def same_phrase(typed: str, accepted: str) -> bool:
    return normalise_phrase(typed) == normalise_phrase(accepted) != ""
