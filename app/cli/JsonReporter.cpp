#include "app/cli/JsonReporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Playground {

namespace {

    QJsonValue ms(double value)
    {
        return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(qRound(value * 1000) / 1000.0);
    }

} // namespace

QByteArray JsonReporter::render(const RunReport &report) const
{
    QJsonArray requests;
    for (const RunResult &r : report.results) {
        const Exchange &x = r.exchange;
        QJsonObject o;
        o.insert(QLatin1String("name"), r.name);
        o.insert(QLatin1String("folders"), QJsonArray::fromStringList(r.folders));
        o.insert(QLatin1String("method"), QString::fromUtf8(x.method));
        o.insert(QLatin1String("url"), x.url);
        o.insert(QLatin1String("status"),
            x.status > 0 ? QJsonValue(x.status) : QJsonValue(QJsonValue::Null));
        o.insert(QLatin1String("passed"), !r.failed());
        o.insert(QLatin1String("error"),
            r.failed() ? QJsonValue(r.failureMessage()) : QJsonValue(QJsonValue::Null));
        o.insert(QLatin1String("failure"),
            r.resolveError.isEmpty() ? failureKindName(x.failure) : QStringLiteral("not-sent"));
        o.insert(QLatin1String("timings"),
            QJsonObject {
                { QLatin1String("connectStartMs"), ms(x.timings.connectStart) },
                { QLatin1String("tlsDoneMs"), ms(x.timings.tlsDone) },
                { QLatin1String("requestSentMs"), ms(x.timings.requestSent) },
                { QLatin1String("firstByteMs"), ms(x.timings.firstByte) },
                { QLatin1String("totalMs"), ms(x.timings.total) },
            });
        o.insert(QLatin1String("bytes"),
            QJsonObject {
                { QLatin1String("requestBody"), x.requestBodySize },
                { QLatin1String("responseBody"), x.bodySize },
            });
        QJsonArray hops;
        for (const RedirectHop &h : x.hops)
            hops.append(QJsonObject { { QLatin1String("url"), h.url },
                { QLatin1String("status"), h.status }, { QLatin1String("location"), h.location },
                { QLatin1String("credentialsDropped"), h.credentialsDropped } });
        o.insert(QLatin1String("redirects"), hops);
        o.insert(QLatin1String("warnings"), QJsonArray::fromStringList(x.warnings));
        if (!x.tls.isEmpty())
            o.insert(QLatin1String("tls"),
                QJsonObject { { QLatin1String("subject"), x.tls.subject },
                    { QLatin1String("issuer"), x.tls.issuer },
                    { QLatin1String("errors"), QJsonArray::fromStringList(x.tls.errors) } });
        requests.append(o);
    }
    const QJsonObject root {
        { QLatin1String("collection"), report.collectionName },
        { QLatin1String("total"), report.results.size() },
        { QLatin1String("failed"), report.failures() },
        { QLatin1String("totalMs"), ms(report.totalMs) },
        { QLatin1String("requests"), requests },
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Playground
