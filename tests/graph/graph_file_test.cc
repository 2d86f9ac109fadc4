#include "graph/graph_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "base/file.h"
#include "graph/graph.h"
#include "tests/graph/graph_fixtures.h"

namespace policykg {
namespace {

using testing_fixtures::Doc;

constexpr auto kRegion = EntityType::kRegion;
constexpr auto kAgency = EntityType::kAgency;
constexpr auto kInstitute = EntityType::kInstitute;
constexpr auto kProgram = EntityType::kProgram;

// Whatever the embedded gazetteer holds, a graph must come back as it was saved.
const Gazetteer& Gaz() { return Gazetteer::Embedded(); }

std::unique_ptr<Graph> Sample() {
  BuildOptions options;
  options.co_mentions = true;
  auto g = Graph::Create(options);
  g->AddExtraction(Doc("a.txt")
                       .Title("关于星火计划的通知")
                       .Issuer("青川市科学技术局")
                       .Jurisdiction("青川市", "9101")
                       .Ent(kAgency, "青川市科学技术局", {"市科技局"}, {{0, 8}})
                       .Ent(kProgram, "星火计划", {}, {{9, 13}, {-1, 0}})
                       .Ent(kRegion, "东湖区", {"东湖"}, {{14, 17}})
                       .Ent(kInstitute, "湖光大学", {"湖大"}, {{18, 22}})
                       .Rel(RelationType::kResponsibleFor, kAgency, "青川市科学技术局", kProgram, "星火计划",
                            {0, 30}, "青川市科学技术局负责星火计划，东湖区湖光大学参与。")
                       .Rel(RelationType::kLocatedIn, kInstitute, "湖光大学", kRegion, "东湖区", {0, 30},
                            "青川市科学技术局负责星火计划，东湖区湖光大学参与。"),
                   Gaz());
  g->AddExtraction(Doc("b.txt").Ent(kInstitute, "湖大", {}, {{3, 5}}), Gaz());
  return g;
}

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/policykg_graph_file_test_" + name;
}

void ExpectSameGraph(const Graph& a, const Graph& b) {
  ASSERT_EQ(a.num_vertices(), b.num_vertices());
  ASSERT_EQ(a.num_edges(), b.num_edges());
  EXPECT_EQ(a.num_sources(), b.num_sources());
  EXPECT_EQ(a.options().co_mentions, b.options().co_mentions);
  for (VertexId v = 0; v < a.num_vertices(); ++v) {
    const VertexProps &x = a.vertex(v), &y = b.vertex(v);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.type, y.type);
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.aliases, y.aliases);
    EXPECT_EQ(x.documents, y.documents);
    ASSERT_EQ(x.mentions.size(), y.mentions.size());
    for (size_t i = 0; i < x.mentions.size(); ++i) {
      EXPECT_EQ(x.mentions[i].doc, y.mentions[i].doc);
      EXPECT_EQ(x.mentions[i].span, y.mentions[i].span);
    }
    EXPECT_EQ(x.region_code, y.region_code);
    EXPECT_EQ(x.region_level, y.region_level);
    EXPECT_EQ(x.jurisdiction, y.jurisdiction);
    ASSERT_EQ(x.source == nullptr, y.source == nullptr);
    ASSERT_EQ(x.source != nullptr, x.kind == VertexKind::kSource);
    if (x.source) {
      EXPECT_EQ(x.source->doc, y.source->doc);
      EXPECT_EQ(x.source->path, y.source->path);
      EXPECT_EQ(x.source->title, y.source->title);
      EXPECT_EQ(x.source->number, y.source->number);
      EXPECT_EQ(x.source->issuer, y.source->issuer);
      EXPECT_EQ(x.source->date, y.source->date);
      EXPECT_EQ(x.source->content_hash, y.source->content_hash);
      EXPECT_EQ(x.source->encoding, y.source->encoding);
      EXPECT_EQ(x.source->chars, y.source->chars);
    }
  }
  for (EdgeId e = 0; e < a.num_edges(); ++e) {
    const EdgeProps &x = a.edge(e), &y = b.edge(e);
    EXPECT_EQ(a.source(e), b.source(e));
    EXPECT_EQ(a.target(e), b.target(e));
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.rel, y.rel);
    EXPECT_EQ(x.documents, y.documents);
    EXPECT_EQ(x.from_gazetteer, y.from_gazetteer);
    EXPECT_EQ(x.weight, y.weight);
    ASSERT_EQ(x.evidence.size(), y.evidence.size());
    for (size_t i = 0; i < x.evidence.size(); ++i) {
      EXPECT_EQ(x.evidence[i].sentence, y.evidence[i].sentence);
      EXPECT_EQ(x.evidence[i].span, y.evidence[i].span);
    }
  }
}

TEST(GraphFile, RoundTripsEveryField) {
  const auto g = Sample();
  const std::string path = TempPath("roundtrip");
  ASSERT_TRUE(g->Save(path).ok());
  auto loaded = Graph::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  ExpectSameGraph(*g, **loaded);
  std::remove(path.c_str());
}

TEST(GraphFile, LoadedGraphAnswersLookupsAndMergesLikeTheOriginal) {
  const std::string path = TempPath("reload");
  ASSERT_TRUE(Sample()->Save(path).ok());
  auto loaded = Graph::Load(path);
  ASSERT_TRUE(loaded.ok());
  Graph& g = **loaded;
  EXPECT_EQ(g.FindByName("湖大", kInstitute).size(), 1u);
  EXPECT_TRUE(g.FindSource("a.txt").has_value());
  EXPECT_TRUE(g.HasContentHash("hash-a.txt"));
  const size_t nv = g.num_vertices(), ne = g.num_edges();
  // An old document changes nothing; a new one merges into the loaded entities.
  EXPECT_FALSE(g.AddExtraction(Doc("a.txt").Ent(kInstitute, "别的大学"), Gaz()));
  EXPECT_EQ(g.num_vertices(), nv);
  EXPECT_EQ(g.num_edges(), ne);
  EXPECT_TRUE(g.AddExtraction(Doc("c.txt").Ent(kInstitute, "湖光大学").Ent(kRegion, "东湖区"), Gaz()));
  EXPECT_EQ(g.FindByName("湖光大学", kInstitute).size(), 1u);
  EXPECT_EQ(g.num_vertices(), nv + 1);  // only the new source
  std::remove(path.c_str());
}

TEST(GraphFile, EmptyGraphRoundTrips) {
  const std::string path = TempPath("empty");
  ASSERT_TRUE(Graph::Create()->Save(path).ok());
  auto loaded = Graph::Load(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ((*loaded)->num_vertices(), 0u);
  std::remove(path.c_str());
}

TEST(GraphFile, SaveIsDeterministic) {
  const std::string a = TempPath("det_a"), b = TempPath("det_b");
  ASSERT_TRUE(Sample()->Save(a).ok());
  ASSERT_TRUE(Sample()->Save(b).ok());
  EXPECT_EQ(*ReadFile(a), *ReadFile(b));
  std::remove(a.c_str());
  std::remove(b.c_str());
}

Status LoadBytes(const std::string& bytes, const std::string& name) {
  const std::string path = TempPath(name);
  EXPECT_TRUE(WriteFileAtomic(path, bytes).ok());
  auto r = Graph::Load(path);
  std::remove(path.c_str());
  return r.status();
}

TEST(GraphFile, ForeignFileIsCorrupt) {
  const Status s = LoadBytes("{\"nodes\": []}\n", "foreign");
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_THAT(s.message(), ::testing::HasSubstr("not a policykg graph file"));
  EXPECT_EQ(LoadBytes("", "empty_file").code(), Status::Code::kCorrupt);
}

TEST(GraphFile, MissingFileIsNotCorrupt) {
  auto r = Graph::Load(TempPath("does_not_exist"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().code(), Status::Code::kCorrupt);
}

TEST(GraphFile, NewerVersionIsRefusedWithAClearMessage) {
  std::string bytes;
  ASSERT_TRUE(Sample()->Save(TempPath("v")).ok());
  bytes = *ReadFile(TempPath("v"));
  std::remove(TempPath("v").c_str());
  bytes[8] = 9;  // version field
  const Status s = LoadBytes(bytes, "version");
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_THAT(s.message(), ::testing::HasSubstr("version 9"));
}

TEST(GraphFile, FirstVersionIsRefusedWithAClearMessage) {
  ASSERT_TRUE(Sample()->Save(TempPath("v1")).ok());
  std::string bytes = *ReadFile(TempPath("v1"));
  std::remove(TempPath("v1").c_str());
  bytes[8] = 1;  // files of the first format: every string copied per record
  const Status s = LoadBytes(bytes, "version1");
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_THAT(s.message(), ::testing::HasSubstr("version 1 is not supported"));
  EXPECT_THAT(s.message(), ::testing::HasSubstr("rebuild the graph"));
}

TEST(GraphFile, ViewsOfALoadedGraphSurviveItsGrowth) {
  const std::string path = TempPath("grow");
  ASSERT_TRUE(Sample()->Save(path).ok());
  auto loaded = Graph::Load(path);
  std::remove(path.c_str());
  ASSERT_TRUE(loaded.ok());
  Graph& g = **loaded;
  const VertexId v = g.FindByName("湖光大学", kInstitute).at(0);
  const ListView<std::string_view> before = g.vertex(v).documents;
  const std::vector<std::string> copy(before.begin(), before.end());
  for (const char* doc : {"c.txt", "d.txt", "e.txt"}) {
    ASSERT_TRUE(g.AddExtraction(Doc(doc).Ent(kInstitute, "湖光大学"), Gaz()));
  }
  EXPECT_EQ(std::vector<std::string>(before.begin(), before.end()), copy);
  EXPECT_EQ(g.vertex(v).documents.size(), copy.size() + 3);
  EXPECT_EQ(g.vertex(v).documents.back(), "e.txt");
}

TEST(GraphFile, EveryTruncationIsCorrupt) {
  const std::string path = TempPath("trunc_src");
  ASSERT_TRUE(Sample()->Save(path).ok());
  const std::string bytes = *ReadFile(path);
  std::remove(path.c_str());
  ASSERT_GT(bytes.size(), 100u);
  for (size_t n = 0; n < bytes.size(); n += 7) {
    const Status s = LoadBytes(bytes.substr(0, n), "trunc");
    EXPECT_EQ(s.code(), Status::Code::kCorrupt) << "truncated at " << n;
  }
  EXPECT_EQ(LoadBytes(bytes + "x", "padded").code(), Status::Code::kCorrupt);
}

TEST(GraphFile, EveryFlippedByteIsCorrupt) {
  const std::string path = TempPath("flip_src");
  ASSERT_TRUE(Sample()->Save(path).ok());
  const std::string bytes = *ReadFile(path);
  std::remove(path.c_str());
  for (size_t i = 0; i < bytes.size(); i += 5) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
    const Status s = LoadBytes(damaged, "flip");
    EXPECT_EQ(s.code(), Status::Code::kCorrupt) << "flipped byte " << i;
  }
}

}  // namespace
}  // namespace policykg
