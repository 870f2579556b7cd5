"""The profiler that benchmarks/profile_rerun.py switches on inside the app's script thread."""

import cProfile

PROFILER = cProfile.Profile()
ENABLED = False
