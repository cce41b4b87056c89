#pragma once
// Matches method + path against route templates such as
// "/v3/orders/{purchaseOrderId}/acknowledge". A trailing slash on the request
// path is ignored ("/v3/orders/" == "/v3/orders"), as Walmart's own SDK sends it.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/beast/http/verb.hpp>

namespace mporders::http {

template <typename Handler>
class Router {
 public:
  struct Match {
    enum class Kind { kFound, kNoRoute, kWrongMethod } kind = Kind::kNoRoute;
    const Handler* handler = nullptr;
    std::vector<std::pair<std::string, std::string>> params;
    std::string_view route;  // the template, for logs; valid as long as the router
    int index = -1;          // the route's position in the table (kFound only)
  };

  void Add(boost::beast::http::verb method, std::string path_template, Handler handler) {
    routes_.push_back({method, Split(path_template), std::move(path_template), std::move(handler)});
  }

  // Literal segments win over parameters ("/v3/orders/released" beats
  // "/v3/orders/{purchaseOrderId}") because routes are tried in the order added
  // and literal routes are added first by convention.
  Match Find(boost::beast::http::verb method, std::string_view path) const {
    auto segments = Split(path);
    Match result;
    for (const auto& route : routes_) {
      std::vector<std::pair<std::string, std::string>> params;
      if (!Matches(route.segments, segments, params)) continue;
      if (route.method != method) {
        if (result.kind == Match::Kind::kNoRoute) result.kind = Match::Kind::kWrongMethod;
        continue;
      }
      result.kind = Match::Kind::kFound;
      result.handler = &route.handler;
      result.params = std::move(params);
      result.route = route.path_template;
      result.index = static_cast<int>(&route - routes_.data());
      return result;
    }
    return result;
  }

  // The table, for metrics and logs: route i's method and template.
  std::size_t size() const { return routes_.size(); }
  boost::beast::http::verb MethodAt(std::size_t i) const { return routes_[i].method; }
  const std::string& TemplateAt(std::size_t i) const { return routes_[i].path_template; }

 private:
  struct Route {
    boost::beast::http::verb method;
    std::vector<std::string> segments;
    std::string path_template;
    Handler handler;
  };

  static std::vector<std::string> Split(std::string_view path) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
      size_t slash = path.find('/', start);
      if (slash == std::string_view::npos) slash = path.size();
      if (slash > start) parts.emplace_back(path.substr(start, slash - start));
      start = slash + 1;
    }
    return parts;
  }

  static bool Matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
                      std::vector<std::pair<std::string, std::string>>& params) {
    if (pattern.size() != path.size()) return false;
    for (size_t i = 0; i < pattern.size(); ++i) {
      const auto& p = pattern[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
        params.emplace_back(p.substr(1, p.size() - 2), path[i]);
      } else if (p != path[i]) {
        return false;
      }
    }
    return true;
  }

  std::vector<Route> routes_;
};

}  // namespace mporders::http
