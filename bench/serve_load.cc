// A small load client for `mtclean serve` (bench/serve_bench.sh): CLIENTS
// threads, each on one kept-alive connection, POST the texts of a JSON Lines
// corpus (its `text` fields, round robin) to PATH until REQUESTS answers
// have come back. Prints one JSON line: requests, errors (answers other than
// 200, or no answer), seconds, requests per second and the latency
// percentiles in milliseconds.
//
//   serve_load --port P --corpus FILE.jsonl [--host 127.0.0.1] [--path /v1/fix]
//              [--clients 4] [--requests 2000] [--warmup 50]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "httplib.h"
#include "nlohmann/json.hpp"

namespace {

double Percentile(std::vector<double> sorted, double p) {
  if (sorted.empty()) return 0;
  const size_t i = std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()));
  return sorted[i];
}

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1", path = "/v1/fix", corpus;
  int port = 0, clients = 4;
  long requests = 2000, warmup = 50;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--host") host = value;
    else if (flag == "--port") port = std::atoi(value.c_str());
    else if (flag == "--path") path = value;
    else if (flag == "--corpus") corpus = value;
    else if (flag == "--clients") clients = std::atoi(value.c_str());
    else if (flag == "--requests") requests = std::atol(value.c_str());
    else if (flag == "--warmup") warmup = std::atol(value.c_str());
    else {
      std::cerr << "serve_load: unknown option " << flag << "\n";
      return 2;
    }
  }
  if (port <= 0 || corpus.empty() || clients < 1 || requests < 1) {
    std::cerr << "usage: serve_load --port P --corpus FILE.jsonl [--clients N] [--requests N]\n";
    return 2;
  }
  // The request bodies, built once.
  std::vector<std::string> bodies;
  std::ifstream in(corpus);
  for (std::string line; std::getline(in, line);) {
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_object() && record.contains("text") && record["text"].is_string()) {
      bodies.push_back(nlohmann::json{{"text", record["text"]}, {"format", "plain"}}.dump());
    }
  }
  if (bodies.empty()) {
    std::cerr << "serve_load: no `text` records in " << corpus << "\n";
    return 2;
  }

  std::atomic<long> next{-warmup};  // negative: warm-up requests, not measured
  std::atomic<long> errors{0};
  std::mutex mutex;
  std::vector<double> latencies_ms;
  std::chrono::steady_clock::time_point start;
  std::once_flag started;
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      httplib::Client client(host, port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);  // headers and body are two writes: no Nagle wait
      client.set_read_timeout(60, 0);
      std::vector<double> mine;
      for (long n = next++; n < requests; n = next++) {
        if (n == 0) std::call_once(started, [&] { start = std::chrono::steady_clock::now(); });
        const std::string& body = bodies[static_cast<size_t>((n + warmup)) % bodies.size()];
        const auto t0 = std::chrono::steady_clock::now();
        httplib::Result res = client.Post(path, body, "application/json");
        const std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - t0;
        if (!res || res->status != 200) ++errors;
        if (n >= 0) mine.push_back(ms.count());
      }
      std::lock_guard<std::mutex> lock(mutex);
      latencies_ms.insert(latencies_ms.end(), mine.begin(), mine.end());
    });
  }
  for (std::thread& t : threads) t.join();
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  std::sort(latencies_ms.begin(), latencies_ms.end());
  const nlohmann::json report = {
      {"requests", latencies_ms.size()},
      {"errors", errors.load()},
      {"seconds", seconds.count()},
      {"requests_per_second", latencies_ms.size() / seconds.count()},
      {"p50_ms", Percentile(latencies_ms, 0.50)},
      {"p99_ms", Percentile(latencies_ms, 0.99)},
  };
  std::cout << report.dump() << "\n";
  return errors.load() == 0 ? 0 : 1;
}
