"""`debate-explorer db upgrade` and `debate-explorer class …`: the server owner's classroom tools.

For a teacher who lost the private link (``new-teacher-link``) and for data retention (``delete``, ``purge``).
The database is the one the app uses (``$DEBATE_EXPLORER_DATABASE_URL``, ``.streamlit/secrets.toml`` or the
SQLite default). Secrets are printed once, to standard output, and never logged.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def _service() -> Any:
    from .classroom import ClassroomService, db

    engine = db.make_engine()
    db.upgrade(engine)
    return ClassroomService(engine)


def _run(action: Any) -> int:
    """Run a command; a classroom problem or an unreachable database is one line on stderr and exit 2."""
    from sqlalchemy.exc import SQLAlchemyError

    from .classroom import ClassroomError

    try:
        return int(action() or 0)
    except ClassroomError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except SQLAlchemyError as exc:
        # The type only: driver messages can carry the URL, and with it a password.
        print(f"error: the classroom database cannot be used ({type(exc).__name__})", file=sys.stderr)
    return 2


def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    from .classroom import db

    def action() -> None:
        engine = db.make_engine(args.url)
        db.upgrade(engine)
        print(f"database at revision {db.current_revision(engine)}")

    return _run(action)


def _cmd_list(args: argparse.Namespace) -> int:
    def action() -> None:
        rows = _service().list_classes()
        if args.format == "json":
            print(json.dumps([_summary(info, n) for info, n in rows], indent=2))
            return
        for info, students in rows:
            section = f"/{info.section_id}" if info.section_id else ""
            created = info.created_at.strftime("%Y-%m-%d %H:%M")
            where = f"{info.topic_id}{section}"
            print(f"{info.code}  {info.phase.value:<8} {students:>4} students  {created}  {where}")
        print(f"{len(rows)} class(es)", file=sys.stderr)

    return _run(action)


def _summary(info: Any, students: int) -> dict[str, Any]:
    return {
        "code": info.code,
        "topic": info.topic_id,
        "section": info.section_id,
        "phase": info.phase.value,
        "students": students,
        "created": info.created_at.isoformat(),
    }


def _cmd_export(args: argparse.Namespace) -> int:
    return _run(lambda: print(json.dumps(_service().export(args.code), indent=2, ensure_ascii=False)))


def _cmd_new_teacher_link(args: argparse.Namespace) -> int:
    def action() -> None:
        secret = _service().new_teacher_link(args.code)
        code = args.code.strip().upper()
        base = args.base_url.rstrip("/")
        print(f"{base}/classroom?class={code}&teacher={secret}")
        print("The old teacher link no longer works. This link is shown only now.", file=sys.stderr)

    return _run(action)


def _cmd_delete(args: argparse.Namespace) -> int:
    def action() -> None:
        _service().delete_class(args.code)
        print(f"deleted class {args.code.strip().upper()} and all its votes and rebuttals", file=sys.stderr)

    return _run(action)


def _cmd_purge(args: argparse.Namespace) -> int:
    def action() -> None:
        count = _service().purge(args.older_than)
        print(f"deleted {count} class(es) created more than {args.older_than:g} days ago", file=sys.stderr)

    return _run(action)


def register(commands: Any) -> None:
    """Add the `db` and `class` commands to the CLI's subparsers."""
    db = commands.add_parser("db", help="the classroom database")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_commands.add_parser("upgrade", help="apply schema migrations (for a hosted database)")
    upgrade.add_argument("--url", help="database URL (default: $DEBATE_EXPLORER_DATABASE_URL or the app's)")
    upgrade.set_defaults(run=_cmd_db_upgrade)

    klass = commands.add_parser("class", help="list, export or delete class debates")
    class_commands = klass.add_subparsers(dest="class_command", required=True)
    listing = class_commands.add_parser("list", help="every class with its phase and number of students")
    listing.add_argument("--format", choices=["text", "json"], default="text")
    listing.set_defaults(run=_cmd_list)
    export = class_commands.add_parser("export", help="a class's options, teams, votes and rebuttals as JSON")
    export.add_argument("code")
    export.set_defaults(run=_cmd_export)
    link = class_commands.add_parser("new-teacher-link", help="replace a lost teacher link")
    link.add_argument("code")
    link.add_argument("--base-url", default="http://localhost:8501", help="the app's address")
    link.set_defaults(run=_cmd_new_teacher_link)
    delete = class_commands.add_parser("delete", help="delete a class and all its data")
    delete.add_argument("code")
    delete.set_defaults(run=_cmd_delete)
    purge = class_commands.add_parser("purge", help="delete classes older than a number of days")
    purge.add_argument("--older-than", type=float, required=True, metavar="DAYS")
    purge.set_defaults(run=_cmd_purge)
