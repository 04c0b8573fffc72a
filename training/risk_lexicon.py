"""A small, transparent suicide/self-harm lexicon: which windows of a long post carry explicit
risk language. Used to pick the instances of a user-level C-SSRS label to learn from (the
few windows of an at-risk user that speak of it) and to keep explicit risk turns out of the
"ordinary chat" examples. It is a selector, not a model: the classifier learns the rest."""

from __future__ import annotations

import re

RISK_TERMS = re.compile(
    r"\b(?:suicid\w*|kill(?:ing)? my ?self|end(?:ing)? (?:my|it) (?:life|all)|"
    r"take my (?:own )?life|"
    r"(?:want|wanted|wish) (?:to|i (?:was|were)) (?:die|dead)|better off dead|"
    r"no (?:reason|point) (?:to|in) (?:live|living|go(?:ing)? on)|overdos\w*|"
    r"self[- ]?harm\w*|cut(?:ting)? my ?self|hang(?:ing)? my ?self|slit\w*|"
    r"jump(?:ing)? off|can'?t go on|don'?t want to (?:live|be alive|wake up)|"
    r"goodbye (?:everyone|world)|pills? (?:ready|saved|stockpil\w*))\b",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|i'd|me|my|myself)\b", re.IGNORECASE)


def risk_score(text: str) -> float:
    """Count of explicit risk phrases, doubled when the text speaks in the first person."""
    hits = len(RISK_TERMS.findall(text))
    return float(hits * (2 if hits and FIRST_PERSON.search(text) else 1))
