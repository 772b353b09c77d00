#pragma once

#include <QString>

namespace Playground::Test {

/**
 * A reference client installed from the npm registry by packaging/setup.sh (pinned versions, in
 * the checkout's .tools/): the executable named by PLAYGROUND_<NAME> (upper case, '-' as '_') when
 * set, else .tools/node_modules/.bin/<name>. A tool that is not there is an error, never a skip:
 * interop must be proven.
 */
struct NpmTool {
    QString path; ///< empty when the tool is missing
    QString problem; ///< why it is missing and how to install it

    static NpmTool find(const QString &name);
    /** .tools/node_modules, for node scripts that require() an installed package. */
    static QString modulesDir();
};

} // namespace Playground::Test
