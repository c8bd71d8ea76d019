"""The checker of the scripted conversations (benchmarks/conversations/): what each turn expects
(spec), the published figures it is checked against, read from the source files (sources), the
words by which a reply's content is recognised (markers), the checks (checks) and the run over
REST (runner). It reads nothing from the project's database or code, so that the yardstick does
not move with what it measures."""
