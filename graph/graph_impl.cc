#include "graph/graph_impl.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <new>
#include <utility>

#include <sys/mman.h>

#include "base/utf8.h"

namespace policykg {
namespace {

// Forms that name different things in different documents ("市科技局" is the
// science bureau of whichever city wrote the text): they never merge two
// entities through an alias. Extraction resolves canonical names, so this
// only matters for aliases as written.
bool IsRelativeName(std::string_view s) {
  if (CodePointCount(s) < 2) return true;
  static constexpr std::string_view kRelativeHeads[] = {"本", "我", "该", "全", "各", "省", "市",
                                                       "区", "县", "州", "镇", "乡", "街道"};
  // Words that start with those characters but are not relative.
  static constexpr std::string_view kExceptions[] = {"市场", "区块", "区域", "县域", "州立"};
  for (std::string_view e : kExceptions) {
    if (s.substr(0, e.size()) == e) return false;
  }
  for (std::string_view h : kRelativeHeads) {
    if (s.substr(0, h.size()) == h) return true;
  }
  return false;
}

size_t TypeIndex(EntityType t) { return static_cast<size_t>(t); }

std::string EntityKey(EntityType t, std::string_view name) {
  std::string id(ToString(t));
  id += ':';
  id += name;
  return id;
}

void EraseValue(std::vector<VertexId>& vs, VertexId v) {
  vs.erase(std::remove(vs.begin(), vs.end(), v), vs.end());
}

// The one vertex a list names, if it names exactly one.
std::optional<VertexId> Unique(const std::unordered_map<std::string_view, std::vector<VertexId>>& m,
                               std::string_view key) {
  const auto it = m.find(key);
  if (it == m.end() || it->second.size() != 1) return std::nullopt;
  return it->second.front();
}

size_t CommonPrefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

}  // namespace

std::string_view ToString(VertexKind k) { return k == VertexKind::kSource ? "source" : "entity"; }

std::string_view ToString(EdgeKind k) {
  switch (k) {
    case EdgeKind::kRelation: return "relation";
    case EdgeKind::kMentions: return "mentions";
    case EdgeKind::kCoMention: return "co_mention";
  }
  return "?";
}

std::unique_ptr<Graph> Graph::Create(const BuildOptions& options) {
  return std::make_unique<GraphImpl>(options);
}

namespace {
constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kMapAtLeast = 2 * kHugePage;  // smaller blocks come from malloc
}  // namespace

void AdviseHugePages(const void* p, size_t bytes) {
#ifdef MADV_HUGEPAGE
  // Only whole huge pages inside the region.
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(p) + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(p) + bytes) & ~(kHugePage - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)p;
  (void)bytes;
#endif
}

void Arena::Release::operator()(char* p) const {
  if (mapped) {
    munmap(p, mapped);
  } else {
    std::free(p);
  }
}

Arena::Block Arena::NewBlock(size_t bytes) {
  if (bytes < kMapAtLeast) {
    Block b(static_cast<char*>(std::malloc(std::max<size_t>(bytes, 1))));
    if (!b) throw std::bad_alloc();
    return b;
  }
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  AdviseHugePages(p, bytes);
  return Block(static_cast<char*>(p), Release{bytes});
}

char* Arena::Raw(size_t bytes, size_t align) {
  const size_t pad = (align - reinterpret_cast<uintptr_t>(next_) % align) % align;
  if (left_ < pad + bytes) {
    // Chunks from 1 MB, each twice the last up to 64 MB: few blocks for a
    // big graph, little slack for a small one. A request of more than a
    // quarter chunk gets a block of its own and leaves the chunk in use.
    if (bytes + align > chunk_ / 4) {
      blocks_.push_back(NewBlock(bytes + align));
      char* p = blocks_.back().get();
      return p + (align - reinterpret_cast<uintptr_t>(p) % align) % align;
    }
    blocks_.push_back(NewBlock(chunk_));
    next_ = blocks_.back().get();
    left_ = chunk_;
    chunk_ = std::min<size_t>(2 * chunk_, size_t{64} << 20);
    return Raw(bytes, align);
  }
  char* p = next_ + pad;
  next_ += pad + bytes;
  left_ -= pad + bytes;
  return p;
}

std::string_view Arena::Copy(std::string_view s) {
  if (s.empty()) return {};
  char* p = Raw(s.size(), 1);
  std::memcpy(p, s.data(), s.size());
  return std::string_view(p, s.size());
}

const SourceProps* GraphImpl::NewSourceProps(SourceProps s) {
  source_props_.push_back(std::move(s));
  return &source_props_.back();
}

// State of one document while it is merged.
struct GraphImpl::DocScope {
  const Extraction& x;
  std::string_view doc;  // the document's name, in the arena
  // Sentences already in the arena (several relations share one sentence).
  std::unordered_map<std::string_view, std::string_view> sentences;
  // Names of the regions the document mentions: they disambiguate a division
  // name that exists in several provinces.
  std::unordered_set<std::string> region_names;
  // The document's entities by (type, name or alias), for its relations.
  std::map<std::pair<EntityType, std::string>, VertexId> local;
};

namespace {

// Divisions a name may mean. `strict` (for a prefix of another name) keeps
// full names and the short forms of counties and above: a town's short form
// (松木) is too often an ordinary word.
std::vector<int> Candidates(std::string_view name, const Gazetteer& gazetteer, bool strict) {
  std::vector<int> c = gazetteer.Lookup(name);
  if (!strict) return c;
  c.erase(std::remove_if(c.begin(), c.end(),
                         [&](int i) {
                           const Division& d = gazetteer.at(i);
                           return d.name != name && d.level == DivisionLevel::kTown;
                         }),
          c.end());
  return c;
}

// The division a region name means in this document: the only one of that
// name, or the one closest to the document's jurisdiction and to the other
// regions it mentions. -1 when unknown or still ambiguous.
int ResolveDivision(const std::vector<int>& candidates, const DocumentInfo& d,
                    const std::unordered_set<std::string>& region_names, const Gazetteer& gazetteer) {
  if (candidates.size() <= 1) return candidates.empty() ? -1 : candidates.front();
  int best = -1;
  size_t best_score = 0;
  bool tie = false;
  for (int c : candidates) {
    size_t score = 4 * CommonPrefix(gazetteer.at(c).code, d.jurisdiction_code);
    const std::vector<int> chain = gazetteer.Ancestors(c);
    for (size_t i = 1; i < chain.size(); ++i) {
      const Division& a = gazetteer.at(chain[i]);
      if (region_names.count(a.name) || (!a.short_name.empty() && region_names.count(a.short_name))) {
        score += 1;
      }
    }
    if (best < 0 || score > best_score) {
      best = c;
      best_score = score;
      tie = false;
    } else if (score == best_score) {
      tie = true;
    }
  }
  return tie ? -1 : best;
}

}  // namespace

bool GraphImpl::AddExtraction(const Extraction& x, const Gazetteer& gazetteer) {
  const DocumentInfo& d = x.document;
  const std::string key = d.content_hash.empty() ? "doc:" + d.doc : d.content_hash;
  if (hashes_.count(key)) return false;
  hashes_.insert(key);

  DocScope scope{x, arena_.Copy(d.doc), {}, {}, {}};
  if (!d.jurisdiction.empty()) scope.region_names.insert(d.jurisdiction);
  for (const Entity& e : x.entities) {
    if (e.type != EntityType::kRegion) continue;
    scope.region_names.insert(e.name);
    scope.region_names.insert(e.aliases.begin(), e.aliases.end());
  }

  const VertexId src = AddSource(d);
  for (const Entity& e : x.entities) {
    const VertexId v = MergeEntity(e, scope, gazetteer);
    VertexProps& p = g_[v];
    AddDocument(p.documents, scope.doc);
    for (const Span& s : e.mentions) arena_.Append(p.mentions, Evidence{scope.doc, s, {}});
    // Two entity records of one document may merge into one vertex: their
    // mention counts add up.
    const auto [m, created] = EnsureEdge(src, v, EdgeKind::kMentions, {});
    EdgeProps& mentions = edges_[m].props;
    AddDocument(mentions.documents, scope.doc);
    mentions.weight = (created ? 0.0 : mentions.weight) + static_cast<double>(std::max<size_t>(1, e.mentions.size()));
  }

  for (const Relation& r : x.relations) {
    const auto find = [&](EntityType t, const std::string& name) {
      const auto it = scope.local.find({t, name});
      if (it != scope.local.end()) return it->second;
      Entity implied;
      implied.type = t;
      implied.name = name;
      const VertexId v = MergeEntity(implied, scope, gazetteer);
      AddDocument(g_[v].documents, scope.doc);
      return v;
    };
    const VertexId head = find(r.head_type, r.head);
    const VertexId tail = find(r.tail_type, r.tail);
    if (head == tail) continue;
    const EdgeId e = EnsureEdge(head, tail, EdgeKind::kRelation, r.type).first;
    std::string_view& sentence = scope.sentences[r.sentence];
    if (sentence.empty()) sentence = arena_.Copy(r.sentence);
    AddSupport(edges_[e].props, scope.doc, r.evidence, sentence);
  }

  for (const auto& [key_, v] : scope.local) {
    if (key_.first == EntityType::kAgency && g_[v].jurisdiction.empty()) {
      SetJurisdiction(v, x, scope, gazetteer);
    }
  }
  if (options_.co_mentions) AddCoMentions(x, scope);
  return true;
}

VertexId GraphImpl::AddSource(const DocumentInfo& d) {
  VertexProps p;
  p.kind = VertexKind::kSource;
  std::string id = "Source:" + d.doc;
  p.name = arena_.Copy(d.doc);
  p.jurisdiction = arena_.Copy(d.jurisdiction);
  p.source = NewSourceProps(
      SourceProps{d.doc, d.path, d.title, d.number, d.issuer, d.date, d.content_hash, d.encoding, d.chars});
  // Two different files of one base name: the second keeps its own vertex
  // under a distinguishing id; FindSource answers the first.
  const bool clash = sources_.count(d.doc) > 0;
  if (clash) id += "#" + d.content_hash.substr(0, 12);
  p.id = arena_.Copy(id);
  const std::string_view name = p.name;
  const VertexId v = AppendVertex(std::move(p));
  if (!clash) sources_.emplace(name, v);
  ++num_sources_;
  return v;
}

VertexId GraphImpl::MergeEntity(const Entity& e, DocScope& scope, const Gazetteer& gazetteer) {
  VertexId v;
  const int division = e.type == EntityType::kRegion
                           ? ResolveDivision(Candidates(e.name, gazetteer, false), scope.x.document,
                                             scope.region_names, gazetteer)
                           : -1;
  if (division >= 0) {
    v = MergeRegion(e, division, scope, gazetteer);
  } else if (const auto found = FindMergeTarget(e.type, e.name, e.aliases)) {
    v = *found;
    const std::string_view current = g_[v].name;
    // The fuller form becomes canonical: 浙大 first, 浙江大学 (alias 浙大) later.
    if (current != e.name && CodePointCount(e.name) > CodePointCount(current) &&
        g_[v].region_code.empty() &&
        std::find(e.aliases.begin(), e.aliases.end(), current) != e.aliases.end()) {
      Rename(v, e.name);
    }
    AddNames(v, e.name, e.aliases);
  } else {
    v = NewEntity(e.type, e.name);
    AddNames(v, e.name, e.aliases);
  }
  scope.local[{e.type, e.name}] = v;
  for (const std::string& a : e.aliases) scope.local.emplace(std::pair{e.type, a}, v);
  return v;
}

VertexId GraphImpl::MergeRegion(const Entity& e, int division, DocScope&, const Gazetteer& gazetteer) {
  const VertexId v = EnsureDivision(division, gazetteer);
  AddNames(v, e.name, e.aliases);
  LinkHierarchy(v, division, gazetteer);
  return v;
}

VertexId GraphImpl::EnsureDivision(int division, const Gazetteer& gazetteer) {
  const Division& d = gazetteer.at(division);
  if (const auto it = region_by_code_.find(d.code); it != region_by_code_.end()) return it->second;
  // A region of that name known before without a code takes this one.
  std::optional<VertexId> v;
  NameIndex& idx = index_[TypeIndex(EntityType::kRegion)];
  if (const auto it = idx.names.find(d.name); it != idx.names.end()) {
    for (VertexId c : it->second) {
      if (g_[c].region_code.empty()) v = c;
    }
  }
  if (!v) {
    v = NewEntity(EntityType::kRegion, d.name);
    if (idx.names[g_[*v].name].size() > 1) {
      g_[*v].id = arena_.Copy(std::string(g_[*v].id) + "@" + d.code);  // keeps ids unique
    }
  }
  VertexProps& p = g_[*v];
  p.region_code = arena_.Copy(d.code);
  p.region_level = ToString(d.level);  // a literal: lives as long as the program
  if (!d.short_name.empty() && d.short_name != d.name) AddAlias(*v, d.short_name);
  region_by_code_.emplace(p.region_code, *v);
  return *v;
}

void GraphImpl::LinkHierarchy(VertexId v, int division, const Gazetteer& gazetteer) {
  const std::vector<int> chain = gazetteer.Ancestors(division);
  VertexId child = v;
  for (size_t i = 1; i < chain.size(); ++i) {
    const VertexId parent = EnsureDivision(chain[i], gazetteer);
    const auto existing = FindEdge(child, parent, EdgeKind::kRelation, RelationType::kLocatedIn);
    if (existing && edges_[*existing].props.from_gazetteer) return;  // the rest is linked already
    const EdgeId e = existing ? *existing : EnsureEdge(child, parent, EdgeKind::kRelation, RelationType::kLocatedIn).first;
    edges_[e].props.from_gazetteer = true;
    child = parent;
  }
}

std::optional<VertexId> GraphImpl::FindMergeTarget(EntityType type, std::string_view name,
                                                   const std::vector<std::string>& aliases) const {
  const NameIndex& idx = index_[TypeIndex(type)];
  if (const auto it = idx.names.find(name); it != idx.names.end() && !it->second.empty()) {
    return it->second.front();
  }
  if (!IsRelativeName(name)) {
    if (const auto v = Unique(idx.aliases, name)) return v;
  }
  for (const std::string& a : aliases) {
    if (a == name || IsRelativeName(a)) continue;
    if (const auto v = Unique(idx.names, a)) return v;
    if (const auto v = Unique(idx.aliases, a)) return v;
  }
  return std::nullopt;
}

VertexId GraphImpl::NewEntity(EntityType type, std::string_view name) {
  VertexProps p;
  p.kind = VertexKind::kEntity;
  p.type = type;
  p.name = arena_.Copy(name);
  p.id = arena_.Copy(EntityKey(type, name));
  const std::string_view key = p.name;
  const VertexId v = AppendVertex(std::move(p));
  index_[TypeIndex(type)].names[key].push_back(v);
  return v;
}

void GraphImpl::AddNames(VertexId v, std::string_view name, const std::vector<std::string>& aliases) {
  AddAlias(v, name);
  for (const std::string& a : aliases) AddAlias(v, a);
}

void GraphImpl::AddAlias(VertexId v, std::string_view alias) {
  VertexProps& p = g_[v];
  if (alias.empty() || alias == p.name) return;
  if (std::find(p.aliases.begin(), p.aliases.end(), alias) != p.aliases.end()) return;
  const std::string_view kept = arena_.Copy(alias);
  arena_.Append(p.aliases, kept);
  index_[TypeIndex(p.type)].aliases[kept].push_back(v);
}

void GraphImpl::Rename(VertexId v, std::string_view name) {
  VertexProps& p = g_[v];
  NameIndex& idx = index_[TypeIndex(p.type)];
  const std::string_view old = p.name;  // arena storage: stays valid
  EraseValue(idx.names[old], v);
  std::string_view kept;
  if (const auto it = std::find(p.aliases.begin(), p.aliases.end(), name); it != p.aliases.end()) {
    kept = *it;
    arena_.Erase(p.aliases, static_cast<size_t>(it - p.aliases.begin()));
    EraseValue(idx.aliases[kept], v);
  } else {
    kept = arena_.Copy(name);
  }
  p.name = kept;
  p.id = arena_.Copy(EntityKey(p.type, kept));
  idx.names[kept].push_back(v);
  AddAlias(v, old);
}

void GraphImpl::SetJurisdiction(VertexId v, const Extraction& x, DocScope& scope, const Gazetteer& gazetteer) {
  VertexProps& p = g_[v];
  // The longest leading division name: 衢州市科学技术局 -> 衢州市.
  const std::u32string name = Utf8ToU32(p.name);
  for (size_t n = name.size() > 2 ? name.size() - 1 : 0; n >= 2; --n) {
    const std::string prefix = U32ToUtf8(name.substr(0, n));
    const std::vector<int> candidates = Candidates(prefix, gazetteer, true);
    const int division = ResolveDivision(candidates, x.document, scope.region_names, gazetteer);
    if (division >= 0) {
      p.jurisdiction = arena_.Copy(gazetteer.at(division).name);
      return;
    }
    if (!candidates.empty()) {
      p.jurisdiction = arena_.Copy(prefix);  // a known name, ambiguous without more context
      return;
    }
  }
  // A region the document places it in.
  for (const Relation& r : x.relations) {
    if (r.type == RelationType::kLocatedIn && r.head_type == EntityType::kAgency &&
        r.tail_type == EntityType::kRegion && scope.local.count({EntityType::kAgency, r.head}) &&
        scope.local.at({EntityType::kAgency, r.head}) == v) {
      const auto it = scope.local.find({EntityType::kRegion, r.tail});
      p.jurisdiction = it != scope.local.end() ? g_[it->second].name : arena_.Copy(r.tail);
      return;
    }
  }
  // The issuer of a document answers for the document's jurisdiction.
  if (!x.document.issuer.empty() && x.document.issuer == p.name) p.jurisdiction = arena_.Copy(x.document.jurisdiction);
}

void GraphImpl::AddCoMentions(const Extraction& x, DocScope& scope) {
  // Sentences known from relation evidence; every entity mentioned inside
  // one is co-mentioned with every other.
  std::vector<Span> sentences;
  for (const Relation& r : x.relations) {
    if (r.evidence.end > r.evidence.start) sentences.push_back(r.evidence);
  }
  std::sort(sentences.begin(), sentences.end());
  sentences.erase(std::unique(sentences.begin(), sentences.end()), sentences.end());
  for (const Span& s : sentences) {
    std::vector<VertexId> inside;
    for (const Entity& e : x.entities) {
      const bool in = std::any_of(e.mentions.begin(), e.mentions.end(),
                                  [&](const Span& m) { return m.start >= s.start && m.end <= s.end; });
      if (in) inside.push_back(scope.local.at({e.type, e.name}));
    }
    std::sort(inside.begin(), inside.end());
    inside.erase(std::unique(inside.begin(), inside.end()), inside.end());
    for (size_t i = 0; i < inside.size(); ++i) {
      for (size_t j = i + 1; j < inside.size(); ++j) {
        const auto [id, created] = EnsureEdge(inside[i], inside[j], EdgeKind::kCoMention, {});
        EdgeProps& e = edges_[id].props;
        e.weight = created ? 1 : e.weight + 1;
        AddDocument(e.documents, scope.doc);
      }
    }
  }
}

std::optional<EdgeId> GraphImpl::FindEdge(VertexId s, VertexId t, EdgeKind kind, RelationType rel) const {
  const bool symmetric = kind == EdgeKind::kCoMention || (kind == EdgeKind::kRelation && IsSymmetric(rel));
  if (symmetric && s > t) std::swap(s, t);
  const auto matches = [&](EdgeId id) {
    const EdgeRecord& r = edges_[id];
    return r.props.kind == kind && (kind != EdgeKind::kRelation || r.props.rel == rel);
  };
  // Scan the shorter of the two adjacency lists: hubs have long ones.
  const VertexId scan = boost::out_degree(s, g_) <= boost::out_degree(t, g_) ? s : t;
  for (const BoostEdge& e : boost::make_iterator_range(boost::out_edges(scan, g_))) {
    const EdgeId id = g_[e].id;
    if (edges_[id].source == s && edges_[id].target == t && matches(id)) return id;
  }
  return std::nullopt;
}

std::pair<EdgeId, bool> GraphImpl::EnsureEdge(VertexId s, VertexId t, EdgeKind kind, RelationType rel) {
  if (const auto e = FindEdge(s, t, kind, rel)) return {*e, false};
  const bool symmetric = kind == EdgeKind::kCoMention || (kind == EdgeKind::kRelation && IsSymmetric(rel));
  if (symmetric && s > t) std::swap(s, t);
  EdgeProps p;
  p.kind = kind;
  p.rel = rel;
  return {AppendEdge(s, t, std::move(p)), true};
}

void GraphImpl::AddDocument(ListView<std::string_view>& docs, std::string_view doc) {
  // A document is merged in one AddExtraction call, so if present it is last.
  if (docs.empty() || docs.back() != doc) arena_.Append(docs, doc);
}

void GraphImpl::AddSupport(EdgeProps& e, std::string_view doc, const Span& span, std::string_view sentence) {
  AddDocument(e.documents, doc);
  if (span.end > span.start || !sentence.empty()) {
    bool seen = false;
    for (size_t i = e.evidence.size(); i > 0 && e.evidence[i - 1].doc == doc; --i) {
      if (e.evidence[i - 1].span == span) seen = true;
    }
    if (!seen) arena_.Append(e.evidence, Evidence{doc, span, sentence});
  }
  e.weight = static_cast<double>(std::max<size_t>({1, e.evidence.size(), e.documents.size()}));
}

VertexId GraphImpl::AppendVertex(VertexProps props) {
  return static_cast<VertexId>(boost::add_vertex(std::move(props), g_));
}

EdgeId GraphImpl::AppendEdge(VertexId s, VertexId t, EdgeProps props) {
  const EdgeId id = static_cast<EdgeId>(edges_.size());
  boost::add_edge(s, t, EdgeSlot{id, props.kind, props.rel}, g_);
  edges_.push_back(EdgeRecord{s, t, std::move(props)});
  return id;
}

namespace {
// Reserves a vector's storage and advises huge pages for it before any of it
// is written.
template <typename Vector>
void ReserveHuge(Vector& v, size_t n) {
  v.reserve(n);
  AdviseHugePages(v.data(), n * sizeof(typename Vector::value_type));
}
}  // namespace

void GraphImpl::PrepareLoad(size_t vertices, size_t edges) {
  // Boost's storage is public by design (its free functions use it).
  g_ = BoostGraph();
  ReserveHuge(g_.m_vertices, vertices);
  g_.m_vertices.resize(vertices);
  edges_.clear();
  ReserveHuge(edges_, edges);
}

void GraphImpl::LinkLoadedEdges() {
  std::vector<uint32_t> degree(num_vertices(), 0);
  for (const EdgeRecord& e : edges_) {
    ++degree[e.source];
    ++degree[e.target];
  }
  // Sizing Boost's storage here saves the reallocations of growing each list
  // edge by edge.
  ReserveHuge(g_.m_edges, edges_.size());
  for (VertexId v = 0; v < num_vertices(); ++v) g_.m_vertices[v].m_out_edges.reserve(degree[v]);
  for (EdgeId id = 0; id < edges_.size(); ++id) {
    const EdgeRecord& e = edges_[id];
    boost::add_edge(e.source, e.target, EdgeSlot{id, e.props.kind, e.props.rel}, g_);
  }
}

void GraphImpl::IndexEntity(VertexId v) {
  const VertexProps& p = g_[v];
  NameIndex& idx = index_[TypeIndex(p.type)];
  idx.names[p.name].push_back(v);
  for (std::string_view a : p.aliases) idx.aliases[a].push_back(v);
  if (!p.region_code.empty()) region_by_code_.emplace(p.region_code, v);
}

void GraphImpl::RebuildIndexes() {
  for (NameIndex& idx : index_) {
    idx.names.clear();
    idx.aliases.clear();
  }
  region_by_code_.clear();
  sources_.clear();
  hashes_.clear();
  num_sources_ = 0;
  // Sized first: no rehashing while a million names go in.
  std::array<size_t, std::size(kAllEntityTypes)> names{}, aliases{};
  size_t sources = 0;
  for (VertexId v = 0; v < num_vertices(); ++v) {
    const VertexProps& p = g_[v];
    if (p.kind == VertexKind::kSource) {
      ++sources;
      continue;
    }
    ++names[TypeIndex(p.type)];
    aliases[TypeIndex(p.type)] += p.aliases.size();
  }
  for (size_t t = 0; t < index_.size(); ++t) {
    index_[t].names.reserve(names[t]);
    index_[t].aliases.reserve(aliases[t]);
  }
  sources_.reserve(sources);
  hashes_.reserve(sources);
  for (VertexId v = 0; v < num_vertices(); ++v) {
    const VertexProps& p = g_[v];
    if (p.kind == VertexKind::kEntity) {
      IndexEntity(v);
      continue;
    }
    sources_.emplace(p.name, v);
    ++num_sources_;
    const SourceProps& s = *p.source;
    hashes_.insert(s.content_hash.empty() ? "doc:" + s.doc : s.content_hash);
  }
}

std::vector<VertexId> GraphImpl::FindByName(std::string_view name, std::optional<EntityType> type) const {
  std::vector<VertexId> out;
  const std::string_view key = name;
  for (EntityType t : kAllEntityTypes) {
    if (type && *type != t) continue;
    const NameIndex& idx = index_[TypeIndex(t)];
    for (const auto* m : {&idx.names, &idx.aliases}) {
      const auto it = m->find(key);
      if (it == m->end()) continue;
      for (VertexId v : it->second) {
        if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
      }
    }
  }
  return out;
}

std::optional<VertexId> GraphImpl::FindSource(std::string_view doc) const {
  const auto it = sources_.find(doc);
  if (it == sources_.end()) return std::nullopt;
  return it->second;
}

bool GraphImpl::HasContentHash(std::string_view hash) const { return hashes_.count(std::string(hash)) > 0; }

void GraphImpl::ForEachIncident(VertexId v, const std::function<void(const Incident&)>& fn) const {
  for (const BoostEdge& e : boost::make_iterator_range(boost::out_edges(v, g_))) {
    const EdgeId id = g_[e].id;
    const bool outgoing = edges_[id].source == v;
    fn(Incident{id, outgoing ? edges_[id].target : edges_[id].source, outgoing});
  }
}

}  // namespace policykg
