// What the Redis tests share: options for a test's own Redis, a reader of what Redis holds, and an
// observer that records what it heard.
#pragma once

#include <trackingmore/status/redis.hpp>

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "../catch.hpp"
#include "redis_server.hpp"

namespace test {

namespace tk = trackingmore;

/// Options for `server`, over TCP, with `observer`.
inline tk::redis_options options_for(
    const redis_server& server,
    std::function<void(tk::redis_event, const std::string&)> observer = {},
    unsigned processes = 1) {
  tk::redis_options o;
  o.port = server.port();
  o.processes = processes;
  o.command_timeout = std::chrono::milliseconds(100);
  o.reconnect_interval = std::chrono::milliseconds(100);
  o.observer = std::move(observer);
  return o;
}

/// Each reply to `command` on `server` as text (integers in decimal), for a test to read Redis.
inline std::vector<std::string> ask(const redis_server& server,
                                    const std::vector<std::string>& command, int database = 0) {
  redisContext* c = redisConnectUnix(server.unix_socket().c_str());
  REQUIRE(c != nullptr);
  REQUIRE(c->err == 0);
  const auto run = [c](const std::vector<std::string>& words) {
    std::vector<const char*> argv;
    std::vector<std::size_t> lengths;
    for (const std::string& w : words) {
      argv.push_back(w.data());
      lengths.push_back(w.size());
    }
    return static_cast<redisReply*>(
        redisCommandArgv(c, static_cast<int>(argv.size()), argv.data(), lengths.data()));
  };
  freeReplyObject(run({"SELECT", std::to_string(database)}));
  redisReply* r = run(command);
  REQUIRE(r != nullptr);
  std::vector<std::string> out;
  const auto text = [](const redisReply* e) {
    return e->type == REDIS_REPLY_INTEGER ? std::to_string(e->integer)
                                          : std::string(e->str == nullptr ? "" : e->str, e->len);
  };
  if (r->type == REDIS_REPLY_ARRAY) {
    for (std::size_t i = 0; i < r->elements; ++i) out.push_back(text(r->element[i]));
  } else if (r->type != REDIS_REPLY_NIL) {
    out.push_back(text(r));
  }
  freeReplyObject(r);
  redisFree(c);
  return out;
}

/// What an observer heard, in order.
struct events {
  std::mutex mutex;
  std::vector<std::pair<tk::redis_event, std::string>> heard;
  std::function<void(tk::redis_event, const std::string&)> observer() {
    return [this](tk::redis_event e, const std::string& what) {
      const std::lock_guard<std::mutex> lock(mutex);
      heard.emplace_back(e, what);
    };
  }
  std::vector<tk::redis_event> kinds() {
    const std::lock_guard<std::mutex> lock(mutex);
    std::vector<tk::redis_event> out;
    for (const auto& h : heard) out.push_back(h.first);
    return out;
  }
};

}  // namespace test
