// A small in-memory Graph for the Neo4j exporter's tests: vertices and edges
// are appended directly, without extraction or the gazetteer.
#ifndef POLICYKG_TESTS_EXPORTERS_NEO4J_TEST_GRAPH_H_
#define POLICYKG_TESTS_EXPORTERS_NEO4J_TEST_GRAPH_H_

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph.h"

namespace policykg {

class Neo4jTestGraph : public Graph {
 public:
  VertexId AddEntity(EntityType type, const std::string& name, std::vector<std::string> aliases = {},
                     std::vector<std::string> documents = {}) {
    VertexProps v;
    v.kind = VertexKind::kEntity;
    v.type = type;
    v.name = Keep(name);
    v.id = Keep(std::string(ToString(type)) + ":" + name);
    v.aliases = KeepList(aliases);
    v.documents = KeepList(documents);
    v.mentions = KeepEvidence(std::vector<Evidence>(documents.size()));
    vertices_.push_back(std::move(v));
    return static_cast<VertexId>(vertices_.size() - 1);
  }
  VertexId AddSource(const std::string& doc, const std::string& title) {
    VertexProps v;
    v.kind = VertexKind::kSource;
    v.id = Keep("Source:" + doc);
    SourceProps s;
    s.doc = doc;
    s.title = title;
    s.content_hash = "hash-" + doc;
    sources_.push_back(std::move(s));
    v.source = &sources_.back();
    vertices_.push_back(std::move(v));
    return static_cast<VertexId>(vertices_.size() - 1);
  }
  EdgeId AddEdge(VertexId from, VertexId to, EdgeProps props) {
    edges_.push_back(Stored{from, to, std::move(props)});
    return static_cast<EdgeId>(edges_.size() - 1);
  }
  EdgeId AddRelation(VertexId from, VertexId to, RelationType rel, const std::string& doc,
                     const std::string& sentence) {
    EdgeProps e;
    e.kind = EdgeKind::kRelation;
    e.rel = rel;
    e.documents = KeepList({doc});
    e.evidence = KeepEvidence({Evidence{Keep(doc), Span{0, 1}, Keep(sentence)}});
    return AddEdge(from, to, std::move(e));
  }

  bool AddExtraction(const Extraction&, const Gazetteer&) override { return false; }
  size_t num_vertices() const override { return vertices_.size(); }
  size_t num_edges() const override { return edges_.size(); }
  const VertexProps& vertex(VertexId v) const override { return vertices_.at(v); }
  const EdgeProps& edge(EdgeId e) const override { return edges_.at(e).props; }
  VertexId source(EdgeId e) const override { return edges_.at(e).from; }
  VertexId target(EdgeId e) const override { return edges_.at(e).to; }
  std::vector<VertexId> FindByName(std::string_view, std::optional<EntityType>) const override { return {}; }
  std::optional<VertexId> FindSource(std::string_view) const override { return std::nullopt; }
  bool HasContentHash(std::string_view) const override { return false; }
  void ForEachIncident(VertexId, const std::function<void(const Incident&)>&) const override {}
  const BuildOptions& options() const override { return options_; }
  size_t num_sources() const override {
    size_t n = 0;
    for (const VertexProps& v : vertices_) n += v.kind == VertexKind::kSource ? 1 : 0;
    return n;
  }

 protected:
  std::string Serialize() const override { return ""; }

 private:
  // Owns what the props view, as a Graph does (deques: elements never move).
  std::string_view Keep(std::string s) {
    strings_.push_back(std::move(s));
    return strings_.back();
  }
  ListView<std::string_view> KeepList(const std::vector<std::string>& items) {
    std::vector<std::string_view> views;
    for (const std::string& s : items) views.push_back(Keep(s));
    lists_.push_back(std::move(views));
    return ListView<std::string_view>(lists_.back().data(), lists_.back().size());
  }
  ListView<Evidence> KeepEvidence(std::vector<Evidence> evidence) {
    evidence_.push_back(std::move(evidence));
    return ListView<Evidence>(evidence_.back().data(), evidence_.back().size());
  }

  struct Stored {
    VertexId from, to;
    EdgeProps props;
  };
  BuildOptions options_;
  std::deque<std::string> strings_;
  std::deque<std::vector<std::string_view>> lists_;
  std::deque<std::vector<Evidence>> evidence_;
  std::deque<SourceProps> sources_;
  std::vector<VertexProps> vertices_;
  std::vector<Stored> edges_;
};

}  // namespace policykg

#endif  // POLICYKG_TESTS_EXPORTERS_NEO4J_TEST_GRAPH_H_
