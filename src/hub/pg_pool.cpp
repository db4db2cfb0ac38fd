#include "hub/pg_pool.hpp"

namespace pekon::hub::pg {

Result<Pool::Lease> Pool::take() {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [this] { return !idle_.empty() || open_ < max_; });
    std::unique_ptr<Connection> conn;
    if (!idle_.empty()) {
        conn = std::move(idle_.back());
        idle_.pop_back();
    } else {
        ++open_;
        lock.unlock();
        auto opened = Connection::open(url_);
        if (!opened) {
            lock.lock();
            --open_;
            freed_.notify_one();
            return opened.error();
        }
        conn = std::make_unique<Connection>(std::move(opened.value()));
    }
    Lease lease(this, std::move(conn));
    if (auto s = (*lease).ensureOpen(); !s) return s.error();  // kept; tried again later
    return lease;
}

}  // namespace pekon::hub::pg
