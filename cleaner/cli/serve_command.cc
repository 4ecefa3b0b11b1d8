// `mtclean serve`: runs cleaner/serve/'s HTTP service until a signal.
#include "cleaner/cli/serve_command.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <cstring>
#include <iostream>
#include <list>
#include <mutex>
#include <thread>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "cleaner/cli/commands.h"
#include "cleaner/serve/engines_by_language.h"
#include "cleaner/serve/review_page.h"
#include "cleaner/serve/server.h"
#include "mtclean/corpus.h"

namespace mtclean::cli {
namespace {

// One line to standard error in one write, so that lines from many
// threads do not interleave.
void LogLine(std::string_view line) {
  std::string out = absl::StrCat("mtclean: ", absl::string_view(line.data(), line.size()), "\n");
  size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::write(STDERR_FILENO, out.data() + done, out.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

// "HOST:PORT" or "[IPv6]:PORT".
bool ParseListen(const std::string& listen, std::string* host, int* port) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size()) return false;
  *host = listen.substr(0, colon);
  if (host->size() > 2 && host->front() == '[' && host->back() == ']') {
    *host = host->substr(1, host->size() - 2);
  }
  const char* first = listen.data() + colon + 1;
  const char* last = listen.data() + listen.size();
  const auto [end, ec] = std::from_chars(first, last, *port);
  return ec == std::errc() && end == last && *port >= 0 && *port <= 65535;
}

}  // namespace

CLI::App* AddServeCommand(CLI::App* app, ServeCommandOptions* options) {
  CLI::App* serve = app->add_subcommand(
      "serve", "Run the HTTP JSON service (POST /v1/check, POST /v1/fix, GET /v1/rules, "
               "GET /healthz, GET / the review page) until SIGTERM or SIGINT");
  serve->add_option("--listen", options->listen,
                    "HOST:PORT to listen on; port 0 picks a free one (the address is printed)")
      ->capture_default_str();
  serve->add_option("--jobs,-j", options->jobs,
                    "Worker threads cleaning texts at once (default: the number of cores)");
  serve->add_option("--max-in-flight", options->max_in_flight,
                    "Check and fix requests admitted at once; the next one is answered 503")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve->add_option("--max-body", options->max_body,
                    "Largest request body in bytes; a larger one is answered 413")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve->add_option("--read-timeout", options->read_timeout_seconds,
                    "Seconds a connection may stall while a request is read, and the most its body "
                    "may take to arrive")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve->add_option("--write-timeout", options->write_timeout_seconds,
                    "Seconds a connection may stall while an answer is written")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve->add_option("--test-delay-ms", options->test_delay_ms,
                    "Test hook: each check or fix request waits this long before it is "
                    "cleaned, holding its in-flight slot (never in production)")
      ->check(CLI::NonNegativeNumber)
      ->group("Testing");
  return serve;
}

int RunServe(EngineSet& engines, const ServeCommandOptions& options) {
  serve::ServerOptions server_options;
  if (!ParseListen(options.listen, &server_options.host, &server_options.port)) {
    std::cerr << "mtclean: error: --listen wants HOST:PORT (such as 127.0.0.1:8765), not `"
              << options.listen << "`\n";
    return kExitUsage;
  }
  server_options.jobs = WorkerCount(options.jobs);
  server_options.max_in_flight = options.max_in_flight;
  server_options.max_body = options.max_body;
  server_options.read_timeout_seconds = options.read_timeout_seconds;
  server_options.write_timeout_seconds = options.write_timeout_seconds;
  server_options.test_delay_ms = options.test_delay_ms;
  server_options.review_page = serve::ReviewPage(kLanguageChoices);

  // SIGTERM and SIGINT are taken by a thread of their own (below), not by
  // whichever thread the kernel picks: blocked here, before any thread
  // starts, so that every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  absl::StatusOr<EngineSet::Selection> selection = engines.For("-");
  if (!selection.ok()) {
    std::cerr << "mtclean: error: " << selection.status().message() << "\n";
    return kExitUsage;
  }
  // A request's `lang` other than --lang gets an engine of its own, built
  // from the same options on its first request and kept: at most one per
  // language of kLanguageChoices.
  std::mutex sets_mutex;
  std::list<std::unique_ptr<EngineSet>> language_sets;
  serve::EnginesByLanguage by_language(
      selection->engine, engines.given_language(), kLanguageChoices,
      [&](const std::string& language) -> absl::StatusOr<const Engine*> {
        std::unique_ptr<EngineSet> set = engines.WithLanguage(language);
        absl::StatusOr<EngineSet::Selection> s = set->For("-");
        if (!s.ok()) return s.status();
        std::lock_guard<std::mutex> lock(sets_mutex);
        language_sets.push_back(std::move(set));
        return s->engine;
      });

  serve::Server server(server_options, &by_language, LogLine);
  absl::StatusOr<int> port = server.Bind();
  if (!port.ok()) {
    std::cerr << "mtclean: error: " << port.status().message() << "\n";
    return kExitUsage;
  }
  const std::string& host = server_options.host;
  const std::string shown_host =
      host.find(':') != std::string::npos ? absl::StrCat("[", host, "]") : host;
  LogLine(absl::StrCat("listening on http://", shown_host, ":", *port, " (", server_options.jobs,
                       server_options.jobs == 1 ? " worker)" : " workers)"));

  std::atomic<bool> done{false};
  std::thread signal_waiter([&] {
    const timespec tick = {0, 200 * 1000 * 1000};
    while (!done.load()) {
      const int signal_number = sigtimedwait(&signals, nullptr, &tick);
      if (signal_number == SIGTERM || signal_number == SIGINT) {
        LogLine(absl::StrCat("stopping on ", signal_number == SIGTERM ? "SIGTERM" : "SIGINT",
                             ": finishing ", server.in_flight(), " requests in flight"));
        server.Stop();
        return;
      }
    }
  });
  server.Run();
  done.store(true);
  signal_waiter.join();
  LogLine("stopped");
  return kExitClean;
}

}  // namespace mtclean::cli
