#pragma once

#include <QMetaType>

namespace Playground {

/** Where secrets go right now: the system keychain, or (any other value) this session's memory. */
enum class SecretStatus {
    Available, ///< The system keychain answers; secrets persist there.
    NoSessionBus, ///< No D-Bus session bus: no keychain can be reached.
    NoSecretService, ///< A session bus, but no Secret Service (or KWallet) on it.
    Locked, ///< The keychain is locked (or the user refused to unlock it).
    OtherError, ///< The keychain failed for another reason (see the detail text).
};

} // namespace Playground

Q_DECLARE_METATYPE(Playground::SecretStatus)
