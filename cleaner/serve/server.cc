#include "cleaner/serve/server.h"

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <semaphore>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "cleaner/report/json_report.h"
#include "cleaner/serve/api.h"
#include "httplib.h"

namespace mtclean::serve {
namespace {

// Connection threads beyond max_in_flight: they answer /healthz, the rules
// and the 503s while every admitted request is busy.
constexpr size_t kSpareThreads = 8;
// Pending connections the kernel keeps for accept().
constexpr int kListenBacklog = 256;
// How often the accept loop wakes up to see whether Stop() was called.
constexpr auto kIdleInterval = std::chrono::milliseconds(100);

constexpr char kJson[] = "application/json";

void Send(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  res.set_content(reply.body, kJson);
}

// When the request now being handled on this thread started (its headers
// read), for the access log; each connection is served on one thread.
thread_local std::optional<std::chrono::steady_clock::time_point> request_start;

// httplib::Server with the two things its API does not offer.
class HttpServer : public httplib::Server {
 public:
  // httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, compiled
  // into Debian's library): a burst of clients overflows it, and the
  // connections that do not fit wait for SYN retransmissions (a second or
  // more). Linux lets listen() be called again on a listening socket to
  // change its backlog.
  void WidenBacklog(int backlog) { ::listen(svr_sock_, backlog); }
};

// httplib's thread pool, woken every kIdleInterval by the accept loop: it
// stops the server from that loop's own thread when Stop() asked for it
// before the loop ran.
class StoppablePool : public httplib::ThreadPool {
 public:
  StoppablePool(size_t threads, std::function<void()> on_idle)
      : httplib::ThreadPool(threads), on_idle_(std::move(on_idle)) {}
  void on_idle() override { on_idle_(); }

 private:
  std::function<void()> on_idle_;
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, EnginesByLanguage* e, LogSink l)
      : options(std::move(o)), engines(e), log(std::move(l)), workers(options.jobs) {}

  // Admission of one check or fix request: counted while it lives.
  class Admission {
   public:
    explicit Admission(Impl* impl) : impl_(impl) {
      size_t n = impl_->in_flight.load();
      while (n < impl_->options.max_in_flight &&
             !impl_->in_flight.compare_exchange_weak(n, n + 1)) {
      }
      admitted_ = n < impl_->options.max_in_flight;
    }
    ~Admission() {
      if (admitted_) impl_->in_flight.fetch_sub(1);
    }
    Admission(const Admission&) = delete;
    Admission& operator=(const Admission&) = delete;
    bool admitted() const { return admitted_; }

   private:
    Impl* impl_;
    bool admitted_;
  };

  enum class Body { kRead, kTooLarge, kBroken };

  // Reads the body into `*body`, at most max_body bytes of it (after any
  // Content-Encoding is undone), all of it within read_timeout_seconds
  // (httplib's timeout is per read: a body that trickles in would hold its
  // thread for as long as it liked). A request without Content-Length or
  // chunked encoding has no body (RFC 9112, 6.3), though httplib would read
  // one to the end of the connection.
  Body ReadBody(const httplib::Request& req, httplib::Response& res,
                const httplib::ContentReader& reader, std::string* body) {
    const bool chunked = absl::EqualsIgnoreCase(req.get_header_value("Transfer-Encoding"), "chunked");
    if (!req.has_header("Content-Length") && !chunked) {
      return Body::kRead;
    }
    bool too_large = false;
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(options.read_timeout_seconds);
    const bool read = reader([&](const char* data, size_t length) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      if (body->size() + length > options.max_body) {
        too_large = true;
        return false;
      }
      body->append(data, length);
      return true;
    });
    // httplib answers a declared Content-Length over the limit itself
    // (status 413, the body skipped) before any byte reaches the receiver.
    if (too_large || res.status == 413) return Body::kTooLarge;
    return read ? Body::kRead : Body::kBroken;
  }

  void HandleClean(const httplib::Request& req, httplib::Response& res,
                   const httplib::ContentReader& reader, bool fix) {
    const Admission admission(this);
    std::string body;
    // Read even when refusing, so that the connection stays in step and the
    // client, done sending, reads the answer.
    const Body read = ReadBody(req, res, reader, &body);
    if (read == Body::kTooLarge) {
      // What is left of an aborted chunked body cannot be skipped safely.
      res.set_header("Connection", "close");
      return Send(res, ErrorReply(413, absl::StrCat("the body is larger than the limit of ",
                                                    options.max_body,
                                                    " bytes (mtclean serve --max-body)")));
    }
    if (read == Body::kBroken) {
      res.set_header("Connection", "close");
      return Send(res, ErrorReply(400, absl::StrCat("the body ended early, stalled or took over ",
                                                    options.read_timeout_seconds,
                                                    " s to arrive (mtclean serve --read-timeout)")));
    }
    if (!admission.admitted()) {
      res.set_header("Retry-After", "1");
      return Send(res, ErrorReply(503, absl::StrCat("too many requests at once: ",
                                                    options.max_in_flight,
                                                    " are being checked (mtclean serve "
                                                    "--max-in-flight); try again shortly")));
    }
    absl::StatusOr<CleanRequest> request = ParseCleanRequest(body);
    if (!request.ok()) return Send(res, ErrorReply(400, request.status().message()));
    absl::StatusOr<const Engine*> engine = engines->For(request->language);
    if (!engine.ok()) {
      const int status = absl::IsInvalidArgument(engine.status()) ? 400 : 500;
      return Send(res, ErrorReply(status, engine.status().message()));
    }
    if (options.test_delay_ms > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(options.test_delay_ms));
    }
    absl::StatusOr<Result> result;
    {
      workers.acquire();
      result = (*engine)->Clean(request->name, request->text, request->format);
      workers.release();
    }
    if (!result.ok()) {
      const int status = absl::IsInvalidArgument(result.status()) ? 400 : 500;
      return Send(res, ErrorReply(status, result.status().message()));
    }
    res.status = 200;
    res.set_content(CleanAnswer(*request, *result, fix), kJson);
  }

  // The JSON body of an error httplib answers itself (no such endpoint, a
  // malformed request line, ...). Bodies set by the handlers are kept.
  httplib::Server::HandlerResponse OnError(const httplib::Request& req,
                                           httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string message;
    switch (res.status) {
      case 404:
        message = absl::StrCat("no such endpoint: ", req.method, " ", req.path,
                               " (POST /v1/check, POST /v1/fix, GET /v1/rules, GET /healthz, "
                               "GET /)");
        break;
      case 413:
        message = absl::StrCat("the body is larger than the limit of ", options.max_body,
                               " bytes (mtclean serve --max-body)");
        break;
      case 414:
        message = "the request line is too long";
        break;
      default:
        message = absl::StrCat("the request could not be read (HTTP ", res.status, ")");
    }
    Send(res, ErrorReply(res.status, message));
    return httplib::Server::HandlerResponse::Handled;
  }

  void LogAccess(const httplib::Request& req, const httplib::Response& res) {
    std::string elapsed = "-";
    if (request_start) {
      const std::chrono::duration<double, std::milli> ms =
          std::chrono::steady_clock::now() - *request_start;
      elapsed = absl::StrFormat("%.2f", ms.count());
      request_start.reset();
    }
    log(absl::StrCat(req.method.empty() ? "-" : req.method, " ",
                     req.path.empty() ? "-" : req.path, " ", res.status, " ", res.body.size(),
                     " bytes ", elapsed, " ms"));
  }

  // Stops the accept loop once; only while it runs (httplib's stop() does
  // nothing before, and must not be called twice).
  void StopIfRunning() {
    if (stopping.load() && http.is_running() && !stop_called.exchange(true)) http.stop();
  }

  void Install() {
    http.new_task_queue = [this] {
      return new StoppablePool(options.max_in_flight + kSpareThreads,
                               [this] { StopIfRunning(); });
    };
    http.set_idle_interval(kIdleInterval);
    http.set_read_timeout(options.read_timeout_seconds, 0);
    http.set_write_timeout(options.write_timeout_seconds, 0);
    http.set_keep_alive_timeout(options.keep_alive_seconds);
    http.set_keep_alive_max_count(100);
    http.set_payload_max_length(options.max_body);
    http.set_tcp_nodelay(true);
    http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
      request_start = std::chrono::steady_clock::now();
      return httplib::Server::HandlerResponse::Unhandled;
    });
    http.set_post_routing_handler([this](const httplib::Request&, httplib::Response& res) {
      // Once stopping, each answer says that its connection ends with it.
      if (stopping.load()) res.set_header("Connection", "close");
    });
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request& req, httplib::Response& res) { return OnError(req, res); }));
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
          std::string what = "unknown";
          try {
            std::rethrow_exception(error);
          } catch (const std::exception& e) {
            what = e.what();
          } catch (...) {
          }
          Send(res, ErrorReply(500, absl::StrCat("internal error: ", what)));
        });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      LogAccess(req, res);
    });

    http.Post("/v1/check", [this](const httplib::Request& req, httplib::Response& res,
                                  const httplib::ContentReader& reader) {
      HandleClean(req, res, reader, false);
    });
    http.Post("/v1/fix", [this](const httplib::Request& req, httplib::Response& res,
                                const httplib::ContentReader& reader) {
      HandleClean(req, res, reader, true);
    });
    http.Get("/v1/rules", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(rules_json, kJson);
    });
    http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(absl::StrCat("{\"status\":\"ok\",\"in_flight\":", in_flight.load(),
                                   ",\"stopping\":", stopping.load() ? "true" : "false",
                                   "}\n"),
                      kJson);
    });
    if (!options.review_page.empty()) {
      http.Get("/", [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(options.review_page, "text/html; charset=utf-8");
      });
    }
  }

  ServerOptions options;
  EnginesByLanguage* engines;
  LogSink log;
  std::string rules_json;
  std::counting_semaphore<> workers;
  std::atomic<size_t> in_flight{0};
  std::atomic<bool> stopping{false};
  std::atomic<bool> stop_called{false};
  HttpServer http;
};

Server::Server(ServerOptions options, EnginesByLanguage* engines, LogSink log)
    : impl_(std::make_unique<Impl>(std::move(options), engines, std::move(log))) {
  impl_->rules_json = internal::RulesJson(engines->shared()->rules());
  impl_->Install();
}

Server::~Server() = default;

absl::StatusOr<int> Server::Bind() {
  const ServerOptions& o = impl_->options;
  int port = o.port;
  if (o.port == 0) {
    port = impl_->http.bind_to_any_port(o.host);
    if (port <= 0) port = -1;
  } else if (!impl_->http.bind_to_port(o.host, o.port)) {
    port = -1;
  }
  if (port < 0) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", o.host, ":", o.port,
        " (the address is in use, or not an address of this machine)"));
  }
  impl_->http.WidenBacklog(kListenBacklog);
  return port;
}

void Server::Run() {
  if (impl_->stopping.load()) return;
  impl_->http.listen_after_bind();
}

void Server::Stop() {
  impl_->stopping.store(true);
  impl_->StopIfRunning();
}

size_t Server::in_flight() const { return impl_->in_flight.load(); }

}  // namespace mtclean::serve
