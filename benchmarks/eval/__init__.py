"""Edit-quality benchmark: damaged articles with gold repairs, a scorer, and peer tools.

``python -m benchmarks.eval`` generates the corpus, runs cleaner and the peer
tools on the same files, scores them and writes the results table into
README.md between the ``eval`` markers.
"""
