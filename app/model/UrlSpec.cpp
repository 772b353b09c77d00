#include "app/model/UrlSpec.h"

#include "app/model/ByteText.h"

#include <algorithm>

namespace Playground {

QString UrlSpec::raw() const
{
    QString out = base;
    QStringList pairs;
    for (const KeyValue &q : query) {
        if (!q.enabled)
            continue;
        pairs.append(q.value.isNull() ? q.key : q.key + QLatin1Char('=') + q.value);
    }
    if (!pairs.isEmpty())
        out += QLatin1Char('?') + pairs.join(QLatin1Char('&'));
    if (!fragment.isEmpty())
        out += QLatin1Char('#') + fragment;
    return out;
}

UrlSpec UrlSpec::fromRaw(const QString &raw)
{
    UrlSpec url;
    QString rest = raw.trimmed();
    const qsizetype hash = rest.indexOf(QLatin1Char('#'));
    if (hash >= 0) {
        url.fragment = rest.mid(hash + 1);
        rest.truncate(hash);
    }
    const qsizetype q = rest.indexOf(QLatin1Char('?'));
    if (q < 0) {
        url.base = rest;
        return url;
    }
    url.base = rest.left(q);
    const QString query = rest.mid(q + 1);
    if (query.isEmpty())
        return url;
    for (const QString &pair : query.split(QLatin1Char('&'))) {
        KeyValue row;
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq < 0) {
            row.key = pair;
        } else {
            row.key = pair.left(eq);
            row.value = pair.mid(eq + 1);
            if (row.value.isNull())
                row.value = QLatin1String("");
        }
        url.query.append(row);
    }
    return url;
}

UrlSpec UrlSpec::withTyped(const QString &raw) const
{
    UrlSpec url = fromRaw(raw);
    url.pathVariables = pathVariables;
    url.pathVariables = url.pathVariablesFollowingBase();
    url.writtenAsString = writtenAsString;
    url.extra = extra;
    for (qsizetype i = 0; i < url.query.size() && i < query.size(); ++i) {
        const KeyValue &old = query.at(i);
        if (old.enabled && old.key == url.query.at(i).key) {
            url.query[i].description = old.description;
            url.query[i].extra = old.extra;
        }
    }
    for (const KeyValue &old : query) {
        if (!old.enabled)
            url.query.append(old);
    }
    return url;
}

const QRegularExpression &UrlSpec::pathVariablePattern()
{
    static const QRegularExpression segment(QStringLiteral("(^|/):([A-Za-z0-9_.-]+)(?=/|$)"));
    return segment;
}

QStringList UrlSpec::pathVariableNames(const QString &base)
{
    // The path starts at the first '/' after the scheme and host, or after a {{baseUrl}}.
    qsizetype from = 0;
    if (const qsizetype scheme = base.indexOf(QLatin1String("://")); scheme >= 0)
        from = base.indexOf(QLatin1Char('/'), scheme + 3);
    else if (base.startsWith(QLatin1String("{{")))
        from = base.indexOf(QLatin1Char('/'), base.indexOf(QLatin1String("}}")));
    else
        from = base.indexOf(QLatin1Char('/'));
    QStringList names;
    if (from < 0)
        return names;
    auto it = pathVariablePattern().globalMatch(ByteText::matchable(base.mid(from)));
    while (it.hasNext()) {
        const QString name = it.next().captured(2);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

KeyValueList UrlSpec::pathVariablesFollowingBase() const
{
    KeyValueList rows;
    for (const QString &name : pathVariableNames(base)) {
        const auto known = std::find_if(pathVariables.cbegin(), pathVariables.cend(),
            [&](const KeyValue &row) { return row.key == name; });
        rows.append(known != pathVariables.cend() ? *known : KeyValue { name, QString() });
    }
    return rows;
}

std::optional<UrlSpec::UserInfo> UrlSpec::takeUserInfo(QString *url)
{
    const qsizetype scheme = url->indexOf(QLatin1String("://"));
    if (scheme < 0)
        return std::nullopt;
    const qsizetype host = scheme + 3;
    qsizetype end = url->size();
    for (const QChar c : { QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#') }) {
        const qsizetype at = url->indexOf(c, host);
        if (at >= 0)
            end = std::min(end, at);
    }
    const qsizetype at = end > host ? url->lastIndexOf(QLatin1Char('@'), end - 1) : -1;
    if (at < host)
        return std::nullopt;
    UserInfo info;
    info.written = url->mid(host, at - host);
    url->remove(host, at + 1 - host);
    // Split first, then decode: an encoded ':' (%3A) belongs to its part.
    const auto decoded = [](const QString &part) {
        return ByteText::fromBytes(QByteArray::fromPercentEncoding(ByteText::toBytes(part)));
    };
    const qsizetype colon = info.written.indexOf(QLatin1Char(':'));
    info.user = decoded(colon < 0 ? info.written : info.written.left(colon));
    info.hasPassword = colon >= 0;
    if (info.hasPassword)
        info.password = decoded(info.written.mid(colon + 1));
    return info;
}

} // namespace Playground
