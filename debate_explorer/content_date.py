"""When a topic's content last changed: the topic's own ``updated`` date, else its file's git history.

Never the file's modification time: that is when the files were copied or checked out, not when anyone
changed the content. Git is asked only for the file's last commit date, with a list of arguments (no
shell) and a short timeout; anything that fails means "unknown". No Streamlit here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from .model import Topic

GIT_TIMEOUT = 5.0
_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")


def git_date(file: Path) -> str | None:
    """The date (YYYY-MM-DD) of the last commit that changed ``file``, or None outside git or untracked."""
    git = shutil.which("git")
    if git is None or not file.is_file():
        return None
    try:
        run = subprocess.run(
            [git, "-C", str(file.parent), "log", "-1", "--format=%cs", "--", file.name],
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    date = run.stdout.strip()
    return date if run.returncode == 0 and _DATE.match(date) else None


def last_changed(topic: Topic, file: Path) -> tuple[str, str] | None:
    """(date, where it comes from) for the Topics page: the ``updated`` field first, then git; else None."""
    if topic.updated:
        return topic.updated, "the topic's updated date"
    date = git_date(file)
    return (date, "the file's last commit") if date else None
