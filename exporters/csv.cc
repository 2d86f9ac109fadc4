#include "exporters/csv.h"

#include <filesystem>
#include <map>

#include "base/file.h"
#include "exporters/properties.h"

namespace policykg {
namespace {

std::string_view HeaderSuffix(PropType t) {
  switch (t) {
    case PropType::kString: return "";
    case PropType::kStringList: return ":string[]";
    case PropType::kInt: return ":int";
    case PropType::kLong: return ":long";
    case PropType::kDouble: return ":double";
    case PropType::kBool: return ":boolean";
  }
  return "";
}

std::string QuoteField(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    if (c == '\n' || c == '\r') c = ' ';
    out += c;
  }
  return out + "\"";
}

std::string Field(const Property& p) {
  if (p.empty()) return "";
  switch (p.def->type) {
    case PropType::kString: return QuoteField(p.text);
    case PropType::kStringList: return QuoteField(JoinList(p.list));
    default: return p.text;
  }
}

// Properties a column of its own stands for.
bool SkipVertexKey(std::string_view key) { return key == "key"; }
bool SkipEdgeKey(std::string_view key) { return key == "type"; }

std::vector<std::string> AllFileNames() {
  std::vector<std::string> names;
  for (const TypeStyle& s : TypeStyles()) names.push_back("nodes_" + std::string(s.type) + ".csv");
  for (const RelationStyle& s : RelationStyles()) {
    names.push_back("rels_" + std::string(s.type) + ".csv");
  }
  return names;
}

}  // namespace

std::vector<CsvFile> ToImportCsv(const Graph& g, const Selection& s) {
  // Grouped by label and type here; the output order follows the style tables.
  std::map<std::string, CsvFile> nodes, rels;
  for (VertexId v : s.vertices) {
    const VertexProps& p = g.vertex(v);
    const std::string label = VertexTypeName(p);
    const std::vector<Property> props = VertexProperties(g, v);
    CsvFile& f = nodes[label];
    if (f.contents.empty()) {
      f.name = "nodes_" + label + ".csv";
      f.contents = "id:ID,:LABEL";
      for (const Property& prop : props) {
        if (SkipVertexKey(prop.def->key)) continue;
        f.contents += "," + std::string(prop.def->key) + std::string(HeaderSuffix(prop.def->type));
      }
      f.contents += "\n";
    }
    f.contents += QuoteField(p.id) + "," + QuoteField(label);
    for (const Property& prop : props) {
      if (!SkipVertexKey(prop.def->key)) f.contents += "," + Field(prop);
    }
    f.contents += "\n";
    ++f.rows;
  }
  for (EdgeId e : s.edges) {
    const std::string type = EdgeTypeName(g.edge(e));
    const std::vector<Property> props = EdgeProperties(g, e);
    CsvFile& f = rels[type];
    if (f.contents.empty()) {
      f.name = "rels_" + type + ".csv";
      f.nodes = false;
      f.contents = ":START_ID,:END_ID,:TYPE";
      for (const Property& prop : props) {
        if (SkipEdgeKey(prop.def->key)) continue;
        f.contents += "," + std::string(prop.def->key) + std::string(HeaderSuffix(prop.def->type));
      }
      f.contents += "\n";
    }
    f.contents += QuoteField(g.vertex(g.source(e)).id) + "," +
                  QuoteField(g.vertex(g.target(e)).id) + "," + QuoteField(type);
    for (const Property& prop : props) {
      if (!SkipEdgeKey(prop.def->key)) f.contents += "," + Field(prop);
    }
    f.contents += "\n";
    ++f.rows;
  }
  std::vector<CsvFile> out;
  for (const TypeStyle& st : TypeStyles()) {
    auto it = nodes.find(std::string(st.type));
    if (it != nodes.end()) out.push_back(std::move(it->second));
  }
  for (const RelationStyle& st : RelationStyles()) {
    auto it = rels.find(std::string(st.type));
    if (it != rels.end()) out.push_back(std::move(it->second));
  }
  return out;
}

Status WriteCsvDirectory(const std::vector<CsvFile>& files, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError(dir + ": cannot create directory: " + ec.message());
  for (const std::string& name : AllFileNames()) {
    std::filesystem::remove(std::filesystem::path(dir) / name, ec);
  }
  for (const CsvFile& f : files) {
    POLICYKG_RETURN_IF_ERROR(WriteFileAtomic((std::filesystem::path(dir) / f.name).string(), f.contents));
  }
  return Status::OK();
}

std::string ImportCommand(const std::vector<CsvFile>& files, const std::string& dir, int neo4j_major) {
  const bool v5 = neo4j_major >= 5;
  std::string cmd = v5 ? "neo4j-admin database import full --array-delimiter=';'" : "neo4j-admin import";
  for (const CsvFile& f : files) {
    cmd += f.nodes ? " --nodes=" : " --relationships=";
    cmd += (std::filesystem::path(dir) / f.name).string();
  }
  return v5 ? cmd + " neo4j" : cmd;
}

}  // namespace policykg
