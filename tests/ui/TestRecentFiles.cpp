// File › Open recent as a user meets it: the collections and environments opened, newest first,
// still there in a new window (as after a restart), a file that went away greyed out and removed
// with a message, "Clear list". QSettings in a temporary folder.
#include "app/document/RecentFiles.h"
#include "app/secrets/MemorySecretStore.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/RecentFilesMenu.h"

#include "app/core/AppSettings.h"
#include <QAction>
#include <QFileInfo>
#include <QLabel>

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;
using Test::find;
using Test::writeFile;

namespace {

const QByteArray Shop
    = "{ \"info\": { \"name\": \"Shop\", \"schema\": "
      "\"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\" },"
      " \"item\": [] }";

} // namespace

class TestRecentFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listSurvivesARestartAndAMissingFileIsHandled();
    void atMostTenAndReopeningMovesUp();

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_dir;
};

void TestRecentFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settings.isValid());
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName("playground-test");
    QCoreApplication::setApplicationName("recent-files-test");
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QFile::remove(AppSettings::path());
}

void TestRecentFiles::listSurvivesARestartAndAMissingFileIsHandled()
{
    const QString collection = writeFile(m_dir, "shop.postman_collection.json", Shop);
    const QString other = writeFile(m_dir, "other.postman_collection.json", Shop);
    const QString environment = writeFile(m_dir, "local.postman_environment.json",
        R"({"name":"Local","values":[{"key":"base","value":"http://127.0.0.1:1","enabled":true}]})");
    MemorySecretStore store;
    {
        MainWindow window(&store);
        window.openCollection(other);
        window.openCollection(collection);
        window.openEnvironment(environment);
    }
    // A new window, as after a restart: the list is read back, newest first.
    MainWindow window(&store);
    auto *menu = window.findChild<RecentFilesMenu *>();
    QVERIFY(menu);
    menu->rebuild();
    QList<QAction *> entries = window.findChildren<QAction *>("recentFileAction");
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0)->data().toString(), QFileInfo(environment).absoluteFilePath());
    QVERIFY(entries.at(0)->text().contains("(environment)"));
    QCOMPARE(entries.at(1)->data().toString(), QFileInfo(collection).absoluteFilePath());
    QCOMPARE(entries.at(2)->data().toString(), QFileInfo(other).absoluteFilePath());

    // Choosing one opens it.
    entries.at(2)->trigger();
    QCOMPARE(window.collectionPath(), QFileInfo(other).absoluteFilePath());

    // A file that went away is greyed out, and "Remove missing files" drops it with a message.
    QVERIFY(QFile::remove(collection));
    menu->rebuild();
    entries = window.findChildren<QAction *>("recentFileAction");
    QCOMPARE(entries.size(), 3);
    QVERIFY(!entries.at(2)->isEnabled()); // other (reopened) came first, then the environment
    QVERIFY(entries.at(2)->text().contains("not found"));
    find<QAction>(&window, "removeMissingRecentAction")->trigger();
    QVERIFY(find<QLabel>(&window, "errorBannerLabel")->text().contains("Removed 1 missing file"));
    menu->rebuild();
    QCOMPARE(window.findChildren<QAction *>("recentFileAction").size(), 2);

    // One that vanishes while the menu is open: removed when chosen, with a message naming it.
    QVERIFY(QFile::remove(environment));
    QAction *gone = window.findChildren<QAction *>("recentFileAction").at(1);
    QVERIFY(gone->data().toString().endsWith("local.postman_environment.json"));
    gone->trigger();
    QVERIFY(find<QLabel>(&window, "errorBannerLabel")
                ->text()
                .contains("local.postman_environment.json is no longer there"));
    QCOMPARE(RecentFiles().entries().size(), 1);

    find<QAction>(&window, "clearRecentAction")->trigger();
    QVERIFY(RecentFiles().entries().isEmpty());
    menu->rebuild();
    QVERIFY(window.findChildren<QAction *>("recentFileAction").isEmpty());
}

void TestRecentFiles::atMostTenAndReopeningMovesUp()
{
    RecentFiles recent;
    recent.clear();
    QStringList paths;
    for (int i = 0; i < 12; ++i)
        paths.append(writeFile(m_dir, QStringLiteral("c%1.json").arg(i), Shop));
    for (const QString &path : paths)
        recent.add(path, RecentFiles::Kind::Collection);
    recent.add(paths.at(5), RecentFiles::Kind::Collection);
    const QList<RecentFiles::Entry> entries = RecentFiles().entries();
    QCOMPARE(entries.size(), RecentFiles::MaxEntries);
    QCOMPARE(entries.at(0).path, QFileInfo(paths.at(5)).absoluteFilePath());
    QCOMPARE(entries.at(1).path, QFileInfo(paths.at(11)).absoluteFilePath());
    QCOMPARE(entries.last().path, QFileInfo(paths.at(2)).absoluteFilePath());
    // A settings file is text a person can read: paths only.
    QVERIFY(QSettings(AppSettings::path(), QSettings::IniFormat)
                .value("recentFiles/1/path")
                .toString()
                .endsWith("c5.json"));
}

QTEST_MAIN(TestRecentFiles)
#include "TestRecentFiles.moc"
