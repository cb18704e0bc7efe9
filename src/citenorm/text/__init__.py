"""Pure ``str`` tools that every stage shares: folds and normalization
(:mod:`~citenorm.text.normalize`), script-neutral keys (:mod:`~citenorm.text.skeleton`),
the named regular expressions (:mod:`~citenorm.text.patterns`), the word lists and
look-ups of :mod:`~citenorm.text.lexicon`, and the romanizer
(:mod:`~citenorm.text.romanize`). Nothing here knows about files.
"""
