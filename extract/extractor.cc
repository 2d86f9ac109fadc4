#include "extract/extractor.h"

#include <algorithm>

#include <xxhash.h>

#include "base/file.h"
#include "base/utf8.h"
#include "extract/document_context.h"
#include "extract/passes.h"
#include "extract/reader.h"

namespace policykg {
namespace {

// The passes, in order. Data flows one way: each pass reads what the earlier
// ones left in the context and adds its own layer.
constexpr Pass kPipeline[] = {
    {"sentences", SegmentSentences},
    {"furniture", MarkFurniture},
    {"metadata", ReadMetadata},
    {"jurisdiction", ResolveJurisdiction},
    {"regions", FindRegions},
    {"organizations", FindOrganizations},
    {"programs", FindPrograms},
    {"platforms", FindPlatforms},
    {"documents", FindDocuments},
    {"brands", FindBrandNames},
    {"entities", BuildEntities},
    {"located_in", FindLocatedIn},
    {"relations", FindOrgRelations},
};


}  // namespace

std::string ContentHash(std::string_view bytes) {
  const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

struct Extractor::Impl {
  const Gazetteer* gazetteer = nullptr;
  std::unique_ptr<Normalizer> normalizer;
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->gazetteer = &Gazetteer::Embedded();
  auto normalizer = Normalizer::Create(options.traditional_to_simplified);
  if (!normalizer.ok()) return normalizer.status();
  impl->normalizer = std::move(normalizer).value();
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

const Gazetteer& Extractor::gazetteer() const { return *impl_->gazetteer; }

Result<Extraction> Extractor::ExtractFile(const std::string& path) const {
  auto bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  auto result = ExtractBytes(BaseName(path), bytes.value());
  if (!result.ok()) return result.status().WithContext(path);
  result->document.path = path;
  return result;
}

Result<Extraction> Extractor::ExtractBytes(const std::string& doc, const std::string& bytes) const {
  auto decoded = DecodeBytes(bytes);
  if (!decoded.ok()) return decoded.status();

  DocumentContext ctx(*impl_->gazetteer);
  ctx.info.doc = doc;
  ctx.info.encoding = decoded->encoding;
  ctx.info.content_hash = ContentHash(bytes);
  if (LooksLikeHtml(decoded->utf8)) {
    ctx.info.html = true;
    ctx.text = Utf8ToU32(HtmlToText(decoded->utf8));
  } else {
    ctx.text = Utf8ToU32(decoded->utf8);
  }
  ctx.norm = impl_->normalizer->FoldDocument(ctx.text);
  ctx.info.chars = static_cast<int64_t>(ctx.text.size());

  for (const Pass& pass : kPipeline) pass.run(ctx);

  Extraction out;
  out.document = std::move(ctx.info);
  out.entities = std::move(ctx.entities);
  out.relations = std::move(ctx.relations);
  return out;
}

int DocumentContext::SentenceAt(int32_t pos) const {
  const auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                                   [](int32_t p, const Span& s) { return p < s.end; });
  if (it == sentences.end() || pos < it->start) return -1;
  return static_cast<int>(it - sentences.begin());
}

// furniture is sorted and merged (furniture.cc), so a binary search finds the
// one span that could hold pos.
bool DocumentContext::InFurniture(int32_t pos) const {
  const auto it = std::upper_bound(furniture.begin(), furniture.end(), pos,
                                   [](int32_t p, const Span& s) { return p < s.end; });
  return it != furniture.end() && pos >= it->start;
}

WordBoundaries& DocumentContext::NormWordBoundaries() const {
  if (norm_boundaries_ == nullptr || norm_boundaries_->text() != std::u32string_view(norm)) {
    norm_boundaries_ = std::make_unique<WordBoundaries>(norm);
  }
  return *norm_boundaries_;
}

}  // namespace policykg
