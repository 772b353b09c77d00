#pragma once

#include "app/secrets/SecretStatus.h"

#include <QString>

#include <optional>

namespace Playground {

/**
 * Outcome of one SecretStore operation.
 *
 * ok: the operation did what was asked from the caller's point of view (a written value reads back
 * through the same store; a read's answer is trustworthy). status: where the secret lives after the
 * operation — Available means the system keychain, anything else means session memory only (or
 * nowhere, when ok is false). error: human-readable; set whenever !ok or status != Available.
 */
struct SecretResult {
    bool ok = false;
    /** Reads only: the value, or nullopt when nothing is stored under the key. */
    std::optional<QString> value;
    SecretStatus status = SecretStatus::Available;
    QString error;

    /** True when the secret is (or was confirmed absent) in the system keychain itself. */
    bool persisted() const { return ok && status == SecretStatus::Available; }
};

} // namespace Playground
