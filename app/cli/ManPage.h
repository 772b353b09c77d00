#pragma once

#include <QString>

namespace Playground::ManPage {

/**
 * api-playground(1) in roff, rendered from CommandLineSpec, the table `--help` is printed from,
 * so the two cannot drift. The build writes it with the hidden `api-playground __man` command.
 */
QString render(const QString &version);

} // namespace Playground::ManPage
