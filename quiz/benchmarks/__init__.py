"""The content benchmark: a synthetic corpus and the timing of the pipeline, the fixture and the reload."""
