#pragma once

namespace Playground::Usage {

/** `api-playground --help`: the commands; each command has its own --help. */
inline constexpr const char *Text
    = "Usage:\n"
      "  api-playground [COLLECTION]      open the window (optionally with a collection file)\n"
      "  api-playground run COLLECTION …  run a collection headless (see run --help)\n"
      "  api-playground secrets …         store, delete or list a collection's secrets (see "
      "secrets --help)\n"
      "  api-playground --version | --help\n";

} // namespace Playground::Usage
