"""Safe YAML -> validated :class:`~debate_explorer.model.Topic`, with exact error locations.

Only the safe loader is used (libyaml's C loader where available). Every mapping and sequence keeps the
line of each key and item, so any error names ``file:line path: message``. Duplicate keys, anchors and
aliases (the alias-bomb vector; topic files never need them), Python tags, oversized files and non-UTF-8
bytes are refused with a :class:`LoadError`, never a traceback. Loading a folder returns every good topic
plus the errors of the others: one broken file never hides the rest.
"""

from __future__ import annotations

import errno
import gc
import os
import threading
from collections.abc import Callable, Generator, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from . import files
from .model import DATE_PATTERN, ID_PATTERN, Topic

MAX_BYTES = 4 * 1024 * 1024
"""Largest topic file accepted. The shipped topic is ~100 KB; a file 40x that is a mistake or an attack."""

TOPIC_SUFFIXES = (".yaml", ".yml")

Loc = tuple[str | int, ...]
ModelT = TypeVar("ModelT", bound=BaseModel)

if TYPE_CHECKING:  # the C loader offers the pure-Python SafeLoader's interface
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"


def located(file: str, line: int | None, path: str, message: str) -> str:
    """``file:line path: message``, the one way every load error and check finding names its place.

    The line is left out when a problem has no place in the file, the path when it concerns the whole file.
    """
    where = file if line is None else f"{file}:{line}"
    return f"{where} {path}: {message}" if path else f"{where}: {message}"


@dataclass(unsafe_hash=True)
class LoadError(Exception):
    """A problem with one topic file, located as precisely as the input allows.

    Not ``frozen``: contextlib assigns ``__traceback__`` when an exception leaves a ``with`` block of a
    generator context manager (``st.spinner`` is one), and a frozen dataclass turns that into
    FrozenInstanceError. Value equality and hashing stay as before.
    """

    file: str
    line: int | None
    path: str
    message: str
    others: tuple[LoadError, ...] = ()
    """Further problems found in the same pass (validation reports them all)."""

    def all(self) -> tuple[LoadError, ...]:
        return (self, *self.others)

    def __str__(self) -> str:
        return located(self.file, self.line, self.path, self.message)


class LineDict(dict):
    """A YAML mapping that remembers its own line and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list):
    """A YAML sequence that remembers its own line and the line of each item."""

    line: int = 0
    item_lines: list[int]


# Timestamps stay strings: `published: 2019-05-01` must not silently become a date object.
_RESOLVERS_WITHOUT_TIMESTAMPS: dict[str, list[tuple[str, Any]]] = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class _TopicLoader(_BaseLoader):
    """Safe loader that records lines, rejects duplicate keys and aliases, and keeps dates as text."""

    yaml_implicit_resolvers = _RESOLVERS_WITHOUT_TIMESTAMPS

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "anchors and aliases (&name, *name) are not allowed in topic files",
                node.start_mark,
            )
        return super().construct_object(node, deep=deep)

    def construct_yaml_map(self, node: yaml.MappingNode) -> Generator[LineDict]:
        data = LineDict()
        data.line = node.start_mark.line + 1
        data.key_lines = {}
        yield data
        for key_node, value_node in node.value:
            if key_node.tag == _STR_TAG and key_node not in self.constructed_objects:
                # Fast path for the usual plain-text key (about half of all nodes): the same value the
                # full construct_object would give, recorded so a later alias to it is still refused.
                key = self.constructed_objects[key_node] = key_node.value
            else:
                key = self.construct_object(key_node)
            if not isinstance(key, str):
                shown = key if isinstance(key, Hashable) else type(key).__name__
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {shown!r} is not text; put it in quotes", key_node.start_mark
                )
            if key in data:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} (first on line {data.key_lines[key]})",
                    key_node.start_mark,
                )
            data.key_lines[key] = key_node.start_mark.line + 1
            data[key] = self.construct_object(value_node)

    def construct_yaml_seq(self, node: yaml.SequenceNode) -> Generator[LineList]:
        data = LineList()
        data.line = node.start_mark.line + 1
        data.item_lines = [child.start_mark.line + 1 for child in node.value]
        yield data
        data.extend(self.construct_object(child) for child in node.value)


_TopicLoader.add_constructor("tag:yaml.org,2002:map", _TopicLoader.construct_yaml_map)
_TopicLoader.add_constructor("tag:yaml.org,2002:seq", _TopicLoader.construct_yaml_seq)


def _refuse_binary(loader: _TopicLoader, node: yaml.Node) -> None:
    """``!!binary`` would become bytes, which pydantic quietly turns into text: refuse it like other tags."""
    raise yaml.constructor.ConstructorError(
        None, None, "tag !!binary is not allowed: topic files are plain YAML without tags", node.start_mark
    )


_TopicLoader.add_constructor("tag:yaml.org,2002:binary", _refuse_binary)


def _shown(value: Any, limit: int = 60) -> str:
    """A short description of a value for an error message: a 3 MB list must not become a 3 MB message."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"


def format_loc(loc: Iterable[str | int]) -> str:
    """('sections', 2, 'pairs', 0, 'critic') -> 'sections[2].pairs[0].critic'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def line_at(raw: Any, loc: Sequence[str | int]) -> int | None:
    """The line of the deepest node on ``loc`` that exists in the raw YAML data."""
    line = getattr(raw, "line", None)
    node = raw
    for part in loc:
        if isinstance(node, LineDict) and isinstance(part, str) and part in node:
            line, node = node.key_lines[part], node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line, node = node.item_lines[part], node[part]
        else:
            break
    return line


@dataclass(frozen=True)
class LoadedTopic:
    """A validated topic with where it came from; ``line_of`` locates any path inside it."""

    topic: Topic
    file: str
    raw: Any = field(repr=False, compare=False)
    mtime_ns: int = 0

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        return line_at(self.raw, loc)


@dataclass
class Library:
    """Every topic that loaded, and one error per file that did not."""

    topics: list[LoadedTopic] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)

    def get(self, topic_id: str) -> LoadedTopic | None:
        return next((t for t in self.topics if t.topic.id == topic_id), None)


def _friendly(error: ErrorDetails) -> str:
    kind, msg, ctx = error["type"], error["msg"], error.get("ctx") or {}
    value = error.get("input")
    if kind == "extra_forbidden":
        return "unknown key (check the spelling)"
    if kind == "missing":
        return "required field is missing"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == ID_PATTERN:
            return f"{_shown(value)} is not a valid id: use lowercase letters and digits joined by '-'"
        if ctx.get("pattern") == DATE_PATTERN:
            return f"{_shown(value)} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, in quotes"
    if kind == "string_too_long":
        length = len(value) if isinstance(value, str) else 0
        return (
            f"text of {length:,} characters is too long: at most {ctx.get('max_length', 0):,} characters "
            "are allowed here (split it or shorten it)"
        )
    if kind == "string_type":
        names: dict[type, str] = {LineDict: "mapping", LineList: "list"}
        found = names.get(type(value), type(value).__name__)
        return f"expected text, found {found} {_shown(value)}; put it in quotes"
    msg = msg.removeprefix("Value error, ")
    return msg[0].lower() + msg[1:] if msg else kind


def parse_yaml(text: str, file: str) -> Any:
    """Parse YAML text with the topic loader; YAML problems become a LoadError with the line."""
    loader = _TopicLoader(text)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        if problem.startswith("could not determine a constructor for the tag"):
            problem = (
                f"tag {problem.rsplit(' ', 1)[-1]} is not allowed: topic files are plain YAML without tags"
            )
        if exc.context and exc.problem and "constructor" not in type(exc).__module__:
            problem = f"{problem} ({exc.context})"
        raise LoadError(file, mark.line + 1 if mark else None, "", problem) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        problem = f"{exc.reason}: found U+{exc.character:04X}"
        raise LoadError(file, line, "", problem) from None
    except yaml.YAMLError as exc:
        raise LoadError(file, None, "", f"not valid YAML: {exc}") from None
    except RecursionError:
        raise LoadError(file, None, "", "nesting is too deep") from None
    finally:
        loader.dispose()


def validate(raw: Any, file: str) -> Topic:
    """Validate parsed YAML into a Topic; the first problem becomes a LoadError with file and line."""
    if raw is None:
        raise LoadError(file, None, "", "file is empty; a topic needs at least id, title and question")
    return validate_as(Topic, raw, file)


def validate_as(model: type[ModelT], raw: Any, file: str, context: dict[str, Any] | None = None) -> ModelT:
    """Validate parsed YAML into any strict model (topics, round formats) with file and line in errors."""
    if not isinstance(raw, dict):
        raise LoadError(file, getattr(raw, "line", 1), "", "the top level must be a mapping (key: value)")
    try:
        return model.model_validate(raw, context=context)
    except ValidationError as exc:
        found = [
            LoadError(file, line_at(raw, tuple(err["loc"])), format_loc(err["loc"]), _friendly(err))
            for err in exc.errors(include_url=False)
        ]
        raise replace(found[0], others=tuple(found[1:])) from None
    except RecursionError:
        raise LoadError(file, None, "", "nesting is too deep") from None


def load_text(text: str, file: str = "<text>", expected_id: str | None = None) -> LoadedTopic:
    """Parse and validate topic YAML text. Raises LoadError."""
    raw = parse_yaml(text, file)
    topic = validate(raw, file)
    if expected_id is not None and topic.id != expected_id:
        raise LoadError(
            file,
            raw.key_lines.get("id"),
            "id",
            f"topic id {topic.id!r} must equal the file name {expected_id!r}",
        )
    return LoadedTopic(topic=topic, file=file, raw=raw)


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a file as UTF-8 text within the size cap (files.read_text); every problem becomes a LoadError."""
    try:
        return files.read_text(path, max_bytes)
    except files.FileProblem as exc:
        raise LoadError(str(path), exc.line, "", exc.reason) from None


def load_file(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> LoadedTopic:
    """Load one topic file; its id must equal the file name. Raises LoadError."""
    path = Path(path)
    try:
        mtime_ns = path.stat().st_mtime_ns
    except OSError as exc:
        raise LoadError(str(path), None, "", f"cannot read file: {exc.strerror or exc}") from None
    loaded = load_text(read_text(path, max_bytes), str(path), expected_id=path.stem)
    return LoadedTopic(topic=loaded.topic, file=loaded.file, raw=loaded.raw, mtime_ns=mtime_ns)


def _loops(path: Path) -> bool:
    """True for a symbolic link that leads back to itself."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def topic_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The topic files of a folder: *.yaml and *.yml, not hidden, sorted by name."""
    folder = Path(folder)
    return sorted(
        p
        for p in folder.iterdir()
        # A link loop stays in, so the loader reports it as the app's error cards do, instead of the CLI
        # passing over it in silence; folders, devices, pipes and dangling links are not topic files.
        if p.suffix in TOPIC_SUFFIXES and not p.name.startswith(".") and (p.is_file() or _loops(p))
    )


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files stay as given; folders become their topic files; a file named twice (after resolving links and
    relative parts) is loaded once, so a path given a thousand times is not a thousand "id already used"."""
    out: list[Path] = []
    seen: set[str] = set()
    for item in paths:
        path = Path(item)
        for file in topic_files(path) if path.is_dir() else [path]:
            try:
                key = str(file.resolve())
            except (OSError, RuntimeError):  # a link loop: keep it, the loader reports it
                key = str(file.absolute())
            if key not in seen:
                seen.add(key)
                out.append(file)
    return out


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = True


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a library loads (safe when threads overlap).

    Parsing builds only acyclic trees, which reference counting frees; but every object kept makes each
    full collection slower, and with the collector running, loading 100 topics spent ~40% of its time in
    collections (benchmarks/scale.py). The last overlapping load restores the collector's previous state.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def load_library(
    paths: Iterable[str | os.PathLike[str]],
    max_bytes: int = MAX_BYTES,
    load: Callable[[Path], LoadedTopic] | None = None,
) -> Library:
    """Load every topic file under ``paths``; each broken file becomes one error, the rest load.

    ``load`` replaces :func:`load_file` for one file (the app passes a per-file cached loader, so editing
    one topic reloads only that file); it must raise :class:`LoadError` for a file that does not load.
    """
    with _gc_paused():
        return _load_library(paths, load or (lambda path: load_file(path, max_bytes)))


def _load_library(paths: Iterable[str | os.PathLike[str]], load: Callable[[Path], LoadedTopic]) -> Library:
    library = Library()
    seen: dict[str, str] = {}
    for path in expand_paths(paths):
        try:
            loaded = load(path)
        except LoadError as exc:
            library.errors.append(exc)
            continue
        topic_id = loaded.topic.id
        if topic_id in seen:
            library.errors.append(
                LoadError(
                    loaded.file,
                    loaded.line_of(("id",)),
                    "id",
                    f"topic id {topic_id!r} is already used by {seen[topic_id]}",
                )
            )
            continue
        seen[topic_id] = loaded.file
        library.topics.append(loaded)
    return library
