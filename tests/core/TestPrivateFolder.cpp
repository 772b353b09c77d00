// The app's own folders (history, cookies, open tabs) are readable by their owner only: made so
// when created, and tightened when an older version left them open to others.
#include "app/core/AppSettings.h"
#include "app/history/HistoryStore.h"
#include "app/http/CookieStore.h"
#include "app/session/TabSession.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Playground;

class TestPrivateFolder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("playground-test"));
    }

    void settingsMoveIntoThePrivateFolder()
    {
        // Where QSettings keeps them by default: beside the app's folder, readable by all.
        QString older;
        {
            QSettings settings;
            settings.setValue(QStringLiteral("theme"), QStringLiteral("dark"));
            settings.setValue(QStringLiteral("recentFiles/1/path"), QStringLiteral("/x/c.json"));
            settings.sync();
            older = settings.fileName();
        }
        QVERIFY(QFile::exists(older));
        const QString config = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
        QFile::remove(QDir(config).filePath(QStringLiteral("settings.ini")));

        const QString path = AppSettings::path();
        QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(config).absoluteFilePath());
        QSettings moved(path, QSettings::IniFormat);
        QCOMPARE(moved.value(QStringLiteral("theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(moved.value(QStringLiteral("recentFiles/1/path")).toString(),
            QStringLiteral("/x/c.json"));
        QVERIFY(!QFile::exists(older));
        QCOMPARE(QFileInfo(config).permissions()
                & (QFileDevice::ReadOther | QFileDevice::ReadGroup | QFileDevice::ExeOther),
            QFileDevice::Permissions {});
    }

    void foldersAreOwnerOnly()
    {
        const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        const QString config = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
        QDir(data).removeRecursively();
        QDir(config).removeRecursively();
        // The config folder as an older version left it: readable by everyone.
        QVERIFY(QDir().mkpath(config));
        QVERIFY(QFile::setPermissions(config,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                | QFileDevice::ExeOther));

        // A file an older version wrote there, readable by everyone.
        QFile old(QDir(config).filePath(QStringLiteral("tabs.json")));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.close();
        QVERIFY(QFile::setPermissions(old.fileName(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                | QFileDevice::ReadOther));

        HistoryStore history;
        QVERIFY(history.open());
        CookieStore cookies;
        QVERIFY(TabSession::write(TabSession::defaultPath(), TabSession {}));

        const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner
            | QFileDevice::ExeOwner | QFileDevice::ReadUser | QFileDevice::WriteUser
            | QFileDevice::ExeUser;
        for (const QString &folder : { data, config }) {
            const QFileInfo info(folder);
            QVERIFY2(info.isDir(), qPrintable(folder));
            QCOMPARE(info.permissions(), ownerOnly);
        }
        QVERIFY(QFileInfo(HistoryStore::defaultPath()).absolutePath() == QDir(data).absolutePath());
        QVERIFY(QFileInfo::exists(TabSession::defaultPath()));
        QCOMPARE(QFileInfo(TabSession::defaultPath()).permissions(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                | QFileDevice::WriteUser);
        QDir(data).removeRecursively();
        QDir(config).removeRecursively();
    }
};

QTEST_GUILESS_MAIN(TestPrivateFolder)
#include "TestPrivateFolder.moc"
