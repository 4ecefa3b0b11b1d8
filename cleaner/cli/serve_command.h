// `mtclean serve`: the HTTP service of cleaner/serve/ over the engine that
// the global options select (--config or the current folder's
// .mtclean.yaml, --lang, --rules, ...), as `mtclean rules` would use.
#ifndef MTCLEAN_CLI_SERVE_COMMAND_H_
#define MTCLEAN_CLI_SERVE_COMMAND_H_

#include <cstddef>
#include <string>

#include "cleaner/cli/engines.h"

namespace CLI {
class App;
}  // namespace CLI

namespace mtclean::cli {

struct ServeCommandOptions {
  std::string listen = "127.0.0.1:8765";  // HOST:PORT; port 0: any free one
  int jobs = 0;                            // worker threads; 0: one per core
  size_t max_in_flight = 64;
  size_t max_body = size_t{1} << 20;
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  int test_delay_ms = 0;  // test hook, see serve::ServerOptions
};

// Adds the `serve` command with its options to `app`; returns it.
CLI::App* AddServeCommand(CLI::App* app, ServeCommandOptions* options);

// Serves until SIGTERM or SIGINT, then finishes the requests in flight.
// Prints `mtclean: listening on http://HOST:PORT` on standard error once
// bound, and one access line per request. Returns 0 after a signal, 2 when
// the options, the configuration or the address are wrong.
int RunServe(EngineSet& engines, const ServeCommandOptions& options);

}  // namespace mtclean::cli

#endif  // MTCLEAN_CLI_SERVE_COMMAND_H_
