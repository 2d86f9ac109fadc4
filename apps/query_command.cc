// policykg query GRAPH VERB ... [--json]
//   find TEXT [--type T] [--limit N]
//   show NAME
//   neighbors NAME [--rel R] [--type T] [--depth N] [--co-mentions]
//   path A B [--co-mentions]
//   in-region REGION [--type T]
//   top --by degree|betweenness|pagerank [--type T] [--limit N] [--co-mentions]
//   communities [--min-size N] [--limit N] [--co-mentions]
//   stats
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "apps/commands.h"
#include "graph/graph.h"
#include "queries/queries.h"
#include "queries/render.h"

namespace policykg {
namespace {

struct QueryArgs {
  std::string graph;
  bool json = false;
  std::string text, name, other;
  std::string type, rel, by;
  int depth = 1;
  size_t limit = 0;
  size_t min_size = 2;
  bool co_mentions = false;
};

// Fails with a usage message when the spelling is unknown.
bool ParseType(const std::string& s, std::optional<EntityType>* out) {
  if (s.empty()) return true;
  *out = ParseEntityType(s);
  if (*out) return true;
  std::cerr << "policykg query: unknown entity type \"" << s << "\" (one of";
  for (EntityType t : kAllEntityTypes) std::cerr << " " << ToString(t);
  std::cerr << ")\n";
  return false;
}

bool ParseRel(const std::string& s, std::optional<RelationType>* out) {
  if (s.empty()) return true;
  *out = ParseRelationType(s);
  if (*out) return true;
  std::cerr << "policykg query: unknown relation \"" << s << "\" (one of";
  for (RelationType t : kAllRelationTypes) std::cerr << " " << ToString(t);
  std::cerr << ")\n";
  return false;
}

int Fail(const Status& s) {
  std::cerr << "policykg query: " << s.message() << "\n";
  return s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFailure;
}

// Loads the graph and runs one verb on it; the verb prints its answer and
// returns the exit code.
template <typename Verb>
int WithGraph(const QueryArgs& args, Verb verb) {
  auto g = Graph::Load(args.graph);
  if (!g.ok()) return Fail(g.status());
  return verb(**g, args.json ? Format::kJson : Format::kTable);
}

template <typename T, typename Render>
int Print(const Result<T>& r, Render render) {
  if (!r.ok()) return Fail(r.status());
  std::cout << render(*r);
  return kExitOk;
}

int RunVerb(const std::string& verb, const QueryArgs& a) {
  std::optional<EntityType> type;
  std::optional<RelationType> rel;
  if (!ParseType(a.type, &type) || !ParseRel(a.rel, &rel)) return kExitUsage;
  if (verb == "find") {
    return WithGraph(a, [&](const Graph& g, Format f) {
      std::cout << RenderFind(g, Find(g, a.text, type, a.limit ? a.limit : 20), f);
      return kExitOk;
    });
  }
  if (verb == "show") {
    return WithGraph(a, [&](const Graph& g, Format f) {
      return Print(Show(g, a.name), [&](const Card& c) { return RenderCard(g, c, f); });
    });
  }
  if (verb == "neighbors") {
    NeighborOptions o;
    o.rel = rel;
    o.type = type;
    o.depth = a.depth;
    o.co_mentions = a.co_mentions;
    return WithGraph(a, [&](const Graph& g, Format f) {
      return Print(Neighbors(g, a.name, o), [&](const auto& r) { return RenderNeighbors(g, r, f); });
    });
  }
  if (verb == "path") {
    return WithGraph(a, [&](const Graph& g, Format f) {
      return Print(FindPath(g, a.name, a.other, a.co_mentions), [&](const Path& p) { return RenderPath(g, p, f); });
    });
  }
  if (verb == "in-region") {
    return WithGraph(a, [&](const Graph& g, Format f) {
      return Print(InRegion(g, a.name, type), [&](const auto& r) { return RenderInRegion(g, r, f); });
    });
  }
  if (verb == "top") {
    const auto by = ParseCentrality(a.by);
    if (!by) {
      std::cerr << "policykg query: --by takes degree, betweenness or pagerank\n";
      return kExitUsage;
    }
    return WithGraph(a, [&](const Graph& g, Format f) {
      std::cout << RenderTop(g, Top(g, *by, type, a.limit ? a.limit : 10, a.co_mentions), f);
      return kExitOk;
    });
  }
  if (verb == "communities") {
    return WithGraph(a, [&](const Graph& g, Format f) {
      std::cout << RenderCommunities(g, FindCommunities(g, a.min_size, a.limit ? a.limit : 20, a.co_mentions), f);
      return kExitOk;
    });
  }
  if (verb == "stats") {
    return WithGraph(a, [&](const Graph& g, Format f) {
      std::cout << RenderStats(ComputeStats(g), f);
      return kExitOk;
    });
  }
  return kExitUsage;
}

}  // namespace

void AddQueryCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* q = app.add_subcommand("query", "Ask a graph file: find, show, neighbors, path, in-region, top, communities, stats");
  q->add_option("graph", args->graph, "Graph file written by `policykg build`")->required();
  q->add_flag("--json", args->json, "Answer in JSON");
  q->require_subcommand(1);
  q->fallthrough();

  const auto verb = [&](const char* name, const char* help) {
    CLI::App* v = q->add_subcommand(name, help);
    v->callback([args, exit_code, name = std::string(name)]() { *exit_code = RunVerb(name, *args); });
    return v;
  };
  const auto type_option = [&](CLI::App* v) { v->add_option("--type", args->type, "Only entities of this type"); };
  const auto co_mentions = [&](CLI::App* v) {
    v->add_flag("--co-mentions", args->co_mentions, "Also walk co-mention edges");
  };

  CLI::App* find = verb("find", "Entities whose name or alias contains TEXT");
  find->add_option("text", args->text, "Text to look for")->required();
  type_option(find);
  find->add_option("--limit", args->limit, "At most N answers (default 20)");

  CLI::App* show = verb("show", "An entity's card: type, aliases, documents, relations with evidence");
  show->add_option("name", args->name, "Name, alias or id")->required();

  CLI::App* neighbors = verb("neighbors", "Entities linked to NAME within --depth hops");
  neighbors->add_option("name", args->name, "Name, alias or id")->required();
  neighbors->add_option("--rel", args->rel, "Only this relation (LOCATED_IN, PART_OF, ...)");
  type_option(neighbors);
  neighbors->add_option("--depth", args->depth, "Hops (default 1)")->check(CLI::PositiveNumber);
  co_mentions(neighbors);

  CLI::App* path = verb("path", "A shortest chain of relations between A and B");
  path->add_option("a", args->name, "From")->required();
  path->add_option("b", args->other, "To")->required();
  co_mentions(path);

  CLI::App* in_region = verb("in-region", "Everything located in REGION or its sub-regions");
  in_region->add_option("region", args->name, "Region name")->required();
  type_option(in_region);

  CLI::App* top = verb("top", "The most central entities");
  top->add_option("--by", args->by, "degree, betweenness or pagerank")->required();
  type_option(top);
  top->add_option("--limit", args->limit, "At most N answers (default 10)");
  co_mentions(top);

  CLI::App* communities = verb("communities", "Groups of closely linked entities");
  communities->add_option("--min-size", args->min_size, "Smallest group to list (default 2)");
  communities->add_option("--limit", args->limit, "At most N groups (default 20)");
  co_mentions(communities);

  verb("stats", "Counts of entities, relations, documents and components");
}

}  // namespace policykg
