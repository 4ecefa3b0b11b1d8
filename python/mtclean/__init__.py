"""mtclean: clean the artifacts scraping and machine translation leave in news text.

The engine is the C++ library the ``mtclean`` command runs; this package
compiles its rules once per :class:`Cleaner` and cleans text in the calling
process, releasing the GIL while it works::

    import mtclean

    cleaner = mtclean.Cleaner(lang="en")
    result = cleaner.clean(text)
    print(result.text)
    for finding in result.findings:
        print(finding.line, finding.rule, finding.message)

For corpora, :meth:`Cleaner.clean_jsonl` writes exactly what
``mtclean fix --jsonl`` writes, and :mod:`mtclean.dask` runs it on a Dask
cluster with one Cleaner per worker process.
"""

from __future__ import annotations

import os
from typing import Iterable, List, Optional, Sequence, Union

from ._mtclean import CorpusStats, Edit, Finding, Result
from ._mtclean import Cleaner as _Engine

__all__ = ["Cleaner", "CorpusStats", "Edit", "Finding", "Result"]

_Text = Union[str, bytes]
_Paths = Union[None, str, os.PathLike, Sequence[Union[str, os.PathLike]]]


def _paths(value: _Paths) -> Optional[List[str]]:
    if value is None:
        return None
    if isinstance(value, (str, os.PathLike)):
        return [os.fspath(value)]
    return [os.fspath(v) for v in value]


def _names(value: Union[None, str, Sequence[str]]) -> Optional[List[str]]:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    return list(value)


class Cleaner:
    """A compiled set of mtclean rules, reusable across calls and threads.

    Building one loads the word lists and compiles the rules (a fraction of
    a second with the pattern cache warm); build it once and keep it. One
    Cleaner may be used by many Python threads at once: cleaning releases
    the GIL and the engine is immutable.

    Arguments (all optional, the CLI's options of the same names):

    lang
        The language of the text: ``"de"``, ``"en"``, ``"es"``, ``"fr"``,
        ``"it"``, ``"pt"``, or ``"auto"`` (default) to guess it per text,
        falling back to English. An explicit language beats the config's.
    config
        A ``.mtclean.yaml`` file whose settings apply (as ``--config``).
    rules
        Extra rule files or folders of ``*.yaml`` rules (as ``--rules``).
    delete_untranslated
        Also delete the sentences ``mt.untranslated`` finds (default: only
        report them).
    enable, disable
        Rule ids or globs (``"scrape.*"``) to turn on or off.
    dictionaries
        Extra word-list folders laid out like ``dictionaries/``.
    data_dir
        The folder holding the built-in ``rules/`` and ``dictionaries/``
        (default: ``MTCLEAN_DATA_DIR``, else the one chosen at build time).
    cache
        Keep compiled pattern databases between processes, in the CLI's cache
        folder (``MTCLEAN_CACHE_DIR``, ``XDG_CACHE_HOME``, ``~/.cache``).

    Raises ``ValueError`` for a malformed rule or config file or a bad
    argument, ``FileNotFoundError`` for a missing file or folder; each
    message is the library's, naming the file (and line) at fault.
    """

    def __init__(
        self,
        lang: str = "auto",
        config: Union[None, str, os.PathLike] = None,
        rules: _Paths = None,
        delete_untranslated: bool = False,
        *,
        enable: Union[None, str, Sequence[str]] = None,
        disable: Union[None, str, Sequence[str]] = None,
        dictionaries: _Paths = None,
        data_dir: Union[None, str, os.PathLike] = None,
        cache: bool = True,
    ) -> None:
        self._options = dict(
            lang=lang,
            config=None if config is None else os.fspath(config),
            rules=_paths(rules),
            delete_untranslated=bool(delete_untranslated),
            enable=_names(enable),
            disable=_names(disable),
            dictionaries=_paths(dictionaries),
            data_dir=None if data_dir is None else os.fspath(data_dir),
            cache=bool(cache),
        )
        self._engine = _Engine(**self._options)

    @property
    def options(self) -> dict:
        """The arguments this Cleaner was built with (to build another)."""
        return dict(self._options)

    def clean(self, text: _Text, format: str = "plain") -> Result:
        """Finds the artifacts in ``text`` and applies the safe fixes.

        ``format`` is ``"plain"`` or ``"markdown"`` (code, links and HTML are
        then left alone, and suppression comments are read). Returns a
        :class:`Result`: ``.text`` (cleaned), ``.language``, ``.findings`` and
        the ``.edits`` applied. Byte offsets are into the UTF-8 encoding of
        ``text``; ``char_begin``/``char_end`` index the str itself.
        Raises ``ValueError`` for bytes that are not UTF-8 (naming the
        offset) or an unknown format.
        """
        return self._engine.clean(text, format)

    def check(self, text: _Text, format: str = "plain") -> Result:
        """Like :meth:`clean` without applying anything: ``.text`` is the
        input, ``.edits`` is empty and no finding is ``fixed``; each
        finding's ``edits`` still say what its fix would change."""
        return self._engine.check(text, format)

    def clean_batch(
        self,
        texts: Iterable[_Text],
        jobs: Optional[int] = None,
        format: str = "plain",
        *,
        stats: Optional[CorpusStats] = None,
    ) -> List[Result]:
        """Cleans many texts on the library's worker threads (``jobs``;
        default: one per core) and returns their results in order. The
        first text that cannot be cleaned raises, naming ``texts[i]``.
        When ``stats`` is given, each text is counted in it as a document
        of a corpus (its ``bytes`` are not: there is no record)."""
        return self._engine.clean_batch(texts, jobs, format, stats)

    def clean_jsonl(
        self,
        lines: Union[_Text, Iterable[_Text]],
        field: str = "text",
        annotate: bool = False,
        *,
        skip_bad_records: bool = False,
        jobs: int = 1,
        name: str = "<lines>",
        stats: Optional[CorpusStats] = None,
    ) -> List[str]:
        """Cleans JSON Lines records as ``mtclean fix --jsonl`` does.

        ``lines`` is the text of a JSON Lines file, or an iterable of its
        lines (each one record; a missing line terminator is taken as
        ``"\\n"``). The string at ``field`` (a dotted path such as
        ``"meta.body"``) is cleaned and each record written back with only it
        changed. Returns one str per record with its line terminator, so
        ``"".join(...)`` is byte for byte the CLI's output. ``annotate`` adds
        the ``mtclean`` object of ``--annotate``. A bad record raises
        ``ValueError`` ("NAME:LINE: bad record: ...") unless
        ``skip_bad_records``, which passes it through unchanged. When
        ``stats`` is given, this run's counts are merged into it.
        """
        return self._engine.clean_jsonl(
            lines, field, annotate, skip_bad_records, jobs, name, stats
        )

    def clean_jsonl_block(
        self,
        block: _Text,
        field: str = "text",
        annotate: bool = False,
        *,
        skip_bad_records: bool = False,
        jobs: int = 1,
        name: str = "<block>",
        stats: Optional[CorpusStats] = None,
    ) -> bytes:
        """Like :meth:`clean_jsonl` for a block of whole JSON Lines records
        (bytes, as a file holds them), returning the CLI's bytes for the
        block as one ``bytes``: no Python object is made per record, which
        is what a pipeline moving blocks of a corpus wants."""
        return self._engine.clean_jsonl_block(
            block, field, annotate, skip_bad_records, jobs, name, stats
        )

    def rules(self) -> List[dict]:
        """The active rules, sorted by id: dicts with ``id``, ``severity``,
        ``message``, ``description``, ``languages``, ``fixable``, ``source``."""
        return self._engine.rules()

    def __repr__(self) -> str:
        return f"mtclean.Cleaner(lang={self._options['lang']!r})"
