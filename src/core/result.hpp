#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "core/error.hpp"

namespace pekon {

// A value or an Error. Nothing in Pekon's public APIs throws for expected failures;
// they return a Result instead.
//
// Parsing text, one rule: a parser takes the text and returns the value, never a `bool` with
// an out-parameter.
//   - std::optional<T> when there is one way to fail and the caller words it (an enum code:
//     parseStatus, parseSex, parseLang...; a number: parseNumber in core/number.hpp);
//   - Result<T> when the reason matters to the user (parseNik, parseIsoDate, parseKkNumber...).
template <class T>
class [[nodiscard]] Result {
  public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(state_);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(state_);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(state_));
    }
    const Error& error() const {
        assert(!ok());
        return std::get<1>(state_);
    }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

  private:
    std::variant<T, Error> state_;
};

// Success without a value, or an Error.
template <>
class [[nodiscard]] Result<void> {
  public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {}

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const Error& error() const {
        assert(failed_);
        return error_;
    }

  private:
    Error error_;
    bool failed_ = false;
};

using Status = Result<void>;

}  // namespace pekon
