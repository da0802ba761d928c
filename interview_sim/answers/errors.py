"""The error every parser raises for text it cannot read."""


class AnswerFormatError(ValueError):
    """Input that is not an answer of the expected form; it never costs an attempt.

    The message says what was wrong and what is expected, e.g.
    ``could not read "3x^": expected an expression after "^"``.
    """
