#include "graph/graph_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <utility>
#include <vector>

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

// Every string once; records hold indices.
class StringTable {
 public:
  uint32_t Intern(std::string_view s) {
    const auto [it, inserted] = index_.emplace(s, static_cast<uint32_t>(strings_.size()));
    if (inserted) strings_.push_back(s);
    return it->second;
  }
  void Encode(std::string* out) const {
    PutVarint(out, strings_.size());
    for (std::string_view s : strings_) {
      PutVarint(out, s.size());
      out->append(s.data(), s.size());
    }
  }

 private:
  std::unordered_map<std::string_view, uint32_t> index_;
  std::vector<std::string_view> strings_;
};

class RecordWriter {
 public:
  RecordWriter(StringTable* strings, std::string* out) : strings_(strings), out_(out) {}
  void U(uint64_t v) { PutVarint(out_, v); }
  void S(std::string_view s) { PutVarint(out_, strings_->Intern(s)); }
  void Strings(const std::vector<std::string>& v) {
    U(v.size());
    for (const std::string& s : v) S(s);
  }
  void Evidences(const std::vector<Evidence>& v) {
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
  for (const std::string* s : {&p.id, &p.name, &p.region_code, &p.region_level, &p.jurisdiction, &p.doc,
                               &p.path, &p.title, &p.number, &p.issuer, &p.date, &p.content_hash,
                               &p.encoding}) {
    w.S(*s);
  }
  w.U(ZigZag(p.chars));
  w.Strings(p.aliases);
  w.Strings(p.documents);
  w.Evidences(p.mentions);
}

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
  std::string_view Bytes(size_t n) {
    if (remaining() < n) {
      Fail();
      return {};
    }
    const std::string_view s(p_, n);
    p_ += n;
    return s;
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

class RecordReader {
 public:
  RecordReader(Reader* r, const std::vector<std::string_view>& strings) : r_(r), strings_(strings) {}
  uint64_t U() { return r_->Varint(); }
  uint64_t Below(uint64_t limit) { return r_->Below(limit); }
  std::string S() {
    const uint64_t i = r_->Below(strings_.size());
    return r_->ok() ? std::string(strings_[i]) : std::string();
  }
  std::vector<std::string> Strings() {
    std::vector<std::string> v(r_->Count(1));
    for (std::string& s : v) s = S();
    return v;
  }
  std::vector<Evidence> Evidences() {
    std::vector<Evidence> v(r_->Count(4));
    for (Evidence& e : v) {
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
  const std::vector<std::string_view>& strings_;
};

bool DecodeVertex(RecordReader& r, VertexProps* p) {
  p->kind = static_cast<VertexKind>(r.Below(2));
  p->type = static_cast<EntityType>(r.Below(std::size(kAllEntityTypes)));
  for (std::string* s : {&p->id, &p->name, &p->region_code, &p->region_level, &p->jurisdiction, &p->doc,
                         &p->path, &p->title, &p->number, &p->issuer, &p->date, &p->content_hash,
                         &p->encoding}) {
    *s = r.S();
  }
  p->chars = UnZigZag(r.U());
  p->aliases = r.Strings();
  p->documents = r.Strings();
  p->mentions = r.Evidences();
  return r.reader().ok();
}

struct Section {
  uint32_t tag;
  std::string_view bytes;
};

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
  std::string opts, verts, edges, strs;
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
    ew.U(static_cast<uint64_t>(p.kind));
    ew.U(static_cast<uint64_t>(p.rel));
    ew.U(p.from_gazetteer ? 1 : 0);
    PutDouble(&edges, p.weight);
    ew.Strings(p.documents);
    ew.Evidences(p.evidence);
  }
  strings.Encode(&strs);

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

Result<std::unique_ptr<GraphImpl>> DecodeGraph(std::string_view bytes, const std::string& source) {
  if (bytes.size() < sizeof kGraphFileMagic ||
      std::memcmp(bytes.data(), kGraphFileMagic, sizeof kGraphFileMagic) != 0) {
    return Status::Corrupt(source + ": not a policykg graph file (no PKGRAPH signature)");
  }
  if (bytes.size() < kHeaderSize) return Status::Corrupt(source + ": truncated graph file (incomplete header)");
  Reader header(bytes.substr(sizeof kGraphFileMagic, kHeaderSize - sizeof kGraphFileMagic));
  const uint64_t version = header.Fixed(4);
  const uint64_t num_sections = header.Fixed(4);
  const uint64_t body_len = header.Fixed(8);
  const uint64_t checksum = header.Fixed(8);
  if (version != kGraphFileVersion) {
    return Status::Corrupt(source + ": graph file version " + std::to_string(version) +
                           " is not supported (this policykg reads version " +
                           std::to_string(kGraphFileVersion) + "); rebuild the graph");
  }
  const std::string_view body = bytes.substr(kHeaderSize);
  if (body.size() != body_len) {
    return Status::Corrupt(source + ": truncated or padded graph file (expected " +
                           std::to_string(kHeaderSize + body_len) + " bytes, found " +
                           std::to_string(bytes.size()) + ")");
  }
  if (Checksum(bytes.substr(0, 24), body) != checksum) {
    return Status::Corrupt(source + ": damaged graph file (checksum mismatch)");
  }

  // Directory, then sections.
  Reader dir(body);
  if (num_sections > body.size() / 16) return Damaged(source, "section directory");
  std::vector<Section> sections;
  uint64_t offset = num_sections * 16;
  for (uint64_t i = 0; i < num_sections; ++i) {
    const auto tag = static_cast<uint32_t>(dir.Fixed(4));
    dir.Fixed(4);
    const uint64_t len = dir.Fixed(8);
    if (!dir.ok() || len > body.size() - offset) return Damaged(source, "section directory");
    sections.push_back(Section{tag, body.substr(offset, len)});
    offset += len;
  }
  const auto find = [&](uint32_t tag) -> std::optional<std::string_view> {
    for (const Section& s : sections) {
      if (s.tag == tag) return s.bytes;
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

  Reader strs(*strs_bytes);
  std::vector<std::string_view> strings(strs.Count(1));
  for (std::string_view& s : strings) s = strs.Bytes(strs.Varint());
  if (!strs.ok() || !strs.done()) return Damaged(source, "string table");

  auto graph = std::make_unique<GraphImpl>(options);
  Reader vr(*vert_bytes);
  RecordReader vrec(&vr, strings);
  const size_t nv = vr.Count(17);
  Reader er(*edge_bytes);
  RecordReader erec(&er, strings);
  const size_t ne = er.Count(15);
  if (!vr.ok() || !er.ok()) return Damaged(source, "record counts");
  graph->PrepareLoad(nv);
  for (VertexId v = 0; v < nv; ++v) {
    if (!DecodeVertex(vrec, &graph->mutable_vertex(v))) return Damaged(source, "vertex " + std::to_string(v));
  }
  if (!vr.done()) return Damaged(source, "vertex section");
  std::vector<EdgeRecord> edges(ne);
  for (EdgeId e = 0; e < ne; ++e) {
    EdgeRecord& r = edges[e];
    r.source = static_cast<VertexId>(erec.Below(nv));
    r.target = static_cast<VertexId>(erec.Below(nv));
    EdgeProps& p = r.props;
    p.kind = static_cast<EdgeKind>(erec.Below(3));
    p.rel = static_cast<RelationType>(erec.Below(std::size(kAllRelationTypes)));
    p.from_gazetteer = erec.Below(2) == 1;
    p.weight = er.Double();
    p.documents = erec.Strings();
    p.evidence = erec.Evidences();
    if (!er.ok()) return Damaged(source, "edge " + std::to_string(e));
  }
  if (!er.done()) return Damaged(source, "edge section");
  graph->LoadEdges(std::move(edges));
  graph->RebuildIndexes();
  return graph;
}

Status Graph::Save(const std::string& path) const { return WriteFileAtomic(path, Serialize()); }

std::string GraphImpl::Serialize() const { return EncodeGraph(*this); }

namespace {

// The whole file in one read (a graph file can be hundreds of megabytes).
Result<std::string> ReadWhole(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  if (std::fseek(f.get(), 0, SEEK_END) != 0) return Status::IoError(path + ": cannot seek");
  const long size = std::ftell(f.get());
  if (size < 0 || std::fseek(f.get(), 0, SEEK_SET) != 0) return Status::IoError(path + ": cannot seek");
  std::string bytes(static_cast<size_t>(size), '\0');
  if (std::fread(bytes.data(), 1, bytes.size(), f.get()) != bytes.size()) {
    return Status::IoError(path + ": read error");
  }
  return bytes;
}

}  // namespace

Result<std::unique_ptr<Graph>> Graph::Load(const std::string& path) {
  Result<std::string> bytes = ReadWhole(path);
  if (!bytes.ok()) return bytes.status();
  Result<std::unique_ptr<GraphImpl>> graph = DecodeGraph(*bytes, path);
  if (!graph.ok()) return graph.status();
  return std::unique_ptr<Graph>(std::move(graph).value());
}

}  // namespace policykg
