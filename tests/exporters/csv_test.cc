#include "exporters/csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include <unistd.h>

#include "base/file.h"
#include "tests/exporters/export_test_graph.h"

namespace policykg {
namespace {

using namespace export_test;  // NOLINT: test fixture names
using ::testing::ElementsAre;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// RFC 4180 reader: rows of fields; quoted fields may hold commas and "".
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, in_quotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      in_quotes = quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      quoted = false;
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      quoted = false;
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (!field.empty() || quoted) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t p = s.find(sep); p != std::string::npos; p = s.find(sep, start)) {
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
  out.push_back(s.substr(start));
  return out;
}

std::map<std::string, CsvFile> ByName(std::vector<CsvFile> files) {
  std::map<std::string, CsvFile> out;
  for (CsvFile& f : files) out[f.name] = std::move(f);
  return out;
}

Selection Everything(const Graph& g) {
  SelectionOptions o;
  o.sources = true;
  return *SelectSubgraph(g, o);
}

TEST(Csv, OneNodesFilePerLabelAndOneRelationshipsFilePerType) {
  const auto g = MakeTestGraph();
  std::vector<std::string> names;
  for (const CsvFile& f : ToImportCsv(*g, Everything(*g))) names.push_back(f.name);
  EXPECT_THAT(names, ElementsAre("nodes_Agency.csv", "nodes_Institute.csv", "nodes_Enterprise.csv",
                                 "nodes_Program.csv", "nodes_Platform.csv", "nodes_Document.csv",
                                 "nodes_Source.csv", "rels_PART_OF.csv", "rels_COOPERATES_WITH.csv",
                                 "rels_RESPONSIBLE_FOR.csv", "rels_ISSUED.csv", "rels_MENTIONS.csv"));
}

TEST(Csv, HeadersCarryNeo4jAdminTypes) {
  const auto g = MakeTestGraph();
  auto files = ByName(ToImportCsv(*g, Everything(*g)));
  const auto header = [&](const std::string& name) { return ParseCsv(files[name].contents).at(0); };
  EXPECT_THAT(header("nodes_Institute.csv"),
              ElementsAre("id:ID", ":LABEL", "kind", "type", "label", "name", "aliases:string[]",
                          "documents:string[]", "mentions:int", "evidence:string[]", "region_code",
                          "region_level", "jurisdiction"));
  EXPECT_THAT(header("nodes_Source.csv"),
              ElementsAre("id:ID", ":LABEL", "kind", "type", "label", "doc", "path", "title", "number",
                          "issuer", "date", "content_hash", "encoding", "chars:long"));
  EXPECT_THAT(header("rels_COOPERATES_WITH.csv"),
              ElementsAre(":START_ID", ":END_ID", ":TYPE", "kind", "documents:string[]",
                          "evidence:string[]", "weight:double", "from_gazetteer:boolean",
                          "undirected:boolean"));
}

TEST(Csv, RowCountsMatchTheSelectionAndEveryRowIsComplete) {
  const auto g = MakeTestGraph(/*co_mentions=*/true);
  const Selection s = Everything(*g);
  size_t nodes = 0, rels = 0;
  for (const CsvFile& f : ToImportCsv(*g, s)) {
    const auto rows = ParseCsv(f.contents);
    ASSERT_GE(rows.size(), 2u) << f.name;
    EXPECT_EQ(rows.size() - 1, f.rows) << f.name;
    for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size()) << f.name;
    (f.nodes ? nodes : rels) += f.rows;
  }
  EXPECT_EQ(nodes, s.vertices.size());
  EXPECT_EQ(rels, s.edges.size());
}

TEST(Csv, RelationshipsReferToNodeIds) {
  const auto g = MakeTestGraph();
  std::set<std::string> ids;
  std::vector<std::vector<std::string>> rels;
  for (const CsvFile& f : ToImportCsv(*g, Everything(*g))) {
    auto rows = ParseCsv(f.contents);
    for (size_t i = 1; i < rows.size(); ++i) {
      if (f.nodes) ids.insert(rows[i][0]);
      else rels.push_back(rows[i]);
    }
  }
  ASSERT_FALSE(rels.empty());
  for (const auto& r : rels) {
    EXPECT_TRUE(ids.count(r[0])) << r[0];
    EXPECT_TRUE(ids.count(r[1])) << r[1];
  }
}

TEST(Csv, QuotingKeepsCommasQuotesAndArraysIntact) {
  const auto g = MakeTestGraph();
  auto files = ByName(ToImportCsv(*g, Everything(*g)));
  bool tricky = false;
  for (const auto& row : ParseCsv(files["nodes_Enterprise.csv"].contents)) {
    if (row[5] != kTricky) continue;
    tricky = true;
    EXPECT_EQ(row[1], "Enterprise");
    EXPECT_THAT(Split(row[6], ';'), ElementsAre("星河"));
    EXPECT_THAT(Split(row[7], ';'), ElementsAre("north.txt"));
    EXPECT_EQ(row[8], "1");
  }
  EXPECT_TRUE(tricky);
  // The university is in both documents; its documents array has both.
  for (const auto& row : ParseCsv(files["nodes_Institute.csv"].contents)) {
    if (row[5] == kUniversity) {
      EXPECT_THAT(Split(row[7], ';'), ::testing::UnorderedElementsAre("east.txt", "north.txt"));
    }
  }
  // A ';' inside the evidence sentence does not split it.
  bool evidence = false;
  for (const auto& row : ParseCsv(files["rels_COOPERATES_WITH.csv"].contents)) {
    if (row[5].find("星河") == std::string::npos) continue;
    evidence = true;
    EXPECT_EQ(Split(row[5], ';').size(), 1u);
    EXPECT_THAT(row[5], HasSubstr("</script>与北辰合作"));
  }
  EXPECT_TRUE(evidence);
}

TEST(Csv, WritesTheDirectoryAndRemovesStaleFiles) {
  const auto g = MakeTestGraph();
  const std::string dir = (std::filesystem::temp_directory_path() /
                           ("policykg-csv-test-" + std::to_string(::getpid()))).string();
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(WriteCsvDirectory(ToImportCsv(*g, Everything(*g)), dir).ok());
  EXPECT_TRUE(std::filesystem::exists(dir + "/rels_ISSUED.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/nodes_Source.csv"));
  ASSERT_TRUE(WriteFileAtomic(dir + "/notes.txt", "mine").ok());

  SelectionOptions o;
  o.types = {EntityType::kInstitute};
  const auto files = ToImportCsv(*g, *SelectSubgraph(*g, o));
  ASSERT_TRUE(WriteCsvDirectory(files, dir).ok());
  EXPECT_TRUE(std::filesystem::exists(dir + "/nodes_Institute.csv"));
  EXPECT_FALSE(std::filesystem::exists(dir + "/rels_ISSUED.csv"));
  EXPECT_FALSE(std::filesystem::exists(dir + "/nodes_Source.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/notes.txt"));  // not ours: left alone

  const std::string cmd = ImportCommand(files, dir);
  EXPECT_THAT(cmd, HasSubstr("--nodes=" + dir + "/nodes_Institute.csv"));
  EXPECT_THAT(cmd, HasSubstr("--relationships=" + dir + "/rels_COOPERATES_WITH.csv"));
  EXPECT_THAT(cmd, HasSubstr("--array-delimiter=';'"));
  EXPECT_THAT(cmd, StartsWith("neo4j-admin database import full "));
  EXPECT_THAT(cmd, EndsWith(" neo4j"));
  const std::string old = ImportCommand(files, dir, 4);
  EXPECT_THAT(old, StartsWith("neo4j-admin import --nodes=" + dir + "/nodes_Institute.csv"));
  EXPECT_THAT(old, HasSubstr("--relationships=" + dir + "/rels_COOPERATES_WITH.csv"));
  EXPECT_THAT(old, Not(HasSubstr("database")));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace policykg
