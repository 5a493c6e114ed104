"""How an error message quotes a text from a topic file.

Layout problems (a title too long for any slide) carry their file, line and
field from the planner (deck/plan/context.py ``report``); the message quotes at
most ``QUOTE`` characters of the text, so a 100,000-character title does not
fill the terminal.
"""

from __future__ import annotations

QUOTE = 80


def quote(text: str, limit: int = QUOTE) -> str:
    """``text`` as an error message quotes it: on one line, at most ``limit`` characters."""
    line = " ".join(text.split())
    return repr(line if len(line) <= limit else line[: limit - 1] + "…")
