#include "app/secrets/SecretKey.h"

#include <QTest>

using namespace Playground;

class TestSecretKey : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keys_data()
    {
        QTest::addColumn<QString>("collection");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("digishare") << QStringLiteral("token")
                               << QStringLiteral("collection/digishare/token");
        QTest::newRow("slash in name")
            << QStringLiteral("a") << QStringLiteral("b/c") << QStringLiteral("collection/a/b%2Fc");
        QTest::newRow("slash in id")
            << QStringLiteral("a/b") << QStringLiteral("c") << QStringLiteral("collection/a%2Fb/c");
        QTest::newRow("unicode") << QStringLiteral("c1") << QStringLiteral("clé")
                                 << QStringLiteral("collection/c1/cl%C3%A9");
    }
    void keys()
    {
        QFETCH(QString, collection);
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(SecretKey::forCollectionVariable(collection, name), expected);
    }
    void environmentKeysAreTheirOwn()
    {
        QCOMPARE(SecretKey::forEnvironmentVariable(QStringLiteral("e/1"), QStringLiteral("token")),
            QStringLiteral("environment/e%2F1/token"));
        // An environment and a collection with the same id never share a secret.
        QVERIFY(SecretKey::forEnvironmentVariable(QStringLiteral("x"), QStringLiteral("t"))
            != SecretKey::forCollectionVariable(QStringLiteral("x"), QStringLiteral("t")));
    }
    void distinctPairsNeverShareAKey()
    {
        QVERIFY(SecretKey::forCollectionVariable(QStringLiteral("a/b"), QStringLiteral("c"))
            != SecretKey::forCollectionVariable(QStringLiteral("a"), QStringLiteral("b/c")));
    }
};

QTEST_GUILESS_MAIN(TestSecretKey)
#include "TestSecretKey.moc"
