"""Slide wording: continuation titles and sentences joined for alt text."""

from __future__ import annotations

import re


def continued(title: str, index: int, count: int, word: str) -> str:
    """Title of the ``index``-th (1-based) of ``count`` slides: 'Źródła (cd. 2/3)'."""
    return title if count == 1 or index == 1 else f"{title} ({word} {index}/{count})"


def join_sentences(*parts: str | None) -> str:
    """Sentences joined with single spaces, each ending with a full stop."""
    out = []
    for part in parts:
        part = (part or "").strip()
        if part:
            out.append(part if part[-1] in ".!?:…" else part + ".")
    return " ".join(out)


_SENTENCE_END = re.compile(r"(?<=[.!?…])[ ]+(?=\S)")  # ordinary spaces only: "2013 r." keeps its no-break space


def split_notes(paragraphs: list[str], count: int) -> list[str]:
    """Speaker notes shared by ``count`` slides (a section's points or a figure run over
    several): consecutive pieces as even as possible by words, cut at paragraph breaks,
    or at sentence ends when there are fewer paragraphs than slides. Paragraphs are
    joined with a blank line."""
    if count <= 1:
        return ["\n\n".join(paragraphs)]
    units: list[tuple[int, str]] = list(enumerate(paragraphs))
    if len(units) < count:
        units = [(i, s) for i, p in enumerate(paragraphs) for s in _SENTENCE_END.split(p) if s.strip()]
    groups = _balanced([len(text.split()) for _, text in units], count)
    out = []
    for group in groups:
        pieces: list[str] = []
        last = None
        for i, text in (units[k] for k in group):
            if pieces and i == last:
                pieces[-1] += " " + text
            else:
                pieces.append(text)
            last = i
        out.append("\n\n".join(pieces))
    return out + [""] * (count - len(out))


def _balanced(weights: list[int], count: int) -> list[list[int]]:
    """Indices of ``weights`` in at most ``count`` consecutive groups whose largest sum
    is as small as possible (the linear partition problem; n is small)."""
    n = len(weights)
    count = min(count, n)
    prefix = [0]
    for w in weights:
        prefix.append(prefix[-1] + w)
    inf = float("inf")
    # best[k][i]: the smallest largest-group sum for the first i units in k groups
    best = [[inf] * (n + 1) for _ in range(count + 1)]
    cut = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0
    for k in range(1, count + 1):
        for i in range(k, n + 1):
            for j in range(k - 1, i):
                cost = max(best[k - 1][j], prefix[i] - prefix[j])
                if cost < best[k][i]:
                    best[k][i], cut[k][i] = cost, j
    groups, i = [], n
    for k in range(count, 0, -1):
        j = cut[k][i]
        groups.append(list(range(j, i)))
        i = j
    return groups[::-1]
