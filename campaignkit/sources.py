"""Reading the campaign's YAML and CSV files while remembering where each value stood."""

import csv
import io
from pathlib import Path

import yaml

from .problems import Problem


class SourceError(Exception):
    """A file that cannot be read at all; carries the problem to report."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.text("en"))


def _line_map(node, path=(), lines=None) -> dict[tuple, int]:
    """Map each key path of a YAML document to its 1-based line."""
    lines = {} if lines is None else lines
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            _line_map(value, child, lines)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_map(item, path + (index,), lines)
    return lines


def _parse(text: str):
    """The document and its node tree, parsed once (with libyaml when present)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node else None), node
    finally:
        loader.dispose()


def read_yaml(path: Path, shown: str) -> tuple[dict, dict[tuple, int]]:
    """The mapping in a YAML file and the line of every key in it."""
    try:
        text = path.read_text(encoding="utf-8-sig")
        data, node = _parse(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        detail = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SourceError(
            Problem(shown, "", "yaml_syntax", {"detail": detail}, line=line)
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(Problem(shown, "", "file_unreadable", {"detail": error})) from None
    if not isinstance(data, dict):
        raise SourceError(Problem(shown, "", "not_a_mapping", line=1))
    return data, _line_map(node) if node else {}


def line_of(lines: dict[tuple, int], loc: tuple) -> int | None:
    """The line of the deepest key of `loc` that the file has."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def read_csv(path: Path, shown: str, required: list[str]) -> list[dict[str, str]]:
    """The rows of a CSV file as text; every required column must be in the header."""
    try:
        text = path.read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        header = next(csv.reader(io.StringIO(text, newline="")), [])
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise SourceError(Problem(shown, "", "file_unreadable", {"detail": error})) from None
    missing = [column for column in required if column not in header]
    if missing:
        raise SourceError(
            Problem(shown, missing[0], "missing_column", {"value": missing[0]}, line=1)
        )
    return rows
