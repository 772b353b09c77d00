#include "app/cli/SecretsCommand.h"

#include "app/auth/CollectionSecrets.h"
#include "app/auth/EnvironmentSecrets.h"
#include "app/cli/CommandLineSpec.h"
#include "app/cli/TerminalText.h"
#include "app/formats/PostmanReader.h"
#include "app/secrets/SecretKey.h"
#include "app/secrets/SecretStore.h"
#include "app/secrets/SecretStoreFactory.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <termios.h>
#include <unistd.h>

namespace Playground {

namespace {

    constexpr int KeychainTimeoutMs = 20'000;

    void err(const QString &line)
    {
        TerminalText::printLine(
            stderr, TerminalText::escaped(QStringLiteral("api-playground secrets: ") + line));
    }

    /** A line on stdout; tabs separate its columns, so each field is escaped by the caller. */
    void out(const QString &line)
    {
        TerminalText::printLine(stdout, line);
    }

    /** The value on stdin (echo off on a terminal); one trailing line break removed. */
    std::optional<QString> readValue(const QString &name)
    {
        const bool terminal = isatty(STDIN_FILENO);
        termios saved {};
        if (terminal) {
            std::fputs(
                qPrintable(
                    QStringLiteral("Value for %1 (not shown): ").arg(TerminalText::escaped(name))),
                stderr);
            std::fflush(stderr);
            if (tcgetattr(STDIN_FILENO, &saved) == 0) {
                termios quiet = saved;
                quiet.c_lflag &= ~tcflag_t(ECHO);
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
            }
        }
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return std::nullopt;
        QByteArray bytes = terminal ? in.readLine(SecretStore::MaxValueBytes + 2)
                                    : in.read(SecretStore::MaxValueBytes + 2);
        if (terminal) {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
            std::fputs("\n", stderr);
        }
        if (bytes.endsWith('\n'))
            bytes.chop(1);
        if (bytes.endsWith('\r'))
            bytes.chop(1);
        return QString::fromUtf8(bytes);
    }

    /** Runs one store operation to completion (bounded). */
    SecretResult await(const std::function<void(QObject *, SecretStore::Callback)> &call)
    {
        QEventLoop loop;
        std::optional<SecretResult> result;
        call(&loop, [&](const SecretResult &r) {
            result = r;
            loop.quit();
        });
        QTimer::singleShot(KeychainTimeoutMs, &loop, &QEventLoop::quit);
        if (!result)
            loop.exec();
        if (!result)
            return { false, std::nullopt, SecretStatus::OtherError,
                QStringLiteral("the keychain did not answer in time") };
        return *result;
    }

    QString keychainProblem(const SecretStore &store, const SecretResult &result)
    {
        if (store.status() != SecretStatus::Available)
            return SecretsCommand::keychainSentence(store.status(), store.statusDetail());
        return SecretsCommand::keychainSentence(
            result.status == SecretStatus::Available ? SecretStatus::OtherError : result.status,
            result.error);
    }

} // namespace

QString SecretsCommand::keychainSentence(SecretStatus status, const QString &detail)
{
    switch (status) {
    case SecretStatus::Locked:
        return QStringLiteral("the system keychain is locked; unlock it and try again");
    case SecretStatus::NoSessionBus:
        return QStringLiteral("no system keychain: there is no D-Bus session bus");
    case SecretStatus::NoSecretService:
        return QStringLiteral(
            "no system keychain: no Secret Service (gnome-keyring, KeePassXC, KWallet) is running");
    case SecretStatus::Available:
    case SecretStatus::OtherError:
        break;
    }
    return QStringLiteral("keychain error: %1")
        .arg(detail.isEmpty() ? QStringLiteral("unknown error") : detail);
}

QString SecretsCommand::usage()
{
    return CommandLineSpec::commandUsage(*CommandLineSpec::command(QStringLiteral("secrets")));
}

int SecretsCommand::exec(const QStringList &args)
{
    if (args.isEmpty() || args.contains(QLatin1String("--help"))
        || args.contains(QLatin1String("-h"))) {
        std::fputs(qPrintable(usage()), args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? ExitBadInput : ExitOk;
    }
    const QString action = args.constFirst();
    const qsizetype expected = action == QLatin1String("list") ? 2 : 3;
    if ((action != QLatin1String("set") && action != QLatin1String("delete")
            && action != QLatin1String("list"))
        || args.size() != expected) {
        err(args.size() > expected && action == QLatin1String("set")
                ? QStringLiteral("the value is read from stdin, never from the command line")
                : QStringLiteral(
                    "expected set|delete COLLECTION NAME or list COLLECTION (see --help)"));
        return ExitBadInput;
    }
    const QString collectionPath = args.at(1);
    // A Postman environment file (a "values" array) or a collection: each keys its secrets.
    QStringList known;
    std::function<Result<QString>(const QString &)> keyFor;
    if (const Result<Environment> environment
        = PostmanReader::readEnvironmentFile(collectionPath)) {
        known = EnvironmentSecrets::names(environment.value());
        keyFor = [environment = environment.value()](
                     const QString &name) { return EnvironmentSecrets::keyFor(environment, name); };
    } else {
        const Result<Collection> collection = PostmanReader::readCollectionFile(collectionPath);
        if (!collection) {
            err(collection.error());
            return ExitBadInput;
        }
        if (collection->postmanId.isEmpty()) {
            err(QStringLiteral("%1 has no info._postman_id, so its secrets cannot be keyed; save "
                               "it with API Playground or add an id")
                    .arg(collectionPath));
            return ExitBadInput;
        }
        known = CollectionSecrets::allNames(collection.value());
        keyFor = [collection = collection.value()](
                     const QString &name) { return CollectionSecrets::keyFor(collection, name); };
    }

    if (action == QLatin1String("list")) {
        std::unique_ptr<SecretStore> store(SecretStoreFactory::create());
        const bool keychain = store->status() == SecretStatus::Available;
        bool failed = !keychain;
        for (const QString &name : known) {
            QStringList places;
            const Result<QString> key = keyFor(name);
            if (!key)
                places.append(QStringLiteral("never the keychain (not tied to an origin)"));
            else if (keychain) {
                const SecretResult r = await(
                    [&](QObject *c, SecretStore::Callback cb) { store->read(key.value(), c, cb); });
                if (r.persisted() && r.value)
                    places.append(QStringLiteral("system keychain"));
                else if (!r.ok || r.status != SecretStatus::Available) {
                    places.append(QStringLiteral("unknown (%1)").arg(keychainProblem(*store, r)));
                    failed = true;
                }
            }
            const QString variable = CollectionSecrets::environmentVariable(name);
            if (!qEnvironmentVariableIsEmpty(qPrintable(variable)))
                places.append(QStringLiteral("environment variable %1").arg(variable));
            if (places.isEmpty())
                places.append(keychain ? QStringLiteral("not stored")
                                       : QStringLiteral("keychain unavailable"));
            out(TerminalText::escaped(name) + QLatin1Char('\t')
                + TerminalText::escaped(places.join(QLatin1String(", "))));
        }
        if (!keychain)
            err(keychainSentence(store->status(), store->statusDetail()));
        return failed ? ExitKeychain : ExitOk;
    }

    const QString name = args.at(2);
    if (name.isEmpty()) {
        err(QStringLiteral("NAME must not be empty"));
        return ExitBadInput;
    }
    std::optional<QString> value;
    if (action == QLatin1String("set")) {
        value = readValue(name);
        if (!value || value->isEmpty()) {
            err(QStringLiteral("no value on stdin; nothing stored"));
            return ExitBadInput;
        }
        if (const QString problem = SecretStore::validateValue(*value); !problem.isEmpty()) {
            err(problem);
            return ExitBadInput;
        }
    }
    std::unique_ptr<SecretStore> store(SecretStoreFactory::create());
    if (store->status() != SecretStatus::Available) {
        err(keychainSentence(store->status(), store->statusDetail())
            + (action == QLatin1String("set") ? QStringLiteral("; nothing stored") : QString()));
        return ExitKeychain;
    }
    const Result<QString> found = keyFor(name);
    if (!found) {
        err(TerminalText::escaped(found.error())
            + (action == QLatin1String("set") ? QStringLiteral("; nothing stored") : QString()));
        return ExitBadInput;
    }
    const QString key = found.value();
    const SecretResult r = action == QLatin1String("set")
        ? await([&](QObject *c, SecretStore::Callback cb) { store->write(key, *value, c, cb); })
        : await([&](QObject *c, SecretStore::Callback cb) { store->remove(key, c, cb); });
    store->waitForPendingWrites(KeychainTimeoutMs);
    if (!r.persisted()) {
        err(keychainProblem(*store, r)
            + (action == QLatin1String("set") ? QStringLiteral("; nothing stored") : QString()));
        return ExitKeychain;
    }
    if (!known.contains(name))
        err(QStringLiteral("note: %1 does not refer to {{%2}} in an auth block or secret variable")
                .arg(collectionPath, name));
    out(TerminalText::escaped(action == QLatin1String("set")
            ? QStringLiteral("%1: stored in the system keychain").arg(name)
            : QStringLiteral("%1: removed from the system keychain").arg(name)));
    return ExitOk;
}

} // namespace Playground
