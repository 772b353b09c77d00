#pragma once

#include <QStandardPaths>
#include <QString>

namespace Playground {

/**
 * The app's own folders (its data and config locations) hold what other users of the machine
 * must not read: history (responses, redacted requests), cookies, the open tabs' scratch
 * requests. They are made owner-only (0700) when first used, and tightened if they were not.
 */
class PrivateFolder {
public:
    /** The path of name in the app's folder of kind location, the folder made owner-only. */
    static QString filePath(QStandardPaths::StandardLocation location, const QString &name);
};

} // namespace Playground
