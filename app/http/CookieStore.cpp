#include "app/http/CookieStore.h"

#include "app/core/PrivateFolder.h"
#include "app/http/CookieJar.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkCookie>
#include <QSaveFile>
#include <QStandardPaths>

namespace Playground {

namespace {

    constexpr int FormatVersion = 1;
    constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;

    QString s(const char *text)
    {
        return QString::fromLatin1(text);
    }

    QJsonObject toJson(const QNetworkCookie &cookie)
    {
        // Names and values are bytes: Latin-1 keeps every one of them as it was.
        QJsonObject o { { s("name"), QString::fromLatin1(cookie.name()) },
            { s("value"), QString::fromLatin1(cookie.value()) }, { s("domain"), cookie.domain() },
            { s("path"), cookie.path() } };
        if (!cookie.isSessionCookie())
            o.insert(s("expires"), cookie.expirationDate().toUTC().toString(Qt::ISODate));
        if (cookie.isSecure())
            o.insert(s("secure"), true);
        if (cookie.isHttpOnly())
            o.insert(s("httpOnly"), true);
        return o;
    }

    QNetworkCookie fromJson(const QJsonObject &o)
    {
        QNetworkCookie cookie(
            o.value(s("name")).toString().toLatin1(), o.value(s("value")).toString().toLatin1());
        cookie.setDomain(o.value(s("domain")).toString());
        cookie.setPath(o.value(s("path")).toString());
        if (o.contains(s("expires")))
            cookie.setExpirationDate(
                QDateTime::fromString(o.value(s("expires")).toString(), Qt::ISODate));
        cookie.setSecure(o.value(s("secure")).toBool());
        cookie.setHttpOnly(o.value(s("httpOnly")).toBool());
        return cookie;
    }

    /** The jars in the file, or why it cannot be read. */
    Result<QHash<QString, QList<QNetworkCookie>>> parse(const QByteArray &bytes)
    {
        using Jars = QHash<QString, QList<QNetworkCookie>>;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
        if (error.error != QJsonParseError::NoError)
            return Result<Jars>::failure(QStringLiteral("not JSON (%1 at byte %2)")
                                             .arg(error.errorString())
                                             .arg(error.offset));
        const QJsonObject root = document.object();
        if (!document.isObject() || root.value(s("version")).toInt() != FormatVersion
            || !root.value(s("environments")).isObject())
            return Result<Jars>::failure(
                QStringLiteral("not a cookies file of this version (version %1 expected)")
                    .arg(FormatVersion));
        Jars jars;
        const QJsonObject environments = root.value(s("environments")).toObject();
        for (auto it = environments.begin(); it != environments.end(); ++it) {
            if (!it.value().isArray())
                return Result<Jars>::failure(
                    QStringLiteral("the cookies of \"%1\" are not a list").arg(it.key()));
            QList<QNetworkCookie> cookies;
            for (const QJsonValue &value : it.value().toArray()) {
                const QNetworkCookie cookie = fromJson(value.toObject());
                if (!value.isObject() || cookie.name().isEmpty() || cookie.domain().isEmpty())
                    return Result<Jars>::failure(
                        QStringLiteral("a cookie of \"%1\" has no name or domain").arg(it.key()));
                cookies.append(cookie);
            }
            jars.insert(it.key(), cookies);
        }
        return jars;
    }

} // namespace

CookieStore::CookieStore(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path.isEmpty() ? defaultPath() : path)
{
    load();
}

CookieStore::~CookieStore() = default;

QString CookieStore::defaultPath()
{
    return PrivateFolder::filePath(QStandardPaths::AppDataLocation, QStringLiteral("cookies.json"));
}

CookieJar *CookieStore::jar(const QString &environment)
{
    CookieJar *&jar = m_jars[environment];
    if (!jar) {
        jar = new CookieJar(this);
        connect(jar, &CookieJar::changed, this, [this] { save(); });
    }
    return jar;
}

void CookieStore::report(const QString &message)
{
    m_problem = message;
    Q_EMIT problemOccurred(message);
}

void CookieStore::load()
{
    QFile file(m_path);
    if (!file.exists())
        return;
    QString problem;
    if (file.size() > MaxFileBytes)
        problem = tr("it is larger than %1 MiB").arg(MaxFileBytes / (1024 * 1024));
    else if (!file.open(QIODevice::ReadOnly))
        problem = file.errorString();
    QHash<QString, QList<QNetworkCookie>> jars;
    if (problem.isEmpty()) {
        const auto parsed = parse(file.readAll());
        if (parsed)
            jars = parsed.value();
        else
            problem = parsed.error();
    }
    file.close();
    if (problem.isEmpty()) {
        for (auto it = jars.cbegin(); it != jars.cend(); ++it) {
            CookieJar *target = jar(it.key());
            const QSignalBlocker quiet(target); // nothing changed: no write back
            target->replaceAll(it.value());
        }
        return;
    }
    // Kept for the user to look at; the next save starts a fresh file.
    const QString aside = m_path + QStringLiteral(".broken-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const bool moved = QFile::rename(m_path, aside);
    report(moved
            ? tr("The cookies file %1 could not be read (%2); it was moved to %3 and the "
                 "cookie jars start empty.")
                  .arg(QDir::toNativeSeparators(m_path), problem, QDir::toNativeSeparators(aside))
            : tr("The cookies file %1 could not be read (%2) nor moved aside; cookies are "
                 "kept for this session only.")
                  .arg(QDir::toNativeSeparators(m_path), problem));
    if (!moved)
        m_path.clear();
}

Status CookieStore::save()
{
    if (m_path.isEmpty())
        return Status::failure(m_problem);
    QJsonObject environments;
    for (auto it = m_jars.cbegin(); it != m_jars.cend(); ++it) {
        QJsonArray cookies;
        for (const QNetworkCookie &cookie : it.value()->cookies())
            cookies.append(toJson(cookie));
        if (!cookies.isEmpty())
            environments.insert(it.key(), cookies);
    }
    const QJsonObject root { { s("version"), FormatVersion }, { s("environments"), environments } };
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    // The owner only, before a byte is written: cookies are often session credentials.
    const bool written = file.open(QIODevice::WriteOnly)
        && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        && file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) >= 0 && file.commit();
    if (!written) {
        const QString message = tr("The cookies could not be saved to %1: %2")
                                    .arg(QDir::toNativeSeparators(m_path), file.errorString());
        report(message);
        return Status::failure(message);
    }
    return {};
}

} // namespace Playground
