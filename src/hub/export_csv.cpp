#include "hub/export_csv.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "hub/office_export.hpp"

namespace pekon::hub {

namespace {

constexpr size_t kBufferBytes = 1 << 20;

// csvCell, appended to `out` without a copy of its own (millions of cells per export).
void appendCsvCell(std::string& out, std::string_view text) {
    const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quote) out += '"';
    if (isFormulaStart(text)) out += '\'';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    if (quote) out += '"';
}

class CsvWriter final : public ExportWriter {
  public:
    CsvWriter(std::string path, int fd) : path_(std::move(path)), fd_(fd) {
        buffer_.reserve(kBufferBytes + 4096);
    }
    ~CsvWriter() override {
        if (fd_ < 0) return;
        ::close(fd_);  // an abandoned export: its file is removed
        ::unlink(path_.c_str());
    }
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    Status header(std::span<const std::string_view> names) override {
        for (size_t i = 0; i < names.size(); ++i) {
            if (i) buffer_ += ',';
            appendCsvCell(buffer_, names[i]);
        }
        return endLine();
    }

    Status row(std::span<const ExportCell> cells) override {
        for (size_t i = 0; i < cells.size(); ++i) {
            if (i) buffer_ += ',';
            const ExportCell& cell = cells[i];
            if (const auto* text = std::get_if<std::string_view>(&cell))
                appendCsvCell(buffer_, *text);
            else if (const auto* number = std::get_if<std::int64_t>(&cell))
                buffer_ += std::to_string(*number);
            else if (const auto* date = std::get_if<Date>(&cell))
                buffer_ += formatIsoDate(*date);
        }
        return endLine();
    }

    Result<std::int64_t> finish() override {
        if (auto s = flush(); !s) return s.error();
        const bool synced = ::fsync(fd_) == 0;
        const int saved = errno;
        const bool closed = ::close(fd_) == 0;
        fd_ = -1;
        if (!synced || !closed) {
            ::unlink(path_.c_str());
            return exportWriteError(std::strerror(synced ? errno : saved));
        }
        return written_;
    }

  private:
    Status endLine() {
        buffer_ += "\r\n";
        return buffer_.size() >= kBufferBytes ? flush() : Status();
    }

    Status flush() {
        size_t done = 0;
        while (done < buffer_.size()) {
            const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
            if (n < 0) {
                if (errno == EINTR) continue;
                return exportWriteError(std::strerror(errno));
            }
            done += static_cast<size_t>(n);
        }
        written_ += static_cast<std::int64_t>(buffer_.size());
        buffer_.clear();
        return {};
    }

    std::string path_;
    int fd_;
    std::string buffer_;
    std::int64_t written_ = 0;
};

}  // namespace

std::string csvCell(std::string_view text) {
    std::string out;
    appendCsvCell(out, text);
    return out;
}

Result<std::unique_ptr<ExportWriter>> openCsvExport(const std::string& path) {
    auto fd = createPrivateFile(path);
    if (!fd) return fd.error();
    return std::unique_ptr<ExportWriter>(std::make_unique<CsvWriter>(path, *fd));
}

}  // namespace pekon::hub
