// The JSON adapters' cost (docs/benchmarks.md, "JSON adapters"), for each library, side by side in
// one run:
// 1. reading a parsed body with the adapter (`error_code_of`) against a hand-written minimal read
//    of meta.code with the same library (find meta, find code, take an integer, to_error_code);
// 2. parse + read with the adapter's parse helper, of a 300-byte error body and of a 700 KB v4
//    success body, beside the library's own parse without the adapters' text check.
// Each figure: the median over rounds of ns per operation, with min-max; the pairs alternate
// within each round.
//   json_bench LARGE_BODY_FILE [rounds]
// or, for an instruction count under callgrind (deterministic, whatever else the machine runs), one
// read of part 1 alone, COUNT times: LIBRARY is nlohmann/json, Boost.JSON, RapidJSON, JsonCpp or
// simdjson; READ is hand, hand-last or adapter:
//   json_bench --read LIBRARY READ COUNT
#include <trackingmore/status/boost_json.hpp>
#include <trackingmore/status/jsoncpp.hpp>
#include <trackingmore/status/nlohmann_json.hpp>
#include <trackingmore/status/rapidjson.hpp>
#include <trackingmore/status/simdjson.hpp>

#include <algorithm>
#include <boost/json/src.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace tk = trackingmore;

namespace {

template <class T>
void keep(const T& value) {
  asm volatile("" : : "g"(&value) : "memory");
}

struct figure {
  double median, min, max;
};

/// `op` timed `iterations` times per round: ns per call, by round.
struct timed {
  std::function<void()> op;
  std::vector<double> ns = {};
};

/// Runs every op of `ops` once per round, in turn, for `rounds` rounds.
void measure(std::vector<timed*> ops, int rounds, long iterations) {
  for (int r = 0; r < rounds; ++r) {
    for (timed* t : ops) {
      const auto start = std::chrono::steady_clock::now();
      for (long i = 0; i < iterations; ++i) t->op();
      const std::chrono::duration<double, std::nano> took =
          std::chrono::steady_clock::now() - start;
      t->ns.push_back(took.count() / static_cast<double>(iterations));
    }
  }
}

figure figure_of(std::vector<double> ns) {
  std::sort(ns.begin(), ns.end());
  return {ns[ns.size() / 2], ns.front(), ns.back()};
}

std::string read_file(const char* path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error(std::string("cannot read ") + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// The hand-written minimal reads of meta.code a user would write with each library.
std::error_code by_hand(const nlohmann::json& body) {
  if (!body.is_object()) return tk::response_errc::not_object;
  const auto meta = body.find("meta");
  if (meta == body.end() || !meta->is_object()) return tk::response_errc::no_meta;
  const auto code = meta->find("code");
  if (code == meta->end() || !code->is_number_integer()) return tk::response_errc::no_code;
  return tk::v4::to_error_code(code->get<int>());
}
std::error_code by_hand(const boost::json::value& body) {
  const boost::json::object* object = body.if_object();
  if (object == nullptr) return tk::response_errc::not_object;
  const boost::json::value* meta = object->if_contains("meta");
  if (meta == nullptr || !meta->is_object()) return tk::response_errc::no_meta;
  const boost::json::value* code = meta->get_object().if_contains("code");
  if (code == nullptr || !code->is_int64()) return tk::response_errc::no_code;
  return tk::v4::to_error_code(static_cast<int>(code->get_int64()));
}
std::error_code by_hand(const rapidjson::Value& body) {
  if (!body.IsObject()) return tk::response_errc::not_object;
  const auto meta = body.FindMember("meta");
  if (meta == body.MemberEnd() || !meta->value.IsObject()) return tk::response_errc::no_meta;
  const auto code = meta->value.FindMember("code");
  if (code == meta->value.MemberEnd() || !code->value.IsInt()) return tk::response_errc::no_code;
  return tk::v4::to_error_code(code->value.GetInt());
}
std::error_code by_hand(const Json::Value& body) {
  if (!body.isObject()) return tk::response_errc::not_object;
  const Json::Value* meta = body.find("meta", "meta" + 4);
  if (meta == nullptr || !meta->isObject()) return tk::response_errc::no_meta;
  const Json::Value* code = meta->find("code", "code" + 4);
  if (code == nullptr || !code->isInt()) return tk::response_errc::no_code;
  return tk::v4::to_error_code(code->asInt());
}
std::error_code by_hand(simdjson::dom::element body) {
  std::int64_t code = 0;
  if (body["meta"]["code"].get_int64().get(code) != simdjson::SUCCESS) {
    return tk::response_errc::no_code;
  }
  return tk::v4::to_error_code(static_cast<int>(code));
}

// The same reads with the adapters' policy for repeated names (the last member of each name), for
// the two libraries whose documents keep repeated names: the loop a user writes to get it.
std::error_code by_hand_last_member(const rapidjson::Value& body) {
  const auto last = [](const rapidjson::Value& object, std::string_view key) {
    const rapidjson::Value* found = nullptr;
    for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
      if (std::string_view(it->name.GetString(), it->name.GetStringLength()) == key) {
        found = &it->value;
      }
    }
    return found;
  };
  if (!body.IsObject()) return tk::response_errc::not_object;
  const rapidjson::Value* meta = last(body, "meta");
  if (meta == nullptr || !meta->IsObject()) return tk::response_errc::no_meta;
  const rapidjson::Value* code = last(*meta, "code");
  if (code == nullptr || !code->IsInt()) return tk::response_errc::no_code;
  return tk::v4::to_error_code(code->GetInt());
}
std::error_code by_hand_last_member(simdjson::dom::element body) {
  const auto last = [](simdjson::dom::element value, std::string_view key,
                       simdjson::dom::element& found) {
    simdjson::dom::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS) return false;
    bool any = false;
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (it.key_equals(key)) {
        found = it.value();
        any = true;
      }
    }
    return any;
  };
  simdjson::dom::element meta;
  simdjson::dom::element code;
  std::int64_t value = 0;
  if (!last(body, "meta", meta) || !last(meta, "code", code) ||
      code.get_int64().get(value) != simdjson::SUCCESS) {
    return tk::response_errc::no_code;
  }
  return tk::v4::to_error_code(static_cast<int>(value));
}

void row(const char* library, const char* what, const figure& f, const figure* baseline) {
  std::printf("| %s | %s | %.1f | %.1f-%.1f |", library, what, f.median, f.min, f.max);
  if (baseline != nullptr) {
    std::printf(" %.2f |\n", f.median / baseline->median);
  } else {
    std::printf(" 1.00 |\n");
  }
}

}  // namespace

int main(int argc, char** argv) try {
  const bool one_read = argc == 5 && std::string_view(argv[1]) == "--read";
  if (argc < 2 || (!one_read && argv[1][0] == '-')) {
    std::fprintf(stderr,
                 "usage: json_bench LARGE_BODY_FILE [rounds]\n"
                 "       json_bench --read LIBRARY hand|hand-last|adapter COUNT\n");
    return 2;
  }
  const std::string large = one_read ? std::string() : read_file(argv[1]);
  const int rounds = !one_read && argc > 2 ? std::stoi(argv[2]) : 15;
  // A v4 error body of 300 bytes, as a create answers it.
  std::string error_body =
      R"({"meta":{"code":4101,"message":"Tracking No. already exists."},"data":{"id":"",)"
      R"("tracking_number":"9261290302951157303002","courier_code":"usps",)"
      R"("order_number":"#100000","title":"","customer_name":"","customer_email":"",)"
      R"("note":"","language":"en","created_at":"2026-11-20T10:05:00+00:00"}})";
  error_body.insert(error_body.size() - 2, std::string(300 - error_body.size(), ' '));

  std::printf("error body: %zu bytes, large body: %zu bytes, %d rounds\n\n", error_body.size(),
              large.size(), rounds);

  // 1. Reading a parsed body: the adapter against the hand-written read, per library.
  const nlohmann::json nl = tk::parse_body(error_body);
  const std::optional<boost::json::value> bj = tk::parse_boost_json(error_body);
  const rapidjson::Document rj = tk::parse_rapidjson(error_body);
  const std::optional<Json::Value> jc = tk::parse_jsoncpp(error_body);
  simdjson::dom::parser parser;
  simdjson::dom::element sj;
  if (tk::parse_simdjson(parser, error_body).get(sj) != simdjson::SUCCESS || !bj || !jc) return 1;
  struct pair {
    const char* library;
    timed adapter, hand;
    std::optional<timed> hand_last_member;  // for the documents that keep repeated names
  };
  const auto read_pair = [](const char* library, auto& body) {
    return pair{library,
                {[&body] { keep(tk::error_code_of(tk::api_version::v4, 200, body)); }, {}},
                {[&body] { keep(by_hand(body)); }, {}},
                std::nullopt};
  };
  std::vector<pair> reads;
  reads.push_back(read_pair("nlohmann/json", nl));
  reads.push_back(read_pair("Boost.JSON", *bj));
  reads.push_back(read_pair("RapidJSON", rj));
  reads.back().hand_last_member = timed{[&rj] { keep(by_hand_last_member(rj)); }};
  reads.push_back(read_pair("JsonCpp", *jc));
  reads.push_back(read_pair("simdjson", sj));
  reads.back().hand_last_member = timed{[&sj] { keep(by_hand_last_member(sj)); }};
  if (one_read) {
    for (pair& p : reads) {
      const std::string_view read = argv[3];
      timed* op = read == "hand"                              ? &p.hand
                  : read == "adapter"                         ? &p.adapter
                  : read == "hand-last" && p.hand_last_member ? &*p.hand_last_member
                                                              : nullptr;
      if (std::string_view(argv[2]) != p.library || op == nullptr) continue;
      for (long i = std::stol(argv[4]); i > 0; --i) op->op();
      return 0;
    }
    std::fprintf(stderr, "json_bench: no read '%s' of '%s'\n", argv[3], argv[2]);
    return 2;
  }
  std::vector<timed*> ops;
  for (pair& p : reads) {
    ops.push_back(&p.hand);
    if (p.hand_last_member) ops.push_back(&*p.hand_last_member);
    ops.push_back(&p.adapter);
  }
  measure(ops, rounds, 200000);
  std::printf(
      "| library | read of a parsed 300-byte error body | ns, median | min-max | ratio |\n");
  std::printf("|---|---|--:|--:|--:|\n");
  for (pair& p : reads) {
    const figure hand = figure_of(p.hand.ns);
    row(p.library, "by hand: meta.code, to_error_code", hand, nullptr);
    if (p.hand_last_member) {
      row(p.library, "by hand, the last member of each name", figure_of(p.hand_last_member->ns),
          &hand);
    }
    row(p.library, "adapter: `error_code_of`", figure_of(p.adapter.ns), &hand);
  }

  // 2. Parse + read, with the parse helpers (and the library's own parse without the text check).
  for (const auto& [name, text, iterations] : {std::tuple<const char*, const std::string*, long>{
                                                   "300-byte error body", &error_body, 20000},
                                               {"700 KB success body", &large, 10}}) {
    const std::string& t = *text;
    timed nl_helper{[&t] { keep(tk::error_code_of(tk::api_version::v4, 200, tk::parse_body(t))); }};
    timed nl_raw{[&t] {
      keep(tk::error_code_of(tk::api_version::v4, 200, nlohmann::json::parse(t, nullptr, false)));
    }};
    timed bj_helper{
        [&t] { keep(tk::error_code_of(tk::api_version::v4, 200, tk::parse_boost_json(t))); }};
    timed bj_raw{[&t] {
      boost::json::error_code ec;
      keep(tk::error_code_of(tk::api_version::v4, 200, boost::json::parse(t, ec)));
    }};
    timed rj_helper{
        [&t] { keep(tk::error_code_of(tk::api_version::v4, 200, tk::parse_rapidjson(t))); }};
    timed rj_raw{[&t] {
      rapidjson::Document d;
      d.Parse(t.data(), t.size());
      keep(tk::error_code_of(tk::api_version::v4, 200, d));
    }};
    timed jc_helper{
        [&t] { keep(tk::error_code_of(tk::api_version::v4, 200, tk::parse_jsoncpp(t))); }};
    timed jc_raw{[&t] {
      Json::CharReaderBuilder builder;
      const std::unique_ptr<Json::CharReader> reader(builder.newCharReader());
      Json::Value v;
      reader->parse(t.data(), t.data() + t.size(), &v, nullptr);
      keep(tk::error_code_of(tk::api_version::v4, 200, v));
    }};
    timed sj_helper{[&t, &parser] {
      keep(tk::error_code_of(tk::api_version::v4, 200, tk::parse_simdjson(parser, t)));
    }};
    timed sj_raw{[&t, &parser] {
      keep(tk::error_code_of(tk::api_version::v4, 200, parser.parse(t.data(), t.size(), true)));
    }};
    timed check{[&t] { keep(tk::detail::json_text(t)); }};
    measure({&nl_helper, &nl_raw, &bj_helper, &bj_raw, &rj_helper, &rj_raw, &jc_helper, &jc_raw,
             &sj_helper, &sj_raw, &check},
            rounds, iterations);
    std::printf(
        "\n| library | parse + read of the %s | ns, median | min-max | ratio to nlohmann's helper "
        "|\n",
        name);
    std::printf("|---|---|--:|--:|--:|\n");
    const figure nl_figure = figure_of(nl_helper.ns);
    row("nlohmann/json", "`parse_body` + `error_code_of`", nl_figure, nullptr);
    row("nlohmann/json", "own parse + `error_code_of`", figure_of(nl_raw.ns), &nl_figure);
    row("Boost.JSON", "`parse_boost_json` + `error_code_of`", figure_of(bj_helper.ns), &nl_figure);
    row("Boost.JSON", "own parse + `error_code_of`", figure_of(bj_raw.ns), &nl_figure);
    row("RapidJSON", "`parse_rapidjson` + `error_code_of`", figure_of(rj_helper.ns), &nl_figure);
    row("RapidJSON", "own parse + `error_code_of`", figure_of(rj_raw.ns), &nl_figure);
    row("JsonCpp", "`parse_jsoncpp` + `error_code_of`", figure_of(jc_helper.ns), &nl_figure);
    row("JsonCpp", "own parse + `error_code_of`", figure_of(jc_raw.ns), &nl_figure);
    row("simdjson", "`parse_simdjson` + `error_code_of`", figure_of(sj_helper.ns), &nl_figure);
    row("simdjson", "own parse + `error_code_of`", figure_of(sj_raw.ns), &nl_figure);
    row("(any)", "the adapters' text check alone (`detail::json_text`)", figure_of(check.ns),
        &nl_figure);
  }
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "json_bench: %s\n", e.what());
  return 1;
}
