#include "app/cli/RunCommand.h"

#include "app/cli/CliReporter.h"
#include "app/cli/JsonReporter.h"
#include "app/cli/JunitReporter.h"
#include "app/cli/RunArguments.h"
#include "app/formats/PostmanReader.h"
#include "app/http/HttpExecutor.h"
#include "app/runner/CollectionRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSaveFile>
#include <QSslCertificate>
#include <cstdio>
#include <memory>

namespace Playground {

namespace {

void err(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stderr);
    std::fflush(stderr);
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

    HttpExecutor executor;
    CollectionRunner runner(collection.value(), &executor);
    runner.setEnvironment(environment);
    runner.setOverrides(a.overrides);
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
            err(QStringLiteral("api-playground run: %1: no PEM certificate could be read").arg(a.caCertPath));
            return ExitBadInput;
        }
    }
    runner.setSendOptions(options);
    if (!a.folder.isEmpty() && !runner.setFolder(a.folder)) {
        err(QStringLiteral("api-playground run: %1: no folder named \"%2\"").arg(a.collectionPath, a.folder));
        return ExitBadInput;
    }
    if (collection->hasScripts())
        err(QStringLiteral("note: this collection has pre-request/test scripts; they are kept in the file but not run"));
    if (a.insecure)
        err(QStringLiteral("warning: --insecure: TLS certificate errors are ignored for this run"));

    const int count = runner.requestCount();
    QObject::connect(&runner, &CollectionRunner::requestFinished, &runner,
        [count](int index, const RunResult &result) { err(CliReporter::progressLine(index, count, result)); });
    QEventLoop loop;
    QObject::connect(&runner, &CollectionRunner::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    runner.start();
    loop.exec();

    RunReport report { collection->name, runner.results(), clock.nsecsElapsed() / 1e6 };
    std::unique_ptr<Reporter> reporter;
    if (a.reporter == QLatin1String("json"))
        reporter = std::make_unique<JsonReporter>();
    else if (a.reporter == QLatin1String("junit"))
        reporter = std::make_unique<JunitReporter>();
    else
        reporter = std::make_unique<CliReporter>();
    const QByteArray rendered = reporter->render(report);
    if (a.outPath.isEmpty()) {
        std::fwrite(rendered.constData(), 1, size_t(rendered.size()), stdout);
        std::fflush(stdout);
    } else {
        QSaveFile out(a.outPath);
        if (!out.open(QIODevice::WriteOnly) || out.write(rendered) != rendered.size() || !out.commit()) {
            err(QStringLiteral("api-playground run: cannot write the report to %1: %2").arg(a.outPath, out.errorString()));
            return ExitBadInput;
        }
        if (a.reporter != QLatin1String("cli"))
            err(QString::fromUtf8(CliReporter().render(report)).trimmed());
    }
    return report.failures() > 0 ? ExitFailed : ExitPassed;
}

} // namespace Playground
