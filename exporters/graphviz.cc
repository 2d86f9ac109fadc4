#include "exporters/graphviz.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "base/file.h"
#include "exporters/properties.h"
#include "exporters/xml_escape.h"

extern char** environ;

namespace policykg {
namespace {

constexpr std::string_view kFont = "Noto Sans CJK SC";

// A DOT double-quoted string: quotes and backslashes escaped, line breaks
// flattened (a backslash sequence like \n would mean a DOT escape).
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') c = ' ';
    out += c;
  }
  return out + "\"";
}

std::string Tooltip(const VertexProps& p) {
  std::string t = VertexTypeName(p) + ": " + VertexLabel(p);
  if (!p.aliases.empty()) t += " (" + JoinList(std::vector<std::string>(p.aliases.begin(), p.aliases.end())) + ")";
  return t;
}

// One table node inside the cluster: a single node stays in one piece under
// every layout program (sfdp ignores clusters), and legend edges would
// disturb the layout.
void WriteLegend(const std::set<std::string>& types, const std::set<std::string>& relations,
                 std::string* out) {
  *out += "  subgraph cluster_legend {\n";
  *out += "    label=\"Legend 图例\"; style=rounded; color=\"#999999\"; fontsize=12;\n";
  *out += "    legend [shape=plaintext, style=\"\", label=<<table border=\"0\" cellspacing=\"3\">";
  for (const TypeStyle& s : TypeStyles()) {
    if (!types.count(std::string(s.type))) continue;
    *out += "<tr><td bgcolor=\"" + std::string(s.colour) + "\" width=\"16\"> </td><td align=\"left\">" +
            XmlEscape(s.type) + "</td></tr>";
  }
  for (const RelationStyle& s : RelationStyles()) {
    if (!relations.count(std::string(s.type))) continue;
    const std::string arrow = s.undirected ? "&#x2501;&#x2501;" : "&#x2501;&#x25B6;";
    *out += "<tr><td><font color=\"" + std::string(s.colour) + "\">" + arrow +
            "</font></td><td align=\"left\"><font color=\"" + std::string(s.colour) + "\">" +
            XmlEscape(s.type) + "</font></td></tr>";
  }
  *out += "</table>>];\n  }\n";
}

// Removes a directory tree when it goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "policykg-svg-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string FirstLines(const std::string& text, size_t max_lines) {
  size_t pos = 0;
  for (size_t i = 0; i < max_lines && pos != std::string::npos; ++i) {
    pos = text.find('\n', pos == 0 ? 0 : pos + 1);
  }
  std::string out = pos == std::string::npos ? text : text.substr(0, pos);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

Status MissingProgram(const std::string& program) {
  return Status::NotFound("Graphviz program '" + program +
                          "' not found on PATH; install Graphviz (apt-get install graphviz) or "
                          "export dot and lay it out elsewhere");
}

}  // namespace

std::string ToDot(const Graph& g, const Selection& s, const std::string& title) {
  std::set<std::string> types, relations;
  std::string out = "digraph policykg {\n";
  out += "  graph [fontname=" + Quote(kFont) + ", label=" + Quote(title) +
         ", labelloc=t, fontsize=16, overlap=prism, outputorder=edgesfirst, bgcolor=white];\n";
  out += "  node [fontname=" + Quote(kFont) +
         ", style=filled, fontsize=11, penwidth=0.8, color=\"#555555\"];\n";
  out += "  edge [fontname=" + Quote(kFont) + ", fontsize=9, arrowsize=0.6];\n";
  for (VertexId v : s.vertices) {
    const VertexProps& p = g.vertex(v);
    const std::string type = VertexTypeName(p);
    const TypeStyle& style = StyleOf(type);
    types.insert(type);
    out += "  " + NodeId(v) + " [label=" + Quote(VertexLabel(p)) + ", shape=" +
           std::string(style.dot_shape) + ", fillcolor=" + Quote(style.colour) +
           ", tooltip=" + Quote(Tooltip(p)) + "];\n";
  }
  for (EdgeId e : s.edges) {
    const EdgeProps& p = g.edge(e);
    const std::string type = EdgeTypeName(p);
    const RelationStyle& style = RelationStyleOf(type);
    relations.insert(type);
    out += "  " + NodeId(g.source(e)) + " -> " + NodeId(g.target(e)) + " [color=" +
           Quote(style.colour) + ", style=" + std::string(style.dot_style) +
           (IsUndirected(p) ? ", dir=none" : "") + ", tooltip=" + Quote(type) + "];\n";
  }
  WriteLegend(types, relations, &out);
  out += "}\n";
  return out;
}

std::string ChooseLayoutProgram(size_t num_vertices) {
  return num_vertices > kSfdpThreshold ? "sfdp" : "dot";
}

Status RenderSvg(const std::string& dot_text, const std::string& program,
                 const std::string& out_path) {
  const TempDir dir;
  if (dir.path().empty()) return Status::IoError("cannot create a temporary directory");
  const std::string input = dir.path() + "/graph.dot";
  const std::string output = dir.path() + "/graph.svg";
  const std::string errors = dir.path() + "/stderr.txt";
  POLICYKG_RETURN_IF_ERROR(WriteFileAtomic(input, dot_text));

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, errors.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  std::string arg0 = program, format = "-Tsvg", flag_o = "-o", out_arg = output, in_arg = input;
  char* argv[] = {arg0.data(), format.data(), flag_o.data(), out_arg.data(), in_arg.data(), nullptr};
  pid_t pid = 0;
  const int spawn_error = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error == ENOENT) return MissingProgram(program);
  if (spawn_error != 0) {
    return Status::IoError("cannot run '" + program + "': " + std::strerror(spawn_error));
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return Status::IoError("waiting for '" + program + "' failed");
  }
  if (WIFSIGNALED(status)) {
    return Status::IoError("'" + program + "' was killed by signal " +
                           std::to_string(WTERMSIG(status)));
  }
  const int code = WEXITSTATUS(status);
  if (code == 127) return MissingProgram(program);  // the shell-style "exec failed"
  const Result<std::string> messages = ReadFile(errors);
  if (code != 0) {
    const std::string detail = messages.ok() ? FirstLines(*messages, 5) : "";
    return Status::IoError("'" + program + " -Tsvg' failed with exit status " +
                           std::to_string(code) + (detail.empty() ? "" : ": " + detail));
  }
  Result<std::string> svg = ReadFile(output);
  if (!svg.ok()) return svg.status().WithContext("'" + program + "' wrote no SVG");
  return WriteFileAtomic(out_path, *svg);
}

}  // namespace policykg
