"""Extractors that kill the worker process running them: the faults of a corpus run.

They live in a module of their own so that worker processes (which import
what they run by name) can import them.
"""

from __future__ import annotations

import os
import signal

from newsdoc import Article
from newsdoc.extraction import extract


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class KillOnce:
    """Extracts as usual, but kills its process the first time an article holds
    ``word``: the first worker to claim the file ``claim`` (by renaming it, which
    only one process can do) dies."""

    def __init__(self, word: str, claim: str) -> None:
        self.word = word
        self.claim = claim

    def __call__(self, article: Article, /) -> Article:
        if self.word in article.text:
            try:
                os.rename(self.claim, self.claim + ".taken")
            except FileNotFoundError:
                pass  # claimed already: this run goes through
            else:
                _die()
        return extract(article)


class KillAlways:
    """Kills its process whenever an article holds ``word``."""

    def __init__(self, word: str) -> None:
        self.word = word

    def __call__(self, article: Article, /) -> Article:
        if self.word in article.text:
            _die()
        return extract(article)
