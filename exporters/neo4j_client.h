// A Neo4j client over the HTTP API, for every server generation:
//   - the Query API (POST /db/{db}/query/v2; explicit transactions under
//     /db/{db}/query/v2/tx, echoing the neo4j-cluster-affinity header) where
//     discovery offers it (5.19+, Aura);
//   - else the transactional endpoint /db/{db}/tx/commit (4.x, 5.x);
//   - else /db/data/transaction/commit (3.x).
// Discovery (GET /) picks the protocol and the server version.
//
// Failures: Neo.TransientError.* (except Transaction.Terminated and
// LockClientStopped), HTTP 5xx, timeouts, refused and dropped connections are
// retried with exponential backoff, the whole transaction again (statements
// are expected to be idempotent: MERGE). Neo.ClientError.*, 401 and 403 stop at
// once with a Rejected status. The "errors" array of a body is checked whatever
// the HTTP status. No message, log line or Status ever contains the password.
#ifndef POLICYKG_EXPORTERS_NEO4J_CLIENT_H_
#define POLICYKG_EXPORTERS_NEO4J_CLIENT_H_

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "exporters/neo4j_cypher.h"

namespace policykg {

struct Neo4jStatement {
  std::string text;
  std::string parameters = "{}";  // a JSON object, serialized
  // Schema statements on servers without IF NOT EXISTS: an "equivalent
  // schema rule already exists" error means the work is already done.
  bool ok_if_exists = false;
};

// What one statement returned: its column names and rows, each value as JSON
// text (a string keeps its quotes), so it can travel back as a parameter with
// its type intact. Empty for statements without RETURN.
struct Neo4jResult {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  // The column's index, or -1.
  int Column(std::string_view name) const;
};

// Where statements go: a server (Neo4jClient) or a dry-run file.
class Neo4jSink {
 public:
  virtual ~Neo4jSink() = default;
  // The server generation whose syntax the statements must use.
  virtual Neo4jVersion version() const = 0;
  // True if RunTransaction hands back what statements return (a server),
  // false if nothing runs (a dry-run file).
  virtual bool ReturnsResults() const = 0;
  // Runs the statements as one transaction: all of them or none. Called from
  // several threads at once when an export keeps transactions in flight.
  // Once it has committed, `results` (if not null) holds one Neo4jResult per
  // statement, in order, from the attempt that committed; it is left empty
  // on failure, and by sinks that return nothing.
  virtual Status RunTransaction(const std::vector<Neo4jStatement>& statements,
                                std::vector<Neo4jResult>* results) = 0;
};

enum class Neo4jProtocol {
  kQueryApi,             // /db/{db}/query/v2
  kTransactional,        // /db/{db}/tx/commit
  kLegacyTransactional,  // /db/data/transaction/commit
};
std::string_view ToString(Neo4jProtocol p);

struct Neo4jRetryPolicy {
  int max_attempts = 8;  // per transaction (and for discovery)
  std::chrono::milliseconds initial_backoff{250};
  std::chrono::milliseconds max_backoff{15000};
};

struct Neo4jClientOptions {
  std::string url = "http://localhost:7474";  // http(s)://host:port, no credentials
  std::string database = "neo4j";
  std::string user = "neo4j";
  std::optional<std::string> password;  // none: requests carry no Authorization
  Neo4jRetryPolicy retry;
  std::chrono::milliseconds request_timeout{120000};
  // Notices (retries, assumptions). Lines never contain the password.
  std::function<void(const std::string&)> log;
};

class Neo4jClient : public Neo4jSink {
 public:
  // Checks the URL and runs discovery. Fails with InvalidArgument for a bad
  // URL, Rejected for bad credentials, Unavailable if the server cannot be
  // reached after the retries.
  static Result<std::unique_ptr<Neo4jClient>> Connect(Neo4jClientOptions options);
  ~Neo4jClient() override;

  Neo4jProtocol protocol() const;
  Neo4jVersion version() const override;
  bool ReturnsResults() const override { return true; }
  // Results come from `results[i].columns` and `results[i].data[j].row`
  // (/tx/commit, 3.x to 5.x), or `data.fields` and `data.values` of each
  // Query API answer (one per statement in an explicit transaction).
  Status RunTransaction(const std::vector<Neo4jStatement>& statements,
                        std::vector<Neo4jResult>* results) override;
  // Attempts repeated after a transient failure, over the client's life.
  int retries() const;

  class Impl;

 private:
  explicit Neo4jClient(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Replaces every occurrence of `secret` in `text` with "***".
std::string RedactSecret(std::string text, const std::string& secret);

}  // namespace policykg

#endif  // POLICYKG_EXPORTERS_NEO4J_CLIENT_H_
