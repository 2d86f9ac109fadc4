#include "extract/jsonl.h"

#include <gtest/gtest.h>

#include <sstream>

namespace policykg {
namespace {

Extraction Sample() {
  Extraction x;
  x.document.doc = "a.txt";
  x.document.title = "关于“某某”的通知";
  Entity e;
  e.type = EntityType::kInstitute;
  e.name = "某某大学";
  e.aliases = {"某大"};
  e.mentions = {{3, 7}, {20, 22}};
  x.entities.push_back(e);
  Entity r;
  r.type = EntityType::kRegion;
  r.name = "某市";
  x.entities.push_back(r);
  Relation rel;
  rel.type = RelationType::kLocatedIn;
  rel.head = "某某大学";
  rel.head_type = EntityType::kInstitute;
  rel.tail = "某市";
  rel.tail_type = EntityType::kRegion;
  rel.evidence = {0, 12};
  rel.sentence = "某某大学位于某市。";
  x.relations.push_back(rel);
  return x;
}

TEST(JsonLines, RoundTripsOneDocument) {
  std::string out;
  AppendJsonLines(Sample(), &out);
  std::istringstream in(out);
  std::vector<Extraction> got;
  const Status st = ReadJsonLines(in, "mem", [&](Extraction&& x) {
    got.push_back(std::move(x));
    return Status::OK();
  });
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].document.title, "关于“某某”的通知");
  ASSERT_EQ(got[0].entities.size(), 2u);
  EXPECT_EQ(got[0].entities[0].aliases, std::vector<std::string>{"某大"});
  EXPECT_EQ(got[0].entities[0].mentions[1].end, 22);
  ASSERT_EQ(got[0].relations.size(), 1u);
  EXPECT_EQ(got[0].relations[0].tail_type, EntityType::kRegion);
  EXPECT_EQ(got[0].relations[0].sentence, "某某大学位于某市。");
}

TEST(JsonLines, MalformedLineNamesFileAndLine) {
  std::istringstream in("{\"doc\":\"a\",\"kind\":\"document\"}\n{not json\n");
  const Status st = ReadJsonLines(in, "x.jsonl", [](Extraction&&) { return Status::OK(); });
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kBadInput);
  EXPECT_NE(st.message().find("x.jsonl:2"), std::string::npos) << st.message();
}

TEST(JsonLines, RelationEndTypesResolvedByNameWhenAbsent) {
  // Lines in the gold/scorer format, without our head_type/tail_type fields.
  std::istringstream in(
      "{\"doc\":\"d\",\"type\":\"Agency\",\"name\":\"某局\",\"aliases\":[\"局\"]}\n"
      "{\"doc\":\"d\",\"type\":\"Document\",\"name\":\"某号\",\"aliases\":[]}\n"
      "{\"doc\":\"d\",\"rel\":\"ISSUED\",\"head\":\"局\",\"tail\":\"某号\"}\n");
  std::vector<Extraction> got;
  ASSERT_TRUE(ReadJsonLines(in, "g", [&](Extraction&& x) {
                got.push_back(std::move(x));
                return Status::OK();
              }).ok());
  ASSERT_EQ(got.size(), 1u);
  ASSERT_EQ(got[0].relations.size(), 1u);
  EXPECT_EQ(got[0].relations[0].head, "某局");
  EXPECT_EQ(got[0].relations[0].head_type, EntityType::kAgency);
  EXPECT_EQ(got[0].relations[0].tail_type, EntityType::kDocument);
}

}  // namespace
}  // namespace policykg
