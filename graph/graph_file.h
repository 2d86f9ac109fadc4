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
//       "STRS"  every distinct string of the graph (names, document names,
//               sentences) once, back to back; records refer to a string
//               by "s": varint offset into this section, varint length. A
//               loaded graph keeps the section as its string storage and
//               does not read it while loading.
//       "VERT"  varint count, then per vertex: kind, type, 5 strings (id name
//               region_code region_level jurisdiction), aliases [n, s...],
//               documents [n, s...], mentions [n, (doc s, zigzag start,
//               zigzag end, sentence s)...]; a source vertex (kind 1) then
//               has 8 strings (doc path title number issuer date
//               content_hash encoding) and zigzag chars
//       "EDGE"  varint count, then per edge: source, target, flags (bits 0-1
//               kind, bit 2 from_gazetteer, bit 3 integral weight, bits 4+
//               relation type), weight (varint if integral, else f64, 8
//               bytes), documents [n, s...], evidence [n, (doc, start, end,
//               sentence)...]
//   Unknown sections are skipped (a newer writer may add some); a reader
//   refuses a version it does not know. Versions 1 and 2 (strings copied per
//   record; strings by index) are refused too: rebuild the graph.
//
// Graph::Load maps the file read-only and keeps the string section mapped as
// the graph's string storage. Replace a graph file by writing a new one and
// renaming it over the old (as Save does), not by rewriting it in place, while
// a process has it loaded.
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
inline constexpr uint32_t kGraphFileVersion = 3;

// The file image of a graph.
std::string EncodeGraph(const GraphImpl& graph);
// Reads and parses a graph file.
Result<std::unique_ptr<GraphImpl>> ReadGraphFile(const std::string& path);

}  // namespace policykg

#endif  // POLICYKG_GRAPH_GRAPH_FILE_H_
