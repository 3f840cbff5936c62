"""Reproducible speed and scale benchmarks (`make bench`); results go to benchmarks/results/."""
