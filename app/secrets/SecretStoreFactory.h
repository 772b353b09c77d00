#pragma once

#include "app/secrets/SecretStatus.h"

#include <QString>

class QObject;

namespace Playground {

class SecretStore;

/** Picks the secret store for this session: the system keychain if reachable, else memory. */
class SecretStoreFactory {
public:
    /** What the environment offers. Asks only the D-Bus daemon (bounded, ~1 s at worst). */
    struct Probe {
        SecretStatus status = SecretStatus::Available;
        QString detail;
    };
    static Probe probe();

    /**
     * A KeychainSecretStore when a session bus and a Secret Service (or KWallet) are there;
     * otherwise a MemorySecretStore whose status() says why secrets are kept for this session only.
     * Never a store that writes secrets to disk. The caller owns the result (or parent does).
     */
    static SecretStore *create(QObject *parent = nullptr);
};

} // namespace Playground
