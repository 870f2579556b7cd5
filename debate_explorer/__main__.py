"""`python -m debate_explorer` runs the command-line tool."""

from .cli import main

raise SystemExit(main())
