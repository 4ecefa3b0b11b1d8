// The HTTP/1.1 service of `mtclean serve`, on cpp-httplib: the endpoints of
// api.h over one shared set of engines, with the limits a public-facing
// service needs.
//
//   POST /v1/check, POST /v1/fix   see api.h
//   GET  /v1/rules                 the active rules (`mtclean rules --format json`)
//   GET  /healthz                  {"status": "ok", "in_flight": N, "stopping": false}
//   GET  /                         the review page, when one is given
//
// Limits: a body over `max_body` bytes is answered 413 (counted after
// decompression, for a declared length, a chunked body or one read to the
// end alike); beyond `max_in_flight` requests being checked or fixed at once
// the next is answered 503 with Retry-After; a body that is not UTF-8, not
// JSON or has wrong field types is answered 400; every error body is
// {"error": MESSAGE, "status": CODE}. At most `jobs` texts are cleaned at
// once; the other admitted requests wait for a worker.
//
// Threads: `max_in_flight` plus a few connection threads read and answer
// requests (so that a 503 or /healthz is answered while every slot is
// busy); a connection kept alive holds one of them while it waits for its
// next request, up to the keep-alive timeout.
//
// Stop() (from any thread, e.g. on SIGTERM) closes the listening socket and
// lets every request already read finish and be answered in full; idle
// kept-alive connections are then closed, and Run() returns.
#ifndef MTCLEAN_SERVE_SERVER_H_
#define MTCLEAN_SERVE_SERVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "cleaner/serve/engines_by_language.h"

namespace mtclean::serve {

struct ServerOptions {
  // Where to listen. Port 0: any free port (Bind() says which).
  std::string host = "127.0.0.1";
  int port = 8765;
  // Texts cleaned at once (the worker threads). Must be at least 1.
  int jobs = 1;
  // Check and fix requests admitted at once, waiting or being cleaned.
  size_t max_in_flight = 64;
  // Largest request body, in bytes.
  size_t max_body = size_t{1} << 20;
  // Per read and per write on a connection: a request whose headers or body
  // stall longer is dropped (a stalled body: answered 400). The whole body
  // must also arrive within read_timeout_seconds of its headers.
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  // How long a kept-alive connection waits for its next request.
  int keep_alive_seconds = 5;
  // The HTML page served at GET /; empty: GET / is 404.
  std::string review_page;
  // Test hook: each check or fix request waits this long once admitted and
  // before it is cleaned, holding its in-flight slot but no worker, so that
  // tests can hold slots (503, shutdown during requests). 0 in production.
  int test_delay_ms = 0;
};

// Receives one access-log or status line at a time, without its "\n"; may
// be called from many threads at once.
using LogSink = std::function<void(std::string_view line)>;

class Server {
 public:
  // `engines` must outlive the server. Access lines go to `log`: method,
  // path, status, body bytes and milliseconds, e.g.
  // "POST /v1/fix 200 1834 bytes 3.12 ms".
  Server(ServerOptions options, EnginesByLanguage* engines, LogSink log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket. Returns the port bound (the chosen one for
  // port 0). Error: Unavailable when the address cannot be bound (in use,
  // not local, not an address).
  absl::StatusOr<int> Bind();

  // Serves until Stop(); returns once every request in flight is answered.
  // Call once, after Bind().
  void Run();

  // Thread-safe; may come before Run(), which then returns at once.
  void Stop();

  // Check and fix requests admitted and not yet answered.
  size_t in_flight() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mtclean::serve

#endif  // MTCLEAN_SERVE_SERVER_H_
