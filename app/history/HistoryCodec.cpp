#include "app/history/HistoryCodec.h"

#include "app/auth/AuthApplier.h"
#include "app/formats/PostmanReader.h"
#include "app/formats/PostmanWriter.h"
#include "app/http/Redactor.h"
#include "app/template/TemplateText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Playground {

namespace {

    constexpr int LastFailureKind = static_cast<int>(FailureKind::Disk);

    /**
     * value with its literal text masked: {{references}} stay (they name a secret, they are not
     * one), and so does a leading scheme word ("Bearer ").
     */
    QString maskLiterals(const QString &value)
    {
        static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9_.-]*\\s+$"));
        QString out;
        const QList<TemplateToken> tokens = TemplateText::tokenize(value);
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            const TemplateToken &t = tokens.at(i);
            if (t.isVariable)
                out += QLatin1String("{{") + t.text + QLatin1String("}}");
            else if (t.text.trimmed().isEmpty() || (i == 0 && scheme.match(t.text).hasMatch()))
                out += t.text;
            else
                out += QLatin1String(Redactor::Mask);
        }
        return out;
    }

    QJsonArray headersJson(const HeaderList &headers)
    {
        QJsonArray a;
        for (const HeaderPair &h : headers)
            a.append(QJsonArray { QString::fromLatin1(h.first), QString::fromLatin1(h.second) });
        return a;
    }

    HeaderList headersFrom(const QJsonValue &value)
    {
        HeaderList out;
        for (const QJsonValue &h : value.toArray()) {
            const QJsonArray pair = h.toArray();
            out.append({ pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1() });
        }
        return out;
    }

    QJsonArray stringsJson(const QStringList &list)
    {
        return QJsonArray::fromStringList(list);
    }

    QStringList stringsFrom(const QJsonValue &value)
    {
        QStringList out;
        for (const QJsonValue &v : value.toArray())
            out.append(v.toString());
        return out;
    }

    FailureKind failureFrom(const QString &name)
    {
        for (int k = 0; k <= LastFailureKind; ++k) {
            if (failureKindName(static_cast<FailureKind>(k)) == name)
                return static_cast<FailureKind>(k);
        }
        return FailureKind::None;
    }

} // namespace

RequestSpec HistoryCodec::storable(const RequestSpec &templates)
{
    RequestSpec out = templates;
    out.responses = QJsonArray();
    for (Variable &v : out.variables) {
        if (v.isSecret())
            v.value.clear();
    }
    for (KeyValue &h : out.headers) {
        if (Redactor::isCredentialHeader(h.key.toLatin1()))
            h.value = maskLiterals(h.value);
    }
    if (out.auth) {
        for (AuthParam &p : out.auth->params) {
            if (p.value.isString() && AuthApplier::isSecretParam(out.auth->type, p.key))
                p.value = maskLiterals(p.value.toString());
        }
    }
    return out;
}

QByteArray HistoryCodec::requestJson(const RequestSpec &templates, const Redactor &redactor)
{
    Collection collection;
    CollectionItem item;
    item.name = templates.name;
    item.request = storable(templates);
    item.variables = item.request.variables;
    collection.name = templates.name;
    collection.items.append(item);
    const QJsonValue json = redactor.json(PostmanWriter::collectionJson(collection));
    return QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact);
}

Result<RequestSpec> HistoryCodec::requestFromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return Result<RequestSpec>::failure(
            QStringLiteral("The recorded request is damaged (%1).").arg(error.errorString()));
    Result<Collection> collection
        = PostmanReader::readCollection(doc.object(), QStringLiteral("history"));
    if (!collection)
        return Result<RequestSpec>::failure(collection.error());
    const QList<CollectionItem> &items = collection->items;
    if (items.size() != 1 || items.first().isFolder)
        return Result<RequestSpec>::failure(QStringLiteral("The recorded request is damaged."));
    RequestSpec request = items.first().request;
    request.name = items.first().name;
    request.variables = items.first().variables;
    return request;
}

QByteArray HistoryCodec::exchangeJson(const Exchange &e, const Redactor &redactor)
{
    QJsonArray hops;
    for (const RedirectHop &hop : e.hops)
        hops.append(QJsonObject { { QLatin1String("url"), hop.url },
            { QLatin1String("status"), hop.status }, { QLatin1String("location"), hop.location },
            { QLatin1String("credentialsDropped"), hop.credentialsDropped } });
    const QJsonObject timings { { QLatin1String("connectStart"), e.timings.connectStart },
        { QLatin1String("tlsDone"), e.timings.tlsDone },
        { QLatin1String("requestSent"), e.timings.requestSent },
        { QLatin1String("firstByte"), e.timings.firstByte },
        { QLatin1String("total"), e.timings.total } };
    const QJsonObject tls { { QLatin1String("subject"), e.tls.subject },
        { QLatin1String("issuer"), e.tls.issuer },
        { QLatin1String("errors"), stringsJson(e.tls.errors) } };
    const QJsonObject o {
        { QLatin1String("method"), QString::fromLatin1(e.method) },
        { QLatin1String("url"), e.url },
        { QLatin1String("requestHeaders"), headersJson(e.requestHeaders) },
        { QLatin1String("requestBodySize"), double(e.requestBodySize) },
        { QLatin1String("warnings"), stringsJson(e.warnings) },
        { QLatin1String("hops"), hops },
        { QLatin1String("insecure"), e.insecure },
        { QLatin1String("status"), e.status },
        { QLatin1String("reason"), QString::fromLatin1(e.reason) },
        // Set-Cookie and credential headers a server sends back are masked like ours.
        { QLatin1String("responseHeaders"), headersJson(redactor.headers(e.responseHeaders)) },
        { QLatin1String("bodySize"), double(e.bodySize) },
        { QLatin1String("bodyUndecoded"), e.bodyUndecoded },
        { QLatin1String("bodyWireSize"), double(e.bodyWireSize) },
        { QLatin1String("failure"), failureKindName(e.failure) },
        { QLatin1String("error"), e.error },
        { QLatin1String("unresolved"), stringsJson(e.unresolved) },
        { QLatin1String("tls"), tls },
        { QLatin1String("timings"), timings },
    };
    return QJsonDocument(redactor.json(o).toObject()).toJson(QJsonDocument::Compact);
}

Result<Exchange> HistoryCodec::exchangeFromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return Result<Exchange>::failure(
            QStringLiteral("The recorded response is damaged (%1).").arg(error.errorString()));
    const QJsonObject o = doc.object();
    Exchange e;
    e.method = o.value(QLatin1String("method")).toString().toLatin1();
    e.url = o.value(QLatin1String("url")).toString();
    e.requestHeaders = headersFrom(o.value(QLatin1String("requestHeaders")));
    e.requestBodySize = qint64(o.value(QLatin1String("requestBodySize")).toDouble());
    e.warnings = stringsFrom(o.value(QLatin1String("warnings")));
    for (const QJsonValue &v : o.value(QLatin1String("hops")).toArray()) {
        const QJsonObject hop = v.toObject();
        e.hops.append({ hop.value(QLatin1String("url")).toString(),
            hop.value(QLatin1String("status")).toInt(),
            hop.value(QLatin1String("location")).toString(),
            hop.value(QLatin1String("credentialsDropped")).toBool() });
    }
    e.insecure = o.value(QLatin1String("insecure")).toBool();
    e.status = o.value(QLatin1String("status")).toInt();
    e.reason = o.value(QLatin1String("reason")).toString().toLatin1();
    e.responseHeaders = headersFrom(o.value(QLatin1String("responseHeaders")));
    e.bodySize = qint64(o.value(QLatin1String("bodySize")).toDouble());
    e.bodyUndecoded = o.value(QLatin1String("bodyUndecoded")).toBool();
    e.bodyWireSize = qint64(o.value(QLatin1String("bodyWireSize")).toDouble(-1));
    e.failure = failureFrom(o.value(QLatin1String("failure")).toString());
    e.error = o.value(QLatin1String("error")).toString();
    e.unresolved = stringsFrom(o.value(QLatin1String("unresolved")));
    const QJsonObject tls = o.value(QLatin1String("tls")).toObject();
    e.tls.subject = tls.value(QLatin1String("subject")).toString();
    e.tls.issuer = tls.value(QLatin1String("issuer")).toString();
    e.tls.errors = stringsFrom(tls.value(QLatin1String("errors")));
    const QJsonObject t = o.value(QLatin1String("timings")).toObject();
    e.timings.connectStart = t.value(QLatin1String("connectStart")).toDouble(-1);
    e.timings.tlsDone = t.value(QLatin1String("tlsDone")).toDouble(-1);
    e.timings.requestSent = t.value(QLatin1String("requestSent")).toDouble(-1);
    e.timings.firstByte = t.value(QLatin1String("firstByte")).toDouble(-1);
    e.timings.total = t.value(QLatin1String("total")).toDouble(-1);
    return e;
}

} // namespace Playground
