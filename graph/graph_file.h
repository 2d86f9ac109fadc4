// The GRAPH file: a versioned binary image of a Graph that loads in one pass.
//
// Layout (integers little-endian; "varint" is unsigned LEB128):
//   header, 32 bytes:
//     magic     "PKGRAPH\0"          8 bytes
//     version   u32                  kGraphFileVersion
//     sections  u32                  number of sections
//     body_len  u64                  bytes after the header
//     checksum  u64                  XXH64 of the body, seeded with the
//                                    XXH64 (seed 0) of the 24 bytes before
//   body:
//     directory: per section {tag u32, reserved u32, length u64}
//     the sections, in directory order:
//       "OPTS"  varint flags (bit 0: co-mention edges)
//       "STRS"  varint count, then per string varint length + bytes. Every
//               string of the graph once; records refer to strings by index.
//       "VERT"  varint count, then per vertex: kind, type, 13 strings (id name
//               region_code region_level jurisdiction doc path title number
//               issuer date content_hash encoding), zigzag chars, aliases
//               [n, s...], documents [n, s...], mentions [n, (doc s, zigzag
//               start, zigzag end, sentence s)...]
//       "EDGE"  varint count, then per edge: source, target, kind, rel,
//               from_gazetteer, weight (f64, 8 bytes), documents [n, s...],
//               evidence [n, (doc, start, end, sentence)...]
//   Unknown sections are skipped (a newer writer may add some); a reader
//   refuses a version it does not know.
//
// The whole body is checked against the checksum before anything is parsed,
// and every index and count is bounds-checked while parsing, so a truncated,
// damaged or foreign file fails with Status::Corrupt and never yields a
// partial graph.
#ifndef POLICYKG_GRAPH_GRAPH_FILE_H_
#define POLICYKG_GRAPH_GRAPH_FILE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace policykg {

class GraphImpl;

inline constexpr char kGraphFileMagic[8] = {'P', 'K', 'G', 'R', 'A', 'P', 'H', '\0'};
inline constexpr uint32_t kGraphFileVersion = 1;

// The file image of a graph.
std::string EncodeGraph(const GraphImpl& graph);
// Parses a file image. `source` names it in errors.
Result<std::unique_ptr<GraphImpl>> DecodeGraph(std::string_view bytes, const std::string& source);

}  // namespace policykg

#endif  // POLICYKG_GRAPH_GRAPH_FILE_H_
