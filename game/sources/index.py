"""Reads `seeds/sources.yaml`, the index of source texts, like every other author file.

It goes through `game.loading.yaml_tree.read_yaml` (no Python objects from
tags, no aliases, duplicate keys refused, every value positioned), and its
shape is checked with the scene loader's helpers, so a broken index is a
diagnostic at its line and column in sources.yaml, never a traceback:
a missing `file:`, a list at the top, a seed that is not UTF-8, an id used
twice. The seed texts themselves are only read and hashed, never changed.

Imported lazily by `library.load_library`: the loader imports the library,
so the library cannot import the loader when it is first imported.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from game.diagnostics import Diagnostics, Location
from game.loading.shape import check_keys, id_of, int_of, list_of, text_of, wrong_type
from game.loading.yaml_tree import YMap, YScalar, read_yaml
from game.sources.library import Source, SourceLibrary
from game.sources.voices_file import read_voices

INDEX_FILE = "sources.yaml"
INDEX_FORMAT = 1
_TOP_KEYS = frozenset({"format", "sources"})
_SOURCE_REQUIRED = ("id", "title", "kind", "file")
_SOURCE_KEYS = frozenset({*_SOURCE_REQUIRED, "sha256", "provenance", "publisher", "known_slips"})
_SLIP_KEYS = frozenset({"text", "note"})


def read_index(seeds_dir: Path, diagnostics: Diagnostics) -> SourceLibrary:
    """Every source `sources.yaml` in `seeds_dir` lists that could be read; problems reported."""
    index_path = seeds_dir / INDEX_FILE
    filename = str(index_path)
    try:
        data = index_path.read_bytes()
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        diagnostics.add("CN100", Location(filename), reason=reason,
                        hint=f"the game needs {INDEX_FILE} beside the seed texts; restore it "
                             "from version control")
        return SourceLibrary(index_problem=filename)
    before = len(diagnostics.items)
    root = read_yaml(data, filename, diagnostics)
    entries = None
    if root is not None:
        check_keys(root, ("sources",), _TOP_KEYS, INDEX_FILE, diagnostics)
        fmt = int_of(root, "format", diagnostics, default=INDEX_FORMAT)
        if fmt != INDEX_FORMAT:
            diagnostics.add("CN205", root.items["format"].where, value=fmt,
                            kind="sources format", allowed=str(INDEX_FORMAT),
                            hint="this game reads sources.yaml format 1")
        else:
            entries = list_of(root, "sources", diagnostics)
    if entries is None:
        found = diagnostics.items[before:]
        where = found[0].where if found else Location(filename)
        return SourceLibrary(index_problem=str(where))
    sources: list[Source] = []
    listed: list[str] = []
    first_seen: dict[str, Location] = {}
    for item in entries.items:
        if type(item) is not YMap:
            wrong_type("sources", item, "a mapping with 'id', 'title', 'kind' and 'file'",
                       diagnostics)
            continue
        assert isinstance(item, YMap)
        id_node = item.items.get("id")
        if isinstance(id_node, YScalar):
            listed.append(id_node.raw)
        source = _read_source(item, seeds_dir, first_seen, diagnostics)
        if source is not None:
            sources.append(source)
    read_voices(seeds_dir, sources, diagnostics, listed)
    return SourceLibrary(sources, unavailable=listed)


def _read_source(
    item: YMap, seeds_dir: Path, first_seen: dict[str, Location], diagnostics: Diagnostics
) -> Source | None:
    """One entry of `sources:`; None (after diagnostics) when it cannot be used."""
    source_id = id_of(item, "id", diagnostics)
    check_keys(item, _SOURCE_REQUIRED, _SOURCE_KEYS,
               f"the source '{source_id}'" if source_id else "a source", diagnostics)
    if source_id:
        id_where = item.items["id"].where
        first = first_seen.get(source_id)
        if first is not None:
            diagnostics.add("CN506", id_where, id=source_id, first_line=first.line,
                            hint="give each source its own id; scenes cite sources by it")
            return None
        first_seen[source_id] = id_where
    title = text_of(item, "title", diagnostics)
    kind = text_of(item, "kind", diagnostics)
    provenance = text_of(item, "provenance", diagnostics, allow_empty=True)
    publisher = text_of(item, "publisher", diagnostics)
    slips = _read_slips(item, diagnostics)
    text = _read_text(item, seeds_dir, diagnostics)
    if text is None or not source_id:
        return None
    for (slip, _note), where in slips:
        if slip and slip not in text:
            diagnostics.add("CN507", where, text=slip, source=source_id,
                            hint="copy the slip exactly as it stands in the seed text")
    path = seeds_dir / text_of(item, "file", Diagnostics())
    return Source(id=source_id, title=title, kind=kind, provenance=" ".join(provenance.split()),
                  path=path, text=text, known_slips=tuple(slip for slip, _where in slips),
                  publisher=publisher)


def _read_text(item: YMap, seeds_dir: Path, diagnostics: Diagnostics) -> str | None:
    """The seed text `file:` names, checked against `sha256:`; None when it cannot be used."""
    file_node = item.items.get("file")
    name = text_of(item, "file", diagnostics)
    if not isinstance(file_node, YScalar) or not name:
        return None
    if Path(name).name != name or name in (".", ".."):
        diagnostics.add("CN503", file_node.where, file=name,
                        hint="name a file in the seeds folder itself, like 'boris_bazarov.txt'")
        return None
    path = seeds_dir / name
    try:
        data = path.read_bytes()
    except OSError:
        diagnostics.add("CN503", file_node.where, file=str(path),
                        hint="restore it from version control")
        return None
    expected = item.items.get("sha256")
    if isinstance(expected, YScalar) and expected.raw:
        digest = hashlib.sha256(data).hexdigest()
        if digest != expected.raw:
            diagnostics.add("CN504", expected.where, file=str(path), found=digest[:12],
                            expected=expected.raw[:12],
                            hint="the seed texts are never edited: restore it from version "
                                 "control, and list its slips under 'known_slips' instead")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        diagnostics.add("CN103", file_node.where,
                        byte=data[error.start:error.start + 1].hex(), offset=error.start,
                        hint=f"the seed {name} must be UTF-8 text; restore it from version "
                             "control")
        return None


def _read_slips(
    item: YMap, diagnostics: Diagnostics
) -> list[tuple[tuple[str, str], Location]]:
    """`known_slips:`: (text as it stands in the seed, what is wrong with it), and where."""
    slips_node = list_of(item, "known_slips", diagnostics)
    if slips_node is None:
        return []
    slips: list[tuple[tuple[str, str], Location]] = []
    for slip in slips_node.items:
        if type(slip) is not YMap:
            wrong_type("known_slips", slip, "a mapping with 'text' and 'note'", diagnostics)
            continue
        assert isinstance(slip, YMap)
        check_keys(slip, ("text", "note"), _SLIP_KEYS, "a known slip", diagnostics)
        text_node = slip.items.get("text")
        where = text_node.where if text_node is not None else slip.where
        slips.append(((text_of(slip, "text", diagnostics), text_of(slip, "note", diagnostics)),
                      where))
    return slips
