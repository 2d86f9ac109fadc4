// Test helpers for the entity and relation rules: a document context over a
// sentence written for the test, and the names the passes found in it.
#ifndef POLICYKG_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_
#define POLICYKG_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "extract/document_context.h"
#include "extract/gazetteer.h"
#include "extract/passes.h"

namespace policykg::testing {

// A context over `text` (already in matching form), without sentences.
inline std::unique_ptr<DocumentContext> MakeContext(const std::string& text) {
  auto ctx = std::make_unique<DocumentContext>(Gazetteer::Embedded());
  ctx->text = Utf8ToU32(text);
  ctx->norm = ctx->text;
  ctx->info.chars = static_cast<int64_t>(ctx->text.size());
  return ctx;
}

// Canonical names of the mentions of one type, in order, without repeats.
inline std::vector<std::string> MentionNames(const DocumentContext& ctx, EntityType type) {
  std::vector<std::string> out;
  for (const Mention& m : ctx.mentions) {
    if (m.type != type) continue;
    const std::string n = U32ToUtf8(m.canonical);
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  }
  return out;
}

// Names of the built entities of one type.
inline std::vector<std::string> EntityNames(const DocumentContext& ctx, EntityType type) {
  std::vector<std::string> out;
  for (const Entity& e : ctx.entities) {
    if (e.type == type) out.push_back(e.name);
  }
  return out;
}

inline const Entity* FindEntity(const DocumentContext& ctx, EntityType type, const std::string& name) {
  for (const Entity& e : ctx.entities) {
    if (e.type == type && e.name == name) return &e;
  }
  return nullptr;
}

// "HEAD>TAIL" for every relation of one type.
inline std::vector<std::string> RelationPairs(const DocumentContext& ctx, RelationType type) {
  std::vector<std::string> out;
  for (const Relation& r : ctx.relations) {
    if (r.type == type) out.push_back(r.head + ">" + r.tail);
  }
  return out;
}

// Runs every mention pass owned by the entity rules, then entity building.
inline void RunEntityPasses(DocumentContext& ctx) {
  FindOrganizations(ctx);
  FindPrograms(ctx);
  FindPlatforms(ctx);
  FindDocuments(ctx);
  FindBrandNames(ctx);
  BuildEntities(ctx);
}

}  // namespace policykg::testing

#endif  // POLICYKG_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_
