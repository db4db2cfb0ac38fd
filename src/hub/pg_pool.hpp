#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "hub/pg_connection.hpp"

namespace pekon::hub::pg {

// Up to `max` connections, opened when needed; a lease gives one back when it ends.
class Pool {
  public:
    Pool(std::string url, int max, Connection first) : url_(std::move(url)), max_(max) {
        idle_.push_back(std::make_unique<Connection>(std::move(first)));
        open_ = 1;
    }

    class Lease {
      public:
        Lease(Pool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
        Lease(Lease&& other) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease() {
            if (conn_) pool_->giveBack(std::move(conn_));
        }
        Connection& operator*() const { return *conn_; }

      private:
        Pool* pool_;
        std::unique_ptr<Connection> conn_;
    };

    // A connection, waiting while all `max` are lent; it is checked (reconnected if cut).
    Result<Lease> take();

  private:
    void giveBack(std::unique_ptr<Connection> conn) {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(conn));
        freed_.notify_one();
    }

    std::string url_;
    int max_;
    std::mutex mutex_;
    std::condition_variable freed_;
    std::vector<std::unique_ptr<Connection>> idle_;
    int open_ = 0;
};

}  // namespace pekon::hub::pg
