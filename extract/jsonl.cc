#include "extract/jsonl.h"

#include <algorithm>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace policykg {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Key(Writer& w, const char* k) { w.Key(k); }
void Str(Writer& w, const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void KeyStr(Writer& w, const char* k, const std::string& s) {
  Key(w, k);
  Str(w, s);
}

void WriteSpan(Writer& w, const Span& s) {
  w.StartObject();
  Key(w, "start");
  w.Int(s.start);
  Key(w, "end");
  w.Int(s.end);
  w.EndObject();
}

void EndLine(rapidjson::StringBuffer& buf, Writer& w, std::string* out) {
  out->append(buf.GetString(), buf.GetSize());
  out->push_back('\n');
  buf.Clear();
  w.Reset(buf);
}

void WriteDocumentLine(const DocumentInfo& d, rapidjson::StringBuffer& buf, Writer& w, std::string* out) {
  w.StartObject();
  KeyStr(w, "doc", d.doc);
  KeyStr(w, "kind", "document");
  KeyStr(w, "path", d.path);
  KeyStr(w, "encoding", d.encoding);
  Key(w, "html");
  w.Bool(d.html);
  KeyStr(w, "title", d.title);
  KeyStr(w, "number", d.number);
  KeyStr(w, "issuer", d.issuer);
  KeyStr(w, "jurisdiction", d.jurisdiction);
  KeyStr(w, "jurisdiction_code", d.jurisdiction_code);
  KeyStr(w, "date", d.date);
  KeyStr(w, "hash", d.content_hash);
  Key(w, "chars");
  w.Int64(d.chars);
  w.EndObject();
  EndLine(buf, w, out);
}

// Reading -------------------------------------------------------------------

std::string GetStr(const rapidjson::Value& o, const char* k) {
  const auto it = o.FindMember(k);
  if (it == o.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

bool GetSpan(const rapidjson::Value& v, Span* s) {
  if (!v.IsObject() || !v.HasMember("start") || !v.HasMember("end")) return false;
  if (!v["start"].IsInt() || !v["end"].IsInt()) return false;
  s->start = v["start"].GetInt();
  s->end = v["end"].GetInt();
  return true;
}

Status ParseEntity(const rapidjson::Value& o, Entity* e) {
  const auto type = ParseEntityType(GetStr(o, "type"));
  if (!type) return Status::BadInput("unknown entity type \"" + GetStr(o, "type") + "\"");
  e->type = *type;
  e->name = GetStr(o, "name");
  if (e->name.empty()) return Status::BadInput("entity without a name");
  if (o.HasMember("aliases") && o["aliases"].IsArray()) {
    for (const auto& a : o["aliases"].GetArray()) {
      if (a.IsString()) e->aliases.emplace_back(a.GetString(), a.GetStringLength());
    }
  }
  if (o.HasMember("mentions") && o["mentions"].IsArray()) {
    for (const auto& m : o["mentions"].GetArray()) {
      Span s;
      if (GetSpan(m, &s)) e->mentions.push_back(s);
    }
  }
  return Status::OK();
}

Status ParseRelation(const rapidjson::Value& o, Relation* r) {
  const auto rel = ParseRelationType(GetStr(o, "rel"));
  if (!rel) return Status::BadInput("unknown relation type \"" + GetStr(o, "rel") + "\"");
  r->type = *rel;
  r->head = GetStr(o, "head");
  r->tail = GetStr(o, "tail");
  if (r->head.empty() || r->tail.empty()) return Status::BadInput("relation without head or tail");
  // head_type/tail_type are ours; files from elsewhere may lack them, and the
  // reader then resolves the ends by name within the document.
  const auto ht = ParseEntityType(GetStr(o, "head_type"));
  const auto tt = ParseEntityType(GetStr(o, "tail_type"));
  r->head_type = ht.value_or(EntityType::kRegion);
  r->tail_type = tt.value_or(EntityType::kRegion);
  if (o.HasMember("evidence")) GetSpan(o["evidence"], &r->evidence);
  r->sentence = GetStr(o, "sentence");
  return Status::OK();
}

// For relations without explicit end types, take the type of the entity of that
// name in the same document.
void ResolveRelationTypes(Extraction* x, const std::vector<bool>& typed) {
  for (size_t i = 0; i < x->relations.size(); ++i) {
    if (typed[i]) continue;
    Relation& r = x->relations[i];
    for (const Entity& e : x->entities) {
      const bool named = e.name == r.head ||
                         std::find(e.aliases.begin(), e.aliases.end(), r.head) != e.aliases.end();
      if (named) r.head_type = e.type, r.head = e.name;
      const bool tnamed = e.name == r.tail ||
                          std::find(e.aliases.begin(), e.aliases.end(), r.tail) != e.aliases.end();
      if (tnamed) r.tail_type = e.type, r.tail = e.name;
    }
  }
}

}  // namespace

void AppendJsonLines(const Extraction& x, std::string* out) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  const std::string& doc = x.document.doc;
  WriteDocumentLine(x.document, buf, w, out);
  for (const Entity& e : x.entities) {
    w.StartObject();
    KeyStr(w, "doc", doc);
    KeyStr(w, "type", std::string(ToString(e.type)));
    KeyStr(w, "name", e.name);
    Key(w, "aliases");
    w.StartArray();
    for (const auto& a : e.aliases) Str(w, a);
    w.EndArray();
    Key(w, "mentions");
    w.StartArray();
    for (const auto& m : e.mentions) WriteSpan(w, m);
    w.EndArray();
    w.EndObject();
    EndLine(buf, w, out);
  }
  for (const Relation& r : x.relations) {
    w.StartObject();
    KeyStr(w, "doc", doc);
    KeyStr(w, "rel", std::string(ToString(r.type)));
    KeyStr(w, "head", r.head);
    KeyStr(w, "tail", r.tail);
    KeyStr(w, "head_type", std::string(ToString(r.head_type)));
    KeyStr(w, "tail_type", std::string(ToString(r.tail_type)));
    Key(w, "evidence");
    WriteSpan(w, r.evidence);
    KeyStr(w, "sentence", r.sentence);
    w.EndObject();
    EndLine(buf, w, out);
  }
}

Status ReadJsonLines(std::istream& in, const std::string& source,
                     const std::function<Status(Extraction&&)>& sink) {
  std::string line;
  int64_t line_no = 0;
  bool have = false;
  Extraction cur;
  std::vector<bool> typed;
  auto flush = [&]() -> Status {
    if (!have) return Status::OK();
    ResolveRelationTypes(&cur, typed);
    Status st = sink(std::move(cur));
    cur = Extraction();
    typed.clear();
    have = false;
    return st;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = source + ":" + std::to_string(line_no);
    rapidjson::Document o;
    o.Parse(line.data(), line.size());
    if (o.HasParseError()) {
      return Status::BadInput(where + ": not JSON (" + rapidjson::GetParseError_En(o.GetParseError()) +
                              " at column " + std::to_string(o.GetErrorOffset() + 1) + ")");
    }
    if (!o.IsObject()) return Status::BadInput(where + ": not a JSON object");
    const std::string doc = GetStr(o, "doc");
    if (doc.empty()) return Status::BadInput(where + ": no \"doc\"");
    if (have && doc != cur.document.doc) POLICYKG_RETURN_IF_ERROR(flush());
    if (!have) {
      have = true;
      cur.document.doc = doc;
    }
    if (GetStr(o, "kind") == "document") {
      DocumentInfo& d = cur.document;
      d.path = GetStr(o, "path");
      d.encoding = GetStr(o, "encoding");
      d.html = o.HasMember("html") && o["html"].IsBool() && o["html"].GetBool();
      d.title = GetStr(o, "title");
      d.number = GetStr(o, "number");
      d.issuer = GetStr(o, "issuer");
      d.jurisdiction = GetStr(o, "jurisdiction");
      d.jurisdiction_code = GetStr(o, "jurisdiction_code");
      d.date = GetStr(o, "date");
      d.content_hash = GetStr(o, "hash");
      if (o.HasMember("chars") && o["chars"].IsInt64()) d.chars = o["chars"].GetInt64();
    } else if (o.HasMember("type")) {
      Entity e;
      Status st = ParseEntity(o, &e);
      if (!st.ok()) return st.WithContext(where);
      cur.entities.push_back(std::move(e));
    } else if (o.HasMember("rel")) {
      Relation r;
      Status st = ParseRelation(o, &r);
      if (!st.ok()) return st.WithContext(where);
      typed.push_back(o.HasMember("head_type") && o.HasMember("tail_type"));
      cur.relations.push_back(std::move(r));
    } else {
      return Status::BadInput(where + ": neither an entity, a relation nor a document line");
    }
  }
  if (in.bad()) return Status::IoError(source + ": read error");
  return flush();
}

}  // namespace policykg
