#pragma once

#include <QString>

namespace Playground {

/**
 * The app's settings file (theme, recent files — paths, never a secret) in its owner-only config
 * folder, not beside it where QSettings would put it readable by all. What an older version kept
 * there is moved in on first use. Open it with QSettings(AppSettings::path(),
 * QSettings::IniFormat).
 */
class AppSettings {
public:
    static QString path();
};

} // namespace Playground
