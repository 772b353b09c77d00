#include "app/cli/RunArguments.h"

#include "app/cli/CommandLineSpec.h"

namespace Playground {

QString RunArguments::usage()
{
    return CommandLineSpec::commandUsage(*CommandLineSpec::command(QStringLiteral("run")));
}

Result<RunArguments> RunArguments::parse(const QStringList &args)
{
    using R = Result<RunArguments>;
    RunArguments out;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const auto value = [&](QString *target) -> bool {
            if (i + 1 >= args.size())
                return false;
            *target = args.at(++i);
            return true;
        };
        QString v;
        if (arg == QLatin1String("--env")) {
            if (!value(&out.environmentPath))
                return R::failure(QStringLiteral("--env needs a file"));
        } else if (arg == QLatin1String("--folder")) {
            if (!value(&out.folder))
                return R::failure(QStringLiteral("--folder needs a folder name"));
        } else if (arg == QLatin1String("--var")) {
            if (!value(&v))
                return R::failure(QStringLiteral("--var needs NAME=VALUE"));
            const qsizetype eq = v.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return R::failure(QStringLiteral("--var \"%1\" is not NAME=VALUE").arg(v));
            Variable var;
            var.key = v.left(eq);
            var.value = v.mid(eq + 1);
            out.overrides.append(var);
        } else if (arg == QLatin1String("--reporter")) {
            if (!value(&out.reporter))
                return R::failure(QStringLiteral("--reporter needs cli, json or junit"));
            if (out.reporter != QLatin1String("cli") && out.reporter != QLatin1String("json")
                && out.reporter != QLatin1String("junit"))
                return R::failure(QStringLiteral("unknown reporter \"%1\" (use cli, json or junit)")
                                      .arg(out.reporter));
        } else if (arg == QLatin1String("--out")) {
            if (!value(&out.outPath))
                return R::failure(QStringLiteral("--out needs a file"));
        } else if (arg == QLatin1String("--ca-cert")) {
            if (!value(&out.caCertPath))
                return R::failure(QStringLiteral("--ca-cert needs a PEM file"));
        } else if (arg == QLatin1String("--timeout-ms")) {
            bool ok = false;
            if (!value(&v) || (out.timeoutMs = v.toInt(&ok), !ok) || out.timeoutMs <= 0)
                return R::failure(
                    QStringLiteral("--timeout-ms needs a positive number of milliseconds"));
        } else if (arg == QLatin1String("--insecure") || arg == QLatin1String("-k")) {
            out.insecure = true;
        } else if (arg == QLatin1String("--allow-http-errors")) {
            out.allowHttpErrors = true;
        } else if (arg.startsWith(QLatin1String("-"))) {
            return R::failure(
                QStringLiteral("unknown option \"%1\" (see api-playground run --help)").arg(arg));
        } else if (out.collectionPath.isEmpty()) {
            out.collectionPath = arg;
        } else {
            return R::failure(QStringLiteral("unexpected argument \"%1\"").arg(arg));
        }
    }
    if (out.collectionPath.isEmpty())
        return R::failure(
            QStringLiteral("no collection file given (api-playground run COLLECTION)"));
    return out;
}

} // namespace Playground
