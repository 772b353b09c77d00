#include "app/runner/JsonReporter.h"

#include "app/cli/TerminalText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Playground {

namespace {

    QJsonValue ms(double value)
    {
        return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(qRound(value * 1000) / 1000.0);
    }

    /** A string any JSON reader accepts: no lone surrogate (Qt would write it as an escape that
     * strict readers refuse). */
    QString str(const QString &text)
    {
        return TerminalText::wellFormed(text);
    }

    QJsonArray strings(const QStringList &list)
    {
        QJsonArray out;
        for (const QString &s : list)
            out.append(str(s));
        return out;
    }

    /**
     * DEL and C1 controls as JSON unicode escapes: JSON allows them raw, but a report printed to a
     * terminal must not carry them (U+009B is a CSI to some terminals). In JSON text a byte 0x7f,
     * or 0xc2 followed by 0x80..0x9f, is always one of these characters inside a string.
     */
    QByteArray escapeControls(const QByteArray &json)
    {
        QByteArray out;
        out.reserve(json.size());
        for (qsizetype i = 0; i < json.size(); ++i) {
            const uchar c = uchar(json.at(i));
            const uchar next = i + 1 < json.size() ? uchar(json.at(i + 1)) : 0;
            if (c == 0x7f) {
                out += "\\u007f";
            } else if (c == 0xc2 && next >= 0x80 && next <= 0x9f) {
                out += "\\u00" + QByteArray::number(next, 16);
                ++i;
            } else {
                out += char(c);
            }
        }
        return out;
    }

} // namespace

Result<QByteArray> JsonReporter::render(const RunReport &report) const
{
    QJsonArray requests;
    for (const RunResult &r : report.results) {
        const Exchange &x = r.exchange;
        QJsonObject o;
        o.insert(QLatin1String("name"), str(r.name));
        o.insert(QLatin1String("folders"), strings(r.folders));
        o.insert(QLatin1String("iteration"), r.iteration + 1);
        o.insert(QLatin1String("method"), str(QString::fromUtf8(x.method)));
        o.insert(QLatin1String("url"), str(x.url));
        o.insert(QLatin1String("status"),
            x.status > 0 ? QJsonValue(x.status) : QJsonValue(QJsonValue::Null));
        o.insert(QLatin1String("passed"), !r.failed());
        o.insert(QLatin1String("error"),
            r.failed() ? QJsonValue(str(r.failureMessage())) : QJsonValue(QJsonValue::Null));
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
            hops.append(QJsonObject { { QLatin1String("url"), str(h.url) },
                { QLatin1String("status"), h.status },
                { QLatin1String("location"), str(h.location) },
                { QLatin1String("credentialsDropped"), h.credentialsDropped } });
        o.insert(QLatin1String("redirects"), hops);
        o.insert(QLatin1String("warnings"), strings(x.warnings));
        if (!x.tls.isEmpty())
            o.insert(QLatin1String("tls"),
                QJsonObject { { QLatin1String("subject"), str(x.tls.subject) },
                    { QLatin1String("issuer"), str(x.tls.issuer) },
                    { QLatin1String("errors"), strings(x.tls.errors) } });
        requests.append(o);
    }
    const QJsonObject root {
        { QLatin1String("collection"), str(report.collectionName) },
        { QLatin1String("total"), report.results.size() },
        { QLatin1String("failed"), report.failures() },
        { QLatin1String("totalMs"), ms(report.totalMs) },
        { QLatin1String("requests"), requests },
    };
    return escapeControls(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

} // namespace Playground
