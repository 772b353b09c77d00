#include "app/cli/RunCommand.h"

#include "app/auth/CollectionSecrets.h"
#include "app/auth/EnvironmentSecrets.h"
#include "app/auth/TokenManager.h"
#include "app/cli/CliReporter.h"
#include "app/cli/InterruptWatcher.h"
#include "app/cli/RunArguments.h"
#include "app/cli/SecretsCommand.h"
#include "app/cli/TerminalText.h"
#include "app/formats/PostmanReader.h"
#include "app/http/HttpExecutor.h"
#include "app/model/ByteText.h"
#include "app/runner/CollectionRunner.h"
#include "app/runner/JsonReporter.h"
#include "app/runner/JunitReporter.h"
#include "app/secrets/SecretKey.h"
#include "app/secrets/SecretStore.h"
#include "app/secrets/SecretStoreFactory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QSaveFile>
#include <QSslCertificate>
#include <cstdio>
#include <memory>

namespace Playground {

namespace {

    /** One line on stderr; whatever it quotes (file names, names, server text) is escaped. */
    void err(const QString &line)
    {
        TerminalText::printLine(stderr, TerminalText::escaped(line));
    }

    /**
     * Opens the report file before anything is sent, so an unwritable --out costs no request; the
     * report is still committed atomically at the end (nothing is left if the run never ends).
     */
    Result<std::unique_ptr<QSaveFile>> openReportFile(const QString &path)
    {
        using R = Result<std::unique_ptr<QSaveFile>>;
        const QFileInfo info(path);
        if (info.exists() && !info.isFile())
            return R::failure(
                QStringLiteral("cannot write the report to %1: not a regular file").arg(path));
        auto file = std::make_unique<QSaveFile>(path);
        if (!file->open(QIODevice::WriteOnly))
            return R::failure(
                QStringLiteral("cannot write the report to %1: %2").arg(path, file->errorString()));
        return Result<std::unique_ptr<QSaveFile>>(std::move(file));
    }

    /**
     * The results of a run cut short by a signal: those finished, then the one in flight
     * (cancelled) and the rest (not run), so a report names every request.
     */
    QList<RunResult> interruptedResults(const CollectionRunner &runner, int inFlight, int signal)
    {
        QList<RunResult> results = runner.results();
        const QString name = InterruptWatcher::signalName(signal);
        for (int i = int(results.size()); i < runner.requestCount(); ++i) {
            RunResult r = runner.planned(i);
            r.exchange.failure = FailureKind::Cancelled;
            r.exchange.error = i == inFlight
                ? QStringLiteral("cancelled: the run was interrupted by %1").arg(name)
                : QStringLiteral("not run: the run was interrupted by %1").arg(name);
            results.append(r);
        }
        return results;
    }

    constexpr int KeychainReadTimeoutMs = 15'000;
    constexpr int PendingWritesTimeoutMs = 10'000;

    bool hasValue(const VariableList &variables, const QString &name)
    {
        return std::any_of(variables.begin(), variables.end(),
            [&](const Variable &v) { return v.enabled && v.key == name && !v.value.isEmpty(); });
    }

    /**
     * Secrets for the run, strongest first: --var, the environment variable PLAYGROUND_VAR_<name>,
     * the system keychain, a value written in the collection or environment file. Names found
     * nowhere are appended to missing.
     */
    VariableList collectSecrets(const QStringList &names, const Collection &collection,
        const std::optional<Environment> &environment, VariableList *overrides, SecretStore *store,
        QStringList *missing, QHash<QString, QStringList> *bindings)
    {
        VariableList found;
        for (const QString &name : names) {
            auto given = std::find_if(overrides->begin(), overrides->end(),
                [&](const Variable &v) { return v.key == name; });
            if (given != overrides->end()) {
                given->type = QStringLiteral("secret");
                continue;
            }
            Variable secret;
            secret.key = name;
            secret.type = QStringLiteral("secret");
            const QString fromEnvironment = ByteText::fromBytes(
                qgetenv(qPrintable(CollectionSecrets::environmentVariable(name))));
            if (!fromEnvironment.isEmpty()) {
                secret.value = fromEnvironment;
                found.append(secret);
                continue;
            }
            // The environment's own secret first: kept under its id, bound to its base URL.
            if (environment && EnvironmentSecrets::names(*environment).contains(name) && store
                && store->status() == SecretStatus::Available) {
                if (const Result<QString> key = EnvironmentSecrets::keyFor(*environment, name)) {
                    const SecretResult stored
                        = store->readBlocking(key.value(), KeychainReadTimeoutMs);
                    if (stored.ok && stored.value && !stored.value->isEmpty()) {
                        secret.value = *stored.value;
                        found.append(secret);
                        bindings->insert(name, EnvironmentSecrets::bindingOrigins(*environment));
                        continue;
                    }
                }
            }
            // Only a secret the file ties to origins is ever read from the keychain.
            const Result<QString> key = CollectionSecrets::keyFor(collection, name);
            if (key && store && store->status() == SecretStatus::Available
                && !collection.postmanId.isEmpty()) {
                const SecretResult stored = store->readBlocking(key.value(), KeychainReadTimeoutMs);
                if (stored.ok && stored.value && !stored.value->isEmpty()) {
                    secret.value = *stored.value;
                    found.append(secret);
                    // From the keychain: it may go only where it was stored for.
                    bindings->insert(name, CollectionSecrets::bindingOrigins(collection, name));
                    continue;
                }
            }
            if (!hasValue(collection.variables, name)
                && !(environment && hasValue(environment->values, name)))
                missing->append(name);
        }
        return found;
    }

} // namespace

int RunCommand::exec(const QStringList &args)
{
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        std::fputs(qPrintable(RunArguments::usage()), stdout);
        return ExitPassed;
    }
    const Result<RunArguments> parsed = RunArguments::parse(args);
    if (!parsed) {
        err(QStringLiteral("api-playground run: ") + parsed.error());
        return ExitBadInput;
    }
    const RunArguments &a = parsed.value();

    const Result<Collection> collection = PostmanReader::readCollectionFile(a.collectionPath);
    if (!collection) {
        err(QStringLiteral("api-playground run: ") + collection.error());
        return ExitBadInput;
    }
    std::optional<Environment> environment;
    if (!a.environmentPath.isEmpty()) {
        const Result<Environment> env = PostmanReader::readEnvironmentFile(a.environmentPath);
        if (!env) {
            err(QStringLiteral("api-playground run: ") + env.error());
            return ExitBadInput;
        }
        environment = env.value();
    }
    std::unique_ptr<QSaveFile> reportFile;
    if (!a.outPath.isEmpty()) {
        Result<std::unique_ptr<QSaveFile>> opened = openReportFile(a.outPath);
        if (!opened) {
            err(QStringLiteral("api-playground run: ") + opened.error());
            return ExitBadInput;
        }
        reportFile = std::move(opened).value();
    }

    HttpExecutor executor;
    CollectionRunner runner(collection.value(), &executor);
    runner.setEnvironment(environment);
    runner.setAllowHttpErrors(a.allowHttpErrors);
    SendOptions options;
    if (a.timeoutMs > 0) {
        options.deadlineMs = a.timeoutMs;
        options.idleTimeoutMs = qMin(options.idleTimeoutMs, a.timeoutMs);
    }
    options.insecure = a.insecure;
    if (!a.caCertPath.isEmpty()) {
        options.caCertificates = QSslCertificate::fromPath(a.caCertPath, QSsl::Pem);
        if (options.caCertificates.isEmpty()) {
            err(QStringLiteral("api-playground run: %1: no PEM certificate could be read")
                    .arg(a.caCertPath));
            return ExitBadInput;
        }
    }
    runner.setSendOptions(options);
    if (!a.folder.isEmpty() && !runner.setFolder(a.folder)) {
        err(QStringLiteral("api-playground run: %1: no folder named \"%2\"")
                .arg(a.collectionPath, a.folder));
        return ExitBadInput;
    }

    // Secrets: read only for the requests this run sends; the keychain only when one answers.
    VariableList overrides = a.overrides;
    QStringList secretNames
        = CollectionSecrets::namesFor(collection.value(), runner.requestPaths());
    // An environment's "secret" values: the file keeps only their names.
    if (environment) {
        for (const Variable &v : environment->values) {
            if (v.enabled && v.isSecret() && !secretNames.contains(v.key))
                secretNames.append(v.key);
        }
    }
    std::unique_ptr<SecretStore> store;
    std::unique_ptr<TokenManager> tokens;
    if (!secretNames.isEmpty()) {
        store.reset(SecretStoreFactory::create());
        QStringList missing;
        QHash<QString, QStringList> bindings;
        const VariableList secrets = collectSecrets(secretNames, collection.value(), environment,
            &overrides, store.get(), &missing, &bindings);
        runner.setSecretBindings(bindings);
        if (!missing.isEmpty()) {
            const QString first = missing.constFirst();
            QString line = QStringLiteral(
                "api-playground run: missing secret%1: %2 — pass --var %3=VALUE or the environment "
                "variable %4, or store it with `api-playground secrets set %5 %3` (value on stdin)")
                               .arg(missing.size() > 1 ? QStringLiteral("s") : QString(),
                                   missing.join(QLatin1String(", ")), first,
                                   CollectionSecrets::environmentVariable(first),
                                   environment
                                           && EnvironmentSecrets::names(*environment)
                                                  .contains(first)
                                       ? a.environmentPath
                                       : a.collectionPath);
            if (store->status() != SecretStatus::Available)
                line += QStringLiteral(" (%1)").arg(
                    SecretsCommand::keychainSentence(store->status(), store->statusDetail()));
            err(line);
            return ExitBadInput;
        }
        overrides = secrets + overrides;
        tokens = std::make_unique<TokenManager>(&executor, store.get());
        tokens->setSendOptions(options); // the same CA, --insecure and time limits for tokens
        runner.setTokenManager(tokens.get());
    }
    runner.setOverrides(overrides);
    if (collection->hasScripts())
        err(QStringLiteral("note: this collection has pre-request/test scripts; they are kept in "
                           "the file but not run"));
    if (a.insecure)
        err(QStringLiteral("warning: --insecure: TLS certificate errors are ignored for this run"));

    const int count = runner.requestCount();
    QObject::connect(&runner, &CollectionRunner::requestFinished, &runner,
        [count](int index, const RunResult &result) {
            // Fields already escaped, one per line; the warning lines stay lines.
            TerminalText::printLine(stderr, CliReporter::progressLine(index, count, result));
        });
    int inFlight = -1;
    QObject::connect(&runner, &CollectionRunner::requestStarted, &runner,
        [&inFlight](int index) { inFlight = index; });
    QEventLoop loop;
    QObject::connect(&runner, &CollectionRunner::finished, &loop, &QEventLoop::quit);
    // SIGINT/SIGTERM end the loop; the report then says what ran and what did not.
    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    runner.start();
    loop.exec();
    const int signal = interrupts.received();
    QList<RunResult> results
        = signal ? interruptedResults(runner, inFlight, signal) : runner.results();
    if (signal)
        err(QStringLiteral("api-playground run: interrupted by %1: %2 of %3 request(s) finished; "
                           "the rest are reported as cancelled")
                .arg(InterruptWatcher::signalName(signal))
                .arg(runner.results().size())
                .arg(count));

    // A token cached in the keychain during the run is lost if the process exits first.
    if (store && !store->waitForPendingWrites(PendingWritesTimeoutMs))
        err(QStringLiteral("warning: the keychain did not confirm saving the OAuth token in time"));

    RunReport report { collection->name, results, clock.nsecsElapsed() / 1e6 };
    std::unique_ptr<Reporter> reporter;
    if (a.reporter == QLatin1String("json"))
        reporter = std::make_unique<JsonReporter>();
    else if (a.reporter == QLatin1String("junit"))
        reporter = std::make_unique<JunitReporter>();
    else
        reporter = std::make_unique<CliReporter>();
    const Result<QByteArray> rendered = reporter->render(report);
    if (!rendered) {
        err(QStringLiteral("api-playground run: ") + rendered.error());
        return ExitBadInput;
    }
    if (!reportFile) {
        std::fwrite(rendered->constData(), 1, size_t(rendered->size()), stdout);
        std::fflush(stdout);
    } else {
        if (reportFile->write(rendered.value()) != rendered->size() || !reportFile->commit()) {
            err(QStringLiteral("api-playground run: cannot write the report to %1: %2")
                    .arg(a.outPath, reportFile->errorString()));
            return ExitBadInput;
        }
        if (a.reporter != QLatin1String("cli"))
            TerminalText::printLine(
                stderr, QString::fromUtf8(CliReporter().render(report).value()).trimmed());
    }
    if (signal)
        return InterruptWatcher::exitCodeFor(signal);
    return report.failures() > 0 ? ExitFailed : ExitPassed;
}

} // namespace Playground
