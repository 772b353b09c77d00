// Large response bodies spill into a folder of the user's cache that others cannot read; what a
// crashed process left there is removed at the next start, what a running one writes is not.
#include "app/http/SpillFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;

class TestSpillFolder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void filesOfAGoneProcessAreRemoved();
    void theFolderIsTheUsersOwn();
};

namespace {

bool touch(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("body") == 4;
}

} // namespace

void TestSpillFolder::filesOfAGoneProcessAreRemoved()
{
    QTemporaryDir dir;
    // A process that has ended: its id is free.
    QProcess ended;
    ended.start(QStringLiteral("true"), {});
    QVERIFY(ended.waitForStarted());
    const qint64 gone = ended.processId();
    QVERIFY(ended.waitForFinished());

    const QString mine = QString(SpillFolder::fileTemplate(dir.path()))
                             .replace(QLatin1String("XXXXXX"), QLatin1String("GhIjKl"));
    const QString crashed = QString(mine).replace(
        QString::number(QCoreApplication::applicationPid()) + QLatin1Char('-'),
        QString::number(gone) + QLatin1Char('-'));
    // Another machine's spill in a shared home: its process is not ours to judge.
    const QString elsewhere
        = dir.filePath(QStringLiteral("api-playground-body-other-host-%1-MnOpQr").arg(gone));
    const QString other = dir.filePath(QStringLiteral("notes.txt"));
    QVERIFY(touch(crashed) && touch(mine) && touch(other) && touch(elsewhere));
    QCOMPARE(SpillFolder::sweep(dir.path()), 1);
    QVERIFY(!QFile::exists(crashed));
    QVERIFY(QFile::exists(mine)); // this process is running
    QVERIFY(QFile::exists(other)); // not a spill
    QVERIFY(QFile::exists(elsewhere));
}

void TestSpillFolder::theFolderIsTheUsersOwn()
{
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    const QString path = SpillFolder::path();
    QVERIFY2(path.startsWith(cache), qPrintable(path));
    QVERIFY(QDir(path).exists());
    QCOMPARE(QFileInfo(cache).permissions()
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeOther),
        QFileDevice::Permissions {});
    QVERIFY(SpillFolder::fileTemplate(path).contains(
        QString::number(QCoreApplication::applicationPid())));
}

QTEST_GUILESS_MAIN(TestSpillFolder)
#include "TestSpillFolder.moc"
