// Writes GRAPH files for the Neo4j exporter's integration test and benchmark,
// through the real graph library (Graph::Create, AddExtraction, Save):
//
//   neo4j_graph_fixture hostile OUT       two made-up documents whose entity
//                                         names are Cypher-hostile (quotes,
//                                         backticks, braces, //)
//   neo4j_graph_fixture synthetic N OUT   N synthetic entities over N/1000
//                                         documents, with relations between
//                                         neighbours (for bench/neo4j_bench.sh)
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "extract/gazetteer.h"
#include "extract/types.h"
#include "graph/graph.h"

namespace policykg {
namespace {

Entity MakeEntity(EntityType type, const std::string& name, int32_t at) {
  Entity e;
  e.type = type;
  e.name = name;
  e.mentions = {Span{at, at + 4}};
  return e;
}

Relation MakeRelation(RelationType type, const Entity& head, const Entity& tail, const std::string& sentence) {
  Relation r;
  r.type = type;
  r.head_type = head.type;
  r.head = head.name;
  r.tail_type = tail.type;
  r.tail = tail.name;
  r.evidence = Span{0, 10};
  r.sentence = sentence;
  return r;
}

DocumentInfo MakeDocument(const std::string& doc, const std::string& title) {
  DocumentInfo d;
  d.doc = doc;
  d.path = doc;
  d.encoding = "UTF-8";
  d.title = title;
  d.date = "2024-05-06";
  d.content_hash = "fixture-" + doc;
  d.chars = 1000;
  return d;
}

// Names a hostile user might put in a document: if any of these were spliced
// into Cypher, the statement would break or delete data.
const char* const kHostile[] = {
    "Evil`) MATCH (n) DETACH DELETE n //有限公司",
    "引号'}) SET n.pwned = true //科技有限公司",
    "括号{$rows}\"双引号\"\\反斜杠研究院",
};

int WriteHostile(const std::string& out) {
  auto graph = Graph::Create();
  const Gazetteer& gaz = Gazetteer::Embedded();
  for (int d = 0; d < 2; ++d) {
    Extraction x;
    x.document = MakeDocument("fixture-" + std::to_string(d) + ".txt", "关于测试事项的答复 " + std::to_string(d));
    const Entity agency = MakeEntity(EntityType::kAgency, "测试市科学技术局", 10);
    const Entity evil = MakeEntity(EntityType::kEnterprise, kHostile[0], 20);
    const Entity quote = MakeEntity(EntityType::kEnterprise, kHostile[1], 30);
    const Entity brace = MakeEntity(EntityType::kInstitute, kHostile[2], 40);
    const Entity program = MakeEntity(EntityType::kProgram, "测试创新专项", 50);
    x.entities = {agency, evil, quote, brace, program};
    x.relations = {
        MakeRelation(RelationType::kCooperatesWith, evil, brace, "双方`合作'}) //共建。"),
        MakeRelation(RelationType::kResponsibleFor, agency, program, "测试市科学技术局负责测试创新专项。"),
        MakeRelation(RelationType::kPartOf, quote, evil, "其为下属企业。"),
    };
    graph->AddExtraction(x, gaz);
  }
  const Status st = graph->Save(out);
  if (!st.ok()) {
    std::cerr << st.message() << "\n";
    return 1;
  }
  return 0;
}

int WriteSynthetic(long n, const std::string& out) {
  auto graph = Graph::Create();
  const Gazetteer& gaz = Gazetteer::Embedded();
  static const EntityType kTypes[] = {EntityType::kAgency, EntityType::kInstitute, EntityType::kEnterprise,
                                      EntityType::kProgram, EntityType::kPlatform};
  static const char* const kSuffix[] = {"管理局", "研究院", "有限公司", "专项", "创新平台"};
  const long per_doc = 1000;
  for (long first = 0; first < n; first += per_doc) {
    Extraction x;
    x.document = MakeDocument("synthetic-" + std::to_string(first / per_doc) + ".txt", "合成文档");
    for (long i = first; i < std::min(n, first + per_doc); ++i) {
      const size_t t = static_cast<size_t>(i % 5);
      x.entities.push_back(MakeEntity(kTypes[t], "合成" + std::to_string(i) + kSuffix[t],
                                      static_cast<int32_t>(i - first) * 8));
      if (i > first) {
        const Entity& a = x.entities[x.entities.size() - 2];
        const Entity& b = x.entities.back();
        x.relations.push_back(MakeRelation(RelationType::kCooperatesWith, a, b, "合成句子。"));
      }
    }
    graph->AddExtraction(x, gaz);
  }
  const Status st = graph->Save(out);
  if (!st.ok()) {
    std::cerr << st.message() << "\n";
    return 1;
  }
  std::cout << "neo4j_graph_fixture: " << graph->num_vertices() << " vertices, " << graph->num_edges()
            << " edges -> " << out << "\n";
  return 0;
}

}  // namespace
}  // namespace policykg

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "hostile" && argc == 3) return policykg::WriteHostile(argv[2]);
  if (mode == "synthetic" && argc == 4) return policykg::WriteSynthetic(std::atol(argv[2]), argv[3]);
  std::cerr << "usage: neo4j_graph_fixture hostile OUT | synthetic N OUT\n";
  return 64;
}
