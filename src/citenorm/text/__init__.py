"""Pure text tools: folds, keys, word lists and the romanizer (``citenorm.text.romanize``)."""
