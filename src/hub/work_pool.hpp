#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

// A fixed set of threads that run queued jobs in order of arrival: pekon-hub's store work,
// off the HTTP event loop. close() (and the destructor) runs what is queued, then joins.
namespace pekon::hub {

class WorkPool {
  public:
    explicit WorkPool(int threads);
    ~WorkPool();
    WorkPool(const WorkPool&) = delete;
    WorkPool& operator=(const WorkPool&) = delete;

    // False (the job is dropped) once close() has begun.
    bool submit(std::function<void()> job);
    void close();

  private:
    void run();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace pekon::hub
