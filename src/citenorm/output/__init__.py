"""Records -> the command outputs of ``extract`` and ``match``: the contract's JSON
objects (:mod:`~citenorm.output.json`) and the ``--format text`` views
(:mod:`~citenorm.output.text`).

They live below the command line (not in :mod:`citenorm.cli`) because the batch
library writes the same JSON lines, and above the records, which stay free of output
shapes.
"""
