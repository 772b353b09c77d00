#include "app/secrets/SecretStoreFactory.h"

#include "app/secrets/KeychainSecretStore.h"
#include "app/secrets/MemorySecretStore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QFileInfo>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace Playground {

namespace {

    constexpr int ProbeTimeoutMs = 1'000;

    // Names QtKeychain can talk to on Linux: the Secret Service (gnome-keyring, KeePassXC, ...) and
    // KWallet.
    const QStringList &keychainServiceNames()
    {
        static const QStringList names { QStringLiteral("org.freedesktop.secrets"),
            QStringLiteral("org.kde.kwalletd6"), QStringLiteral("org.kde.kwalletd5") };
        return names;
    }

    bool sessionBusAddressKnown()
    {
        // Without an address libdbus would try X11 autolaunch; we do not want a bus spawned for us.
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            return true;
        const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
        return !runtimeDir.isEmpty() && QFileInfo::exists(runtimeDir + QStringLiteral("/bus"));
    }

    std::optional<QVariant> callBusDaemon(const QString &method, const QVariantList &args)
    {
        QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"),
            QStringLiteral("/org/freedesktop/DBus"), QStringLiteral("org.freedesktop.DBus"),
            method);
        call.setArguments(args);
        const QDBusMessage reply
            = QDBusConnection::sessionBus().call(call, QDBus::Block, ProbeTimeoutMs);
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
            return std::nullopt;
        return reply.arguments().constFirst();
    }

} // namespace

SecretStoreFactory::Probe SecretStoreFactory::probe()
{
    if (!sessionBusAddressKnown() || !QDBusConnection::sessionBus().isConnected())
        return { SecretStatus::NoSessionBus,
            QObject::tr("No D-Bus session bus, so the system keychain cannot be reached.") };

    for (const QString &name : keychainServiceNames()) {
        const auto owned = callBusDaemon(QStringLiteral("NameHasOwner"), { name });
        if (owned && owned->toBool())
            return {};
    }
    if (const auto activatable = callBusDaemon(QStringLiteral("ListActivatableNames"), {})) {
        const QStringList names = activatable->toStringList();
        for (const QString &name : keychainServiceNames()) {
            if (names.contains(name))
                return {};
        }
    }
    return { SecretStatus::NoSecretService,
        QObject::tr("No Secret Service or KWallet on the D-Bus session bus.") };
}

SecretStore *SecretStoreFactory::create(QObject *parent)
{
    const Probe found = probe();
    if (found.status == SecretStatus::Available)
        return new KeychainSecretStore(parent);
    auto *memory = new MemorySecretStore(parent);
    memory->setReportedStatus(found.status, found.detail);
    return memory;
}

} // namespace Playground
