#pragma once

#include <simdjson.h>

namespace Playground {

/** A parsed JSON document (simdjson's DOM): the parser owns the memory root points into. */
struct JsonTree {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
};

} // namespace Playground
