// Runs work on a pool of threads and hands the results back in the order
// the work was made, with a bounded number of items in flight so that memory
// does not grow with the input.
#ifndef MTCLEAN_CORPUS_ORDERED_POOL_H_
#define MTCLEAN_CORPUS_ORDERED_POOL_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace mtclean::internal {

// Calls `next()` for items until it returns nullopt, `work(item)` for each
// on one of `jobs` threads, and `emit(item)` for each on the calling thread
// in the order `next()` made them. At most `window` items exist at once
// (made and not yet emitted); `window` is raised to at least `jobs`. When
// `emit` returns false, no more items are made and the run ends once the
// items in flight are done (they are not emitted). With `jobs` <= 1
// everything runs on the calling thread, one item at a time.
//
// `next` and `emit` run on the calling thread only; `work` must be safe to
// run on several items at once.
template <typename Item>
void RunOrdered(int jobs, size_t window, const std::function<std::optional<Item>()>& next,
                const std::function<void(Item&)>& work, const std::function<bool(Item&)>& emit) {
  if (jobs <= 1) {
    while (std::optional<Item> item = next()) {
      work(*item);
      if (!emit(*item)) return;
    }
    return;
  }
  window = std::max(window, static_cast<size_t>(jobs));
  struct Slot {
    Item item;
    bool done = false;
  };
  std::mutex mutex;
  std::condition_variable work_ready;  // a slot to work on, or the end
  std::condition_variable slot_done;   // a slot finished
  std::deque<std::shared_ptr<Slot>> in_order;  // made and not yet emitted
  std::deque<std::shared_ptr<Slot>> queue;     // made and not yet taken
  bool closing = false;

  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(jobs));
  for (int t = 0; t < jobs; ++t) {
    threads.emplace_back([&] {
      for (;;) {
        std::shared_ptr<Slot> slot;
        {
          std::unique_lock<std::mutex> lock(mutex);
          work_ready.wait(lock, [&] { return closing || !queue.empty(); });
          if (queue.empty()) return;
          slot = std::move(queue.front());
          queue.pop_front();
        }
        work(slot->item);
        {
          std::lock_guard<std::mutex> lock(mutex);
          slot->done = true;
        }
        slot_done.notify_all();
      }
    });
  }

  bool more = true;
  bool stopped = false;
  for (;;) {
    // Fill the window.
    while (more && !stopped) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (in_order.size() >= window) break;
      }
      std::optional<Item> item = next();
      if (!item) {
        more = false;
        break;
      }
      auto slot = std::make_shared<Slot>(Slot{std::move(*item), false});
      {
        std::lock_guard<std::mutex> lock(mutex);
        in_order.push_back(slot);
        queue.push_back(std::move(slot));
      }
      work_ready.notify_one();
    }
    std::shared_ptr<Slot> oldest;
    {
      std::unique_lock<std::mutex> lock(mutex);
      if (in_order.empty()) break;
      oldest = in_order.front();
      slot_done.wait(lock, [&] { return oldest->done; });
      in_order.pop_front();
    }
    if (!stopped && !emit(oldest->item)) {
      stopped = true;
      std::lock_guard<std::mutex> lock(mutex);
      for (const std::shared_ptr<Slot>& s : queue) s->done = true;  // never started: dropped
      queue.clear();
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    closing = true;
  }
  work_ready.notify_all();
  for (std::thread& t : threads) t.join();
}

}  // namespace mtclean::internal

#endif  // MTCLEAN_CORPUS_ORDERED_POOL_H_
