#include "hub/export_xlsx.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace pekon::hub {

namespace {

// Excel's most characters in a cell.
constexpr size_t kMaxCellBytes = 32767;

// What an XML text may hold: control characters other than tab and line breaks become
// spaces; a text longer than a cell allows is cut at a character boundary.
void cellText(std::string& out, std::string_view text) {
    out.clear();
    if (isFormulaStart(text)) out += '\'';
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        out += (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') ? ' ' : c;
    }
    if (out.size() > kMaxCellBytes) {
        size_t cut = kMaxCellBytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
}

Error xlsxError(lxw_error error) {
    return exportWriteError(lxw_strerror(error));
}

class XlsxWriter final : public ExportWriter {
  public:
    XlsxWriter(std::string path, lxw_workbook* book) : path_(std::move(path)), book_(book) {
        bold_ = workbook_add_format(book_);
        format_set_bold(bold_);
        format_set_num_format(bold_, "@");
        text_ = workbook_add_format(book_);
        format_set_num_format(text_, "@");
        date_ = workbook_add_format(book_);
        format_set_num_format(date_, "dd-mm-yyyy");
    }
    ~XlsxWriter() override {
        if (book_) workbook_close(book_);  // an abandoned export: its file is removed
        if (book_) ::unlink(path_.c_str());
    }
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    Status header(std::span<const std::string_view> names) override {
        header_.assign(names.begin(), names.end());
        return newSheet();
    }

    Status row(std::span<const ExportCell> cells) override {
        if (!sheet_ || next_row_ >= LXW_ROW_MAX)
            if (auto s = newSheet(); !s) return s;
        for (size_t i = 0; i < cells.size(); ++i) {
            const auto column = static_cast<lxw_col_t>(i);
            const ExportCell& cell = cells[i];
            lxw_error e = LXW_NO_ERROR;
            if (const auto* text = std::get_if<std::string_view>(&cell)) {
                if (text->empty()) continue;
                cellText(scratch_, *text);
                e = worksheet_write_string(sheet_, next_row_, column, scratch_.c_str(), text_);
            } else if (const auto* number = std::get_if<std::int64_t>(&cell)) {
                e = worksheet_write_number(sheet_, next_row_, column, static_cast<double>(*number),
                                           nullptr);
            } else if (const auto* date = std::get_if<Date>(&cell)) {
                lxw_datetime when{date->year, date->month, date->day, 0, 0, 0.0};
                e = worksheet_write_datetime(sheet_, next_row_, column, &when, date_);
            }
            if (e != LXW_NO_ERROR) return xlsxError(e);
        }
        ++next_row_;
        return {};
    }

    Result<std::int64_t> finish() override {
        const lxw_error e = workbook_close(book_);
        book_ = nullptr;
        if (e != LXW_NO_ERROR) {
            ::unlink(path_.c_str());
            return xlsxError(e);
        }
        struct stat st {};
        if (::chmod(path_.c_str(), 0600) != 0 || ::stat(path_.c_str(), &st) != 0)
            return exportWriteError(std::strerror(errno));
        return static_cast<std::int64_t>(st.st_size);
    }

  private:
    Status newSheet() {
        const std::string name = "Peserta" + (sheets_ ? " " + std::to_string(sheets_ + 1) : "");
        sheet_ = workbook_add_worksheet(book_, name.c_str());
        if (!sheet_) return exportWriteError("worksheet");
        ++sheets_;
        // Every column formatted as text, so what staff type into it later stays text too.
        worksheet_set_column(sheet_, 0, static_cast<lxw_col_t>(header_.size() - 1), 18, text_);
        worksheet_freeze_panes(sheet_, 1, 0);
        for (size_t i = 0; i < header_.size(); ++i) {
            cellText(scratch_, header_[i]);
            const lxw_error e = worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(i),
                                                       scratch_.c_str(), bold_);
            if (e != LXW_NO_ERROR) return xlsxError(e);
        }
        next_row_ = 1;
        return {};
    }

    std::string path_;
    lxw_workbook* book_;
    lxw_format* bold_ = nullptr;
    lxw_format* text_ = nullptr;
    lxw_format* date_ = nullptr;
    lxw_worksheet* sheet_ = nullptr;
    int sheets_ = 0;
    lxw_row_t next_row_ = 0;
    std::vector<std::string> header_;
    std::string scratch_;
};

}  // namespace

Result<std::unique_ptr<ExportWriter>> openXlsxExport(const std::string& path) {
    // The file exists, private, before the library writes it at the close: it keeps the mode.
    auto fd = createPrivateFile(path);
    if (!fd) return fd.error();
    ::close(*fd);
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_TRUE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    if (!book) {
        ::unlink(path.c_str());
        return exportWriteError("workbook");
    }
    return std::unique_ptr<ExportWriter>(std::make_unique<XlsxWriter>(path, book));
}

}  // namespace pekon::hub
