#include "app/cli/ConvertCommand.h"

#include "app/cli/TerminalText.h"
#include "app/formats/CollectionImport.h"
#include "app/formats/InputFile.h"
#include "app/formats/LiteralCredentials.h"
#include "app/model/ByteText.h"

#include "app/cli/CommandLineSpec.h"
#include "app/formats/CurlWriter.h"
#include "app/formats/HarWriter.h"
#include "app/formats/HttpFileWriter.h"
#include "app/formats/PostmanWriter.h"
#include "app/formats/RequestExport.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUuid>
#include <algorithm>
#include <cstdio>

namespace Playground {

namespace {

    QString s(const char *text)
    {
        return QString::fromUtf8(text);
    }

    /** One line on stderr, control characters shown, never obeyed (TerminalText). */
    void err(const QString &line)
    {
        TerminalText::printLine(stderr, TerminalText::escaped(line));
    }

    const QStringList Targets = { s("postman"), s("curl"), s("http"), s("har") };
    const QStringList Sources
        = { s("auto"), s("curl"), s("markdown"), s("http"), s("openapi"), s("postman") };

} // namespace

Result<ConvertCommand::Arguments> ConvertCommand::parse(const QStringList &args)
{
    using R = Result<Arguments>;
    Arguments out;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const auto value = [&](QString *target) {
            if (i + 1 >= args.size())
                return false;
            *target = args.at(++i);
            return true;
        };
        if (arg == QLatin1String("--to")) {
            if (!value(&out.to) || !Targets.contains(out.to))
                return R::failure(s("--to needs postman, curl, http or har"));
        } else if (arg == QLatin1String("--from")) {
            if (!value(&out.from) || !Sources.contains(out.from))
                return R::failure(s("--from needs auto, curl, markdown, http, openapi or postman"));
        } else if (arg == QLatin1String("--out") || arg == QLatin1String("-o")) {
            if (!value(&out.outPath))
                return R::failure(s("--out needs a file"));
        } else if (arg == QLatin1String("--include-secrets")) {
            out.includeSecrets = true;
        } else if (arg.startsWith(QLatin1Char('-')) && arg != QLatin1String("-")) {
            return R::failure(s("unknown option ") + arg);
        } else if (out.input.isEmpty()) {
            out.input = arg;
        } else {
            return R::failure(s("one INPUT only (") + arg + s(" is a second one)"));
        }
    }
    if (out.input.isEmpty())
        return R::failure(s("no INPUT given (a file, or - for stdin)"));
    if (out.to.isEmpty())
        return R::failure(s("--to is required: postman, curl, http or har"));
    return out;
}

Result<QByteArray> ConvertCommand::exportAs(
    const Collection &collection, const QString &format, bool includeSecrets, QStringList *warnings)
{
    using R = Result<QByteArray>;
    if (format == QLatin1String("postman")) {
        Collection c = collection;
        if (c.postmanId.isEmpty())
            c.postmanId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        // Secret variables of requests would be lost (or written inline): they become the
        // collection's, blanked in the file.
        for (const QString &name : LiteralCredentials::hoist(&c)) {
            if (warnings)
                warnings->append(s("the secret ") + name
                    + s(" is not written to the file: give it to run with --var ") + name
                    + s("=… or store it with api-playground secrets set"));
        }
        return QJsonDocument(PostmanWriter::collectionJson(c)).toJson(QJsonDocument::Indented);
    }
    if (format == QLatin1String("http")) {
        if (includeSecrets && warnings)
            warnings->append(s("a .http file never holds secrets: give them to the tool"));
        return ByteText::toBytes(HttpFileWriter::write(collection, warnings));
    }
    const QList<RequestPath> paths = flattenRequests(collection.items);
    RequestExport::Options options;
    options.includeSecrets = includeSecrets;
    QByteArray out;
    QList<Exchange> exchanges;
    for (const RequestPath &path : paths) {
        const Result<ResolvedRequest> resolved
            = RequestExport::resolve(collection, path, options, warnings);
        if (!resolved) {
            if (warnings)
                warnings->append(resolved.error() + s(" (left out)"));
            continue;
        }
        if (format == QLatin1String("curl")) {
            if (paths.size() > 1) {
                QString name = path.item->name;
                name.replace(QLatin1Char('\n'), QLatin1Char(' '))
                    .replace(QLatin1Char('\r'), QLatin1Char(' '));
                out += (out.isEmpty() ? "# " : "\n# ") + name.toUtf8() + '\n';
            }
            out += CurlWriter::fromResolved(resolved.value());
        } else {
            Exchange x;
            x.method = resolved->method;
            x.url = QString::fromUtf8(resolved->url.toEncoded(QUrl::FullyEncoded));
            x.requestHeaders = resolved->headers;
            x.requestBody = resolved->body;
            x.requestBodySize = resolved->body.size();
            x.warnings = QStringList { s("not sent: converted by api-playground convert") };
            exchanges.append(x);
        }
    }
    if (format == QLatin1String("har")) {
        QList<HarWriter::Entry> entries;
        for (const Exchange &x : exchanges)
            entries.append({ &x, QDateTime::currentDateTimeUtc() });
        return HarWriter::write(entries);
    }
    if (format == QLatin1String("curl")) {
        if (out.isEmpty())
            return R::failure(s("no request could be written as curl"));
        return out;
    }
    return R::failure(s("unknown output format ") + format);
}

int ConvertCommand::exec(const QStringList &args)
{
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        std::fputs(
            qPrintable(CommandLineSpec::commandUsage(*CommandLineSpec::command(s("convert")))),
            stdout);
        return ExitOk;
    }
    const Result<Arguments> parsed = parse(args);
    if (!parsed) {
        err(s("api-playground convert: ") + parsed.error());
        return ExitBadInput;
    }
    const Arguments &a = parsed.value();
    const QString origin = a.input == QLatin1String("-") ? s("<stdin>") : a.input;
    QByteArray bytes;
    if (a.input == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            err(s("api-playground convert: <stdin>: ") + in.errorString());
            return ExitBadInput;
        }
        // A pipe gives what it holds at each read: read to its end (or past the limit).
        while (bytes.size() <= MaxInputBytes) {
            const QByteArray chunk
                = in.read(std::min<qint64>(1 << 20, MaxInputBytes + 1 - bytes.size()));
            if (chunk.isEmpty())
                break;
            bytes += chunk;
        }
        if (bytes.size() > MaxInputBytes) {
            err(s("api-playground convert: <stdin>: larger than %1 MiB; not read")
                    .arg(MaxInputBytes >> 20));
            return ExitBadInput;
        }
        InputFile::asUtf8(bytes); // as a file's is
    } else {
        // A named input is a regular file of bounded size (a FIFO would wait forever).
        const Result<QByteArray> read = InputFile::read(a.input, MaxInputBytes);
        if (!read) {
            err(s("api-playground convert: ") + read.error());
            return ExitBadInput;
        }
        bytes = read.value();
    }
    QString format = a.from;
    if (format == QLatin1String("auto")) {
        format = CollectionImport::detect(bytes, origin);
        if (format.isEmpty()) {
            err(s("api-playground convert: ") + origin
                + s(": the format could not be guessed; give --from "
                    "curl|markdown|http|openapi|postman"));
            return ExitBadInput;
        }
    }
    const Result<ImportedCollection> imported = CollectionImport::import(bytes, format, origin);
    if (!imported) {
        err(s("api-playground convert: ") + imported.error());
        return ExitBadInput;
    }
    QStringList warnings = imported->warnings;
    Collection collection = imported->collection;
    // Credentials written as text in the input become secret variables: redacted like any secret
    // unless --include-secrets.
    if (!a.includeSecrets)
        warnings += LiteralCredentials::extract(&collection);
    const Result<QByteArray> written = exportAs(collection, a.to, a.includeSecrets, &warnings);
    for (const QString &w : warnings)
        err(s("warning: ") + w);
    if (!written) {
        err(s("api-playground convert: ") + written.error());
        return ExitBadInput;
    }
    if (a.outPath.isEmpty()) {
        std::fwrite(written->constData(), 1, size_t(written->size()), stdout);
        std::fflush(stdout);
        return ExitOk;
    }
    QSaveFile out(a.outPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(written.value()) != written->size()
        || !out.commit()) {
        err(s("api-playground convert: ") + a.outPath + s(": ") + out.errorString());
        return ExitBadInput;
    }
    return ExitOk;
}

} // namespace Playground
