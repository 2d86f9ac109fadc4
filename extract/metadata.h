// Internal: the pieces of ReadMetadata (passes.h) that other passes and the
// tests use on their own.
#ifndef POLICYKG_EXTRACT_METADATA_H_
#define POLICYKG_EXTRACT_METADATA_H_

#include <optional>
#include <string>
#include <string_view>

namespace policykg {

// "2024-07-08", "2024/7/8", "2024年7月8日", "二〇二四年七月八日" (surrounding
// spaces and table bars allowed, a trailing time ignored) -> "2024-07-08".
std::optional<std::string> ParseDate(std::u32string_view s);

// A whole 发文字号: issuer abbreviation, year in 〔〕/[]/(), serial, 号
// (衢市科函〔2024〕31号).
bool IsDocumentNumber(std::u32string_view s);

// A line that can be the name of an issuing body: Han characters only, 3 to
// 40 of them, ending like one (局, 厅, 委员会, 办公室, 政府, 中心 ...).
bool LooksLikeOrganization(std::u32string_view s);

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_METADATA_H_
