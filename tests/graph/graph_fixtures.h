// Small hand-written extractions for graph and query tests (made-up names).
#ifndef POLICYKG_TESTS_GRAPH_GRAPH_FIXTURES_H_
#define POLICYKG_TESTS_GRAPH_GRAPH_FIXTURES_H_

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/types.h"

namespace policykg {
namespace testing_fixtures {

// Builds one document's Extraction line by line.
class Doc {
 public:
  explicit Doc(std::string doc) {
    x_.document.doc = doc;
    x_.document.path = "docs/" + doc;
    x_.document.content_hash = "hash-" + doc;
  }
  Doc& Hash(std::string h) {
    x_.document.content_hash = std::move(h);
    return *this;
  }
  Doc& Jurisdiction(std::string name, std::string code) {
    x_.document.jurisdiction = std::move(name);
    x_.document.jurisdiction_code = std::move(code);
    return *this;
  }
  Doc& Issuer(std::string name) {
    x_.document.issuer = std::move(name);
    return *this;
  }
  Doc& Title(std::string t) {
    x_.document.title = std::move(t);
    return *this;
  }
  Doc& Ent(EntityType t, std::string name, std::vector<std::string> aliases = {},
           std::vector<Span> mentions = {}) {
    Entity e;
    e.type = t;
    e.name = std::move(name);
    e.aliases = std::move(aliases);
    e.mentions = std::move(mentions);
    x_.entities.push_back(std::move(e));
    return *this;
  }
  Doc& Rel(RelationType r, EntityType ht, std::string head, EntityType tt, std::string tail,
           Span evidence = {}, std::string sentence = {}) {
    Relation rel;
    rel.type = r;
    rel.head_type = ht;
    rel.head = std::move(head);
    rel.tail_type = tt;
    rel.tail = std::move(tail);
    rel.evidence = evidence;
    rel.sentence = std::move(sentence);
    x_.relations.push_back(std::move(rel));
    return *this;
  }
  const Extraction& x() const { return x_; }
  operator const Extraction&() const { return x_; }  // NOLINT: reads naturally at call sites

 private:
  Extraction x_;
};

// A made-up division table (gazetteer TSV form): province 云州省 with cities
// 青川市 and 白石市, each with a district named 东湖区; province 雾海省 with
// 红岩市 and its county 北岭县, and a town under 北岭县.
inline const Gazetteer& TestGazetteer() {
  static const Gazetteer* g = [] {
    const char* tsv =
        "# code\tname\tlevel\tparent\tshort\n"
        "91\t云州省\tprovince\t\t云州\n"
        "9101\t青川市\tprefecture\t91\t青川\n"
        "910102\t东湖区\tcounty\t9101\t东湖\n"
        "910103\t西山区\tcounty\t9101\t西山\n"
        "9102\t白石市\tprefecture\t91\t白石\n"
        "910202\t东湖区\tcounty\t9102\t东湖\n"
        "92\t雾海省\tprovince\t\t雾海\n"
        "9201\t红岩市\tprefecture\t92\t红岩\n"
        "920122\t北岭县\tcounty\t9201\t北岭\n"
        "920122101\t松木镇\ttown\t920122\t松木\n";
    auto parsed = Gazetteer::FromTsv(tsv, "test-gazetteer");
    if (!parsed.ok()) throw std::runtime_error(parsed.status().message());  // a bug in the fixture
    return std::move(parsed).value().release();
  }();
  return *g;
}

}  // namespace testing_fixtures
}  // namespace policykg

#endif  // POLICYKG_TESTS_GRAPH_GRAPH_FIXTURES_H_
