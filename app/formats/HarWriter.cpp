#include "app/formats/HarWriter.h"

#include "app/core/Version.h"
#include "app/http/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>
#include <QUrl>
#include <QUrlQuery>

namespace Playground {

namespace {

    QString s(const char *text)
    {
        return QString::fromUtf8(text);
    }

    /** Bytes as text when they are valid UTF-8, else nullopt. */
    std::optional<QString> utf8(const QByteArray &bytes)
    {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(bytes);
        if (decoder.hasError())
            return std::nullopt;
        return text;
    }

    QString latin(const QByteArray &bytes)
    {
        return HarWriter::wellFormed(QString::fromUtf8(bytes));
    }

    QJsonArray headers(const HeaderList &list)
    {
        // A HAR is shared: credential headers are masked whatever the exchange recorded (a
        // response's Set-Cookie is the session the server handed out).
        QJsonArray out;
        for (const HeaderPair &h : Redactor({}).headers(list))
            out.append(
                QJsonObject { { s("name"), latin(h.first) }, { s("value"), latin(h.second) } });
        return out;
    }

    QString mimeType(const HeaderList &list)
    {
        for (const HeaderPair &h : list) {
            if (h.first.compare("Content-Type", Qt::CaseInsensitive) == 0)
                return latin(h.second);
        }
        return QString();
    }

    double span(double from, double to)
    {
        return from >= 0 && to >= from ? to - from : -1;
    }

    /**
     * HAR's response.bodySize: the bytes received (encoded, as they travelled); -1 when not known
     * (a decoded body without a length, or history from before the size on the wire was kept).
     */
    double wireSize(const Exchange &x)
    {
        if (x.bodyWireSize >= 0)
            return double(x.bodyWireSize);
        return x.responseHeader("Content-Encoding").isEmpty() ? double(x.bodySize) : -1;
    }

} // namespace

QString HarWriter::wellFormed(const QString &text)
{
    QString out = text;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        if (c.isHighSurrogate() && i + 1 < out.size() && out.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            out[i] = QChar::ReplacementCharacter;
    }
    return out;
}

QJsonObject HarWriter::har(const QList<Entry> &entries)
{
    QJsonArray list;
    for (const Entry &entry : entries) {
        const Exchange &x = *entry.exchange;
        const QUrl url(wellFormed(x.url));
        QJsonArray query;
        for (const auto &item : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
            query.append(QJsonObject {
                { s("name"), wellFormed(item.first) }, { s("value"), wellFormed(item.second) } });
        QJsonObject request { { s("method"), latin(x.method) }, { s("url"), wellFormed(x.url) },
            { s("httpVersion"), s("HTTP/1.1") }, { s("cookies"), QJsonArray() },
            { s("headers"), headers(x.requestHeaders) }, { s("queryString"), query },
            { s("headersSize"), -1 },
            { s("bodySize"), double(qMax(x.requestBodySize, qint64(x.requestBody.size()))) } };
        if (!x.requestBody.isEmpty()) {
            QJsonObject post { { s("mimeType"), mimeType(x.requestHeaders) } };
            if (const auto text = utf8(x.requestBody))
                post.insert(s("text"), wellFormed(*text));
            else
                // HAR 1.2 has no encoding field for postData; say what was there.
                post.insert(s("text"),
                    s("(binary body, %1 bytes, base64) ").arg(x.requestBody.size())
                        + QString::fromLatin1(x.requestBody.toBase64()));
            request.insert(s("postData"), post);
        }

        QJsonObject content { { s("size"), double(x.bodySize) },
            { s("mimeType"), mimeType(x.responseHeaders) } };
        const double transferred = wireSize(x);
        if (transferred >= 0 && transferred < x.bodySize)
            content.insert(s("compression"), x.bodySize - transferred);
        const QByteArray body = x.bodyBytes(MaxBodyBytes);
        if (!body.isEmpty()) {
            if (const auto text = utf8(body); text && !x.bodyUndecoded) {
                content.insert(s("text"), wellFormed(*text));
            } else {
                content.insert(s("text"), QString::fromLatin1(body.toBase64()));
                content.insert(s("encoding"), s("base64"));
            }
        }
        if (body.size() < x.bodySize)
            content.insert(
                s("comment"), s("body truncated to the first %1 bytes").arg(body.size()));
        QString redirect;
        const QByteArray location = x.responseHeader("Location");
        if (!location.isEmpty())
            redirect = latin(location);
        QJsonObject response { { s("status"), x.status }, { s("statusText"), latin(x.reason) },
            { s("httpVersion"), s("HTTP/1.1") }, { s("cookies"), QJsonArray() },
            { s("headers"), headers(x.responseHeaders) }, { s("content"), content },
            { s("redirectURL"), redirect }, { s("headersSize"), -1 },
            { s("bodySize"), transferred } };
        if (x.failure != FailureKind::None)
            response.insert(
                s("comment"), wellFormed(failureKindName(x.failure) + s(": ") + x.error));

        const Timings &t = x.timings;
        const double connect = span(t.connectStart, t.tlsDone >= 0 ? t.tlsDone : t.requestSent);
        const double send = 0;
        const double wait = qMax(0.0, span(t.requestSent, t.firstByte));
        const double receive = qMax(0.0, span(t.firstByte, t.total));
        const QJsonObject timings { { s("blocked"), -1 }, { s("dns"), -1 },
            { s("connect"), connect }, { s("ssl"), -1 }, { s("send"), send }, { s("wait"), wait },
            { s("receive"), receive } };
        QJsonObject e {
            { s("startedDateTime"),
                (entry.started.isValid() ? entry.started : QDateTime::currentDateTimeUtc())
                    .toString(Qt::ISODateWithMs) },
            { s("time"), qMax(0.0, t.total) }, { s("request"), request },
            { s("response"), response }, { s("cache"), QJsonObject() }, { s("timings"), timings }
        };
        if (!x.warnings.isEmpty())
            e.insert(s("comment"), wellFormed(x.warnings.join(s("; "))));
        list.append(e);
    }
    const QJsonObject creator { { s("name"), QString::fromLatin1(AppName) },
        { s("version"), QString::fromLatin1(AppVersion) } };
    return { { s("log"),
        QJsonObject {
            { s("version"), s("1.2") }, { s("creator"), creator }, { s("entries"), list } } } };
}

QByteArray HarWriter::write(const QList<Entry> &entries)
{
    return QJsonDocument(har(entries)).toJson(QJsonDocument::Indented);
}

} // namespace Playground
