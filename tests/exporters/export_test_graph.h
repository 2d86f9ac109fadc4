// A small graph for exporter and selection tests, built through the public
// API from hand-written extractions with made-up names. One name carries the
// characters every format must escape (& < > " ; and a "</script>").
#ifndef POLICYKG_TESTS_EXPORTERS_EXPORT_TEST_GRAPH_H_
#define POLICYKG_TESTS_EXPORTERS_EXPORT_TEST_GRAPH_H_

#include <memory>
#include <string>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/types.h"
#include "graph/graph.h"

namespace policykg {
namespace export_test {

inline constexpr char kUniversity[] = "东岭大学";
inline constexpr char kUniversityAlias[] = "东大";
inline constexpr char kLab[] = "青禾实验室";
inline constexpr char kCentre[] = "东岭创新中心";
inline constexpr char kBureau[] = "南屿市科学技术局";
inline constexpr char kBureauAlias[] = "市科技局";
inline constexpr char kProgram[] = "星火育苗计划";
inline constexpr char kEnterprise[] = "北辰科技有限公司";
inline constexpr char kPlan[] = "南屿市科技创新行动方案";
inline constexpr char kLonely[] = "孤岛研究所";  // no relation to anything
// Must survive XML, CSV, JSON, DOT and HTML unharmed.
inline constexpr char kTricky[] = "星河<&>\"测试\";公司</script>";

inline Entity MakeEntity(EntityType t, std::string name, std::vector<std::string> aliases,
                         int32_t at) {
  Entity e;
  e.type = t;
  e.name = std::move(name);
  e.aliases = std::move(aliases);
  e.mentions = {{at, at + 4}};
  return e;
}

inline Relation MakeRelation(RelationType r, EntityType ht, std::string head, EntityType tt,
                             std::string tail, std::string sentence) {
  Relation rel;
  rel.type = r;
  rel.head_type = ht;
  rel.head = std::move(head);
  rel.tail_type = tt;
  rel.tail = std::move(tail);
  rel.evidence = {0, 40};  // holds the first two entities of each document
  rel.sentence = std::move(sentence);
  return rel;
}

inline Extraction FirstDocument() {
  Extraction x;
  x.document.doc = "east.txt";
  x.document.path = "docs/east.txt";
  x.document.title = "关于东岭大学合作情况的答复";
  x.document.content_hash = "hash-east";
  x.document.encoding = "UTF-8";
  x.document.chars = 200;
  x.entities = {
      MakeEntity(EntityType::kInstitute, kUniversity, {kUniversityAlias}, 10),
      MakeEntity(EntityType::kInstitute, kLab, {}, 30),
      MakeEntity(EntityType::kPlatform, kCentre, {}, 50),
      MakeEntity(EntityType::kAgency, kBureau, {kBureauAlias}, 70),
      MakeEntity(EntityType::kProgram, kProgram, {}, 90),
      MakeEntity(EntityType::kInstitute, kLonely, {}, 110),
  };
  x.relations = {
      MakeRelation(RelationType::kPartOf, EntityType::kPlatform, kCentre, EntityType::kInstitute,
                   kUniversity, "东岭创新中心是东岭大学下属平台。"),
      MakeRelation(RelationType::kCooperatesWith, EntityType::kInstitute, kUniversity,
                   EntityType::kInstitute, kLab, "东岭大学与青禾实验室共建联合中心。"),
      MakeRelation(RelationType::kResponsibleFor, EntityType::kAgency, kBureau, EntityType::kProgram,
                   kProgram, "市科技局负责实施星火育苗计划。"),
  };
  return x;
}

inline Extraction SecondDocument() {
  Extraction x;
  x.document.doc = "north.txt";
  x.document.path = "docs/north.txt";
  x.document.title = "北辰科技有限公司情况";
  x.document.content_hash = "hash-north";
  x.document.encoding = "GB18030";
  x.document.chars = 120;
  x.entities = {
      MakeEntity(EntityType::kEnterprise, kEnterprise, {}, 5),
      MakeEntity(EntityType::kInstitute, kUniversity, {}, 25),
      MakeEntity(EntityType::kAgency, kBureau, {}, 45),
      MakeEntity(EntityType::kDocument, kPlan, {}, 65),
      MakeEntity(EntityType::kEnterprise, kTricky, {"星河"}, 85),
  };
  x.relations = {
      MakeRelation(RelationType::kCooperatesWith, EntityType::kEnterprise, kEnterprise,
                   EntityType::kInstitute, kUniversity, "北辰科技有限公司与东岭大学合作。"),
      MakeRelation(RelationType::kIssued, EntityType::kAgency, kBureau, EntityType::kDocument, kPlan,
                   "市科技局印发《南屿市科技创新行动方案》。"),
      MakeRelation(RelationType::kCooperatesWith, EntityType::kEnterprise, kTricky,
                   EntityType::kEnterprise, kEnterprise, "星河<&>\"测试\";公司</script>与北辰合作。"),
  };
  return x;
}

inline std::unique_ptr<Graph> MakeTestGraph(bool co_mentions = false) {
  BuildOptions options;
  options.co_mentions = co_mentions;
  std::unique_ptr<Graph> g = Graph::Create(options);
  g->AddExtraction(FirstDocument(), Gazetteer::Embedded());
  g->AddExtraction(SecondDocument(), Gazetteer::Embedded());
  return g;
}

// The one vertex of this name (a bug in the fixture if there is not exactly one).
inline VertexId VertexNamed(const Graph& g, const std::string& name) {
  const std::vector<VertexId> found = g.FindByName(name);
  return found.at(0);
}

}  // namespace export_test
}  // namespace policykg

#endif  // POLICYKG_TESTS_EXPORTERS_EXPORT_TEST_GRAPH_H_
