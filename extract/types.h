// The data that extraction produces and everything downstream consumes:
// entities and relations of one document, with provenance. Offsets are code
// points into the document's decoded text (after charset decoding and, for an
// HTML page, removal of markup), end exclusive.
#ifndef POLICYKG_EXTRACT_TYPES_H_
#define POLICYKG_EXTRACT_TYPES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace policykg {

enum class EntityType { kRegion, kAgency, kInstitute, kEnterprise, kProgram, kPlatform, kDocument };
enum class RelationType { kLocatedIn, kPartOf, kCooperatesWith, kResponsibleFor, kIssued };

inline constexpr EntityType kAllEntityTypes[] = {
    EntityType::kRegion,  EntityType::kAgency,   EntityType::kInstitute, EntityType::kEnterprise,
    EntityType::kProgram, EntityType::kPlatform, EntityType::kDocument};
inline constexpr RelationType kAllRelationTypes[] = {
    RelationType::kLocatedIn, RelationType::kPartOf, RelationType::kCooperatesWith,
    RelationType::kResponsibleFor, RelationType::kIssued};

// "Region", "Agency", ... (the gold file's spelling, PascalCase).
std::string_view ToString(EntityType t);
// "LOCATED_IN", "PART_OF", ... (UPPER_SNAKE).
std::string_view ToString(RelationType t);
// Case-insensitive; accepts the spellings above.
std::optional<EntityType> ParseEntityType(std::string_view s);
std::optional<RelationType> ParseRelationType(std::string_view s);
// COOPERATES_WITH has no direction.
inline bool IsSymmetric(RelationType t) { return t == RelationType::kCooperatesWith; }

struct Span {
  int32_t start = 0;
  int32_t end = 0;
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
  bool operator<(const Span& o) const { return start != o.start ? start < o.start : end < o.end; }
};

struct Entity {
  EntityType type = EntityType::kRegion;
  std::string name;                  // canonical: fullest form, relative prefixes resolved
  std::vector<std::string> aliases;  // other forms as written in the document
  std::vector<Span> mentions;        // every place it is mentioned
};

struct Relation {
  RelationType type = RelationType::kLocatedIn;
  EntityType head_type = EntityType::kRegion;
  std::string head;  // canonical name of an entity of the same document
  EntityType tail_type = EntityType::kRegion;
  std::string tail;
  Span evidence;         // the sentence that supports it (empty when implied by a name)
  std::string sentence;  // the evidence text
};

// What is known of the document itself.
struct DocumentInfo {
  std::string doc;                // file base name (the scorer's "doc")
  std::string path;               // as given on the command line
  std::string encoding;           // detected charset: "UTF-8", "GB18030", "UTF-16LE", ...
  bool html = false;              // markup was removed
  // Set by ReadMetadata (metadata.cc) and ResolveJurisdiction:
  std::string title;              // the document's own title as written (title line 关于…的通知, else 标题: field)
  std::string number;             // 发文字号, e.g. 衢市科函〔2024〕31号 (from 文号 fields or a line of its own)
  std::string issuer;             // issuing body, matching form (Simplified), relative prefix resolved:
                                  // signature line, else "X关于…" title prefix, else 发布机构/提出者 fields
  std::string jurisdiction;       // canonical region name, e.g. 柯城区 (empty for a national text)
  std::string jurisdiction_code;  // its administrative code, e.g. 330802
  std::string date;               // YYYY-MM-DD when found
  std::string content_hash;       // hex hash of the raw bytes
  int64_t chars = 0;              // length of the decoded text in code points
};

struct Extraction {
  DocumentInfo document;
  std::vector<Entity> entities;
  std::vector<Relation> relations;
};

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_TYPES_H_
