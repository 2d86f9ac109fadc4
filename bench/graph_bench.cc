// Graph at scale: a synthetic graph of (by default) 1M entities and 5M
// relations, generated as Extractions (no text extraction involved), then:
// build time, GRAPH file size, save and load time, memory per edge, and the
// latency of neighbour and shortest-path queries (median and p99).
//
//   graph_bench [--entities N] [--relations M] [--per-doc K] [--file PATH] [--keep 1] [--reuse 1]
//
// --reuse 1 loads PATH as left by an earlier --keep 1 run, skipping build and
// save (for profiling the load).
//
// Targets: load < 5 s, neighbour query < 20 us median, path < 200 ms.
//
// A loaded graph is a few large blocks advised to be huge pages (see
// graph/graph_impl.h), so no GLIBC_TUNABLES are needed; figures and what is
// left in bench/README.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <malloc.h>
#include <time.h>
#include <unistd.h>

#include "extract/gazetteer.h"
#include "graph/algorithms.h"
#include "graph/graph.h"
#include "queries/queries.h"

namespace policykg {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// CPU seconds of the process and of this thread: the machine is shared, so
// wall-clock figures alone overstate what the code costs.
double ProcessCpu() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
double ThreadCpu() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Bytes the allocator has handed out and not taken back.
size_t HeapInUse() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

// Resident set size in bytes.
size_t Rss() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  long pages = 0, resident = 0;
  if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
  std::fclose(f);
  return static_cast<size_t>(resident) * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

size_t FileSize(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return 0;
  std::fseek(f, 0, SEEK_END);
  const long n = std::ftell(f);
  std::fclose(f);
  return n > 0 ? static_cast<size_t>(n) : 0;
}

struct Options {
  size_t entities = 1000000;
  size_t relations = 5000000;
  size_t per_doc = 20;  // new entities per document
  std::string file = "/tmp/policykg_graph_bench.pkg";
  bool keep = false;  // leave the file for other tools
  bool reuse = false;  // load the file of an earlier run instead of building one
};

constexpr EntityType kTypes[] = {EntityType::kInstitute, EntityType::kEnterprise, EntityType::kProgram,
                                 EntityType::kPlatform, EntityType::kAgency};
constexpr RelationType kRels[] = {RelationType::kLocatedIn, RelationType::kPartOf, RelationType::kCooperatesWith,
                                  RelationType::kResponsibleFor};

std::string EntityName(size_t i) {
  static const char* kSuffix[] = {"研究院", "科技有限公司", "计划", "产业园", "管理局"};
  return "实体" + std::to_string(i) + kSuffix[i % 5];
}
EntityType TypeOf(size_t i) { return kTypes[i % 5]; }

// Document d introduces entities [d*per_doc, (d+1)*per_doc) and relations
// from them to earlier entities: a fifth to a thousand hubs (the provinces
// and bureaus of a real graph), the rest to entities chosen uniformly.
Extraction MakeDoc(size_t d, const Options& o, size_t rels_per_doc, std::mt19937_64& rng) {
  Extraction x;
  x.document.doc = "doc" + std::to_string(d) + ".txt";
  x.document.content_hash = "h" + std::to_string(d);
  x.document.chars = 5000;
  const size_t first = d * o.per_doc;
  const size_t last = std::min(o.entities, first + o.per_doc);
  for (size_t i = first; i < last; ++i) {
    Entity e;
    e.type = TypeOf(i);
    e.name = EntityName(i);
    e.mentions = {{static_cast<int32_t>((i - first) * 40), static_cast<int32_t>((i - first) * 40 + 8)}};
    x.entities.push_back(std::move(e));
  }
  if (first >= last) return x;
  std::uniform_int_distribution<size_t> local(first, last - 1);
  for (size_t r = 0; r < rels_per_doc; ++r) {
    const size_t head = local(rng);
    const size_t known = std::max<size_t>(last, 2);
    size_t tail = rng() % 5 == 0 ? rng() % std::min<size_t>(1000, known) : rng() % known;
    if (tail == head) tail = (tail + 1) % known;
    Relation rel;
    rel.type = kRels[rng() % 4];
    rel.head_type = TypeOf(head);
    rel.head = EntityName(head);
    rel.tail_type = TypeOf(tail);
    rel.tail = EntityName(tail);
    rel.evidence = {static_cast<int32_t>(r * 30), static_cast<int32_t>(r * 30 + 24)};
    rel.sentence = "第" + std::to_string(r) + "句：" + rel.head + "与" + rel.tail + "合作。";
    x.relations.push_back(std::move(rel));
  }
  return x;
}

struct Latency {
  double median_us = 0, p99_us = 0;
};

Latency Percentiles(std::vector<double> us) {
  std::sort(us.begin(), us.end());
  if (us.empty()) return {};
  return {us[us.size() / 2], us[std::min(us.size() - 1, us.size() * 99 / 100)]};
}

// Times `op` n times: wall and thread-CPU percentiles, in microseconds.
template <typename Op>
std::pair<Latency, Latency> Measure(int n, Op op) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < n; ++i) {
    const double c = ThreadCpu();
    const auto q = Clock::now();
    op();
    wall.push_back(Seconds(q) * 1e6);
    cpu.push_back((ThreadCpu() - c) * 1e6);
  }
  return {Percentiles(wall), Percentiles(cpu)};
}


void PrintLatency(const char* what, const std::pair<Latency, Latency>& l, const char* extra) {
  std::printf("%s: median %.1f us, p99 %.1f us (thread CPU: median %.1f us, p99 %.1f us)%s\n", what,
              l.first.median_us, l.first.p99_us, l.second.median_us, l.second.p99_us, extra);
}

int Run(const Options& o) {
  const size_t docs = (o.entities + o.per_doc - 1) / o.per_doc;
  const size_t rels_per_doc = (o.relations + docs - 1) / docs;
  std::printf("synthetic graph: %zu entities, ~%zu relations, %zu documents\n", o.entities,
              rels_per_doc * docs, docs);

  // Build.
  auto t = Clock::now();
  double c = ProcessCpu();
  size_t edges_built = 0;
  if (!o.reuse) {
    auto g = Graph::Create();
    std::mt19937_64 rng(42);
    const Gazetteer& gaz = Gazetteer::Embedded();
    for (size_t d = 0; d < docs; ++d) g->AddExtraction(MakeDoc(d, o, rels_per_doc, rng), gaz);
    edges_built = g->num_edges();
    size_t relations = 0;
    for (EdgeId e = 0; e < g->num_edges(); ++e) relations += g->edge(e).kind == EdgeKind::kRelation;
    std::printf("build:  %.1f s wall, %.1f s CPU (%zu vertices, %zu edges of which %zu relations)\n", Seconds(t),
                ProcessCpu() - c, g->num_vertices(), edges_built, relations);
    std::printf("memory after build: %.0f MB RSS\n", Rss() / 1e6);
    t = Clock::now();
    c = ProcessCpu();
    if (const Status s = g->Save(o.file); !s.ok()) {
      std::fprintf(stderr, "save: %s\n", s.message().c_str());
      return 1;
    }
    std::printf("save:   %.1f s wall, %.1f s CPU; file %.0f MB (%.1f bytes per edge)\n", Seconds(t),
                ProcessCpu() - c, FileSize(o.file) / 1e6,
                static_cast<double>(FileSize(o.file)) / static_cast<double>(edges_built));
  }
  malloc_trim(0);

  const size_t heap0 = HeapInUse(), rss0 = Rss();
  t = Clock::now();
  c = ProcessCpu();
  auto loaded = Graph::Load(o.file);
  if (!loaded.ok()) {
    std::fprintf(stderr, "load: %s\n", loaded.status().message().c_str());
    return 1;
  }
  const double load_wall = Seconds(t), load_cpu = ProcessCpu() - c;
  const Graph& g = **loaded;
  // The graph's large blocks are mapped directly, outside malloc's books: the
  // growth of the resident set is the figure that counts them all.
  const size_t heap = HeapInUse() - heap0, rss = Rss() - rss0;
  std::printf("load:   %.2f s wall, %.2f s CPU (target < 5 s)\n", load_wall, load_cpu);
  std::printf("memory: %.0f MB resident for the loaded graph: %.0f bytes per edge, vertices included (%zu vertices, %zu edges; %.0f MB of it from malloc)\n",
              rss / 1e6, static_cast<double>(rss) / static_cast<double>(g.num_edges()), g.num_vertices(),
              g.num_edges(), heap / 1e6);

  std::mt19937_64 rng(7);
  std::vector<VertexId> entities;
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    if (g.vertex(v).kind == VertexKind::kEntity) entities.push_back(v);
  }
  const auto random_entity = [&] { return entities[rng() % entities.size()]; };
  const EdgeFilter relations;
  size_t reached = 0;
  const auto n1 = Measure(20000, [&] { reached += Neighborhood(g, random_entity(), 1, relations).size(); });
  char extra[128];
  std::snprintf(extra, sizeof extra, "; %.1f neighbours on average; target < 20 us",
                static_cast<double>(reached) / 20000.0 - 1);
  PrintLatency("neighbors depth 1 (algorithm)", n1, extra);
  NeighborOptions no;
  bool ok = true;
  PrintLatency("neighbors NAME (query verb: name lookup, walk, sort)", Measure(5000, [&] {
                 ok = ok && Neighbors(g, g.vertex(random_entity()).name, no).ok();
               }),
               "");
  PrintLatency("neighbors depth 2", Measure(2000, [&] { reached += Neighborhood(g, random_entity(), 2, relations).size(); }), "");
  size_t found = 0, hops = 0;
  const auto paths = Measure(300, [&] {
    const auto p = ShortestPath(g, random_entity(), random_entity(), relations);
    if (p) {
      ++found;
      hops += p->edges.size();
    }
  });
  std::snprintf(extra, sizeof extra, "; %zu of 300 connected, %.1f hops on average; target < 200 ms", found,
                found ? static_cast<double>(hops) / static_cast<double>(found) : 0.0);
  PrintLatency("path", paths, extra);
  if (!o.keep) std::remove(o.file.c_str());
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace policykg

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are measured, even into a file
  policykg::Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const char* v = argv[i + 1];
    if (k == "--entities") o.entities = std::strtoull(v, nullptr, 10);
    else if (k == "--relations") o.relations = std::strtoull(v, nullptr, 10);
    else if (k == "--per-doc") o.per_doc = std::max<size_t>(1, std::strtoull(v, nullptr, 10));
    else if (k == "--file") o.file = v;
    else if (k == "--keep") o.keep = std::strcmp(v, "0") != 0;
    else if (k == "--reuse") o.reuse = o.keep = std::strcmp(v, "0") != 0;
    else {
      std::fprintf(stderr, "usage: graph_bench [--entities N] [--relations M] [--per-doc K] [--file PATH] [--keep 1] [--reuse 1]\n");
      return 64;
    }
  }
  return policykg::Run(o);
}
