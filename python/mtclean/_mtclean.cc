// The Python binding of the library: mtclean.Cleaner and its results.
//
// A thin client, like the CLI: an Engine compiled once per Cleaner, the
// corpus library for JSON Lines and batches. Every call that cleans text
// releases the GIL, so Python threads sharing one Cleaner run in parallel
// (the Engine is immutable and thread-safe). Library errors (Status) become
// Python exceptions carrying the library's message; nothing here exits or
// aborts the interpreter.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cleaner/config/config.h"
#include "cleaner/report/text_report.h"
#include "mtclean/corpus.h"
#include "mtclean/engine.h"

namespace py = pybind11;

namespace mtclean::python {
namespace {

// The languages a Cleaner may be told, as the CLI's --lang.
const std::vector<std::string>& LanguageChoices() {
  static const std::vector<std::string> choices = {"auto", "de", "en", "es",
                                                   "fr",   "it", "pt"};
  return choices;
}

// Raises the Python exception that matches `status`: ValueError for bad
// input, FileNotFoundError and PermissionError for files, RuntimeError else.
[[noreturn]] void Raise(const absl::Status& status) {
  const std::string message(status.message());
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kFailedPrecondition:
      throw py::value_error(message);
    case absl::StatusCode::kNotFound:
      PyErr_SetString(PyExc_FileNotFoundError, message.c_str());
      throw py::error_already_set();
    case absl::StatusCode::kPermissionDenied:
      PyErr_SetString(PyExc_PermissionError, message.c_str());
      throw py::error_already_set();
    default:
      throw std::runtime_error(message);
  }
}

template <typename T>
T ValueOrRaise(absl::StatusOr<T> value) {
  if (!value.ok()) Raise(value.status());
  return *std::move(value);
}

// The UTF-8 bytes of `text`, without a copy: a str's UTF-8 form (which
// Python makes once and keeps with it; a lone surrogate is a ValueError),
// or the bytes as they are (the engine checks them). Valid while `text` is.
std::string_view Utf8View(const py::handle& text, const char* what) {
  char* data = nullptr;
  Py_ssize_t size = 0;
  if (PyBytes_Check(text.ptr())) {
    PyBytes_AsStringAndSize(text.ptr(), &data, &size);
    return {data, static_cast<size_t>(size)};
  }
  if (!PyUnicode_Check(text.ptr())) {
    throw py::type_error(absl::StrCat(what, " must be str or bytes, not ",
                                      std::string(py::str(py::type::of(text).attr("__name__")))));
  }
  const char* utf8 = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
  if (utf8 == nullptr) {
    PyErr_Clear();
    throw py::value_error(absl::StrCat(what, " is not valid Unicode (a lone surrogate)"));
  }
  return {utf8, static_cast<size_t>(size)};
}

std::string Utf8Of(const py::handle& text, const char* what) {
  return std::string(Utf8View(text, what));
}

// A run's input read in place from memory.
class ViewByteSource : public ByteSource {
 public:
  explicit ViewByteSource(std::string_view bytes) : rest_(bytes) {}
  absl::StatusOr<size_t> Read(char* buffer, size_t capacity) override {
    const size_t n = std::min(capacity, rest_.size());
    std::copy_n(rest_.data(), n, buffer);
    rest_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view rest_;
};

// UTF-8 bytes that the library made (valid by construction) as a str.
py::str StrOf(std::string_view utf8) {
  return py::reinterpret_steal<py::str>(
      PyUnicode_DecodeUTF8(utf8.data(), static_cast<Py_ssize_t>(utf8.size()), "replace"));
}

TextFormat ParseFormat(const std::string& format) {
  if (format == "plain") return TextFormat::kPlain;
  if (format == "markdown") return TextFormat::kMarkdown;
  throw py::value_error(
      absl::StrCat("format must be \"plain\" or \"markdown\", not \"", format, "\""));
}

// Maps byte offsets of one text to code point offsets (the text's str
// indices) and to 1-based lines and columns.
class Positions {
 public:
  explicit Positions(std::string_view text) : text_(text), lines_(text) {}

  // Code points before byte `offset`. Offsets are asked in any order; each
  // call walks from the nearest earlier answer.
  size_t CharOffset(size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < byte_) byte_ = chars_ = 0;
    for (; byte_ < offset; ++byte_) {
      if ((static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80) ++chars_;
    }
    return chars_;
  }
  internal::LineIndex::Position LineColumn(size_t offset) const { return lines_.At(offset); }

 private:
  std::string_view text_;
  internal::LineIndex lines_;
  size_t byte_ = 0;
  size_t chars_ = 0;
};

// The Python view of one edit.
struct PyEdit {
  size_t begin = 0, end = 0;            // bytes of the original
  size_t char_begin = 0, char_end = 0;  // code points of the original (str indices)
  std::string replacement;
};

// The Python view of one finding.
struct PyFinding {
  std::string rule;
  std::string severity;
  std::string message;
  size_t begin = 0, end = 0;
  size_t char_begin = 0, char_end = 0;
  size_t line = 1, column = 1, end_line = 1, end_column = 1;
  bool fixable = false;
  bool fixed = false;
  std::vector<PyEdit> edits;
};

struct PyResult {
  std::string text;
  std::string language;
  std::vector<PyFinding> findings;
  std::vector<PyEdit> edits;
  bool changed = false;
};

PyEdit ToPyEdit(const Edit& edit, Positions& positions) {
  return {edit.begin, edit.end, positions.CharOffset(edit.begin), positions.CharOffset(edit.end),
          edit.replacement};
}

// `result` of cleaning `original`; without `fixed_text`, the check of it
// (the text unchanged, no edits applied, nothing marked fixed).
PyResult ToPyResult(const Result& result, std::string_view original, bool fixed_text) {
  Positions positions(original);
  PyResult out;
  out.language = result.language;
  out.findings.reserve(result.findings.size());
  for (const Finding& f : result.findings) {
    PyFinding p;
    p.rule = f.rule_id;
    p.severity = std::string(SeverityName(f.severity));
    p.message = f.message;
    p.begin = f.begin;
    p.end = f.end;
    p.char_begin = positions.CharOffset(f.begin);
    p.char_end = positions.CharOffset(f.end);
    const internal::LineIndex::Position start = positions.LineColumn(f.begin);
    const internal::LineIndex::Position end = positions.LineColumn(f.end);
    p.line = start.line;
    p.column = start.column;
    p.end_line = end.line;
    p.end_column = end.column;
    p.fixable = f.has_fix();
    p.fixed = fixed_text && f.fixed;
    for (const Edit& e : f.edits) p.edits.push_back(ToPyEdit(e, positions));
    out.findings.push_back(std::move(p));
  }
  if (fixed_text) {
    out.text = result.cleaned;
    for (const Edit& e : result.edits) out.edits.push_back(ToPyEdit(e, positions));
  } else {
    out.text = std::string(original);
  }
  out.changed = out.text != original;
  return out;
}

// Accepts None, one str or a list of str for the options that take several.
std::vector<std::string> StringList(const py::object& value, const char* name) {
  std::vector<std::string> out;
  if (value.is_none()) return out;
  if (py::isinstance<py::str>(value)) {
    out.push_back(value.cast<std::string>());
    return out;
  }
  try {
    for (const py::handle& item : value) out.push_back(py::cast<std::string>(py::str(item)));
  } catch (const py::error_already_set&) {
    throw py::type_error(absl::StrCat(name, " must be a str or a list of str"));
  }
  return out;
}

// The file-system path an argument names (str or os.PathLike).
std::string PathOf(const py::object& value) {
  return py::str(py::module_::import("os").attr("fspath")(value));
}

// The corpus totals, shared with Python as a mergeable value.
struct PyCorpusStats {
  CorpusStats stats;
};

class Cleaner {
 public:
  Cleaner(const std::string& lang, const py::object& config, const py::object& rules,
          bool delete_untranslated, const py::object& enable, const py::object& disable,
          const py::object& dictionaries, const py::object& data_dir, bool cache) {
    const auto& choices = LanguageChoices();
    if (std::find(choices.begin(), choices.end(), lang) == choices.end()) {
      throw py::value_error(absl::StrCat("lang must be one of ", absl::StrJoin(choices, ", "),
                                         "; not \"", lang, "\""));
    }
    Options options;
    options.language = lang;
    if (!data_dir.is_none()) options.data_dir = PathOf(data_dir);
    for (const std::string& path : StringList(rules, "rules")) options.rule_paths.push_back(path);
    for (const std::string& path : StringList(dictionaries, "dictionaries")) {
      options.dictionary_paths.push_back(path);
    }
    if (!config.is_none()) {
      // As --config: the file's settings, then the arguments given here
      // (an explicit lang beats the file's language, as --lang does).
      const internal::Config parsed = ValueOrRaise(internal::LoadConfig(PathOf(config)));
      parsed.ApplyTo(&options, /*keep_language=*/lang != "auto");
    }
    options.delete_untranslated = options.delete_untranslated || delete_untranslated;
    for (const std::string& id : StringList(enable, "enable")) {
      options.selectors.push_back({{id, ""}, true});
    }
    for (const std::string& id : StringList(disable, "disable")) {
      options.selectors.push_back({{id, ""}, false});
    }
    // The CLI's cache: a worker process then loads the compiled patterns
    // instead of compiling them again.
    if (cache) options.cache_dir = DefaultCacheDir();
    absl::StatusOr<std::unique_ptr<Engine>> engine;
    {
      py::gil_scoped_release release;
      engine = Engine::Create(options);
    }
    engine_ = std::shared_ptr<Engine>(ValueOrRaise(std::move(engine)));
  }

  PyResult Clean(const py::handle& text, const std::string& format, bool fix) const {
    const std::string utf8 = Utf8Of(text, "text");
    const TextFormat text_format = ParseFormat(format);
    absl::StatusOr<Result> result;
    {
      py::gil_scoped_release release;
      result = engine_->Clean("<text>", utf8, text_format);
    }
    return ToPyResult(ValueOrRaise(std::move(result)), utf8, fix);
  }

  // With `stats`, each text is counted in it as a corpus document.
  std::vector<PyResult> CleanBatch(const py::iterable& texts, std::optional<int> jobs,
                                   const std::string& format, PyCorpusStats* stats) const {
    std::vector<std::string> utf8;
    size_t index = 0;
    for (const py::handle& text : texts) {
      utf8.push_back(Utf8Of(text, absl::StrCat("texts[", index++, "]").c_str()));
    }
    const TextFormat text_format = ParseFormat(format);
    std::vector<std::string_view> views(utf8.begin(), utf8.end());
    std::vector<absl::StatusOr<Result>> results;
    {
      py::gil_scoped_release release;
      results = mtclean::CleanBatch(*engine_, views, jobs.value_or(0), text_format);
    }
    std::vector<PyResult> out;
    out.reserve(results.size());
    for (size_t i = 0; i < results.size(); ++i) {
      if (!results[i].ok()) Raise(results[i].status());
    }
    for (size_t i = 0; i < results.size(); ++i) {
      if (stats != nullptr) stats->stats.AddDocument(utf8[i], *results[i]);
      out.push_back(ToPyResult(*results[i], utf8[i], true));
    }
    return out;
  }

  // The records of `lines` as `mtclean fix --jsonl` writes them: one str
  // per record, with its line terminator.
  std::vector<py::str> CleanJsonl(const py::object& lines, const std::string& field,
                                  bool annotate, bool skip_bad_records, int jobs,
                                  const std::string& name, PyCorpusStats* stats) const {
    std::string joined;
    const std::string_view input = JsonlInput(lines, &joined);
    StringSink sink;
    // Cleaning mostly shortens the text: one allocation for the output.
    sink.out.reserve(OutputEstimate(input));
    RunJsonl(input, field, annotate, skip_bad_records, jobs, name, stats, sink);
    std::vector<py::str> out;
    std::string_view rest = sink.out;
    while (!rest.empty()) {
      const size_t newline = rest.find('\n');
      const size_t length = newline == std::string_view::npos ? rest.size() : newline + 1;
      out.push_back(StrOf(rest.substr(0, length)));
      rest.remove_prefix(length);
    }
    return out;
  }

  // A block of JSON Lines text in, the CLI's bytes for it out, with no
  // Python object per record and the block read in place.
  py::bytes CleanJsonlBlock(const py::handle& block, const std::string& field, bool annotate,
                            bool skip_bad_records, int jobs, const std::string& name,
                            PyCorpusStats* stats) const {
    const std::string_view input = Utf8View(block, "block");
    BytesSink sink(OutputEstimate(input));
    RunJsonl(input, field, annotate, skip_bad_records, jobs, name, stats, sink);
    return std::move(sink).Finish();
  }

  const std::vector<RuleDescription>& Rules() const { return engine_->rules(); }

 private:
  // The JSON Lines text of `lines`: a str or bytes in place, or the items
  // of an iterable, one record each, joined into `*joined`.
  static std::string_view JsonlInput(const py::object& lines, std::string* joined) {
    if (py::isinstance<py::str>(lines) || py::isinstance<py::bytes>(lines)) {
      return Utf8View(lines, "lines");
    }
    // Each item is one record: one without a terminator gets "\n", except
    // the last, which is then read as the CLI reads a file's last line
    // without one (and counted so in the stats).
    size_t index = 0;
    bool unterminated = false;
    for (const py::handle& line : py::iter(lines)) {
      if (unterminated) joined->push_back('\n');
      joined->append(Utf8View(line, absl::StrCat("lines[", index++, "]").c_str()));
      unterminated = joined->empty() || joined->back() != '\n';
    }
    return *joined;
  }

  // Cleaning mostly shortens the text: room for the output of `input` in
  // one allocation, nearly always.
  static size_t OutputEstimate(std::string_view input) {
    return input.size() + input.size() / 16 + 64;
  }

  // Collects corpus output in a string.
  class StringSink : public CorpusSink {
   public:
    absl::Status Write(std::string_view output) override {
      out.append(output);
      return absl::OkStatus();
    }
    std::string out;
  };

  // Collects corpus output straight into a bytes object made with room for
  // it, so that a block's output is neither grown nor copied: a large
  // buffer allocated afresh costs its pages' faults, and in a Dask worker
  // (whose MALLOC_TRIM_THRESHOLD_ fixes glibc's mmap threshold) every one
  // is fresh. Write runs without the GIL and only copies bytes; what does
  // not fit goes to a string, joined by Finish (with the GIL).
  class BytesSink : public CorpusSink {
   public:
    explicit BytesSink(size_t capacity)
        : bytes_(py::reinterpret_steal<py::object>(
              PyBytes_FromStringAndSize(nullptr, static_cast<Py_ssize_t>(capacity)))),
          capacity_(capacity) {
      if (!bytes_) throw py::error_already_set();
      data_ = PyBytes_AS_STRING(bytes_.ptr());
    }

    absl::Status Write(std::string_view output) override {
      if (overflow_.empty() && output.size() <= capacity_ - used_) {
        std::copy(output.begin(), output.end(), data_ + used_);
        used_ += output.size();
      } else {
        overflow_.append(output);
      }
      return absl::OkStatus();
    }

    py::bytes Finish() && {
      if (!overflow_.empty()) {
        std::string all(data_, used_);
        all.append(overflow_);
        return py::bytes(all);
      }
      PyObject* bytes = bytes_.release().ptr();
      if (_PyBytes_Resize(&bytes, static_cast<Py_ssize_t>(used_)) != 0) {
        throw py::error_already_set();
      }
      return py::reinterpret_steal<py::bytes>(bytes);
    }

   private:
    py::object bytes_;
    char* data_ = nullptr;
    size_t capacity_;
    size_t used_ = 0;
    std::string overflow_;
  };

  // Runs corpus mode over `input` into `sink`; raises for a bad record
  // (unless skipped) as the library words it.
  void RunJsonl(std::string_view input, const std::string& field, bool annotate,
                bool skip_bad_records, int jobs, const std::string& name, PyCorpusStats* stats,
                CorpusSink& sink) const {
    CorpusOptions options;
    options.field = field;
    options.annotate = annotate;
    options.skip_bad_records = skip_bad_records;
    const RecordCleaner cleaner = ValueOrRaise(RecordCleaner::Create(options));

    const std::vector<CorpusInput> inputs = {
        {name, engine_.get(),
         [input]() -> absl::StatusOr<std::unique_ptr<ByteSource>> {
           return std::make_unique<ViewByteSource>(input);
         }}};
    CorpusRun run;
    {
      py::gil_scoped_release release;
      run = CleanCorpus(cleaner, inputs, sink, jobs);
    }
    if (!run.status.ok()) Raise(run.status);
    if (stats != nullptr) stats->stats.Merge(run.stats);
  }

  std::shared_ptr<const Engine> engine_;
};

py::dict RuleDict(const RuleDescription& rule) {
  py::dict d;
  d["id"] = rule.id;
  d["severity"] = std::string(SeverityName(rule.severity));
  d["message"] = rule.message;
  d["description"] = rule.description;
  d["languages"] = rule.languages;
  d["fixable"] = rule.fixable;
  d["source"] = rule.source;
  return d;
}

std::string EditRepr(const PyEdit& e) {
  return absl::StrCat("Edit(begin=", e.begin, ", end=", e.end, ", replacement=",
                      std::string(py::repr(StrOf(e.replacement))), ")");
}

}  // namespace
}  // namespace mtclean::python

PYBIND11_MODULE(_mtclean, m) {
  using namespace mtclean::python;
  m.doc() = "The compiled part of mtclean; use the mtclean package.";

  py::class_<PyEdit>(m, "Edit", "One change: replace [begin, end) of the original with `replacement`.")
      .def_readonly("begin", &PyEdit::begin, "UTF-8 byte offset of the start, in the original")
      .def_readonly("end", &PyEdit::end, "UTF-8 byte offset just after the end, in the original")
      .def_readonly("char_begin", &PyEdit::char_begin,
                    "Code point offset of the start (an index of the original str)")
      .def_readonly("char_end", &PyEdit::char_end, "Code point offset just after the end")
      .def_property_readonly("replacement",
                             [](const PyEdit& e) { return StrOf(e.replacement); },
                             "The new text (empty for a deletion)")
      .def("__repr__", &EditRepr);

  py::class_<PyFinding>(m, "Finding", "One artifact found by one rule.")
      .def_readonly("rule", &PyFinding::rule, "Rule id, such as \"scrape.share-widget\"")
      .def_readonly("severity", &PyFinding::severity, "\"info\", \"warning\" or \"error\"")
      .def_property_readonly("message", [](const PyFinding& f) { return StrOf(f.message); })
      .def_readonly("begin", &PyFinding::begin, "UTF-8 byte offset of the span's start")
      .def_readonly("end", &PyFinding::end, "UTF-8 byte offset just after the span")
      .def_readonly("char_begin", &PyFinding::char_begin,
                    "Code point offset of the span's start (text[char_begin:char_end])")
      .def_readonly("char_end", &PyFinding::char_end, "Code point offset just after the span")
      .def_readonly("line", &PyFinding::line, "1-based line of the span's start")
      .def_readonly("column", &PyFinding::column, "1-based column (code points) of the start")
      .def_readonly("end_line", &PyFinding::end_line, "1-based line of the span's end")
      .def_readonly("end_column", &PyFinding::end_column, "1-based column just after the end")
      .def_readonly("fixable", &PyFinding::fixable, "Whether the rule proposes a fix")
      .def_readonly("fixed", &PyFinding::fixed, "Whether the fix was applied (clean only)")
      .def_readonly("edits", &PyFinding::edits,
                    "The edits of this fix alone, in the original's offsets")
      .def("__repr__", [](const PyFinding& f) {
        return absl::StrCat("Finding(rule=", std::string(py::repr(py::str(f.rule))), ", line=",
                            f.line, ", column=", f.column, ", fixed=", f.fixed ? "True" : "False",
                            ")");
      });

  py::class_<PyResult>(m, "Result", "The outcome of cleaning (or checking) one text.")
      .def_property_readonly("text", [](const PyResult& r) { return StrOf(r.text); },
                             "The cleaned text (check: the text unchanged)")
      .def_readonly("language", &PyResult::language, "The language the text was checked as")
      .def_readonly("findings", &PyResult::findings, "Findings, by position then rule id")
      .def_readonly("edits", &PyResult::edits, "The edits applied, by position")
      .def_readonly("changed", &PyResult::changed, "Whether text differs from the input")
      .def("__repr__", [](const PyResult& r) {
        return absl::StrCat("Result(language=", std::string(py::repr(py::str(r.language))),
                            ", findings=", r.findings.size(), ", edits=", r.edits.size(), ")");
      });

  py::class_<PyCorpusStats>(m, "CorpusStats",
                            "Totals of a JSON Lines run; they add up across parts of a corpus.")
      .def(py::init<>())
      .def("merge",
           [](PyCorpusStats& self, const PyCorpusStats& other) { self.stats.Merge(other.stats); },
           py::arg("other"), "Adds the counts of `other` to these.")
      .def(
          "to_json",
          [](const PyCorpusStats& self, size_t inputs, int jobs, double seconds) {
            return mtclean::CorpusStatsJson(self.stats, {inputs, jobs, seconds});
          },
          py::arg("inputs") = 1, py::arg("jobs") = 1, py::arg("seconds") = 0.0,
          "The stats as `mtclean fix --jsonl --stats FILE` writes them.")
      .def_static(
          "from_json",
          [](const std::string& json) {
            return PyCorpusStats{ValueOrRaise(mtclean::ParseCorpusStats(json))};
          },
          py::arg("json"), "The counts of a stats file's text (ValueError if it is not one).")
      .def_property_readonly("documents", [](const PyCorpusStats& s) { return s.stats.documents; })
      .def_property_readonly("documents_changed",
                             [](const PyCorpusStats& s) { return s.stats.documents_changed; })
      .def_property_readonly("bad_records",
                             [](const PyCorpusStats& s) { return s.stats.bad_records; })
      .def_property_readonly("bytes", [](const PyCorpusStats& s) { return s.stats.bytes; })
      .def_property_readonly("text_bytes", [](const PyCorpusStats& s) { return s.stats.text_bytes; })
      .def_property_readonly("text_bytes_out",
                             [](const PyCorpusStats& s) { return s.stats.text_bytes_out; })
      .def_property_readonly(
          "rules",
          [](const PyCorpusStats& s) {
            py::dict rules;
            for (const auto& [id, r] : s.stats.rules) {
              py::dict d;
              d["findings"] = r.findings;
              d["fixed"] = r.fixed;
              d["bytes_removed"] = r.bytes_removed;
              rules[py::str(id)] = d;
            }
            return rules;
          },
          "Per rule id: findings, fixed, bytes_removed")
      // Equal when the stats files say the same (`failing` is not in them).
      .def("__eq__",
           [](const PyCorpusStats& a, const PyCorpusStats& b) {
             return mtclean::CorpusStatsJson(a.stats, {}) == mtclean::CorpusStatsJson(b.stats, {});
           })
      .def(py::pickle(
          [](const PyCorpusStats& s) { return mtclean::CorpusStatsJson(s.stats, {}); },
          [](const std::string& json) {
            return PyCorpusStats{ValueOrRaise(mtclean::ParseCorpusStats(json))};
          }));

  py::class_<Cleaner>(m, "Cleaner")
      .def(py::init<const std::string&, const py::object&, const py::object&, bool,
                    const py::object&, const py::object&, const py::object&, const py::object&,
                    bool>(),
           py::arg("lang") = "auto", py::arg("config") = py::none(),
           py::arg("rules") = py::none(), py::arg("delete_untranslated") = false,
           py::arg("enable") = py::none(), py::arg("disable") = py::none(),
           py::arg("dictionaries") = py::none(), py::arg("data_dir") = py::none(),
           py::arg("cache") = true)
      .def(
          "clean",
          [](const Cleaner& c, const py::handle& text, const std::string& format) {
            return c.Clean(text, format, true);
          },
          py::arg("text"), py::arg("format") = "plain")
      .def(
          "check",
          [](const Cleaner& c, const py::handle& text, const std::string& format) {
            return c.Clean(text, format, false);
          },
          py::arg("text"), py::arg("format") = "plain")
      .def("clean_batch", &Cleaner::CleanBatch, py::arg("texts"), py::arg("jobs") = py::none(),
           py::arg("format") = "plain", py::arg("stats") = nullptr)
      .def("clean_jsonl", &Cleaner::CleanJsonl, py::arg("lines"), py::arg("field") = "text",
           py::arg("annotate") = false, py::arg("skip_bad_records") = false,
           py::arg("jobs") = 1, py::arg("name") = "<lines>", py::arg("stats") = nullptr)
      .def("clean_jsonl_block", &Cleaner::CleanJsonlBlock, py::arg("block"),
           py::arg("field") = "text", py::arg("annotate") = false,
           py::arg("skip_bad_records") = false, py::arg("jobs") = 1,
           py::arg("name") = "<block>", py::arg("stats") = nullptr)
      .def("rules",
           [](const Cleaner& c) {
             py::list out;
             for (const mtclean::RuleDescription& r : c.Rules()) out.append(RuleDict(r));
             return out;
           });
}
