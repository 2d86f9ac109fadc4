// The Neo4j exporter against a fake server on 127.0.0.1 that answers as
// Neo4j's HTTP API documentation shows: discovery, the Query API (202s,
// explicit transactions with neo4j-cluster-affinity), the transactional
// endpoint of 4.x/5.x and of 3.x, errors inside 200 bodies, 401, transient
// errors, and a connection dropped after the server committed.
// cpprest's U() macro would clash with GoogleTest's template parameters.
#define _TURN_OFF_PLATFORM_STRING
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <cpprest/http_listener.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "exporters/neo4j_client.h"
#include "exporters/neo4j_export.h"
#include "exporters/neo4j_rows.h"
#include "tests/exporters/neo4j_test_graph.h"

namespace policykg {
namespace {

namespace http = web::http;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kPassword[] = "s3cret-Pa55word";
constexpr char kAffinity[] = "MTAuOC41Ljc6MTc0NzQ=";
const std::string kEvil = "Evil`) DETACH DELETE n // {x} 'q' \"dq\"";

int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a));
  socklen_t len = sizeof(a);
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

std::string Canonical(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return buf.GetString();
}

struct Recorded {
  std::string method, path, body;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string Header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

struct Reply {
  int status = 200;
  std::string body;
  std::map<std::string, std::string> headers;
};

// What a statement returned, in the fake: column names and rows, each row a
// JSON array's text.
struct FakeResult {
  std::vector<std::string> columns;
  std::vector<std::string> rows;

  std::string Columns() const {
    std::string out = "[";
    for (size_t i = 0; i < columns.size(); ++i) out += (i > 0 ? ",\"" : "\"") + columns[i] + "\"";
    return out + "]";
  }
  // {"columns": [...], "data": [{"row": [...], "meta": [...]}]} (/tx/commit)
  std::string Transactional() const {
    std::string meta = "[";
    for (size_t i = 0; i < columns.size(); ++i) meta += i > 0 ? ",null" : "null";
    meta += "]";
    std::string out = "{\"columns\":" + Columns() + ",\"data\":[";
    for (size_t i = 0; i < rows.size(); ++i) {
      out += (i > 0 ? ",{\"row\":" : "{\"row\":") + rows[i] + ",\"meta\":" + meta + "}";
    }
    return out + "]}";
  }
  // {"fields": [...], "values": [[...], ...]} (the Query API's "data")
  std::string QueryApi() const {
    std::string out = "{\"fields\":" + Columns() + ",\"values\":[";
    for (size_t i = 0; i < rows.size(); ++i) out += (i > 0 ? "," : "") + rows[i];
    return out + "]}";
  }
};

using Statements = std::vector<std::pair<std::string, std::string>>;  // text, parameters

// A Neo4j server's HTTP API, emulated: it applies the exporter's MERGE
// statements to an in-memory graph so tests can check what got committed.
class FakeNeo4j {
 public:
  enum class Flavor { kQueryApi5, kTransactional5, kLegacy3, kNoDiscovery };
  // Called for every request before the emulation; a Reply replaces it.
  using Inject = std::function<std::optional<Reply>(int index, const Recorded&)>;

  explicit FakeNeo4j(Flavor flavor, Inject inject = nullptr)
      : flavor_(flavor), inject_(std::move(inject)), port_(FreePort()),
        listener_("http://127.0.0.1:" + std::to_string(port_)) {
    listener_.support([this](http::http_request req) { Handle(req); });
    listener_.open().wait();
  }
  ~FakeNeo4j() { listener_.close().wait(); }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  // A copy of a field, taken under the lock (handlers run on server threads).
  template <typename T>
  T Read(const T& field) {
    std::lock_guard<std::mutex> l(mu_);
    return field;
  }
  std::vector<Recorded> requests() { return Read(requests_); }
  std::map<std::string, std::string> nodes() { return Read(nodes_); }
  std::map<std::string, std::string> relationships() { return Read(rels_); }
  std::vector<std::string> constraints() { return Read(constraints_); }
  int resamples() { return Read(resamples_); }
  int dangling() { return Read(dangling_); }
  // Relationship rows received matching their ends by internal id, and of
  // those, rows whose ids did not name the node with the row's `id`.
  int rows_by_id() { return Read(rows_by_id_); }
  int wrong_ids() { return Read(wrong_ids_); }
  // Relationship rows received matching their ends by `id` property.
  int rows_by_property() { return Read(rows_by_property_); }
  // The internal id the fake gave a node ("Label|id"), as JSON text.
  std::string InternalId(const std::string& key) {
    std::lock_guard<std::mutex> l(mu_);
    const auto it = internal_ids_.find(key);
    return it == internal_ids_.end() ? "" : NodeIdJson(it->second);
  }
  // Node results leave out the nodes with these `id`s.
  void HideIdsOf(std::set<std::string> ids) {
    std::lock_guard<std::mutex> l(mu_);
    hidden_ = std::move(ids);
  }
  // Node results give the nodes with these `id`s the internal id of the
  // first node with the other `id` (as a stale id would).
  void MisreportIdsOf(std::map<std::string, std::string> ids) {
    std::lock_guard<std::mutex> l(mu_);
    misreported_ = std::move(ids);
  }

 private:
  void Handle(http::http_request req) {
    Recorded r;
    r.method = req.method();
    r.path = req.relative_uri().path();
    r.body = req.extract_utf8string(true).get();
    for (const auto& [k, v] : req.headers()) {
      std::string key = k;
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers[key] = v;
    }
    int index;
    {
      std::lock_guard<std::mutex> l(mu_);
      index = static_cast<int>(requests_.size());
      requests_.push_back(r);
    }
    std::optional<Reply> reply;
    if (inject_) reply = inject_(index, r);
    if (!reply) {
      std::lock_guard<std::mutex> l(mu_);
      reply = Emulate(r);
    }
    http::http_response resp(static_cast<http::status_code>(reply->status));
    for (const auto& [k, v] : reply->headers) resp.headers().add(k, v);
    resp.set_body(reply->body, "application/json");
    req.reply(resp).wait();
  }

  static Reply Error(int status, const std::string& code, const std::string& message) {
    return Reply{status, "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}", {}};
  }

  Reply Emulate(const Recorded& r) {
    if (r.method == "GET" && r.path == "/") return Discovery();
    if (flavor_ == Flavor::kLegacy3 && r.method == "GET" && r.path == "/db/data/") {
      if (!Authorized(r)) return Unauthorized();
      return Reply{200, "{\"transaction\":\"" + url() + "/db/data/transaction\",\"neo4j_version\":\"3.1.1\"}", {}};
    }
    if (!Authorized(r)) return Unauthorized();
    rapidjson::Document body;
    if (!r.body.empty()) body.Parse(r.body.c_str());
    if (flavor_ == Flavor::kQueryApi5 || flavor_ == Flavor::kNoDiscovery) return QueryApi(r, body);
    const std::string commit = flavor_ == Flavor::kLegacy3 ? "/db/data/transaction/commit" : "/db/neo4j/tx/commit";
    if (r.method != "POST" || r.path != commit) return Error(404, "Neo.ClientError.Request.Invalid", "no route");
    Statements stmts;
    for (const auto& s : body["statements"].GetArray()) {
      stmts.emplace_back(s["statement"].GetString(), Canonical(s["parameters"]));
    }
    std::vector<FakeResult> results;
    if (auto err = Apply(stmts, true, &results)) return *err;
    std::string out = "{\"results\":[";
    for (size_t i = 0; i < results.size(); ++i) out += (i > 0 ? "," : "") + results[i].Transactional();
    return Reply{200, out + "],\"errors\":[]}", {}};
  }

  // Runs one Query API statement: applied if `commit`, else only its result
  // computed (an explicit transaction applies everything at its commit).
  std::optional<Reply> QueryStatement(const Statements& stmts, bool commit, std::string* data) {
    std::vector<FakeResult> results;
    if (auto err = Apply(stmts, commit, &results)) return err;
    *data = results.empty() ? FakeResult{}.QueryApi() : results.back().QueryApi();
    return std::nullopt;
  }

  Reply QueryApi(const Recorded& r, const rapidjson::Document& body) {
    const std::string base = "/db/neo4j/query/v2";
    auto statement = [&]() -> std::vector<std::pair<std::string, std::string>> {
      if (!body.IsObject() || !body.HasMember("statement")) return {};
      return {{body["statement"].GetString(),
               body.HasMember("parameters") ? Canonical(body["parameters"]) : "{}"}};
    };
    auto ok = [](const std::string& data) { return "{\"data\":" + data + ",\"bookmarks\":[\"FB:kcwQ\"]}"; };
    std::string data;
    if (r.method == "POST" && r.path == base) {
      if (auto err = QueryStatement(statement(), true, &data)) return *err;
      return Reply{202, ok(data), {}};
    }
    auto tx_ok = [](const std::string& data) {
      return "{\"data\":" + data + ",\"bookmarks\":[],"
             "\"transaction\":{\"id\":\"lyU\",\"expires\":\"2024-10-22T15:48:29Z\"}}";
    };
    const std::map<std::string, std::string> affinity{{"neo4j-cluster-affinity", kAffinity}};
    if (r.method == "POST" && r.path == base + "/tx") {
      pending_ = statement();
      if (auto err = QueryStatement(pending_, false, &data)) return *err;
      return Reply{202, tx_ok(data), affinity};
    }
    if (r.Header("neo4j-cluster-affinity") != kAffinity) {
      return Error(202, "Neo.ClientError.Request.Invalid",
                   "Transaction with Id: lyU was not found or the routing header was not provided.");
    }
    if (r.method == "POST" && r.path == base + "/tx/lyU") {
      if (auto err = QueryStatement(statement(), false, &data)) return *err;
      for (auto& s : statement()) pending_.push_back(s);
      return Reply{202, tx_ok(data), affinity};
    }
    if (r.method == "POST" && r.path == base + "/tx/lyU/commit") {
      if (auto err = QueryStatement(statement(), false, &data)) return *err;
      for (auto& s : statement()) pending_.push_back(s);
      auto stmts = std::move(pending_);
      pending_.clear();
      std::vector<FakeResult> ignored;
      if (auto err = Apply(stmts, true, &ignored)) return *err;
      return Reply{202, ok(data), affinity};
    }
    if (r.method == "DELETE" && r.path == base + "/tx/lyU") {
      pending_.clear();
      return Reply{202, "{}", affinity};
    }
    return Error(404, "Neo.ClientError.Request.Invalid", "no route");
  }

  Reply Discovery() const {
    switch (flavor_) {
      case Flavor::kQueryApi5:
        return Reply{200,
                     "{\"bolt_routing\":\"neo4j://localhost:7687\",\"query\":\"" + url() +
                         "/db/{databaseName}/query/v2\",\"transaction\":\"" + url() +
                         "/db/{databaseName}/tx\",\"bolt_direct\":\"bolt://localhost:7687\","
                         "\"neo4j_version\":\"5.26.0\",\"neo4j_edition\":\"enterprise\","
                         "\"auth_config\":{\"oidc_providers\":[]}}",
                     {}};
      case Flavor::kTransactional5:
        return Reply{200,
                     "{\"bolt_routing\":\"neo4j://localhost:7687\",\"transaction\":\"" + url() +
                         "/db/{databaseName}/tx\",\"bolt_direct\":\"bolt://localhost:7687\","
                         "\"neo4j_version\":\"5.12.0\",\"neo4j_edition\":\"community\"}",
                     {}};
      case Flavor::kLegacy3:
        return Reply{200, "{\"management\":\"" + url() + "/db/manage/\",\"data\":\"" + url() + "/db/data/\"}", {}};
      case Flavor::kNoDiscovery:
        return Reply{404, "", {}};
    }
    return Reply{};
  }

  static bool Authorized(const Recorded& r) {
    const std::string creds = std::string("neo4j:") + kPassword;
    return r.Header("authorization") ==
           "Basic " + utility::conversions::to_base64(std::vector<unsigned char>(creds.begin(), creds.end()));
  }
  static Reply Unauthorized() {
    return Error(401, "Neo.ClientError.Security.Unauthorized", "Invalid username or password.");
  }

  bool UsesElementId() const { return flavor_ != Flavor::kLegacy3; }  // 5.x: id() deprecated

  // 3.x: an integer; 5.x: an elementId string.
  std::string NodeIdJson(int64_t n) const {
    return UsesElementId() ? "\"4:fake-db:" + std::to_string(n) + "\"" : std::to_string(n);
  }

  // The node's internal id: given on its first MERGE (even one rolled back
  // later), the same ever after.
  int64_t InternalIdOf(const std::string& key) {
    const auto [it, added] = internal_ids_.emplace(key, static_cast<int64_t>(by_internal_id_.size()) + 100);
    if (added) by_internal_id_.push_back(key);
    return it->second;
  }

  // The committed node ("Label|id") an internal id sent back names, or "".
  std::string NodeOf(const rapidjson::Value& nid) const {
    int64_t n = -1;
    if (!UsesElementId() && nid.IsInt64()) n = nid.GetInt64();
    const std::string prefix = "4:fake-db:";
    if (UsesElementId() && nid.IsString() && std::string(nid.GetString()).rfind(prefix, 0) == 0) {
      n = std::stoll(std::string(nid.GetString()).substr(prefix.size()));
    }
    if (n < 100 || n - 100 >= static_cast<int64_t>(by_internal_id_.size())) return "";
    const std::string& key = by_internal_id_[static_cast<size_t>(n - 100)];
    return nodes_.count(key) ? key : "";
  }

  static std::string IdOf(const std::string& key) { return key.substr(key.find('|') + 1); }

  // The (id, nid) row a node statement returns, or "" if the node is hidden.
  std::string NodeResultRow(const std::string& label, const std::string& id) {
    if (hidden_.count(id)) return "";
    std::string key = label + "|" + id;
    const auto lie = misreported_.find(id);
    if (lie != misreported_.end()) key = label + "|" + lie->second;
    rapidjson::Value name(id.c_str(), static_cast<rapidjson::SizeType>(id.size()));
    return "[" + Canonical(name) + "," + NodeIdJson(InternalIdOf(key)) + "]";
  }

  // Applies statements (if `commit`, else only computes their results); a
  // statement the emulation does not know is a syntax error, like a real
  // server's.
  std::optional<Reply> Apply(const Statements& stmts, bool commit, std::vector<FakeResult>* results) {
    static const std::regex node(
        R"(^UNWIND \$rows AS row MERGE \(n:(\w+) \{id: row\.id\}\) SET n \+= row\.props( RETURN row\.id AS id, (id|elementId)\(n\) AS nid)?$)");
    static const std::regex rel(
        R"(^UNWIND \$rows AS row MATCH \(a:(\w+) \{id: row\.from\}\) USING INDEX a:\1\(id\) MATCH \(b:(\w+) \{id: row\.to\}\) USING INDEX b:\2\(id\) MERGE \(a\)-\[r:(\w+)\]->\(b\) SET r \+= row\.props$)");
    static const std::regex rel_by_id(
        R"(^UNWIND \$rows AS row MATCH \(a\) WHERE (id|elementId)\(a\) = row\.a AND a\.id = row\.from MATCH \(b\) WHERE \1\(b\) = row\.b AND b\.id = row\.to MERGE \(a\)-\[r:(\w+)\]->\(b\) SET r \+= row\.props RETURN count\(\*\) AS linked$)");
    static const std::regex constraint(R"(^CREATE CONSTRAINT .*$)");
    const std::string id_function = UsesElementId() ? "elementId" : "id";
    for (const auto& [text, params] : stmts) {
      std::smatch m;
      rapidjson::Document p;
      p.Parse(params.c_str());
      FakeResult result;
      if (std::regex_match(text, m, node)) {
        if (m[2].matched && m[3].str() != id_function) {
          return Error(200, "Neo.ClientError.Statement.SyntaxError", "wrong id function for this version");
        }
        if (m[2].matched) result.columns = {"id", "nid"};
        for (const auto& row : p["rows"].GetArray()) {
          const std::string id = row["id"].GetString();
          if (commit) nodes_[m[1].str() + "|" + id] = Canonical(row["props"]);
          if (!m[2].matched) continue;
          const std::string out = NodeResultRow(m[1].str(), id);
          if (!out.empty()) result.rows.push_back(out);
        }
      } else if (std::regex_match(text, m, rel)) {
        for (const auto& row : p["rows"].GetArray()) {
          if (!commit) continue;
          ++rows_by_property_;
          const std::string from = m[1].str() + "|" + row["from"].GetString();
          const std::string to = m[2].str() + "|" + row["to"].GetString();
          if (!nodes_.count(from) || !nodes_.count(to)) {
            ++dangling_;
            continue;
          }
          rels_[m[3].str() + "|" + from + "|" + to] = Canonical(row["props"]);
        }
      } else if (std::regex_match(text, m, rel_by_id)) {
        if (m[1].str() != id_function) {
          return Error(200, "Neo.ClientError.Statement.SyntaxError", "wrong id function for this version");
        }
        int linked = 0;
        for (const auto& row : p["rows"].GetArray()) {
          const std::string from = NodeOf(row["a"]);
          const std::string to = NodeOf(row["b"]);
          // The stale-id guard: the node found by id must carry the row's id.
          if (from.empty() || to.empty() || IdOf(from) != row["from"].GetString() ||
              IdOf(to) != row["to"].GetString()) {
            if (commit) ++wrong_ids_;
            continue;
          }
          ++linked;
          if (commit) rels_[m[2].str() + "|" + from + "|" + to] = Canonical(row["props"]);
        }
        if (commit) rows_by_id_ += static_cast<int>(p["rows"].Size());
        result.columns = {"linked"};
        result.rows = {"[" + std::to_string(linked) + "]"};
      } else if (std::regex_match(text, constraint)) {
        if (commit) constraints_.push_back(text);
      } else if (text == "CALL db.resampleOutdatedIndexes()") {
        if (commit) ++resamples_;
      } else {
        return Error(200, "Neo.ClientError.Statement.SyntaxError", "Invalid input");
      }
      results->push_back(std::move(result));
    }
    return std::nullopt;
  }

  const Flavor flavor_;
  const Inject inject_;
  const int port_;
  http::experimental::listener::http_listener listener_;
  std::mutex mu_;
  std::vector<Recorded> requests_;
  int resamples_ = 0;
  Statements pending_;
  std::map<std::string, std::string> nodes_, rels_;
  std::vector<std::string> constraints_;
  int dangling_ = 0;
  int rows_by_id_ = 0, wrong_ids_ = 0, rows_by_property_ = 0;
  std::map<std::string, int64_t> internal_ids_;  // "Label|id" -> internal id (from 100)
  std::vector<std::string> by_internal_id_;       // internal id - 100 -> "Label|id"
  std::set<std::string> hidden_;
  std::map<std::string, std::string> misreported_;
};

// A TCP proxy in front of the fake server that can drop a connection after
// the server has answered (and so committed), before the client sees it.
class DroppingProxy {
 public:
  using Drop = std::function<bool(int index, const std::string& head)>;
  DroppingProxy(int backend_port, Drop drop) : backend_port_(backend_port), drop_(std::move(drop)) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof(a));
    listen(fd_, 16);
    socklen_t len = sizeof(a);
    getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    accept_thread_ = std::thread([this]() { AcceptLoop(); });
  }
  ~DroppingProxy() {
    stopping_ = true;
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    accept_thread_.join();
    std::lock_guard<std::mutex> l(mu_);
    for (const int c : clients_) shutdown(c, SHUT_RDWR);
    for (std::thread& t : workers_) t.join();
    for (const int c : clients_) close(c);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int dropped() const { return dropped_; }

 private:
  void AcceptLoop() {
    while (!stopping_) {
      const int c = accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      std::lock_guard<std::mutex> l(mu_);
      clients_.push_back(c);
      workers_.emplace_back([this, c]() { Serve(c); });
    }
  }

  // Reads one HTTP message (head + Content-Length body) or returns false.
  static bool ReadRequest(int fd, std::string* buffered, std::string* head, std::string* body) {
    size_t end;
    char chunk[65536];
    while ((end = buffered->find("\r\n\r\n")) == std::string::npos) {
      const ssize_t n = recv(fd, chunk, sizeof(chunk), 0);
      if (n <= 0) return false;
      buffered->append(chunk, static_cast<size_t>(n));
    }
    *head = buffered->substr(0, end + 4);
    std::string lower = *head;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    size_t length = 0;
    const size_t cl = lower.find("content-length:");
    if (cl != std::string::npos) length = std::stoul(lower.substr(cl + 15));
    while (buffered->size() < end + 4 + length) {
      const ssize_t n = recv(fd, chunk, sizeof(chunk), 0);
      if (n <= 0) return false;
      buffered->append(chunk, static_cast<size_t>(n));
    }
    *body = buffered->substr(end + 4, length);
    buffered->erase(0, end + 4 + length);
    return true;
  }

  static void SendAll(int fd, const std::string& data) {
    size_t sent = 0;
    while (sent < data.size()) {
      const ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<size_t>(n);
    }
  }

  void Serve(int client) {
    std::string buffered, head, body;
    while (ReadRequest(client, &buffered, &head, &body)) {
      const int index = requests_++;
      // One backend connection per request, closed by the server after it.
      std::string forward = head.substr(0, head.size() - 2) + "Connection: close\r\n\r\n" + body;
      const int b = socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in a{};
      a.sin_family = AF_INET;
      a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      a.sin_port = htons(static_cast<uint16_t>(backend_port_));
      if (connect(b, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) {
        close(b);
        break;
      }
      SendAll(b, forward);
      std::string backend_buffer, response_head, response_body;
      const bool answered = ReadRequest(b, &backend_buffer, &response_head, &response_body);
      close(b);
      if (!answered) break;
      std::string response = response_head + response_body;
      if (drop_(index, head)) {
        ++dropped_;
        break;  // the client's connection closes with no answer
      }
      // Tell the client this connection ends here, so it opens a new one.
      const size_t line_end = response.find("\r\n");
      if (line_end != std::string::npos && response.find("Connection: close") == std::string::npos) {
        response.insert(line_end + 2, "Connection: close\r\n");
      }
      SendAll(client, response);
      break;  // the backend said Connection: close, so does the proxy
    }
    shutdown(client, SHUT_RDWR);
  }

  const int backend_port_;
  const Drop drop_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> requests_{0};
  std::atomic<int> dropped_{0};
  std::thread accept_thread_;
  std::mutex mu_;
  std::vector<int> clients_;
  std::vector<std::thread> workers_;
};

// A small graph with two labels per batch boundary, a hostile name, and
// relationships of two types.
Neo4jRows SampleRows() {
  Neo4jTestGraph g;
  const VertexId prov = g.AddEntity(EntityType::kRegion, "某省", {}, {"a.txt"});
  const VertexId city = g.AddEntity(EntityType::kRegion, "某市", {"某地"}, {"a.txt"});
  const VertexId lab = g.AddEntity(EntityType::kInstitute, "某市实验室", {}, {"a.txt"});
  const VertexId evil = g.AddEntity(EntityType::kEnterprise, kEvil, {}, {"a.txt"});
  const VertexId src = g.AddSource("a.txt", "关于某事的答复");
  g.AddRelation(city, prov, RelationType::kLocatedIn, "a.txt", "某市位于某省。");
  g.AddRelation(lab, city, RelationType::kLocatedIn, "a.txt", "某市实验室位于某市。");
  g.AddRelation(evil, lab, RelationType::kCooperatesWith, "a.txt", "双方合作 `x` {y}。");
  EdgeProps m;
  m.kind = EdgeKind::kMentions;
  g.AddEdge(src, evil, m);
  return CollectNeo4jRows(g);
}

std::map<std::string, std::string> ExpectedNodes(const Neo4jRows& rows) {
  std::map<std::string, std::string> out;
  for (const auto& g : rows.node_groups) {
    for (const auto& row : g.rows) {
      rapidjson::Document d;
      d.Parse(row.c_str());
      out[g.label + "|" + d["id"].GetString()] = Canonical(d["props"]);
    }
  }
  return out;
}

std::map<std::string, std::string> ExpectedRelationships(const Neo4jRows& rows) {
  std::map<std::string, std::string> out;
  for (const auto& g : rows.relationship_groups) {
    for (const auto& row : g.rows) {
      rapidjson::Document d;
      d.Parse(row.c_str());
      out[g.type + "|" + g.from_label + "|" + d["from"].GetString() + "|" + g.to_label + "|" +
          d["to"].GetString()] = Canonical(d["props"]);
    }
  }
  return out;
}

class Neo4jHttp : public ::testing::Test {
 protected:
  Neo4jClientOptions Options(const std::string& url) {
    Neo4jClientOptions o;
    o.url = url;
    o.password = kPassword;
    o.retry.max_attempts = 4;
    o.retry.initial_backoff = std::chrono::milliseconds(5);
    o.retry.max_backoff = std::chrono::milliseconds(20);
    o.request_timeout = std::chrono::milliseconds(5000);
    o.log = [this](const std::string& line) { log_.push_back(line); };
    return o;
  }
  Result<Neo4jExportStats> Export(Neo4jClient& client, size_t batch_size = 3, size_t in_flight = 1) {
    Neo4jExportOptions options;
    options.batch_size = batch_size;
    options.in_flight = in_flight;
    options.progress = false;
    return ExportToNeo4j(rows_, client, options);
  }
  void ExpectNoPasswordAnywhere(const std::vector<Recorded>& requests, const Status& st) {
    EXPECT_THAT(st.message(), Not(HasSubstr(kPassword)));
    for (const std::string& line : log_) EXPECT_THAT(line, Not(HasSubstr(kPassword)));
    for (const Recorded& r : requests) {
      EXPECT_THAT(r.body, Not(HasSubstr(kPassword)));  // only the header carries it, encoded
      EXPECT_THAT(r.Header("authorization"), Not(HasSubstr(kPassword)));
    }
  }
  void ExpectCommittedEverything(FakeNeo4j& server) {
    EXPECT_EQ(server.nodes(), ExpectedNodes(rows_));
    EXPECT_EQ(server.relationships(), ExpectedRelationships(rows_));
    EXPECT_EQ(server.dangling(), 0);
  }

  const Neo4jRows rows_ = SampleRows();
  std::vector<std::string> log_;
};

TEST_F(Neo4jHttp, QueryApiImplicitAndExplicitTransactions) {
  FakeNeo4j server(FakeNeo4j::Flavor::kQueryApi5);
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok()) << client.status().message();
  EXPECT_EQ((*client)->protocol(), Neo4jProtocol::kQueryApi);
  EXPECT_EQ((*client)->version().major, 5);
  EXPECT_EQ((*client)->version().minor, 26);
  auto stats = Export(**client);
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->nodes, 5u);
  EXPECT_EQ(stats->relationships, 4u);
  ExpectCommittedEverything(server);

  const auto requests = server.requests();
  ASSERT_GE(requests.size(), 10u);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].path, "/");
  // Eight constraints in 5.x syntax, one implicit transaction each.
  const auto constraints = server.constraints();
  ASSERT_EQ(constraints.size(), 8u);
  EXPECT_EQ(constraints[0], "CREATE CONSTRAINT policykg_region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE");
  bool saw_explicit = false;
  for (size_t i = 1; i < requests.size(); ++i) {
    const Recorded& r = requests[i];
    EXPECT_EQ(r.method, "POST");
    EXPECT_THAT(r.path, HasSubstr("/db/neo4j/query/v2"));
    EXPECT_THAT(r.Header("authorization"), HasSubstr("Basic "));
    EXPECT_THAT(r.Header("content-type"), HasSubstr("application/json"));
    rapidjson::Document body;
    body.Parse(r.body.c_str());
    ASSERT_TRUE(body.IsObject()) << r.body;
    ASSERT_TRUE(body.HasMember("statement"));  // one statement per Query API request
    const std::string text = body["statement"].GetString();
    EXPECT_THAT(text, Not(HasSubstr("Evil")));
    EXPECT_THAT(text, Not(HasSubstr("某")));
    if (r.path == "/db/neo4j/query/v2/tx") {
      EXPECT_EQ(r.Header("neo4j-cluster-affinity"), "");
      saw_explicit = true;
    } else if (r.path.rfind("/db/neo4j/query/v2/tx/", 0) == 0) {
      EXPECT_EQ(r.Header("neo4j-cluster-affinity"), kAffinity) << r.path;
    }
  }
  EXPECT_TRUE(saw_explicit) << "a batch spanning two labels uses an explicit transaction";
  EXPECT_EQ((*client)->retries(), 0);
  ExpectNoPasswordAnywhere(requests, stats.status());
}

TEST_F(Neo4jHttp, HostileNameTravelsOnlyAsAParameter) {
  FakeNeo4j server(FakeNeo4j::Flavor::kQueryApi5);
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok());
  ASSERT_TRUE(Export(**client).ok());
  EXPECT_EQ(server.nodes().count("Enterprise|Enterprise:" + kEvil), 1u);
  bool in_parameters = false;
  for (const Recorded& r : server.requests()) {
    rapidjson::Document body;
    body.Parse(r.body.c_str());
    if (!body.IsObject() || !body.HasMember("parameters")) continue;
    in_parameters = in_parameters || Canonical(body["parameters"]).find("DETACH DELETE") != std::string::npos;
  }
  EXPECT_TRUE(in_parameters);
}

TEST_F(Neo4jHttp, TransactionalEndpointSendsABatchAsOneRequest) {
  FakeNeo4j server(FakeNeo4j::Flavor::kTransactional5);
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok()) << client.status().message();
  EXPECT_EQ((*client)->protocol(), Neo4jProtocol::kTransactional);
  auto stats = Export(**client, 1000);
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  ExpectCommittedEverything(server);
  const auto requests = server.requests();
  // GET /, 8 constraints, 1 node batch, resampling, 1 relationship batch.
  ASSERT_EQ(requests.size(), 12u);
  EXPECT_EQ(server.resamples(), 1);
  EXPECT_NE(requests[10].body.find("db.resampleOutdatedIndexes"), std::string::npos);
  rapidjson::Document nodes;
  nodes.Parse(requests[9].body.c_str());
  EXPECT_EQ(requests[9].path, "/db/neo4j/tx/commit");
  EXPECT_EQ(nodes["statements"].Size(), 4u);  // Enterprise, Institute, Region, Source
}

TEST_F(Neo4jHttp, Legacy3xUsesDbDataAndOldConstraintSyntax) {
  FakeNeo4j server(FakeNeo4j::Flavor::kLegacy3);
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok()) << client.status().message();
  EXPECT_EQ((*client)->protocol(), Neo4jProtocol::kLegacyTransactional);
  EXPECT_EQ((*client)->version().major, 3);
  ASSERT_TRUE(Export(**client).ok());
  ExpectCommittedEverything(server);
  EXPECT_EQ(server.constraints()[0], "CREATE CONSTRAINT ON (n:Region) ASSERT n.id IS UNIQUE");
  EXPECT_EQ(server.requests().back().path, "/db/data/transaction/commit");
}

TEST_F(Neo4jHttp, NoDiscoveryDocumentMeansQueryApiAsOnAura) {
  FakeNeo4j server(FakeNeo4j::Flavor::kNoDiscovery);
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok()) << client.status().message();
  EXPECT_EQ((*client)->protocol(), Neo4jProtocol::kQueryApi);
  ASSERT_TRUE(Export(**client).ok());
  ExpectCommittedEverything(server);
}

TEST_F(Neo4jHttp, ErrorInA200BodyStopsWithoutRetry) {
  FakeNeo4j server(FakeNeo4j::Flavor::kTransactional5, [](int index, const Recorded&) -> std::optional<Reply> {
    if (index != 9) return std::nullopt;  // the first node batch
    return Reply{200,
                 "{\"results\":[],\"errors\":[{\"code\":\"Neo.ClientError.Schema.ConstraintValidationFailed\","
                 "\"message\":\"Node(1) already exists with label `Region`\"}]}",
                 {}};
  });
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok());
  auto stats = Export(**client, 1000);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), Status::Code::kRejected);
  EXPECT_THAT(stats.status().message(), HasSubstr("Neo.ClientError.Schema.ConstraintValidationFailed"));
  EXPECT_THAT(stats.status().message(), HasSubstr("UNWIND $rows"));  // which statement
  EXPECT_EQ(server.requests().size(), 10u);  // nothing after the failure
  EXPECT_EQ((*client)->retries(), 0);
}

// The `id` of the node of `label` named `name` in the rows.
std::string NodeId(const Neo4jRows& rows, const std::string& label, const std::string& name) {
  for (const auto& g : rows.node_groups) {
    if (g.label != label) continue;
    for (const auto& row : g.rows) {
      rapidjson::Document d;
      d.Parse(row.c_str());
      if (name == d["props"]["name"].GetString()) return d["id"].GetString();
    }
  }
  return "";
}

const std::vector<FakeNeo4j::Flavor> kResultFlavors = {FakeNeo4j::Flavor::kQueryApi5, FakeNeo4j::Flavor::kTransactional5,
                                                       FakeNeo4j::Flavor::kLegacy3};

TEST_F(Neo4jHttp, ResultRowsParsedForEachProtocol) {
  for (const FakeNeo4j::Flavor flavor : kResultFlavors) {
    SCOPED_TRACE(static_cast<int>(flavor));
    FakeNeo4j server(flavor);
    auto client = Neo4jClient::Connect(Options(server.url()));
    ASSERT_TRUE(client.ok()) << client.status().message();
    const Neo4jVersion v = (*client)->version();
    // Two statements: one request on /tx/commit, an explicit transaction
    // (open, commit) on the Query API; then one alone.
    const std::vector<Neo4jStatement> two = {
        {Neo4jNodeStatementReturningIds("Region", v), R"({"rows":[{"id":"Region:a","props":{}},{"id":"Region:b","props":{}}]})"},
        {Neo4jNodeStatementReturningIds("Institute", v), R"({"rows":[{"id":"Institute:c","props":{}}]})"}};
    std::vector<Neo4jResult> results;
    ASSERT_TRUE((*client)->RunTransaction(two, &results).ok());
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0].columns, (std::vector<std::string>{"id", "nid"}));
    EXPECT_EQ(results[0].Column("nid"), 1);
    EXPECT_EQ(results[0].Column("nope"), -1);
    ASSERT_EQ(results[0].rows.size(), 2u);
    ASSERT_EQ(results[1].rows.size(), 1u);
    EXPECT_EQ(results[0].rows[1][0], "\"Region:b\"");
    EXPECT_EQ(results[0].rows[1][1], server.InternalId("Region|Region:b"));
    EXPECT_EQ(results[1].rows[0][1], server.InternalId("Institute|Institute:c"));
    EXPECT_EQ(results[1].rows[0][1][0] == '"', v.AtLeast5()) << "elementId strings on 5.x, integers before";

    const std::vector<Neo4jStatement> one = {
        {Neo4jNodeStatementReturningIds("Region", v), R"({"rows":[{"id":"Region:b","props":{}}]})"}};
    ASSERT_TRUE((*client)->RunTransaction(one, &results).ok());
    ASSERT_EQ(results.size(), 1u);
    ASSERT_EQ(results[0].rows.size(), 1u);
    EXPECT_EQ(results[0].rows[0][1], server.InternalId("Region|Region:b")) << "a MERGE again: the same id";

    // Statements without RETURN: a result each, with no rows.
    ASSERT_TRUE((*client)->RunTransaction({{Neo4jNodeStatement("Region"), R"({"rows":[]})"}}, &results).ok());
    ASSERT_EQ(results.size(), 1u);
    EXPECT_TRUE(results[0].rows.empty());
  }
}

TEST_F(Neo4jHttp, FailedTransactionLeavesNoResults) {
  FakeNeo4j server(FakeNeo4j::Flavor::kTransactional5, [](int index, const Recorded&) -> std::optional<Reply> {
    if (index == 0) return std::nullopt;
    return Reply{200, "{\"results\":[],\"errors\":[{\"code\":\"Neo.ClientError.Statement.SyntaxError\",\"message\":\"x\"}]}", {}};
  });
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok());
  std::vector<Neo4jResult> results(3);
  EXPECT_FALSE((*client)->RunTransaction({{Neo4jNodeStatement("Region"), R"({"rows":[]})"}}, &results).ok());
  EXPECT_TRUE(results.empty());
}

// Checks every relationship row sent by internal ids against the ids the
// server handed out for the row's `from` and `to`.
void ExpectIdsSentAreTheIdsReturned(FakeNeo4j& server, const Neo4jRows& rows) {
  std::map<std::string, std::string> label_of;  // id -> label
  for (const auto& g : rows.node_groups) {
    for (const auto& row : g.rows) {
      rapidjson::Document d;
      d.Parse(row.c_str());
      label_of[d["id"].GetString()] = g.label;
    }
  }
  int checked = 0;
  for (const Recorded& r : server.requests()) {
    rapidjson::Document body;
    body.Parse(r.body.c_str());
    if (!body.IsObject()) continue;
    std::vector<const rapidjson::Value*> statements;
    if (body.HasMember("statements")) {
      for (const auto& st : body["statements"].GetArray()) statements.push_back(&st);
    } else if (body.HasMember("statement")) {
      statements.push_back(&body);
    }
    for (const rapidjson::Value* st : statements) {
      if (std::string((*st)["statement"].GetString()).find("row.a") == std::string::npos) continue;
      for (const auto& row : (*st)["parameters"]["rows"].GetArray()) {
        const std::string from = row["from"].GetString(), to = row["to"].GetString();
        EXPECT_EQ(Canonical(row["a"]), server.InternalId(label_of[from] + "|" + from)) << from;
        EXPECT_EQ(Canonical(row["b"]), server.InternalId(label_of[to] + "|" + to)) << to;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0);
}

TEST_F(Neo4jHttp, FreshExportMatchesRelationshipEndsByInternalId) {
  for (const FakeNeo4j::Flavor flavor : kResultFlavors) {
    SCOPED_TRACE(static_cast<int>(flavor));
    FakeNeo4j server(flavor);
    auto client = Neo4jClient::Connect(Options(server.url()));
    ASSERT_TRUE(client.ok()) << client.status().message();
    auto stats = Export(**client);
    ASSERT_TRUE(stats.ok()) << stats.status().message();
    ExpectCommittedEverything(server);
    EXPECT_EQ(server.rows_by_id(), 4);
    EXPECT_EQ(server.rows_by_property(), 0);
    EXPECT_EQ(server.wrong_ids(), 0);
    EXPECT_EQ(stats->relationships_by_node_id, 4u);
    EXPECT_EQ(stats->relationships_redone, 0u);
    ExpectIdsSentAreTheIdsReturned(server, rows_);
    // Again onto the populated database: MERGE finds everything.
    ASSERT_TRUE(Export(**client).ok());
    ExpectCommittedEverything(server);
    EXPECT_EQ(server.rows_by_id(), 8);
    EXPECT_EQ(server.wrong_ids(), 0);
  }
}

TEST_F(Neo4jHttp, NodesMissingFromTheResultsFallBackToPropertyMatch) {
  FakeNeo4j server(FakeNeo4j::Flavor::kTransactional5);
  // Both the LOCATED_IN from the lab and the COOPERATES_WITH to it.
  server.HideIdsOf({NodeId(rows_, "Institute", "某市实验室")});
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok());
  auto stats = Export(**client);
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  ExpectCommittedEverything(server);
  EXPECT_EQ(server.rows_by_property(), 2);
  EXPECT_EQ(server.rows_by_id(), 2);
  EXPECT_EQ(stats->relationships_by_node_id, 2u);
  // A batch of both kinds: one statement by id, one by property, one request.
  bool mixed = false;
  for (const Recorded& r : server.requests()) {
    mixed = mixed || (r.body.find("row.a") != std::string::npos && r.body.find("USING INDEX") != std::string::npos);
  }
  EXPECT_TRUE(mixed);
}

TEST_F(Neo4jHttp, StaleInternalIdLinksNoWrongNodeAndIsRedoneByProperty) {
  for (const FakeNeo4j::Flavor flavor : kResultFlavors) {
    SCOPED_TRACE(static_cast<int>(flavor));
    FakeNeo4j server(flavor);
    // The city is reported with the province's id: the two rows naming the
    // city (city -> province, lab -> city) must link nothing by id.
    server.MisreportIdsOf({{NodeId(rows_, "Region", "某市"), NodeId(rows_, "Region", "某省")}});
    auto client = Neo4jClient::Connect(Options(server.url()));
    ASSERT_TRUE(client.ok());
    auto stats = Export(**client);
    ASSERT_TRUE(stats.ok()) << stats.status().message();
    ExpectCommittedEverything(server);  // exactly these: no relationship to a wrong node
    EXPECT_EQ(server.wrong_ids(), 2);
    EXPECT_EQ(server.rows_by_property(), 2);
    EXPECT_EQ(stats->relationships_by_node_id, 4u);
    EXPECT_EQ(stats->relationships_redone, 2u);
    // + one redo: both stale rows are in the first relationship batch.
    EXPECT_EQ(stats->transactions, 8u + 2u + 1u + 2u + 1u);
  }
}

bool IsNodeBatch(const Recorded& r) { return r.body.find("MERGE (n:") != std::string::npos; }
bool IsRelationshipBatch(const Recorded& r) { return r.body.find("MERGE (a)-[r:") != std::string::npos; }

TEST_F(Neo4jHttp, ParallelTransactionsCommitEverythingNodesFirst) {
  std::atomic<int> active{0}, most{0};
  FakeNeo4j server(FakeNeo4j::Flavor::kTransactional5, [&](int, const Recorded& r) -> std::optional<Reply> {
    if (!IsNodeBatch(r) && !IsRelationshipBatch(r)) return std::nullopt;
    const int now = ++active;
    for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(40));  // hold the slot: let others overlap
    --active;
    return std::nullopt;
  });
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok()) << client.status().message();
  auto stats = Export(**client, 1, 3);
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  ExpectCommittedEverything(server);
  EXPECT_GE(most.load(), 2);
  EXPECT_LE(most.load(), 3);
  const auto requests = server.requests();
  size_t last_node = 0, first_rel = requests.size();
  for (size_t i = 0; i < requests.size(); ++i) {
    if (IsNodeBatch(requests[i])) last_node = i;
    if (IsRelationshipBatch(requests[i])) first_rel = std::min(first_rel, i);
  }
  EXPECT_LT(last_node, first_rel);  // a relationship needs both its ends committed
  EXPECT_EQ(stats->transactions, 8 + stats->nodes + 1 + stats->relationships);  // batch size 1
}

TEST_F(Neo4jHttp, ParallelExportStopsAtTheFirstFailure) {
  FakeNeo4j server(FakeNeo4j::Flavor::kTransactional5, [](int, const Recorded& r) -> std::optional<Reply> {
    if (r.body.find("MERGE (n:Institute") == std::string::npos) return std::nullopt;
    return Reply{200,
                 "{\"results\":[],\"errors\":[{\"code\":\"Neo.ClientError.Statement.SyntaxError\","
                 "\"message\":\"Invalid input\"}]}",
                 {}};
  });
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok());
  auto stats = Export(**client, 1, 4);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), Status::Code::kRejected);
  EXPECT_THAT(stats.status().message(), HasSubstr("Neo.ClientError.Statement.SyntaxError"));
  for (const Recorded& r : server.requests()) EXPECT_FALSE(IsRelationshipBatch(r));
}

TEST_F(Neo4jHttp, UnauthorizedStopsAndNeverPrintsThePassword) {
  FakeNeo4j server(FakeNeo4j::Flavor::kQueryApi5);
  Neo4jClientOptions options = Options(server.url());
  options.password = std::string("wrong-") + kPassword;
  auto client = Neo4jClient::Connect(options);
  ASSERT_TRUE(client.ok());  // discovery needs no credentials
  auto stats = Export(**client);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), Status::Code::kRejected);
  EXPECT_THAT(stats.status().message(), HasSubstr("authentication failed"));
  EXPECT_THAT(stats.status().message(), HasSubstr("NEO4J_PASSWORD"));
  EXPECT_EQ(server.requests().size(), 2u);
  ExpectNoPasswordAnywhere(server.requests(), stats.status());
  EXPECT_THAT(stats.status().message(), Not(HasSubstr("wrong-")));
}

TEST_F(Neo4jHttp, MissingPasswordSendsNoAuthorization) {
  FakeNeo4j server(FakeNeo4j::Flavor::kQueryApi5);
  Neo4jClientOptions options = Options(server.url());
  options.password.reset();
  auto client = Neo4jClient::Connect(options);
  ASSERT_TRUE(client.ok());
  auto stats = Export(**client);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(server.requests()[1].Header("authorization"), "");
  EXPECT_THAT(stats.status().message(), HasSubstr("authentication failed"));
}

TEST_F(Neo4jHttp, TransientErrorsAreRetriedUntilSuccess) {
  std::atomic<int> failures{0};
  FakeNeo4j server(FakeNeo4j::Flavor::kQueryApi5, [&](int, const Recorded& r) -> std::optional<Reply> {
    if (r.body.find("MERGE (n:Institute") == std::string::npos || failures >= 2) return std::nullopt;
    ++failures;
    return Reply{202,
                 "{\"errors\":[{\"code\":\"Neo.TransientError.Transaction.DeadlockDetected\","
                 "\"message\":\"ForsetiClient can't acquire ExclusiveLock\"}]}",
                 {}};
  });
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok());
  const auto start = std::chrono::steady_clock::now();
  auto stats = Export(**client);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(failures, 2);
  EXPECT_EQ((*client)->retries(), 2);
  // The phase timings: the node phase holds both back-offs (5 + 10 ms); both
  // phases lie inside the export's wall time.
  EXPECT_GE(stats->node_seconds, 0.015);
  EXPECT_GT(stats->relationship_seconds, 0);
  EXPECT_LE(stats->node_seconds + stats->relationship_seconds, wall);
  ExpectCommittedEverything(server);
  ASSERT_FALSE(log_.empty());
  EXPECT_THAT(log_[0], HasSubstr("DeadlockDetected"));
  EXPECT_THAT(log_[0], HasSubstr("retrying"));
}

TEST_F(Neo4jHttp, ServerErrorsAreRetried) {
  std::atomic<int> failures{0};
  FakeNeo4j server(FakeNeo4j::Flavor::kTransactional5, [&](int index, const Recorded&) -> std::optional<Reply> {
    if (index < 5 || failures >= 3) return std::nullopt;
    ++failures;
    return Reply{503, "<html>Service Unavailable</html>", {}};
  });
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok());
  ASSERT_TRUE(Export(**client).ok());
  EXPECT_EQ((*client)->retries(), 3);
  ExpectCommittedEverything(server);
}

TEST_F(Neo4jHttp, TerminatedTransactionIsNotRetried) {
  FakeNeo4j server(FakeNeo4j::Flavor::kTransactional5, [](int index, const Recorded&) -> std::optional<Reply> {
    if (index != 3) return std::nullopt;
    return Reply{200,
                 "{\"results\":[],\"errors\":[{\"code\":\"Neo.TransientError.Transaction.Terminated\","
                 "\"message\":\"The transaction has been terminated.\"}]}",
                 {}};
  });
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok());
  auto stats = Export(**client);
  ASSERT_FALSE(stats.ok());
  EXPECT_THAT(stats.status().message(), HasSubstr("Terminated"));
  EXPECT_EQ((*client)->retries(), 0);
  EXPECT_EQ(server.requests().size(), 4u);
}

TEST_F(Neo4jHttp, GivesUpAfterTheRetryBudget) {
  FakeNeo4j server(FakeNeo4j::Flavor::kQueryApi5, [](int index, const Recorded&) -> std::optional<Reply> {
    if (index == 0) return std::nullopt;
    return Reply{202, "{\"errors\":[{\"code\":\"Neo.TransientError.General.DatabaseUnavailable\",\"message\":\"down\"}]}", {}};
  });
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok());
  auto stats = Export(**client);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), Status::Code::kUnavailable);
  EXPECT_THAT(stats.status().message(), HasSubstr("after 4 attempts"));
  EXPECT_EQ(server.requests().size(), 5u);
}

TEST_F(Neo4jHttp, DroppedConnectionAfterCommitConverges) {
  FakeNeo4j server(FakeNeo4j::Flavor::kQueryApi5);
  // Drop the answers to the first node batch's commit and to a relationship
  // batch: the server has applied them, the client never hears so.
  // POSTs 1-8 are the constraints; 9-11 open, extend and commit the first
  // node batch; after its retry (14-16), 17-18 are the second one.
  auto posts = std::make_shared<std::atomic<int>>(0);
  DroppingProxy proxy(server.port(), [posts](int, const std::string& head) {
    if (head.rfind("POST /db/neo4j/query/v2", 0) != 0) return false;
    const int n = ++*posts;
    return n == 11 || n == 18;
  });
  auto client = Neo4jClient::Connect(Options(proxy.url()));
  ASSERT_TRUE(client.ok()) << client.status().message();
  auto stats = Export(**client);
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(proxy.dropped(), 2);
  EXPECT_GE((*client)->retries(), 2);
  ExpectCommittedEverything(server);
  // The retried node batch handed back the same ids: every end matched by id.
  EXPECT_EQ(stats->relationships_by_node_id, 4u);
  EXPECT_EQ(stats->relationships_redone, 0u);
  EXPECT_EQ(server.wrong_ids(), 0);
  ExpectIdsSentAreTheIdsReturned(server, rows_);
}

TEST_F(Neo4jHttp, ExplicitTransactionStatementErrorStops) {
  FakeNeo4j server(FakeNeo4j::Flavor::kQueryApi5, [](int, const Recorded& r) -> std::optional<Reply> {
    if (r.path != "/db/neo4j/query/v2/tx/lyU/commit") return std::nullopt;
    return Reply{202,
                 "{\"errors\":[{\"code\":\"Neo.ClientError.Statement.TypeError\",\"message\":\"bad value\"}]}",
                 {}};
  });
  auto client = Neo4jClient::Connect(Options(server.url()));
  ASSERT_TRUE(client.ok());
  auto stats = Export(**client);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), Status::Code::kRejected);
  EXPECT_THAT(stats.status().message(), HasSubstr("TypeError"));
  EXPECT_EQ(server.requests().back().path, "/db/neo4j/query/v2/tx/lyU/commit");
}

TEST_F(Neo4jHttp, RefusedConnectionIsRetriedThenReported) {
  const int port = FreePort();  // nothing listens there
  auto client = Neo4jClient::Connect(Options("http://127.0.0.1:" + std::to_string(port)));
  ASSERT_FALSE(client.ok());
  EXPECT_EQ(client.status().code(), Status::Code::kUnavailable);
  EXPECT_THAT(client.status().message(), HasSubstr("after 4 attempts"));
  EXPECT_EQ(log_.size(), 3u);
}

TEST_F(Neo4jHttp, CredentialsInTheUrlAreRefusedWithoutEchoingThem) {
  auto client = Neo4jClient::Connect(Options(std::string("http://neo4j:") + kPassword + "@127.0.0.1:7474"));
  ASSERT_FALSE(client.ok());
  EXPECT_EQ(client.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(client.status().message(), Not(HasSubstr(kPassword)));
  auto bolt = Neo4jClient::Connect(Options("neo4j+s://xxxx.databases.neo4j.io"));
  ASSERT_FALSE(bolt.ok());
  EXPECT_THAT(bolt.status().message(), HasSubstr("not a Bolt URL"));
}

TEST(Neo4jDryRun, WritesEveryStatementWithParameters) {
  const std::string path = ::testing::TempDir() + "/neo4j_dry_run.jsonl";
  auto writer = Neo4jDryRunWriter::Open(path, Neo4jVersion{4, 4});
  ASSERT_TRUE(writer.ok());
  Neo4jExportOptions options;
  options.batch_size = 2;
  options.progress = false;
  const Neo4jRows rows = SampleRows();
  auto stats = ExportToNeo4j(rows, **writer, options);
  ASSERT_TRUE(stats.ok());
  ASSERT_TRUE((*writer)->Close().ok());
  std::ifstream in(path);
  std::string line;
  size_t lines = 0, rows_seen = 0;
  bool evil_seen = false;
  while (std::getline(in, line)) {
    ++lines;
    rapidjson::Document d;
    d.Parse(line.c_str());
    ASSERT_FALSE(d.HasParseError()) << line;
    ASSERT_TRUE(d["statement"].IsString());
    if (lines == 1) {
      EXPECT_STREQ(d["statement"].GetString(),
                   "CREATE CONSTRAINT policykg_region_id IF NOT EXISTS ON (n:Region) ASSERT n.id IS UNIQUE");
    }
    if (d["parameters"].HasMember("rows")) rows_seen += d["parameters"]["rows"].Size();
    evil_seen = evil_seen || line.find("DETACH DELETE") != std::string::npos;
    // No server, no internal ids: today's statements, matching by property.
    const std::string statement = d["statement"].GetString();
    EXPECT_THAT(statement, Not(HasSubstr("RETURN")));
    EXPECT_THAT(statement, Not(HasSubstr("row.a")));
  }
  EXPECT_EQ(lines, stats->statements);
  EXPECT_EQ(rows_seen, rows.num_nodes() + rows.num_relationships());
  EXPECT_TRUE(evil_seen);
}

}  // namespace
}  // namespace policykg
