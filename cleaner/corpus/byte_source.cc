#include "cleaner/corpus/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <istream>

#include "absl/strings/str_cat.h"

namespace mtclean {
namespace {

constexpr size_t kReadSize = 1 << 20;

// The bytes of a file descriptor, with up to 4 bytes looked at first.
class FdSource : public ByteSource {
 public:
  FdSource(int fd, std::string name, bool owned) : fd_(fd), name_(std::move(name)), owned_(owned) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }

  // Reads the first bytes so that the kind of data can be told; they are
  // returned again by Read.
  absl::StatusOr<std::string_view> Peek(size_t n) {
    while (peeked_.size() < n) {
      char buf[8];
      absl::StatusOr<size_t> got = RawRead(buf, n - peeked_.size());
      if (!got.ok()) return got.status();
      if (*got == 0) break;
      peeked_.append(buf, *got);
    }
    return std::string_view(peeked_);
  }

  absl::StatusOr<size_t> Read(char* buffer, size_t capacity) override {
    if (peek_pos_ < peeked_.size()) {
      const size_t n = std::min(capacity, peeked_.size() - peek_pos_);
      std::memcpy(buffer, peeked_.data() + peek_pos_, n);
      peek_pos_ += n;
      return n;
    }
    return RawRead(buffer, capacity);
  }
  uint64_t consumed() const override { return consumed_; }
  const std::string& name() const { return name_; }

 private:
  absl::StatusOr<size_t> RawRead(char* buffer, size_t capacity) {
    for (;;) {
      const ssize_t n = ::read(fd_, buffer, capacity);
      if (n >= 0) {
        consumed_ += static_cast<uint64_t>(n);
        return static_cast<size_t>(n);
      }
      if (errno != EINTR) {
        return absl::UnavailableError(absl::StrCat(name_, ": read error: ", std::strerror(errno)));
      }
    }
  }

  int fd_;
  std::string name_;
  bool owned_;
  std::string peeked_;
  size_t peek_pos_ = 0;
  uint64_t consumed_ = 0;
};

class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<FdSource> in) : in_(std::move(in)), buffer_(kReadSize, '\0') {
    std::memset(&stream_, 0, sizeof(stream_));
    ok_ = inflateInit2(&stream_, 15 + 16) == Z_OK;
  }
  ~GzipSource() override { inflateEnd(&stream_); }

  absl::StatusOr<size_t> Read(char* buffer, size_t capacity) override {
    if (!ok_) return absl::ResourceExhaustedError(absl::StrCat(in_->name(), ": cannot start zlib"));
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(std::min<size_t>(capacity, 1u << 30));
    while (stream_.next_out == reinterpret_cast<Bytef*>(buffer)) {
      if (stream_.avail_in == 0) {
        if (in_eof_) break;
        absl::StatusOr<size_t> got = in_->Read(buffer_.data(), buffer_.size());
        if (!got.ok()) return got.status();
        if (*got == 0) {
          in_eof_ = true;
          if (in_member_) return Corrupt("truncated gzip data");
          break;
        }
        stream_.next_in = reinterpret_cast<Bytef*>(buffer_.data());
        stream_.avail_in = static_cast<uInt>(*got);
      }
      in_member_ = true;
      const int rc = inflate(&stream_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        // Another gzip member may follow (concatenated .gz files).
        in_member_ = false;
        if (inflateReset(&stream_) != Z_OK) return Corrupt("cannot restart zlib");
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return Corrupt(stream_.msg != nullptr ? stream_.msg : "corrupt gzip data");
      }
    }
    return static_cast<size_t>(reinterpret_cast<char*>(stream_.next_out) - buffer);
  }
  uint64_t consumed() const override { return in_->consumed(); }

 private:
  absl::Status Corrupt(std::string_view what) {
    return absl::DataLossError(absl::StrCat(in_->name(), ": ", std::string(what)));
  }

  std::unique_ptr<FdSource> in_;
  std::string buffer_;
  z_stream stream_;
  bool ok_ = false;
  bool in_eof_ = false;
  bool in_member_ = false;
};

class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<FdSource> in)
      : in_(std::move(in)), buffer_(ZSTD_DStreamInSize(), '\0'), stream_(ZSTD_createDStream()) {}
  ~ZstdSource() override { ZSTD_freeDStream(stream_); }

  absl::StatusOr<size_t> Read(char* buffer, size_t capacity) override {
    if (stream_ == nullptr) {
      return absl::ResourceExhaustedError(absl::StrCat(in_->name(), ": cannot start zstd"));
    }
    ZSTD_outBuffer out{buffer, capacity, 0};
    while (out.pos == 0) {
      if (input_.pos == input_.size) {
        absl::StatusOr<size_t> got = in_->Read(buffer_.data(), buffer_.size());
        if (!got.ok()) return got.status();
        if (*got == 0) {
          if (pending_ != 0) {
            return absl::DataLossError(absl::StrCat(in_->name(), ": truncated zstd data"));
          }
          break;
        }
        input_ = {buffer_.data(), *got, 0};
      }
      pending_ = ZSTD_decompressStream(stream_, &out, &input_);
      if (ZSTD_isError(pending_)) {
        return absl::DataLossError(
            absl::StrCat(in_->name(), ": ", ZSTD_getErrorName(pending_)));
      }
    }
    return out.pos;
  }
  uint64_t consumed() const override { return in_->consumed(); }

 private:
  std::unique_ptr<FdSource> in_;
  std::string buffer_;
  ZSTD_DStream* stream_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  size_t pending_ = 0;  // non-zero: inside a frame
};

}  // namespace

absl::StatusOr<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path,
                                                           const std::string& name) {
  std::unique_ptr<FdSource> fd;
  if (path == "-") {
    fd = std::make_unique<FdSource>(STDIN_FILENO, name.empty() ? "<stdin>" : name, false);
  } else {
    const int f = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (f < 0) {
      const int e = errno;
      const std::string message = absl::StrCat(path, ": cannot read: ", std::strerror(e));
      return e == EACCES ? absl::PermissionDeniedError(message) : absl::NotFoundError(message);
    }
    struct stat st {};
    if (::fstat(f, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(f);
      return absl::InvalidArgumentError(absl::StrCat(path, ": is a directory"));
    }
    ::posix_fadvise(f, 0, 0, POSIX_FADV_SEQUENTIAL);
    fd = std::make_unique<FdSource>(f, path, true);
  }
  absl::StatusOr<std::string_view> head = fd->Peek(4);
  if (!head.ok()) return head.status();
  if (head->size() >= 2 && (*head)[0] == '\x1f' && (*head)[1] == '\x8b') {
    return std::unique_ptr<ByteSource>(new GzipSource(std::move(fd)));
  }
  if (head->size() >= 4 && *head == std::string_view("\x28\xb5\x2f\xfd", 4)) {
    return std::unique_ptr<ByteSource>(new ZstdSource(std::move(fd)));
  }
  return std::unique_ptr<ByteSource>(std::move(fd));
}

namespace {

class IstreamSource : public ByteSource {
 public:
  IstreamSource(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}

  absl::StatusOr<size_t> Read(char* buffer, size_t capacity) override {
    // A stream that failed before its end (a file that did not open).
    if (in_.bad() || (in_.fail() && !in_.eof())) return Error();
    in_.read(buffer, static_cast<std::streamsize>(capacity));
    const size_t n = static_cast<size_t>(in_.gcount());
    if (n == 0 && in_.bad()) return Error();
    consumed_ += n;
    return n;
  }
  uint64_t consumed() const override { return consumed_; }

 private:
  absl::Status Error() const { return absl::UnavailableError(absl::StrCat(name_, ": read error")); }

  std::istream& in_;
  std::string name_;
  uint64_t consumed_ = 0;
};

}  // namespace

std::unique_ptr<ByteSource> IstreamByteSource(std::istream& in, std::string name) {
  return std::make_unique<IstreamSource>(in, std::move(name));
}

}  // namespace mtclean

namespace mtclean::internal {

void LineChunk::Clear() {
  kind = Kind::kLines;
  bytes.clear();
  line_ends.clear();
  starts_line = false;
  ends_line = false;
  reason = Reason::kNone;
  column = 0;
  line_bytes = 0;
}

absl::Status LineReader::Fill() {
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  // The buffer keeps its size between reads, so that its bytes are not
  // cleared again before every read (pipes hand out 64 KB at a time).
  if (buffer_.size() < end_ + read_size_) buffer_.resize(end_ + read_size_);
  absl::StatusOr<size_t> got = source_->Read(buffer_.data() + end_, read_size_);
  if (!got.ok()) return got.status();
  end_ += *got;
  if (*got == 0) eof_ = true;
  return absl::OkStatus();
}

LineChunk::Reason LineReader::Refuse(size_t from, size_t* column) {
  const std::string_view line = std::string_view(buffer_.data(), end_).substr(begin_ + from);
  if (!object_) {
    // JSON's white space; `\n` ends the line.
    while (space_ < line.size() && (line[space_] == ' ' || line[space_] == '\t' ||
                                    line[space_] == '\r')) {
      ++space_;
    }
    if (space_ < line.size()) {
      if (line[space_] != '{') {
        *column = space_ + 1;
        return LineChunk::Reason::kNotAnObject;
      }
      object_ = true;
    }
  }
  // A last `\r` may be the start of the line's terminator.
  const size_t size = line.size() - (!line.empty() && line.back() == '\r' ? 1 : 0);
  return size > max_line_ ? LineChunk::Reason::kTooLarge : LineChunk::Reason::kNone;
}

absl::StatusOr<bool> LineReader::Next(size_t target, LineChunk* chunk) {
  chunk->Clear();
  if (refusing_) {
    // The next piece of a refused line: up to its `\n`, or what one read
    // brought.
    if (begin_ == end_ && !eof_) {
      if (absl::Status s = Fill(); !s.ok()) return s;
    }
    const std::string_view rest = std::string_view(buffer_.data(), end_).substr(begin_);
    const size_t nl = rest.find('\n');
    const size_t n = nl == std::string_view::npos ? rest.size() : nl + 1;
    chunk->kind = LineChunk::Kind::kRefused;
    chunk->bytes.assign(rest.substr(0, n));
    begin_ += n;
    refused_bytes_ += n;
    chunk->ends_line = nl != std::string_view::npos || (eof_ && begin_ == end_);
    if (chunk->ends_line) {
      // The line's size without its terminator (`\n` or `\r\n`, whose `\r`
      // may have ended the previous piece).
      size_t terminator = 0;
      if (nl != std::string_view::npos) terminator = 1 + (n >= 2 ? rest[n - 2] == '\r' : last_cr_);
      chunk->line_bytes = refused_bytes_ - terminator;
      refusing_ = false;
    }
    last_cr_ = n > 0 ? rest[n - 1] == '\r' : last_cr_;
    return true;
  }

  // Whole lines, [begin_, begin_ + taken).
  size_t taken = 0;
  for (;;) {
    while (taken < target) {
      const char* base = buffer_.data() + begin_;
      const size_t available = end_ - begin_;
      const void* nl = std::memchr(base + scanned_, '\n', available - scanned_);
      if (nl == nullptr) {
        scanned_ = available;
        break;
      }
      taken = scanned_ = static_cast<size_t>(static_cast<const char*>(nl) - base) + 1;
      chunk->line_ends.push_back(taken);
      space_ = 0;
      object_ = false;
    }
    if (taken >= target && !chunk->line_ends.empty()) break;
    if (eof_) {
      const size_t available = end_ - begin_;
      if (available > taken) {
        taken = scanned_ = available;
        chunk->line_ends.push_back(taken);
      }
      break;
    }
    // The line not yet complete, [begin_ + taken, end).
    size_t column = 0;
    const LineChunk::Reason reason = Refuse(taken, &column);
    if (reason != LineChunk::Reason::kNone) {
      if (!chunk->line_ends.empty()) break;  // the whole lines before it first
      chunk->kind = LineChunk::Kind::kRefused;
      chunk->starts_line = true;
      chunk->reason = reason;
      chunk->column = column;
      chunk->bytes.assign(buffer_.data() + begin_, end_ - begin_);
      refused_bytes_ = chunk->bytes.size();
      last_cr_ = !chunk->bytes.empty() && chunk->bytes.back() == '\r';
      begin_ = end_;
      scanned_ = space_ = 0;
      object_ = false;
      refusing_ = true;
      return true;
    }
    if (absl::Status s = Fill(); !s.ok()) return s;
  }
  chunk->bytes.assign(buffer_.data() + begin_, taken);
  begin_ += taken;
  scanned_ -= taken;
  return !chunk->bytes.empty();
}

}  // namespace mtclean::internal
