"""Pure ``str`` tools that every stage shares: folds and normalization
(:mod:`~citenorm.text.normalize`), script-neutral keys (:mod:`~citenorm.text.skeleton`),
the named regular expressions (:mod:`~citenorm.text.patterns`) and the word lists and
look-ups of :mod:`~citenorm.text.lexicon`. Nothing here knows about records or files.
"""
