"""mtclean.Cleaner: the API, its results against the CLI's, threads, errors."""

import json
import os
import threading

import pytest

import mtclean
from conftest import SOURCE_DIR, run_cli

NOISY = (
    "Rates held as inflation cools\n"
    "\n"
    "Rates held as inflation cools\n"
    "\n"
    "The central bank kept its main rate unchanged on Thursday, saying that "
    "the the price rises of the spring had begun to ease.\n"
    "\n"
    "Share this:\n"
)


def test_clean_returns_the_cleaned_text_and_what_changed(cleaner):
    result = cleaner.clean(NOISY)
    assert isinstance(result, mtclean.Result)
    assert result.text != NOISY
    assert result.changed
    assert result.text.count("Rates held as inflation cools") == 1
    assert "Share this:" not in result.text
    assert result.language == "en"
    rules = {f.rule for f in result.findings}
    assert "scrape.duplicate-headline" in rules
    assert result.edits, "the applied edits are listed"
    # The edits, applied to the original, give the cleaned text.
    data = NOISY.encode()
    out, at = [], 0
    for edit in result.edits:
        out.append(data[at:edit.begin])
        out.append(edit.replacement.encode())
        at = edit.end
    out.append(data[at:])
    assert b"".join(out).decode() == result.text


def test_check_reports_without_applying(cleaner):
    cleaned = cleaner.clean(NOISY)
    checked = cleaner.check(NOISY)
    assert checked.text == NOISY
    assert not checked.changed
    assert checked.edits == []
    assert [f.rule for f in checked.findings] == [f.rule for f in cleaned.findings]
    assert not any(f.fixed for f in checked.findings)
    assert any(f.fixed for f in cleaned.findings)
    assert all(f.edits or not f.fixable or f.rule for f in checked.findings)


def test_character_spans_index_the_str_and_byte_spans_its_utf8():
    cleaner = mtclean.Cleaner(lang="fr")
    text = ("Les élèves reprennent les cours\n\nLes élèves reprennent les cours\n\n"
            "À Lyon, l’école a rouvert ses portes après les travaux de l’été.\n")
    result = cleaner.check(text)
    assert result.findings
    data = text.encode()
    for f in result.findings:
        assert text[f.char_begin:f.char_end].encode() == data[f.begin:f.end]
        for e in f.edits:
            assert text[e.char_begin:e.char_end].encode() == data[e.begin:e.end]


def test_markdown_format_leaves_code_alone(cleaner):
    text = "# Title\n\nThe code below is kept:\n\n```\nShare this:\n```\n"
    assert cleaner.clean(text, format="markdown").text == text


def test_bytes_are_taken_as_utf8(cleaner):
    assert cleaner.clean(NOISY.encode()).text == cleaner.clean(NOISY).text


def test_findings_equal_the_cli_json_report(cleaner, articles, tmp_path):
    """Every fixture article: the same findings, spans, positions and fix
    state as `mtclean check --format json`, and the text `mtclean fix -`
    writes."""
    for name, text in articles.items():
        path = tmp_path / name
        path.write_bytes(text.encode())
        report = json.loads(run_cli(["check", "--format", "json", name], cwd=tmp_path))
        fmt = "markdown" if name.endswith(".md") else "plain"
        result = cleaner.clean(text, format=fmt)
        mine = [
            {
                "rule": f.rule, "severity": f.severity, "message": f.message,
                "line": f.line, "column": f.column, "end_line": f.end_line,
                "end_column": f.end_column, "byte_begin": f.begin, "byte_end": f.end,
                "fix": None if not f.fixable else {
                    "applied": f.fixed,
                    "edits": [{"byte_begin": e.begin, "byte_end": e.end,
                               "replacement": e.replacement} for e in f.edits],
                },
            }
            for f in result.findings
        ]
        theirs = [{k: v for k, v in f.items() if k != "file"} for f in report["findings"]]
        assert mine == theirs, name
        fixed = run_cli(["fix", "-"] + (["--markdown"] if fmt == "markdown" else []),
                        stdin=text.encode())
        assert result.text.encode() == fixed, name


def test_rules_lists_the_active_rules(cleaner):
    rules = cleaner.rules()
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids)
    assert "scrape.duplicate-headline" in ids
    cli = json.loads(run_cli(["rules", "--format", "json"]))
    assert ids == [r["id"] for r in cli["rules"]]
    first = rules[0]
    assert set(first) == {"id", "severity", "message", "description", "languages",
                          "fixable", "source"}


def test_options_select_rules_and_language():
    only_doubled = mtclean.Cleaner(lang="en", enable="text.doubled-word", disable="*")
    assert [r["id"] for r in only_doubled.rules()] == ["text.doubled-word"]
    result = only_doubled.clean(NOISY)
    assert {f.rule for f in result.findings} == {"text.doubled-word"}
    assert mtclean.Cleaner(lang="de").clean("Der Zug fährt heute später ab.\n").language == "de"
    assert only_doubled.options["lang"] == "en"


def test_config_file_applies_and_lang_beats_it(tmp_path):
    config = tmp_path / ".mtclean.yaml"
    config.write_text("language: fr\ndisable: [text.doubled-word]\n")
    from_file = mtclean.Cleaner(config=config)
    assert "text.doubled-word" not in [r["id"] for r in from_file.rules()]
    assert from_file.clean("Un texte court.\n").language == "fr"
    assert mtclean.Cleaner(config=config, lang="en").clean("A short text.\n").language == "en"


def test_extra_rule_files_load(tmp_path):
    rule = tmp_path / "house.yaml"
    rule.write_text(
        "id: house.promo\n"
        "severity: warning\n"
        "message: House promotion left in the text\n"
        "scope: line\n"
        "where: anywhere\n"
        "action: delete-line\n"
        "phrases:\n"
        "  - subscribe to the daily gazette\n"
        "examples:\n"
        "  - bad: \"The mayor spoke.\\nSubscribe to the Daily Gazette\\n\"\n"
        "    good: \"The mayor spoke.\\n\"\n"
        "  - ok: \"The mayor spoke about the daily gazette.\\n\"\n")
    cleaner = mtclean.Cleaner(rules=[rule])
    assert "house.promo" in [r["id"] for r in cleaner.rules()]
    text = "The mayor spoke.\n\nSubscribe to the Daily Gazette\n"
    assert cleaner.clean(text).text == "The mayor spoke.\n"


def test_threads_share_one_cleaner(cleaner, articles):
    texts = list(articles.values()) * 4
    expected = [cleaner.clean(t).text for t in texts]
    got = [None] * len(texts)
    errors = []

    def work(start):
        try:
            for i in range(start, len(texts), 4):
                got[i] = cleaner.clean(texts[i]).text
        except Exception as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not errors
    assert got == expected


def test_cleaning_releases_the_gil(cleaner, articles):
    """While one thread is inside clean(), another runs Python code: the
    counter moves during the call (with the GIL held it could not)."""
    text = "".join(articles.values()) * 20
    inside = threading.Event()
    done = threading.Event()
    ticks = []

    def count():
        inside.wait(timeout=60)
        while not done.is_set():
            ticks.append(1)

    counter = threading.Thread(target=count)
    counter.start()
    # The call starts with `inside` set: the counter then needs the GIL to run.
    inside.set()
    before = len(ticks)
    cleaner.clean(text)
    during = len(ticks) - before
    done.set()
    counter.join(timeout=60)
    assert during > 0


def test_clean_batch_equals_clean_one_by_one(cleaner, articles):
    texts = list(articles.values())
    batch = cleaner.clean_batch(texts, jobs=2)
    assert [r.text for r in batch] == [cleaner.clean(t).text for t in texts]
    stats = mtclean.CorpusStats()
    cleaner.clean_batch(texts, stats=stats)
    assert stats.documents == len(texts)
    assert stats.documents_changed == sum(r.changed for r in batch)


def test_help_teaches():
    doc = mtclean.Cleaner.__doc__
    for word in ("lang", "config", "rules", "delete_untranslated", "ValueError",
                 "FileNotFoundError"):
        assert word in doc
    for method in ("clean", "check", "clean_batch", "clean_jsonl", "rules"):
        assert getattr(mtclean.Cleaner, method).__doc__
    stubs = os.path.join(os.path.dirname(mtclean.__file__), "_mtclean.pyi")
    assert os.path.exists(stubs)


# Every error path: a Python exception with the library's message.

def test_invalid_utf8_is_a_value_error_naming_the_offset(cleaner):
    with pytest.raises(ValueError, match="byte 6"):
        cleaner.clean(b"Hello \xff world\n")


def test_lone_surrogate_is_a_value_error(cleaner):
    with pytest.raises(ValueError, match="surrogate"):
        cleaner.clean("broken \ud800 text")


def test_wrong_types_are_type_errors(cleaner):
    with pytest.raises(TypeError):
        cleaner.clean(42)
    with pytest.raises(TypeError):
        cleaner.clean_batch(["ok", 3])


def test_unknown_format_and_language_are_value_errors(cleaner):
    with pytest.raises(ValueError, match="format"):
        cleaner.clean("text", format="html")
    with pytest.raises(ValueError, match="lang"):
        mtclean.Cleaner(lang="xx")


def test_malformed_rule_file_is_a_value_error_naming_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: house.bad\nseverity: [oops\n")
    with pytest.raises(ValueError, match=r"bad\.yaml:\d+"):
        mtclean.Cleaner(rules=bad)


def test_missing_files_are_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere"):
        mtclean.Cleaner(rules=tmp_path / "nowhere.yaml")
    with pytest.raises(FileNotFoundError, match="nowhere"):
        mtclean.Cleaner(config=tmp_path / "nowhere.yaml")
    with pytest.raises(FileNotFoundError):
        mtclean.Cleaner(data_dir=tmp_path / "nowhere")


def test_missing_dictionary_is_file_not_found(tmp_path):
    # A data folder whose word lists lack the fallback language's.
    data = tmp_path / "data"
    data.mkdir()
    os.symlink(os.path.join(SOURCE_DIR, "rules"), data / "rules")
    (data / "dictionaries").mkdir()
    with pytest.raises(FileNotFoundError):
        mtclean.Cleaner(data_dir=data, lang="en")


def test_bad_record_is_a_value_error_naming_the_line(cleaner):
    with pytest.raises(ValueError, match=r"^<lines>:2: bad record"):
        cleaner.clean_jsonl(['{"text": "fine"}', '{"text": 3}'])
