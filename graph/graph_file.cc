#include "graph/graph_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <new>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "base/file.h"
#include "graph/graph_impl.h"

namespace policykg {
namespace {

constexpr size_t kHeaderSize = 32;
constexpr uint32_t Tag(const char (&s)[5]) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[0])) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[3])) << 24;
}
constexpr uint32_t kOpts = Tag("OPTS");
constexpr uint32_t kStrs = Tag("STRS");
constexpr uint32_t kVert = Tag("VERT");
constexpr uint32_t kEdge = Tag("EDGE");

// Writing -------------------------------------------------------------------

void PutFixed(std::string* out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

uint64_t ZigZag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

void PutDouble(std::string* out, double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  PutFixed(out, bits, 8);
}

// Every distinct string once, back to back; records hold offsets.
class StringTable {
 public:
  uint64_t Intern(std::string_view s) {
    const auto [it, inserted] = offsets_.emplace(s, bytes_.size());
    if (inserted) bytes_.append(s.data(), s.size());
    return it->second;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::unordered_map<std::string_view, uint64_t> offsets_;
  std::string bytes_;
};

class RecordWriter {
 public:
  RecordWriter(StringTable* strings, std::string* out) : strings_(strings), out_(out) {}
  void U(uint64_t v) { PutVarint(out_, v); }
  void S(std::string_view s) {
    PutVarint(out_, s.empty() ? 0 : strings_->Intern(s));
    PutVarint(out_, s.size());
  }
  void Strings(ListView<std::string_view> v) {
    U(v.size());
    for (std::string_view s : v) S(s);
  }
  void Evidences(ListView<Evidence> v) {
    U(v.size());
    for (const Evidence& e : v) {
      S(e.doc);
      U(ZigZag(e.span.start));
      U(ZigZag(e.span.end));
      S(e.sentence);
    }
  }

 private:
  StringTable* strings_;
  std::string* out_;
};

void EncodeVertex(const VertexProps& p, RecordWriter& w) {
  w.U(static_cast<uint64_t>(p.kind));
  w.U(static_cast<uint64_t>(p.type));
  for (std::string_view s : {p.id, p.name, p.region_code, p.region_level, p.jurisdiction}) w.S(s);
  w.Strings(p.aliases);
  w.Strings(p.documents);
  w.Evidences(p.mentions);
  if (p.kind != VertexKind::kSource) return;
  const SourceProps& s = *p.source;
  for (const std::string* f : {&s.doc, &s.path, &s.title, &s.number, &s.issuer, &s.date, &s.content_hash,
                               &s.encoding}) {
    w.S(*f);
  }
  w.U(ZigZag(s.chars));
}

// Edge flags.
constexpr uint64_t kKindMask = 3;
constexpr uint64_t kFromGazetteer = 4;
constexpr uint64_t kCountWeight = 8;
constexpr int kRelShift = 4;

// Weights count supporting mentions: small integers, one byte as a varint.
bool IsCount(double w) { return w >= 0 && w < 9007199254740992.0 && w == static_cast<double>(static_cast<uint64_t>(w)); }

// Reading -------------------------------------------------------------------

// Bounds-checked cursor: any overrun sets !ok() and reads zeros from then on.
class Reader {
 public:
  explicit Reader(std::string_view b) : p_(b.data()), end_(b.data() + b.size()) {}
  bool ok() const { return ok_; }
  bool done() const { return p_ == end_; }
  size_t remaining() const { return static_cast<size_t>(end_ - p_); }

  uint64_t Fixed(int bytes) {
    if (remaining() < static_cast<size_t>(bytes)) return Fail();
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(p_[i])) << (8 * i);
    p_ += bytes;
    return v;
  }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) return Fail();
      const auto c = static_cast<unsigned char>(*p_++);
      v |= static_cast<uint64_t>(c & 0x7f) << shift;
      if (!(c & 0x80)) return v;
    }
    return Fail();
  }
  // A count of records that take at least `min_bytes` each: larger than the
  // rest of the input means damage (and must not drive an allocation).
  size_t Count(size_t min_bytes) {
    const uint64_t n = Varint();
    if (n > remaining() / min_bytes) return static_cast<size_t>(Fail());
    return static_cast<size_t>(n);
  }
  // A value that must be below `limit`.
  uint64_t Below(uint64_t limit) {
    const uint64_t v = Varint();
    return v < limit ? v : Fail();
  }
  double Double() {
    const uint64_t bits = Fixed(8);
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }

 private:
  uint64_t Fail() {
    ok_ = false;
    p_ = end_;
    return 0;
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

// Strings come from the table, lists go to the graph's arena with room to
// grow (Arena::Capacity).
class RecordReader {
 public:
  RecordReader(Reader* r, std::string_view strings, Arena* arena) : r_(r), strings_(strings), arena_(arena) {}
  uint64_t U() { return r_->Varint(); }
  uint64_t Below(uint64_t limit) { return r_->Below(limit); }
  // Offset and length, both checked against the string section.
  std::string_view S() {
    const uint64_t at = r_->Below(strings_.size() + 1);
    const uint64_t n = r_->Below(strings_.size() - at + 1);
    return r_->ok() ? strings_.substr(at, n) : std::string_view();
  }
  ListView<std::string_view> Strings() {
    std::string_view* data;
    const ListView<std::string_view> v = arena_->NewList(r_->Count(2), &data);
    for (size_t i = 0; i < v.size(); ++i) data[i] = S();
    return v;
  }
  ListView<Evidence> Evidences() {
    Evidence* data;
    const ListView<Evidence> v = arena_->NewList(r_->Count(6), &data);
    for (size_t i = 0; i < v.size(); ++i) {
      Evidence& e = data[i];
      e.doc = S();
      e.span.start = static_cast<int32_t>(UnZigZag(U()));
      e.span.end = static_cast<int32_t>(UnZigZag(U()));
      e.sentence = S();
    }
    return v;
  }
  Reader& reader() { return *r_; }

 private:
  Reader* r_;
  std::string_view strings_;
  Arena* arena_;
};

bool DecodeVertex(RecordReader& r, GraphImpl& graph, VertexProps* p) {
  p->kind = static_cast<VertexKind>(r.Below(2));
  p->type = static_cast<EntityType>(r.Below(std::size(kAllEntityTypes)));
  for (std::string_view* s : {&p->id, &p->name, &p->region_code, &p->region_level, &p->jurisdiction}) *s = r.S();
  p->aliases = r.Strings();
  p->documents = r.Strings();
  p->mentions = r.Evidences();
  if (p->kind == VertexKind::kSource && r.reader().ok()) {
    SourceProps s;
    for (std::string* f : {&s.doc, &s.path, &s.title, &s.number, &s.issuer, &s.date, &s.content_hash,
                           &s.encoding}) {
      *f = std::string(r.S());
    }
    s.chars = UnZigZag(r.U());
    p->source = graph.NewSourceProps(std::move(s));
  }
  return r.reader().ok();
}

// Covers the header fields before it (magic, version, section count, body
// length) and the body.
uint64_t Checksum(std::string_view header24, std::string_view body) {
  return XXH64(body.data(), body.size(), XXH64(header24.data(), 24, 0));
}

Status Damaged(const std::string& source, const std::string& what) {
  return Status::Corrupt(source + ": damaged graph file (" + what + ")");
}

}  // namespace

std::string EncodeGraph(const GraphImpl& graph) {
  StringTable strings;
  std::string opts, verts, edges;
  PutVarint(&opts, graph.options().co_mentions ? 1 : 0);

  RecordWriter vw(&strings, &verts);
  vw.U(graph.num_vertices());
  for (VertexId v = 0; v < graph.num_vertices(); ++v) EncodeVertex(graph.vertex(v), vw);

  RecordWriter ew(&strings, &edges);
  ew.U(graph.num_edges());
  for (EdgeId e = 0; e < graph.num_edges(); ++e) {
    const EdgeProps& p = graph.edge(e);
    ew.U(graph.source(e));
    ew.U(graph.target(e));
    const bool count = IsCount(p.weight);
    ew.U(static_cast<uint64_t>(p.kind) | (p.from_gazetteer ? kFromGazetteer : 0) | (count ? kCountWeight : 0) |
         static_cast<uint64_t>(p.rel) << kRelShift);
    if (count) {
      ew.U(static_cast<uint64_t>(p.weight));
    } else {
      PutDouble(&edges, p.weight);
    }
    ew.Strings(p.documents);
    ew.Evidences(p.evidence);
  }
  const std::string& strs = strings.bytes();

  const std::pair<uint32_t, const std::string*> sections[] = {
      {kOpts, &opts}, {kStrs, &strs}, {kVert, &verts}, {kEdge, &edges}};
  std::string body;
  size_t total = 0;
  for (const auto& s : sections) total += 16 + s.second->size();
  body.reserve(total);
  for (const auto& s : sections) {
    PutFixed(&body, s.first, 4);
    PutFixed(&body, 0, 4);
    PutFixed(&body, s.second->size(), 8);
  }
  for (const auto& s : sections) body += *s.second;

  std::string file(kGraphFileMagic, sizeof kGraphFileMagic);
  PutFixed(&file, kGraphFileVersion, 4);
  PutFixed(&file, std::size(sections), 4);
  PutFixed(&file, body.size(), 8);
  PutFixed(&file, Checksum(file, body), 8);
  file.reserve(file.size() + body.size());
  file += body;
  return file;
}

namespace {

// The file, mapped read-only, and its sections as views into the mapping.
struct MappedFile {
  Arena::Block mapping;  // owns the mapping (munmap on release)
  std::vector<std::pair<uint32_t, std::string_view>> sections;  // tag, bytes
};

// Maps the file and checks header, directory and checksum before anything is
// parsed. Mapping rather than reading: the pages come from the page cache as
// they are, without being zeroed and copied, and the string section is not
// touched at all after the checksum.
Result<MappedFile> MapSections(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return Status::IoError(path + ": not a regular file");
  }
  const auto size = static_cast<size_t>(st.st_size);
  MappedFile file;
  if (size > 0) {
    void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      const int err = errno;
      close(fd);
      return Status::IoError(path + ": cannot map: " + std::strerror(err));
    }
    file.mapping = Arena::Block(static_cast<char*>(p), Arena::Release{size});
  }
  close(fd);  // the mapping stays valid
  const std::string_view bytes(file.mapping.get(), size);

  if (bytes.size() < sizeof kGraphFileMagic ||
      std::memcmp(bytes.data(), kGraphFileMagic, sizeof kGraphFileMagic) != 0) {
    return Status::Corrupt(path + ": not a policykg graph file (no PKGRAPH signature)");
  }
  if (bytes.size() < kHeaderSize) return Status::Corrupt(path + ": truncated graph file (incomplete header)");
  Reader header(bytes.substr(sizeof kGraphFileMagic, kHeaderSize - sizeof kGraphFileMagic));
  const uint64_t version = header.Fixed(4);
  const uint64_t num_sections = header.Fixed(4);
  const uint64_t body_len = header.Fixed(8);
  const uint64_t checksum = header.Fixed(8);
  if (version != kGraphFileVersion) {
    return Status::Corrupt(path + ": graph file version " + std::to_string(version) +
                           " is not supported (this policykg reads version " +
                           std::to_string(kGraphFileVersion) + "); rebuild the graph");
  }
  const std::string_view body = bytes.substr(kHeaderSize);
  if (body.size() != body_len) {
    return Status::Corrupt(path + ": truncated or padded graph file (expected " +
                           std::to_string(kHeaderSize + body_len) + " bytes, found " +
                           std::to_string(bytes.size()) + ")");
  }
  if (Checksum(bytes.substr(0, 24), body) != checksum) {
    return Status::Corrupt(path + ": damaged graph file (checksum mismatch)");
  }
  Reader dir(body);
  if (num_sections > body.size() / 16) return Damaged(path, "section directory");
  uint64_t offset = num_sections * 16;
  for (uint64_t i = 0; i < num_sections; ++i) {
    const auto tag = static_cast<uint32_t>(dir.Fixed(4));
    dir.Fixed(4);
    const uint64_t len = dir.Fixed(8);
    if (!dir.ok() || len > body.size() - offset) return Damaged(path, "section directory");
    file.sections.emplace_back(tag, body.substr(offset, len));
    offset += len;
  }
  return file;
}

Status DecodeVertices(RecordReader& r, size_t nv, const std::string& source, GraphImpl& graph) {
  for (VertexId v = 0; v < nv; ++v) {
    if (!DecodeVertex(r, graph, &graph.mutable_vertex(v))) return Damaged(source, "vertex " + std::to_string(v));
  }
  if (!r.reader().done()) return Damaged(source, "vertex section");
  return Status::OK();
}

Status DecodeEdges(Reader& er, std::string_view strings, Arena* arena, size_t nv, size_t ne,
                   const std::string& source, GraphImpl& graph) {
  RecordReader r(&er, strings, arena);
  for (EdgeId e = 0; e < ne; ++e) {
    EdgeRecord rec;
    rec.source = static_cast<VertexId>(r.Below(nv));
    rec.target = static_cast<VertexId>(r.Below(nv));
    EdgeProps& p = rec.props;
    const uint64_t flags = r.U();
    const uint64_t kind = flags & kKindMask, rel = flags >> kRelShift;
    if (kind >= 3 || rel >= std::size(kAllRelationTypes)) return Damaged(source, "edge " + std::to_string(e));
    p.kind = static_cast<EdgeKind>(kind);
    p.rel = static_cast<RelationType>(rel);
    p.from_gazetteer = (flags & kFromGazetteer) != 0;
    p.weight = (flags & kCountWeight) ? static_cast<double>(r.U()) : er.Double();
    p.documents = r.Strings();
    p.evidence = r.Evidences();
    if (!er.ok()) return Damaged(source, "edge " + std::to_string(e));
    graph.AddLoadedEdge(rec);
  }
  if (!er.done()) return Damaged(source, "edge section");
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<GraphImpl>> ReadGraphFile(const std::string& source) {
  Result<MappedFile> mapped = MapSections(source);
  if (!mapped.ok()) return mapped.status();
  const auto find = [&](uint32_t tag) -> std::optional<std::string_view> {
    for (const auto& [t, bytes] : mapped->sections) {
      if (t == tag) return bytes;
    }
    return std::nullopt;
  };
  const auto opts_bytes = find(kOpts), strs_bytes = find(kStrs), vert_bytes = find(kVert),
             edge_bytes = find(kEdge);
  if (!opts_bytes || !strs_bytes || !vert_bytes || !edge_bytes) return Damaged(source, "missing section");

  Reader opts(*opts_bytes);
  BuildOptions options;
  options.co_mentions = (opts.Varint() & 1) != 0;
  if (!opts.ok()) return Damaged(source, "options");

  auto graph = std::make_unique<GraphImpl>(options);
  Arena& arena = graph->arena();
  // The mapping becomes the graph's: the strings are used where they lie in
  // the file's string section, and nothing reads them while loading.
  const std::string_view strings = *strs_bytes;
  char* const mapping = mapped->mapping.get();
  const size_t mapping_size = mapped->mapping.get_deleter().mapped;
  arena.Adopt(std::move(mapped->mapping));

  Reader vr(*vert_bytes);
  RecordReader vrec(&vr, strings, &arena);
  const size_t nv = vr.Count(15);
  Reader er(*edge_bytes);
  const size_t ne = er.Count(6);
  if (!vr.ok() || !er.ok()) return Damaged(source, "record counts");
  graph->PrepareLoad(nv, ne);

  // The edges are decoded and linked on a second thread while this one
  // decodes and indexes the vertices. The two write disjoint state: edge
  // records, Boost's edge list and each vertex's adjacency list there; vertex
  // props, source records and name indexes here. The edges' lists go to an
  // arena of their own, merged into the graph's afterwards.
  Arena edge_arena;
  Status edge_status;
  std::exception_ptr edge_failure;  // a bug or bad_alloc, rethrown here
  std::thread edge_thread([&] {
    try {
      edge_status = DecodeEdges(er, strings, &edge_arena, nv, ne, source, *graph);
      if (edge_status.ok()) graph->LinkLoadedEdges();
    } catch (...) {
      edge_failure = std::current_exception();
    }
  });
  Status vertex_status;
  try {
    vertex_status = DecodeVertices(vrec, nv, source, *graph);
    if (vertex_status.ok()) graph->RebuildIndexes();
  } catch (...) {
    edge_thread.join();
    throw;
  }
  edge_thread.join();
  if (edge_failure) std::rethrow_exception(edge_failure);
  if (!vertex_status.ok()) return vertex_status;
  if (!edge_status.ok()) return edge_status;
  arena.Absorb(std::move(edge_arena));
  // The checksum and the records touched every page of the file: unmap them
  // from the process (they stay in the page cache) so that only the strings
  // used later come back, one page at a time.
  if (mapping_size > 0) madvise(mapping, mapping_size, MADV_DONTNEED);
  return graph;
}

Status Graph::Save(const std::string& path) const { return WriteFileAtomic(path, Serialize()); }

std::string GraphImpl::Serialize() const { return EncodeGraph(*this); }

Result<std::unique_ptr<Graph>> Graph::Load(const std::string& path) {
  Result<std::unique_ptr<GraphImpl>> graph = ReadGraphFile(path);
  if (!graph.ok()) return graph.status();
  return std::unique_ptr<Graph>(std::move(graph).value());
}

}  // namespace policykg
