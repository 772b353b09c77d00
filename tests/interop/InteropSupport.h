#pragma once

// What the interop tests share: running a reference client as a process, the loopback test server
// as a process logging every request it received (one JSON line each), and the parts of a logged
// request two clients must agree on.
#include "tests/support/TestPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSignalSpy>
#include <QStringList>

namespace Playground::Test {

struct ClientRun {
    bool ran = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/** Runs program (killed after 60 s), feeding input; the event loop keeps running meanwhile. */
inline ClientRun runClient(const QString &program, const QStringList &args, const QByteArray &input,
    const QString &workingDirectory)
{
    QProcess p;
    p.setWorkingDirectory(workingDirectory);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(input);
    p.closeWriteChannel();
    QSignalSpy done(&p, &QProcess::finished);
    if (p.state() != QProcess::NotRunning && !done.wait(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return { false, -1, p.readAllStandardOutput(), p.readAllStandardError() };
    }
    return { p.exitStatus() == QProcess::NormalExit, p.exitCode(), p.readAllStandardOutput(),
        p.readAllStandardError() };
}

/**
 * The headers every client sets its own way (its signature), left out of comparisons. The
 * Content-Length is compared as present or not (the body itself is compared), a multipart
 * boundary as BOUNDARY.
 */
inline QMap<QString, QString> comparable(
    const QJsonObject &request, const QStringList &alsoIgnored = {})
{
    static const QStringList ClientOwnHeaders { "user-agent", "host", "connection",
        "accept-encoding", "accept", "accept-language" };
    QMap<QString, QString> out;
    const QJsonObject headers = request.value("headers").toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        const QString name = it.key().toLower();
        if (ClientOwnHeaders.contains(name) || alsoIgnored.contains(name))
            continue;
        out.insert("header " + name,
            name == "content-length" ? QString("(present)")
                : it.value().isArray()
                ? QString::fromUtf8(QJsonDocument(it.value().toArray()).toJson())
                : it.value().toString());
    }
    out.insert("method", request.value("method").toString());
    out.insert("path", request.value("path").toString());
    out.insert("query", request.value("query").toString());
    // A multipart boundary is each send's own choice.
    QByteArray body = QByteArray::fromBase64(request.value("bodyBase64").toString().toLatin1());
    const QString type = out.value("header content-type");
    const qsizetype at = type.indexOf(QLatin1String("boundary="));
    if (type.startsWith(QLatin1String("multipart/")) && at > 0) {
        body.replace(type.mid(at + 9).toLatin1(), "BOUNDARY");
        out.insert("header content-type", type.left(at + 9) + "BOUNDARY");
    }
    out.insert("body", QString::fromLatin1(body.toBase64()));
    return out;
}

inline QString describe(const QMap<QString, QString> &m)
{
    QStringList lines;
    for (auto it = m.begin(); it != m.end(); ++it)
        lines.append(it.key() + ": " + it.value());
    return lines.join('\n');
}

/** The project's test server as a process (plain HTTP on 127.0.0.1), logging each request. */
class LoggingServer {
public:
    ~LoggingServer() { stop(); }

    /** Starts it, logging into folder; an error message, or empty. */
    QString start(const QString &folder)
    {
        const QString server
            = QFileInfo(playgroundBinary()).dir().filePath("tests/support/playground-testserver");
        if (!QFileInfo(server).isExecutable())
            return "not built: " + server;
        m_log = QDir(folder).filePath("requests.jsonl");
        m_process.start(server, { "--log", m_log });
        if (!m_process.waitForStarted(10000))
            return "the test server did not start";
        QSignalSpy ready(&m_process, &QProcess::readyReadStandardOutput);
        while (!m_process.canReadLine()) {
            if (!ready.wait(10000))
                return "the test server printed no PORT line";
        }
        const QByteArray line = m_process.readLine().trimmed();
        if (!line.startsWith("PORT "))
            return "the test server said " + QString::fromUtf8(line);
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(QString::fromLatin1(line.mid(5)));
        return {};
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    /** http://127.0.0.1:PORT */
    QString base() const { return m_base; }

    /** The requests logged since the last call. */
    QList<QJsonObject> takeNew()
    {
        QList<QJsonObject> out;
        QFile f(m_log);
        if (!f.open(QIODevice::ReadOnly))
            return out;
        qsizetype index = 0;
        for (const QByteArray &l : f.readAll().split('\n')) {
            if (l.trimmed().isEmpty())
                continue;
            if (index++ >= m_seen)
                out.append(QJsonDocument::fromJson(l).object());
        }
        m_seen = index;
        return out;
    }

private:
    QProcess m_process;
    QString m_log;
    QString m_base;
    qsizetype m_seen = 0;
};

} // namespace Playground::Test
