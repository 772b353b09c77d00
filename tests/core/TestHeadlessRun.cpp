// `api-playground run` maps no GUI library: the process is inspected (/proc/PID/maps) while its
// request is being answered by the loopback server, so the check sees the run at work.
#include "tests/support/TestPaths.h"
#include "tests/support/TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Playground::Test::Reply;
using Playground::Test::TestServer;

class TestHeadlessRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runMapsNoGuiLibrary();
};

void TestHeadlessRun::runMapsNoGuiLibrary()
{
    TestServer server;
    QVERIFY(server.start());
    QProcess process;
    QByteArray maps;
    server.route("/maps", [&](const Playground::Test::RecordedRequest &) {
        QFile f(QStringLiteral("/proc/%1/maps").arg(process.processId()));
        if (f.open(QIODevice::ReadOnly))
            maps = f.readAll();
        return Reply::text(200, "ok");
    });

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QJsonObject root {
        { "info", QJsonObject { { "name", "headless" } } },
        { "item",
            QJsonArray { QJsonObject { { "name", "maps" },
                { "request",
                    QJsonObject {
                        { "method", "GET" }, { "url", server.baseUrl() + "/maps" } } } } } },
    };
    QFile file(dir.filePath("c.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(root).toJson());
    file.close();

    QSignalSpy exited(&process, &QProcess::finished);
    process.start(Playground::Test::playgroundBinary(), { "run", file.fileName() });
    QVERIFY2(exited.wait(60'000), "run did not finish");
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(!maps.isEmpty(), "the request never reached the server");
    QVERIFY2(maps.contains("libQt6Network"), "the maps read are not those of a run");

    static const QRegularExpression gui(QStringLiteral(
        R"((libQt6(Gui|Widgets|OpenGL|XcbQpa)|libX11|libxcb|libEGL|libGLX|libGL\.|libOpenGL|libfontconfig|libfreetype)[^/\s]*)"));
    QStringList found;
    for (const QByteArray &line : maps.split('\n')) {
        const auto m = gui.match(QString::fromUtf8(line));
        if (m.hasMatch() && !found.contains(m.captured(0)))
            found.append(m.captured(0));
    }
    QVERIFY2(found.isEmpty(), qPrintable("GUI libraries mapped: " + found.join(", ")));
}

QTEST_GUILESS_MAIN(TestHeadlessRun)
#include "TestHeadlessRun.moc"
