// What each adapter adds to the corpus test: the values a user parsed with the library's own calls
// (not the adapters' parse helpers), the parse helpers' "not JSON", values built by hand of every
// type where a body or a member belongs (RapidJSON asserts and JsonCpp throws on a wrong-type
// access: never reached), and which functions are noexcept.
#include <trackingmore/status/boost_json.hpp>
#include <trackingmore/status/jsoncpp.hpp>
#include <trackingmore/status/rapidjson.hpp>
#include <trackingmore/status/simdjson.hpp>

#include <memory>
#include <string>
#include <utility>

#include "../catch.hpp"
#include "real_body.hpp"

namespace tk = trackingmore;
using tk::api_version;
using tk::response_errc;
using namespace std::string_literals;

TEST_CASE("Boost.JSON: a value from boost::json::parse, and values of every type") {
  const boost::json::value body = boost::json::parse(real_body("v4_batch_one_failed.json"));
  CHECK_FALSE(tk::error_code_of(api_version::v4, body));
  CHECK(tk::batch_error_code_of(api_version::v4, 200, body) == response_errc::items_failed);
  REQUIRE(tk::item_failures(api_version::v4, body).size() == 1);
  CHECK(tk::triage(api_version::v4, body).already_exists.size() == 1);

  CHECK(tk::error_code_of(api_version::v4, 200, tk::parse_boost_json("<html>")) ==
        response_errc::not_json);
  CHECK(tk::error_code_of(api_version::v4, 429, std::optional<boost::json::value>{}) ==
        tk::condition::rate_limited);
  for (const boost::json::value& odd :
       {boost::json::value(nullptr), boost::json::value(4101), boost::json::value("4101"),
        boost::json::value(boost::json::array{4101})}) {
    CHECK(tk::error_code_of(api_version::v4, odd) == response_errc::not_object);
    CHECK(tk::item_failures(api_version::v2, odd).empty());
  }
  const boost::json::value meta_number = {{"meta", 4101}};
  CHECK(tk::error_code_of(api_version::v4, meta_number) == response_errc::no_meta);
  const boost::json::value list_number = {{"meta", {{"code", 200}}}, {"data", {{"error", 7}}}};
  CHECK(tk::batch_error_code_of(api_version::v4, list_number) == response_errc::failures_not_array);
}

TEST_CASE("RapidJSON: a Document, a Value inside one, a parse error, values of every type") {
  rapidjson::Document document;
  const std::string text = R"({"response":)" + real_body("v4_tracking_exists.json") + "}";
  document.Parse(text.c_str());
  REQUIRE_FALSE(document.HasParseError());
  CHECK(tk::error_code_of(api_version::v4, document) == response_errc::no_meta);
  const rapidjson::Value& inner = document["response"];
  CHECK(tk::error_code_of(api_version::v4, 400, inner) == tk::v4::errc::tracking_exists);

  rapidjson::Document broken;
  broken.Parse("{\"meta\":");
  REQUIRE(broken.HasParseError());
  CHECK(tk::error_code_of(api_version::v4, broken) == response_errc::not_json);
  CHECK(tk::error_code_of(api_version::v4, 502, broken) == tk::http::to_error_code(502));
  CHECK(tk::error_code_of(api_version::v4, tk::parse_rapidjson("\xff")) == response_errc::not_json);

  for (const rapidjson::Type type :
       {rapidjson::kNullType, rapidjson::kFalseType, rapidjson::kTrueType, rapidjson::kArrayType,
        rapidjson::kStringType, rapidjson::kNumberType}) {
    const rapidjson::Value odd(type);
    CHECK(tk::error_code_of(api_version::v4, odd) == response_errc::not_object);
    CHECK(tk::item_failures(api_version::v4, odd).empty());
    CHECK(tk::triage(api_version::v4, odd).give_up.empty());
  }
  rapidjson::Document members;
  members.Parse(R"({"meta":{"code":[]},"data":{"error":[{"tracking_number":[],"errorCode":1}]}})");
  CHECK(tk::error_code_of(api_version::v4, members) == response_errc::code_not_integer);
  members.Parse(
      R"({"meta":{"code":200},"data":{"error":[{"tracking_number":{},"errorCode":[]}]}})");
  REQUIRE(tk::item_failures(api_version::v4, members).size() == 1);
  CHECK(tk::item_failures(api_version::v4, members)[0].code == response_errc::code_not_integer);
}

TEST_CASE("JsonCpp: a value from a lenient reader, parse_jsoncpp's nullopt, values of every type") {
  // JsonCpp's default reader accepts comments: the functions read what it gave.
  Json::CharReaderBuilder builder;
  const std::unique_ptr<Json::CharReader> reader(builder.newCharReader());
  const std::string text = R"({"meta":{"code":4101}} // a comment)";
  Json::Value value;
  REQUIRE(reader->parse(text.data(), text.data() + text.size(), &value, nullptr));
  CHECK(tk::error_code_of(api_version::v4, value) == tk::v4::errc::tracking_exists);
  CHECK(tk::error_code_of(api_version::v4, tk::parse_jsoncpp(text)) == response_errc::not_json);

  for (const Json::ValueType type :
       {Json::nullValue, Json::intValue, Json::uintValue, Json::realValue, Json::stringValue,
        Json::booleanValue, Json::arrayValue}) {
    const Json::Value odd(type);
    CHECK(tk::error_code_of(api_version::v4, odd) == response_errc::not_object);
    CHECK(tk::item_failures(api_version::v4, odd).empty());
  }
  Json::Value body(Json::objectValue);
  body["meta"]["code"] = 4101.0;  // isInt() holds for it; it is no integer code
  CHECK(tk::error_code_of(api_version::v4, body) == response_errc::code_not_integer);
  body["meta"]["code"] = Json::Value(Json::Int64{4101});
  CHECK(tk::error_code_of(api_version::v4, body) == tk::v4::errc::tracking_exists);
  body["meta"]["code"] = 200;
  body["data"]["error"] = "4101";
  CHECK(tk::batch_error_code_of(api_version::v4, body) == response_errc::failures_not_array);
}

TEST_CASE("simdjson: an element of the user's parser, a parse error, values of every type") {
  simdjson::dom::parser parser;
  const simdjson::padded_string text(real_body("v2_batch_one_failed.json"));
  simdjson::dom::element body;
  REQUIRE(parser.parse(text).get(body) == simdjson::SUCCESS);
  CHECK(tk::batch_error_code_of(api_version::v2, 201, body) == response_errc::items_failed);
  REQUIRE(tk::item_failures(api_version::v2, body).size() == 1);
  CHECK(tk::item_failures(api_version::v2, body)[0].courier_code == "turkey-post");

  CHECK(tk::error_code_of(api_version::v4, parser.parse(simdjson::padded_string("{]"s))) ==
        response_errc::not_json);
  CHECK(tk::error_code_of(api_version::v4, 503, tk::parse_simdjson(parser, "")) ==
        tk::http::to_error_code(503));

  const simdjson::padded_string odd_values(R"([null, true, 1, -1, 1.5, "x", [], {}])"s);
  simdjson::dom::array odd;
  REQUIRE(parser.parse(odd_values).get_array().get(odd) == simdjson::SUCCESS);
  for (const simdjson::dom::element element : odd) {
    CHECK(tk::error_code_of(api_version::v4, element) ==
          (element.is_object() ? response_errc::no_meta : response_errc::not_object));
    CHECK(tk::item_failures(api_version::v4, element).empty());
  }
}

TEST_CASE("the adapters' parse helpers and reading functions are noexcept") {
  STATIC_REQUIRE(noexcept(tk::parse_boost_json("")));
  STATIC_REQUIRE(noexcept(tk::parse_rapidjson("")));
  STATIC_REQUIRE(noexcept(tk::parse_jsoncpp("")));
  STATIC_REQUIRE(noexcept(tk::parse_simdjson(std::declval<simdjson::dom::parser&>(), "")));
  STATIC_REQUIRE(
      noexcept(tk::error_code_of(api_version::v4, 200, std::declval<const boost::json::value&>())));
  STATIC_REQUIRE(noexcept(
      tk::batch_error_code_of(api_version::v4, 200, std::declval<const rapidjson::Document&>())));
  STATIC_REQUIRE(noexcept(tk::error_code_of(api_version::v4, std::declval<const Json::Value&>())));
  STATIC_REQUIRE(noexcept(
      tk::batch_error_code_of(api_version::v4, std::declval<const simdjson::dom::element&>())));
}

TEST_CASE("the text check finds each byte that ends or breaks a string, at any offset") {
  // The check skips plain bytes eight at a time: a quote, backslash, control byte or non-ASCII
  // byte must stop it wherever it falls in a block.
  struct byte_case {
    std::string bytes;
    bool valid;  // inside a string
  };
  const byte_case cases[] = {
      {"\\\"", true},  {"\\\\", true},          {"\\u00e9", true}, {"\x7f", true},
      {" ", true},     {"\xc3\xa9", true},      {"\"", false},     {"\\", false},
      {"\x01", false}, {"\x1f", false},         {"\x80", false},   {"\xff", false},
      {"\xc3", false}, {"\xed\xa0\x80", false}, {"\\x", false}};
  for (const byte_case& c : cases) {
    for (std::size_t before = 0; before < 20; ++before) {
      const std::string text =
          R"({"m":")" + std::string(before, 'a') + c.bytes + std::string(19 - before, 'z') + "\"}";
      INFO("bytes " << c.bytes << " after " << before << " plain bytes");
      CHECK(tk::detail::json_text(text).has_value() == c.valid);
    }
  }
}
