#pragma once

#include "app/secrets/SecretStatus.h"

#include <QStringList>

namespace Playground {

/**
 * `api-playground secrets set|delete|list COLLECTION [NAME]`: primes or inspects the system
 * keychain without a window. A value is read from stdin, never from the command line; list shows
 * names and where each is stored, never a value. Needs a QCoreApplication; returns the exit code.
 */
class SecretsCommand {
public:
    static constexpr int ExitOk = 0;
    static constexpr int ExitKeychain = 1; ///< the keychain is unavailable, locked or failed
    static constexpr int ExitBadInput = 2;

    static int exec(const QStringList &args);
    static QString usage();
    /** One sentence for a terminal on why the keychain cannot be used (status is not Available). */
    static QString keychainSentence(SecretStatus status, const QString &detail);
};

} // namespace Playground
