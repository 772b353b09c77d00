#pragma once

#include <QString>

namespace Playground::Test {

/** Absolute path of a file in the source tree (set by CTest in PLAYGROUND_SOURCE_DIR). */
QString sourcePath(const QString &relative);
/** The api-playground executable under test (set by CTest in PLAYGROUND_BINARY). */
QString playgroundBinary();

} // namespace Playground::Test
