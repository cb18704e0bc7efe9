"""Pure ``str`` tools that every stage shares: folds and normalization
(:mod:`~citenorm.text.normalize`), script-neutral keys (:mod:`~citenorm.text.skeleton`),
the named regular expressions (:mod:`~citenorm.text.patterns`), every word list
(:mod:`~citenorm.text.vocab`), the lexicon's look-ups of places, publishers, names and
terms (:mod:`~citenorm.text.lexicon`, its data in ``lexicon/data/*.tsv``), and the
romanizer (:mod:`~citenorm.text.romanize`). Nothing here knows about files.
"""
