"""Temporal expressions: find them, and resolve them against the article's date.

The work is done in steps, one module each:

* `_readings`: cheap searches find the anchors of a date (weekday and month names,
  years, times, and a few lower-case words: ``week``, ``ago``, ``today``), and small
  anchored patterns read the expression around each anchor;
* `_find`: `find_dates` keeps the longest of overlapping readings and resolves each;
* `_resolve`: the table of resolvers, one per kind of reading, that give a value
  and a precision from the article date (relative expressions are resolved from it
  only, never from today's date).

The words the rules read, and the patterns built from them, are in
``data/date_words.txt`` (`_words`).
"""

from newsdoc.extraction._dates._find import find_dates

__all__ = ["find_dates"]
