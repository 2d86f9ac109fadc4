#include "extract/types.h"

#include <cctype>

namespace policykg {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view ToString(EntityType t) {
  switch (t) {
    case EntityType::kRegion: return "Region";
    case EntityType::kAgency: return "Agency";
    case EntityType::kInstitute: return "Institute";
    case EntityType::kEnterprise: return "Enterprise";
    case EntityType::kProgram: return "Program";
    case EntityType::kPlatform: return "Platform";
    case EntityType::kDocument: return "Document";
  }
  return "?";
}

std::string_view ToString(RelationType t) {
  switch (t) {
    case RelationType::kLocatedIn: return "LOCATED_IN";
    case RelationType::kPartOf: return "PART_OF";
    case RelationType::kCooperatesWith: return "COOPERATES_WITH";
    case RelationType::kResponsibleFor: return "RESPONSIBLE_FOR";
    case RelationType::kIssued: return "ISSUED";
  }
  return "?";
}

std::optional<EntityType> ParseEntityType(std::string_view s) {
  for (EntityType t : kAllEntityTypes) {
    if (EqualsIgnoreCase(s, ToString(t))) return t;
  }
  return std::nullopt;
}

std::optional<RelationType> ParseRelationType(std::string_view s) {
  for (RelationType t : kAllRelationTypes) {
    if (EqualsIgnoreCase(s, ToString(t))) return t;
  }
  return std::nullopt;
}

}  // namespace policykg
