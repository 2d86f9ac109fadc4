#include "exporters/neo4j_client.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

#include <cpprest/http_client.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace policykg {
namespace {

namespace http = web::http;

constexpr char kAffinityHeader[] = "neo4j-cluster-affinity";

// What one HTTP exchange came to.
struct Exchange {
  enum Kind { kOk, kTransient, kFatal } kind = kOk;
  Status status;  // set unless kOk
  int http_status = 0;
  rapidjson::Document body;  // parsed JSON body (Null if none)
  std::string affinity;      // neo4j-cluster-affinity response header
};

Exchange Transient(std::string message) {
  Exchange x;
  x.kind = Exchange::kTransient;
  x.status = Status::Unavailable(std::move(message));
  return x;
}

Exchange Fatal(Status status) {
  Exchange x;
  x.kind = Exchange::kFatal;
  x.status = std::move(status);
  return x;
}

std::string JsonString(std::string_view s) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return std::string(buf.GetString(), buf.GetSize());
}

std::string StatementObject(const Neo4jStatement& s) {
  return "{\"statement\":" + JsonString(s.text) + ",\"parameters\":" + s.parameters + "}";
}

std::string Abbreviate(const std::string& text, size_t max = 100) {
  return text.size() <= max ? text : text.substr(0, max) + "...";
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Error codes that mean "retry": the transaction may succeed as it is.
bool IsRetryableCode(std::string_view code) {
  if (code == "Neo.TransientError.Transaction.Terminated" ||
      code == "Neo.TransientError.Transaction.LockClientStopped") {
    return false;  // somebody killed the transaction on purpose
  }
  return StartsWith(code, "Neo.TransientError.");
}

bool IsAlreadyExistsCode(std::string_view code) {
  return code == "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists" ||
         code == "Neo.ClientError.Schema.ConstraintAlreadyExists";
}

std::string StringMember(const rapidjson::Value& v, const char* key) {
  if (!v.IsObject()) return "";
  const auto it = v.FindMember(key);
  if (it == v.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

// v[key] if v is an object holding an array there, else null.
const rapidjson::Value* ArrayMember(const rapidjson::Value& v, const char* key) {
  if (!v.IsObject()) return nullptr;
  const auto it = v.FindMember(key);
  if (it == v.MemberEnd() || !it->value.IsArray()) return nullptr;
  return &it->value;
}

std::string JsonText(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return std::string(buf.GetString(), buf.GetSize());
}

// One statement's result from its column names and its rows (arrays of
// values); anything not shaped so is left out.
Neo4jResult ResultOf(const rapidjson::Value* columns, const std::vector<const rapidjson::Value*>& rows) {
  Neo4jResult result;
  if (columns == nullptr) return result;
  for (const auto& c : columns->GetArray()) {
    result.columns.push_back(c.IsString() ? std::string(c.GetString(), c.GetStringLength()) : "");
  }
  result.rows.reserve(rows.size());
  for (const rapidjson::Value* row : rows) {
    std::vector<std::string> values;
    values.reserve(row->Size());
    for (const auto& v : row->GetArray()) values.push_back(JsonText(v));
    result.rows.push_back(std::move(values));
  }
  return result;
}

// The transactional endpoint: {"results": [{"columns": [...], "data":
// [{"row": [...], "meta": [...]}, ...]}, ...]}, one result per statement.
std::vector<Neo4jResult> TransactionalResults(const rapidjson::Value& body, size_t statements) {
  std::vector<Neo4jResult> out(statements);
  const rapidjson::Value* results = ArrayMember(body, "results");
  if (results == nullptr) return out;
  for (rapidjson::SizeType i = 0; i < results->Size() && i < statements; ++i) {
    const rapidjson::Value& r = (*results)[i];
    std::vector<const rapidjson::Value*> rows;
    if (const rapidjson::Value* data = ArrayMember(r, "data")) {
      for (const auto& d : data->GetArray()) {
        if (const rapidjson::Value* row = ArrayMember(d, "row")) rows.push_back(row);
      }
    }
    out[i] = ResultOf(ArrayMember(r, "columns"), rows);
  }
  return out;
}

// The Query API: {"data": {"fields": [...], "values": [[...], ...]}, ...}.
Neo4jResult QueryApiResult(const rapidjson::Value& body) {
  if (!body.IsObject() || !body.HasMember("data")) return Neo4jResult{};
  const rapidjson::Value& data = body["data"];
  std::vector<const rapidjson::Value*> rows;
  if (const rapidjson::Value* values = ArrayMember(data, "values")) {
    for (const auto& v : values->GetArray()) {
      if (v.IsArray()) rows.push_back(&v);
    }
  }
  return ResultOf(ArrayMember(data, "fields"), rows);
}

}  // namespace

int Neo4jResult::Column(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string_view ToString(Neo4jProtocol p) {
  switch (p) {
    case Neo4jProtocol::kQueryApi: return "Query API";
    case Neo4jProtocol::kTransactional: return "transactional HTTP endpoint";
    case Neo4jProtocol::kLegacyTransactional: return "transactional HTTP endpoint (3.x)";
  }
  return "?";
}

std::string RedactSecret(std::string text, const std::string& secret) {
  if (secret.empty()) return text;
  size_t pos = 0;
  while ((pos = text.find(secret, pos)) != std::string::npos) {
    text.replace(pos, secret.size(), "***");
    pos += 3;
  }
  return text;
}

class Neo4jClient::Impl {
 public:
  explicit Impl(Neo4jClientOptions options) : options_(std::move(options)) {}

  Status Init() {
    POLICYKG_RETURN_IF_ERROR(ParseUrl());
    http::client::http_client_config config;
    config.set_timeout(std::chrono::duration_cast<std::chrono::microseconds>(options_.request_timeout));
    try {
      client_ = std::make_unique<http::client::http_client>(web::uri(origin_), config);
    } catch (const std::exception& e) {
      return Status::InvalidArgument(std::string("bad --url: ") + Redact(e.what()));
    }
    if (options_.password) {
      const std::string creds = options_.user + ":" + *options_.password;
      authorization_ = "Basic " + utility::conversions::to_base64(
                                      std::vector<unsigned char>(creds.begin(), creds.end()));
    }
    return Discover();
  }

  Neo4jProtocol protocol() const { return protocol_; }
  Neo4jVersion version() const { return version_; }
  int retries() const { return retries_; }

  Status RunTransaction(const std::vector<Neo4jStatement>& statements, std::vector<Neo4jResult>* results) {
    if (results != nullptr) results->clear();
    if (statements.empty()) return Status::OK();
    std::vector<Neo4jResult> committed;
    POLICYKG_RETURN_IF_ERROR(
        WithRetries("transaction", [&]() { return AttemptTransaction(statements, &committed); }));
    if (results != nullptr) *results = std::move(committed);
    return Status::OK();
  }

 private:
  std::string Redact(std::string s) const {
    return options_.password ? RedactSecret(std::move(s), *options_.password) : s;
  }

  void Log(const std::string& line) const {
    if (!options_.log) return;
    const std::lock_guard<std::mutex> lock(log_mu_);  // transactions run on several threads
    options_.log(Redact(line));
  }

  Status ParseUrl() {
    const std::string& url = options_.url;
    if (StartsWith(url, "neo4j") || StartsWith(url, "bolt")) {
      return Status::InvalidArgument(
          "--url must be the HTTP address (http://host:7474 or https://host), not a Bolt URL");
    }
    if (!web::uri::validate(url)) return Status::InvalidArgument("--url is not a valid URL");
    const web::uri u(url);
    if (u.scheme() != "http" && u.scheme() != "https") {
      return Status::InvalidArgument("--url must start with http:// or https://");
    }
    if (!u.user_info().empty()) {
      // Credentials in a URL end up in shell history and process lists.
      return Status::InvalidArgument(
          "--url must not contain credentials: use --user and the NEO4J_PASSWORD variable");
    }
    if (u.host().empty()) return Status::InvalidArgument("--url has no host");
    origin_ = u.scheme() + "://" + u.host() + (u.is_port_default() ? "" : ":" + std::to_string(u.port()));
    prefix_ = u.path();
    while (!prefix_.empty() && prefix_.back() == '/') prefix_.pop_back();
    db_ = web::uri::encode_data_string(options_.database);
    return Status::OK();
  }

  // One HTTP exchange, classified. The body is parsed if it is JSON.
  Exchange Send(const http::method& method, const std::string& path, const std::string* body,
                const std::string& affinity = "", bool ok_if_exists = false) {
    http::http_request req(method);
    req.set_request_uri(web::uri(prefix_ + path));
    req.headers().add("Accept", "application/json");
    if (!authorization_.empty()) req.headers().add("Authorization", authorization_);
    if (!affinity.empty()) req.headers().add(kAffinityHeader, affinity);
    if (body != nullptr) req.set_body(*body, "application/json");
    http::http_response resp;
    std::string text;
    try {
      resp = client_->request(req).get();
      text = resp.extract_utf8string(true).get();
    } catch (const std::exception& e) {
      return Transient("cannot reach " + origin_ + ": " + Redact(e.what()));
    }
    Exchange x;
    x.http_status = resp.status_code();
    const auto aff = resp.headers().find(kAffinityHeader);
    if (aff != resp.headers().end()) x.affinity = aff->second;
    const bool parsed = !text.empty() && !x.body.Parse(text.data(), text.size()).HasParseError();
    if (!parsed) x.body.SetNull();

    // The errors array first: servers report failures inside 200/201/202.
    if (parsed && x.body.IsObject()) {
      const auto errors = x.body.FindMember("errors");
      if (errors != x.body.MemberEnd() && errors->value.IsArray() && !errors->value.Empty()) {
        const rapidjson::Value& err = errors->value[0];
        const std::string code = StringMember(err, "code");
        const std::string message = Redact(StringMember(err, "message"));
        if (ok_if_exists && IsAlreadyExistsCode(code)) {
          Exchange ok;
          ok.http_status = x.http_status;
          return ok;
        }
        const std::string what = code + ": " + message;
        if (IsRetryableCode(code)) return Transient("transient error " + what);
        if (x.http_status == 401 || StartsWith(code, "Neo.ClientError.Security.")) {
          return Fatal(Status::Rejected("authentication failed for user '" + options_.user +
                                        "' (" + what + "); set NEO4J_PASSWORD"));
        }
        if (StartsWith(code, "Neo.ClientError.")) return Fatal(Status::Rejected(what));
        return Fatal(Status::Unavailable("server error " + what));
      }
    }
    const int st = x.http_status;
    if (st == 401) {
      return Fatal(Status::Rejected("authentication failed for user '" + options_.user +
                                    "' (HTTP 401); set NEO4J_PASSWORD"));
    }
    if (st == 403) return Fatal(Status::Rejected("forbidden (HTTP 403) for user '" + options_.user + "'"));
    if (st >= 500) return Transient("server answered HTTP " + std::to_string(st));
    if (st == 404) return Fatal(Status::NotFound("no such endpoint: " + prefix_ + path + " (HTTP 404)"));
    if (st >= 400) return Fatal(Status::Rejected("server answered HTTP " + std::to_string(st)));
    if (!parsed && !text.empty()) {
      // A 2xx with a cut-off body: the connection dropped mid-answer.
      return Transient("incomplete answer (HTTP " + std::to_string(st) + ")");
    }
    return x;
  }

  template <typename Fn>
  Status WithRetries(const std::string& what, Fn&& attempt) {
    const Neo4jRetryPolicy& policy = options_.retry;
    auto backoff = policy.initial_backoff;
    Status last;
    for (int i = 1; i <= std::max(1, policy.max_attempts); ++i) {
      Exchange x = attempt();
      if (x.kind == Exchange::kOk) return Status::OK();
      if (x.kind == Exchange::kFatal) return x.status;
      last = x.status;
      if (i == policy.max_attempts) break;
      ++retries_;
      Log("neo4j: " + what + ": " + last.message() + "; retrying in " +
          std::to_string(backoff.count()) + " ms (attempt " + std::to_string(i + 1) + " of " +
          std::to_string(policy.max_attempts) + ")");
      std::this_thread::sleep_for(backoff);
      backoff = std::min(backoff * 2, policy.max_backoff);
    }
    return Status::Unavailable(what + " failed after " + std::to_string(policy.max_attempts) +
                               " attempts: " + last.message());
  }

  // --- discovery -----------------------------------------------------------

  Status Discover() {
    Exchange root;
    const Status st = WithRetries("discovery (GET " + origin_ + prefix_ + "/)", [&]() {
      root = Send(http::methods::GET, "/", nullptr);
      // Aura answers no discovery document; anything but a transport or
      // server failure means "look elsewhere", not "stop".
      const bool not_json = root.kind == Exchange::kTransient && root.http_status >= 200 &&
                            root.http_status < 300;
      if (not_json ||
          (root.kind == Exchange::kFatal && root.status.code() != Status::Code::kRejected)) {
        Exchange none;
        return none;
      }
      Exchange result;
      result.kind = root.kind;
      result.status = root.status;
      return result;
    });
    if (!st.ok()) return st.WithContext("neo4j");
    const rapidjson::Value& doc = root.body;
    const std::string version_text = StringMember(doc, "neo4j_version");
    if (doc.IsObject() && doc.HasMember("query")) {
      protocol_ = Neo4jProtocol::kQueryApi;
      return SetVersion(version_text, Neo4jVersion{5, 19});
    }
    if (doc.IsObject() && doc.HasMember("transaction")) {
      protocol_ = Neo4jProtocol::kTransactional;
      return SetVersion(version_text, Neo4jVersion{4, 0});
    }
    if (doc.IsObject() && doc.HasMember("data")) return DiscoverLegacy();
    protocol_ = Neo4jProtocol::kQueryApi;
    version_ = Neo4jVersion{5, 0};
    Log("neo4j: no discovery document at " + origin_ + prefix_ +
        "/ (as on Aura); assuming the Query API of Neo4j 5");
    return Status::OK();
  }

  Status SetVersion(const std::string& text, Neo4jVersion fallback) {
    if (!Neo4jVersion::Parse(text, &version_)) version_ = fallback;
    return Status::OK();
  }

  // 3.x: GET / lists "data"; the version sits in /db/data/ (authenticated).
  Status DiscoverLegacy() {
    protocol_ = Neo4jProtocol::kLegacyTransactional;
    if (options_.database != "neo4j") {
      return Status::InvalidArgument("neo4j: Neo4j 3.x serves a single database; drop --database " +
                                     options_.database);
    }
    Exchange data;
    const Status st = WithRetries("discovery (GET /db/data/)", [&]() {
      data = Send(http::methods::GET, "/db/data/", nullptr);
      Exchange result;
      result.kind = data.kind;
      result.status = data.status;
      return result;
    });
    if (!st.ok()) return st.WithContext("neo4j");
    return SetVersion(StringMember(data.body, "neo4j_version"), Neo4jVersion{3, 0});
  }

  // --- transactions ----------------------------------------------------------

  // Sets `results` when the attempt commits (a failed attempt's rows may
  // name nodes that were rolled back).
  Exchange AttemptTransaction(const std::vector<Neo4jStatement>& statements, std::vector<Neo4jResult>* results) {
    const bool ok_if_exists = std::all_of(statements.begin(), statements.end(),
                                          [](const Neo4jStatement& s) { return s.ok_if_exists; });
    if (protocol_ != Neo4jProtocol::kQueryApi) {
      std::string body = "{\"statements\":[";
      for (size_t i = 0; i < statements.size(); ++i) {
        if (i > 0) body += ',';
        body += StatementObject(statements[i]);
      }
      body += "]}";
      const std::string path = protocol_ == Neo4jProtocol::kTransactional
                                   ? "/db/" + db_ + "/tx/commit"
                                   : "/db/data/transaction/commit";
      Exchange x = Send(http::methods::POST, path, &body, "", ok_if_exists);
      if (x.kind == Exchange::kOk) *results = TransactionalResults(x.body, statements.size());
      return Described(std::move(x), statements);
    }
    if (statements.size() == 1) {
      const std::string body = StatementObject(statements[0]);
      Exchange x = Send(http::methods::POST, "/db/" + db_ + "/query/v2", &body, "", ok_if_exists);
      if (x.kind == Exchange::kOk) *results = {QueryApiResult(x.body)};
      return Described(std::move(x), statements);
    }
    return AttemptExplicitQueryTransaction(statements, results);
  }

  // The Query API takes one statement per request: open a transaction with
  // the first, run the middle ones, commit with the last; every request after
  // the first replays the cluster-affinity header the server handed out.
  // Each answer carries its statement's rows.
  Exchange AttemptExplicitQueryTransaction(const std::vector<Neo4jStatement>& statements,
                                           std::vector<Neo4jResult>* results) {
    const std::string base = "/db/" + db_ + "/query/v2/tx";
    std::string body = StatementObject(statements[0]);
    Exchange open = Send(http::methods::POST, base, &body);
    if (open.kind != Exchange::kOk) return Described(std::move(open), statements);
    std::vector<Neo4jResult> rows{QueryApiResult(open.body)};
    const std::string id = StringMember(open.body.IsObject() && open.body.HasMember("transaction")
                                            ? open.body["transaction"]
                                            : open.body,
                                        "id");
    if (id.empty()) return Transient("the server opened a transaction without an id");
    const std::string affinity = open.affinity;
    const std::string tx = base + "/" + web::uri::encode_data_string(id);
    for (size_t i = 1; i < statements.size(); ++i) {
      const bool last = i + 1 == statements.size();
      body = StatementObject(statements[i]);
      Exchange step = Send(http::methods::POST, last ? tx + "/commit" : tx, &body, affinity);
      if (step.kind != Exchange::kOk) {
        // The server rolls back on a statement error; after a transport
        // failure, ask it to. Best effort: the transaction also times out.
        if (step.kind == Exchange::kTransient) Send(http::methods::DEL, tx, nullptr, affinity);
        return Described(std::move(step), statements);
      }
      rows.push_back(QueryApiResult(step.body));
    }
    *results = std::move(rows);
    return Exchange{};
  }

  // Adds which statement failed to a fatal error (texts hold no values).
  static Exchange Described(Exchange x, const std::vector<Neo4jStatement>& statements) {
    if (x.kind == Exchange::kFatal && x.status.code() == Status::Code::kRejected &&
        x.http_status != 401 && x.http_status != 403) {
      x.status = x.status.WithContext("statement `" + Abbreviate(statements[0].text) + "`" +
                                      (statements.size() > 1 ? " (+" + std::to_string(statements.size() - 1) +
                                                                   " more in the transaction)"
                                                             : ""));
    }
    return x;
  }

  Neo4jClientOptions options_;
  std::unique_ptr<http::client::http_client> client_;
  std::string origin_, prefix_, db_;
  std::string authorization_;
  Neo4jProtocol protocol_ = Neo4jProtocol::kQueryApi;
  Neo4jVersion version_;
  std::atomic<int> retries_{0};
  mutable std::mutex log_mu_;
};

Neo4jClient::Neo4jClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Neo4jClient::~Neo4jClient() = default;

Result<std::unique_ptr<Neo4jClient>> Neo4jClient::Connect(Neo4jClientOptions options) {
  auto impl = std::make_unique<Impl>(std::move(options));
  POLICYKG_RETURN_IF_ERROR(impl->Init());
  return std::unique_ptr<Neo4jClient>(new Neo4jClient(std::move(impl)));
}

Neo4jProtocol Neo4jClient::protocol() const { return impl_->protocol(); }
Neo4jVersion Neo4jClient::version() const { return impl_->version(); }
int Neo4jClient::retries() const { return impl_->retries(); }
Status Neo4jClient::RunTransaction(const std::vector<Neo4jStatement>& statements,
                                   std::vector<Neo4jResult>* results) {
  return impl_->RunTransaction(statements, results).WithContext("neo4j");
}

}  // namespace policykg
