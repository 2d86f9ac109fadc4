// Status and Result<T>: the one error policy for expected failures (bad files,
// undecodable text, HTTP errors, corrupt graph files). Exceptions are kept for
// bugs. The CLI turns a failed Status into a message and an exit code.
#ifndef POLICYKG_BASE_STATUS_H_
#define POLICYKG_BASE_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace policykg {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller asked for something impossible
    kNotFound,         // a file, entity or server resource that is not there
    kIoError,          // reading or writing failed
    kBadInput,         // input that cannot be decoded or parsed
    kCorrupt,          // a graph file that is truncated, damaged or foreign
    kUnavailable,      // a server that cannot be reached or keeps failing
    kRejected,         // a server that refused the request (auth, syntax)
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {Code::kIoError, std::move(m)}; }
  static Status BadInput(std::string m) { return {Code::kBadInput, std::move(m)}; }
  static Status Corrupt(std::string m) { return {Code::kCorrupt, std::move(m)}; }
  static Status Unavailable(std::string m) { return {Code::kUnavailable, std::move(m)}; }
  static Status Rejected(std::string m) { return {Code::kRejected, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "what: message" — adds context (usually a file name) in front.
  Status WithContext(const std::string& what) const {
    if (ok()) return *this;
    return Status(code_, what + ": " + message_);
  }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a failed Status. Accessing value() of a failed Result is a
// bug and throws std::bad_variant_access.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}   // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace policykg

#define POLICYKG_RETURN_IF_ERROR(expr)          \
  do {                                          \
    ::policykg::Status _st = (expr);            \
    if (!_st.ok()) return _st;                  \
  } while (0)

#endif  // POLICYKG_BASE_STATUS_H_
