"""Direct quotations: find them, join them over paragraphs, and attribute them.

The work is done in steps, one module each:

* `_marks`: quote marks are paired into quotations, paragraph by paragraph, and
  joined over paragraphs where the marks say so (unbalanced marks are reported);
* `_context`: what attribution knows of the article (its text view, mentions and
  verbs of saying, found by `_cues`) and where the quotation at hand stands: its
  sentence, its paragraph, the quotation before it;
* `_attribution`: the table of steps that find a quotation's speaker, tried in
  order (right after it, earlier in its sentence, a name and a colon, the
  subject of its sentence, the sentence before, a paragraph ending in a colon,
  the quotation before); `_phrases` reads a speaker's phrase out of the text;
* `_find`: `find_quotes` runs them and drops what is no quotation (markup, a
  title, a scare quote).

The words the rules read are in ``data/quote_words.txt`` (`_words`).
"""

from newsdoc.extraction._quotes._find import MIN_UNATTRIBUTED_WORDS, find_quotes
from newsdoc.extraction._quotes._marks import QuoteProblem

__all__ = ["MIN_UNATTRIBUTED_WORDS", "QuoteProblem", "find_quotes"]
