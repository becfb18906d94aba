"""What an analyst reads, computed from the store's records (issue 13): the relationship index, quotes, notable
numbers, tone and the calendar of what comes next. Pure functions over typed records; the store does the
reading (``detente/store/queries.py``), ``detente.api`` wires the two together. docs/analysis.md."""
