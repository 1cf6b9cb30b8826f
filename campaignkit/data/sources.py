"""The one YAML reader: campaign files read by the same rules everywhere, with their lines.

Duplicate keys are refused, aliases allowed but capped, dates kept as text.
"""

from pathlib import Path

import yaml

from campaignkit.data.guard import UnsafeFile, read_data_bytes
from campaignkit.text.problems import Problem

# A case file holds a few kilobytes: far more is a mistake, and costly once parsed.
MAX_YAML_BYTES = 1_000_000


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


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present


class _Loader(_Base):
    """Safe YAML whose dates stay text: the models read them, so a bad one is a named problem.
    Keys stay text as typed (`7:`, `true:`): field names are text, and a problem with such a
    key names it as written, on its own line."""

    def construct_mapping(self, node, deep=False):
        self.flatten_mapping(node)
        mapping = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = self.construct_scalar(key_node)
            else:  # a list or mapping as a key
                key = self.construct_object(key_node, deep=deep)
                if not isinstance(key, str):
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping",
                        node.start_mark,
                        "found a key that is not a name",
                        key_node.start_mark,
                    )
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)
MAX_DEPTH = 20  # campaign files nest four levels; deeper is a mistake or an attack
MAX_VALUES = 100_000  # values once aliases are expanded; a case file holds about a hundred


def _check_tree(node, shown: str) -> None:
    """Refuse what YAML allows but a campaign file must not hold: a key given twice (YAML
    would silently keep the last one), aliases that multiply (a few `*` lines can stand for
    billions of values) and absurd nesting."""
    stack = [(node, 0, node.start_mark.line + 1)]
    values = 0
    while stack:
        current, depth, line = stack.pop()  # line: of the key the node is the value of
        values += 1
        if values > MAX_VALUES:
            raise SourceError(
                Problem(shown, "", "yaml_expansion", {"limit": MAX_VALUES}, line=line)
            )
        if depth > MAX_DEPTH:
            raise SourceError(Problem(shown, "", "yaml_too_deep", {"limit": MAX_DEPTH}, line=line))
        if isinstance(current, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key, _ in current.value:
                name, at = str(key.value), key.start_mark.line + 1
                if name in keys and key.tag != "tag:yaml.org,2002:merge":
                    params = {"value": name, "other": keys[name]}
                    raise SourceError(Problem(shown, name, "yaml_duplicate_key", params, line=at))
                keys[name] = at
            for key, value in reversed(current.value):  # popped in document order
                at = key.start_mark.line + 1
                stack += [(value, depth + 1, at), (key, depth + 1, at)]
        elif isinstance(current, yaml.SequenceNode):
            items = reversed(current.value)
            stack += [(item, depth + 1, item.start_mark.line + 1) for item in items]


def _parse(text: str, shown: str):
    """The document and its node tree, parsed once."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_tree(node, shown)
        return loader.construct_document(node), node
    finally:
        loader.dispose()


def read_source(path: Path, shown: str, root: Path | None, limit: int) -> bytes:
    """A data file's bytes, read through the guard (root: the campaign, else its folder)."""
    try:
        return read_data_bytes(path, path.parent if root is None else root, limit)
    except UnsafeFile as unsafe:
        raise SourceError(Problem(shown, "", unsafe.code, unsafe.params)) from None


def read_yaml(path: Path, shown: str, root: Path | None = None) -> tuple[dict, dict[tuple, int]]:
    """The mapping in a YAML file and the line of every key in it."""
    try:
        raw = read_source(path, shown, root, MAX_YAML_BYTES)
    except OSError as error:
        detail = error.strerror or str(error)
        raise SourceError(Problem(shown, "", "file_unreadable", {"detail": detail})) from None
    return parse_yaml(raw, shown)


def parse_yaml(raw: bytes, shown: str) -> tuple[dict, dict[tuple, int]]:
    """The mapping in a YAML file's bytes and the line of every key in it; SourceError
    when they cannot be read by the kit's rules."""
    try:
        text = raw.decode("utf-8-sig")
        data, node = _parse(text, shown)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        detail = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SourceError(
            Problem(shown, "", "yaml_syntax", {"detail": detail}, line=line)
        ) from None
    except UnicodeDecodeError as error:
        detail = f"not UTF-8 (byte {error.start})"
        raise SourceError(Problem(shown, "", "file_unreadable", {"detail": detail})) from None
    if not isinstance(data, dict):
        raise SourceError(Problem(shown, "", "not_a_mapping", line=1))
    return data, _line_map(node) if node else {}


def load_text(text: str):
    """A YAML text's data as the kit reads it (dates as text), without the checks."""
    return yaml.load(text, Loader=_Loader)


def compose(text: str):
    """A YAML text's node tree, as the kit's loader builds it."""
    return yaml.compose(text, Loader=_Loader)


def line_of(lines: dict[tuple, int], loc: tuple) -> int | None:
    """The line of the deepest key of `loc` that the file has."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None
