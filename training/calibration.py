"""Post-hoc calibration: temperature scaling of each head and the risk alert threshold."""

from __future__ import annotations

import numpy as np

from pipelines.core.errors import UserError


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The temperature T minimising validation NLL of softmax(logits / T) (Guo et al. 2017)."""
    import torch

    lg = torch.as_tensor(logits, dtype=torch.float64)
    y = torch.as_tensor(labels, dtype=torch.long)
    log_t = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([log_t], lr=0.1, max_iter=200, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(lg / log_t.exp(), y)
        loss.backward()
        return loss

    opt.step(closure)
    return float(np.clip(log_t.exp().item(), 0.05, 20.0))


def alert_threshold(
    urgent_prob: np.ndarray, urgent: np.ndarray, target_recall: float, confidence: float = 0.0
) -> float:
    """The highest threshold whose recall of urgent (moderate/high) records reaches the target.

    With `confidence` > 0 the target must hold for the one-sided Clopper-Pearson lower bound
    of recall at that level, not for the point estimate: a validation split holds only about
    a hundred urgent messages, and a missed crisis costs more than an extra review.
    """
    from scipy.stats import beta

    pos = np.sort(urgent_prob[urgent.astype(bool)])[::-1]
    n = len(pos)
    if n == 0:
        raise UserError("validation split has no moderate/high messages: cannot set the alert")
    k = int(np.ceil(target_recall * n))  # alerts needed among the positives
    if confidence > 0:
        while k < n and beta.ppf(1 - confidence, k, n - k + 1) < target_recall:
            k += 1
    return float(pos[k - 1])


def budget_threshold(ordinary_prob: np.ndarray, budget: float) -> float:
    """The lowest threshold at which at most `budget` of ordinary messages alert (P >= t)."""
    scores = np.sort(ordinary_prob)[::-1]
    allowed = int(np.floor(budget * len(scores)))  # alerts allowed among ordinary messages
    if allowed >= len(scores):
        return 0.0
    return float(np.nextafter(scores[allowed], np.inf))


def alert_policy(
    urgent_prob: np.ndarray,
    urgent: np.ndarray,
    ordinary_prob: np.ndarray | None,
    target_recall: float,
    confidence: float,
    budget: float,
) -> dict[str, float | str | None]:
    """The alert threshold for recall on urgent messages and, where ordinary real chat is
    there, an alert budget on it. Any threshold between the budget's and recall's keeps both,
    and the recall one (the highest) is chosen. When they conflict recall is kept, because a
    missed crisis costs more than extra reviews, and the budget's overrun is reported."""
    recall_t = alert_threshold(urgent_prob, urgent, target_recall, confidence)
    recall = float((urgent_prob[urgent.astype(bool)] >= recall_t).mean())
    out: dict[str, float | str | None] = {
        "threshold": recall_t,
        "recall_validation": round(recall, 4),
        "ordinary_alert_share_validation": None,
        "budget": budget,
        "kept": "recall (no ordinary real chat in validation: budget not checked)",
    }
    if ordinary_prob is None or len(ordinary_prob) == 0:
        return out
    share = float((ordinary_prob >= recall_t).mean())
    out["ordinary_alert_share_validation"] = round(share, 4)
    out["budget_threshold"] = budget_threshold(ordinary_prob, budget)
    if share <= budget:
        out["kept"] = "both"
    else:
        out["kept"] = "recall"
        out["budget_overrun"] = round(share - budget, 4)
    return out
