#include "app/auth/CollectionSecrets.h"
#include "app/auth/CredentialProfile.h"
#include "app/document/CollectionDocument.h"
#include "app/formats/PostmanWriter.h"
#include "app/secrets/MemorySecretStore.h"
#include "app/secrets/SecretKey.h"
#include "app/send/SendService.h"
#include "tests/support/TestServer.h"
#include "ui/AddProfileDialog.h"
#include "ui/CredentialsPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace Playground;
using Playground::Test::TestServer;

class TestCredentialsPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyCollectionShowsAHint();
    void addPatByTyping();
    void revealToggleSwitchesEchoMode();
    void addThroughTheDialog();
    void oauthGetTokenShowsMaskedTokenAndExpiry();
    void wrongSecretShowsServerError();
    void editOAuthFieldsWritesPostmanAuth();
    void lockedKeychainIsSaidPlainly();
    void removeAsksFirst();
    void labelsArePlainText();

private:
    template <typename T> T *find(const char *name) const
    {
        T *w = m_panel->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no widget named %s", name);
        return w;
    }
    QString label(const char *name) const { return find<QLabel>(name)->text(); }
    void click(const char *name) { QTest::mouseClick(find<QAbstractButton>(name), Qt::LeftButton); }
    void useOAuthProfile(const QString &storedSecret);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<SendService> m_tokens;
    std::unique_ptr<CredentialsPanel> m_panel;
    Collection m_collection;
    CollectionDocument m_document;
    QStringList m_questions;
    bool m_confirm = true;
};

void TestCredentialsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestCredentialsPanel::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_store = std::make_unique<MemorySecretStore>();
    m_tokens = std::make_unique<SendService>(m_store.get());
    m_collection = Collection();
    m_collection.name = "Digishare";
    m_collection.postmanId = "col-1";
    CollectionItem list;
    list.name = "List campaigns";
    m_collection.items = { list };
    m_panel = std::make_unique<CredentialsPanel>(m_store.get(), m_tokens.get());
    m_questions.clear();
    m_confirm = true;
    m_panel->setConfirmer([this](const QString &question) {
        m_questions.append(question);
        return m_confirm;
    });
    m_panel->resize(900, 560);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestCredentialsPanel::cleanup()
{
    m_panel.reset();
    m_tokens.reset();
    m_store.reset();
    m_server.reset();
}

void TestCredentialsPanel::useOAuthProfile(const QString &storedSecret)
{
    m_collection.auth = CredentialProfile::clientCredentials(
        "test-client-id", "clientSecret", m_server->url("/v1/oauth/token").toString())
                            .toAuthSpec();
    const QString key = CollectionSecrets::keyFor(m_collection, "clientSecret").value();
    m_store->write(key, storedSecret, nullptr, {});
    QTRY_COMPARE(m_store->persistentValues().value(key), storedSecret);
    m_document.load(m_collection);
    m_panel->setDocument(&m_document);
    QTRY_COMPARE(find<QLineEdit>("clientSecretLineEdit")->text(), storedSecret);
}

void TestCredentialsPanel::emptyCollectionShowsAHint()
{
    QVERIFY(find<QLabel>("emptyStateLabel")->isVisible());
    QVERIFY(label("emptyStateLabel").contains("Open a collection"));
    QVERIFY(!find<QPushButton>("addProfileButton")->isEnabled());
    m_document.load(m_collection);
    m_panel->setDocument(&m_document);
    QVERIFY(find<QLabel>("emptyStateLabel")->isVisible());
    QVERIFY(label("emptyStateLabel").contains("no credentials yet"));
    QVERIFY(find<QPushButton>("addProfileButton")->isEnabled());
    QVERIFY(!find<QPushButton>("removeProfileButton")->isEnabled());
}

void TestCredentialsPanel::addPatByTyping()
{
    m_collection.variables.append(Variable { "baseUrl", "https://api.digishare.ma/v1" });
    m_document.load(m_collection);
    m_panel->setDocument(&m_document);
    m_panel->setAddPrompt([](const QList<ProfileLocation> &locations) {
        return std::optional(NewProfileChoice {
            CredentialProfile::Kind::PersonalAccessToken, locations.first().path });
    });
    QSignalSpy modified(&m_document, &CollectionDocument::changed);
    click("addProfileButton");
    QCOMPARE(m_panel->model()->rowCount(), 1);
    QVERIFY(find<QLineEdit>("tokenLineEdit")->isVisible());

    const QString secret = "dgs_live_5ecret_value_0123456789";
    QTest::keyClicks(find<QLineEdit>("tokenLineEdit"), secret);
    click("saveProfileButton");
    QVERIFY(modified.count() >= 1);
    QVERIFY(m_document.collection().auth);
    QCOMPARE(m_document.collection().auth->type, QString("bearer"));
    QCOMPARE(m_document.collection().auth->param("token"), QString("{{accessToken}}"));
    QCOMPARE(
        m_document.collection().auth->param(QLatin1String(CredentialProfile::AllowedOriginsParam)),
        QString("https://api.digishare.ma:443"));
    const QString key = CollectionSecrets::keyFor(m_document.collection(), "accessToken").value();
    QTRY_COMPARE(m_store->persistentValues().value(key), secret);
    QTRY_VERIFY(label("saveStatusLabel").contains("system keychain"));

    const QByteArray json
        = QJsonDocument(PostmanWriter::collectionJson(m_document.collection())).toJson();
    QVERIFY(json.contains("{{accessToken}}"));
    QVERIFY(!json.contains(secret.toUtf8()));
    QVERIFY(!m_panel->window()->windowTitle().contains(secret));
}

void TestCredentialsPanel::revealToggleSwitchesEchoMode()
{
    m_collection.auth = CredentialProfile::personalAccessToken("accessToken").toAuthSpec();
    m_document.load(m_collection);
    m_panel->setDocument(&m_document);
    auto *edit = find<QLineEdit>("tokenLineEdit");
    auto *reveal = find<QToolButton>("revealTokenToolButton");
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(reveal->isCheckable());
    QVERIFY(!reveal->accessibleName().isEmpty());
    click("revealTokenToolButton");
    QCOMPARE(edit->echoMode(), QLineEdit::Normal);
    click("revealTokenToolButton");
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    // Shown again later: masked again.
    click("revealTokenToolButton");
    m_panel->hide();
    m_panel->show();
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
}

void TestCredentialsPanel::addThroughTheDialog()
{
    m_document.load(m_collection);
    m_panel->setDocument(&m_document);
    bool sawDialog = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<AddProfileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        sawDialog = true;
        auto *kind = dialog->findChild<QComboBox *>("profileKindComboBox");
        auto *where = dialog->findChild<QComboBox *>("profileLocationComboBox");
        QCOMPARE(where->count(), 2);
        QCOMPARE(where->itemText(1), QString("Request: List campaigns"));
        kind->setCurrentIndex(1);
        where->setCurrentIndex(1);
        dialog->accept();
    });
    click("addProfileButton");
    QVERIFY(sawDialog);
    const auto &auth = m_document.collection().items[0].request.auth;
    QVERIFY(auth);
    QCOMPARE(auth->type, QString("oauth2"));
    QCOMPARE(auth->param("clientSecret"), QString("{{clientSecret}}"));
    QCOMPARE(find<QLineEdit>("tokenUrlLineEdit")->text(),
        QString("https://api.digishare.ma/v1/oauth/token"));
    QCOMPARE(find<QComboBox>("clientAuthComboBox")->currentIndex(), 0);
    QVERIFY(find<QComboBox>("clientAuthComboBox")->currentText().startsWith("JSON body"));
}

void TestCredentialsPanel::oauthGetTokenShowsMaskedTokenAndExpiry()
{
    useOAuthProfile("test-client-secret");
    click("getTokenButton");
    QTRY_VERIFY(label("tokenStatusLabel").contains("in 365 days"));
    const QString status = label("tokenStatusLabel");
    QCOMPARE(m_server->digishare().tokenRequestCount(), 1);
    const QString token = QString::fromLatin1(m_server->digishare().issuedTokens().first());
    QVERIFY2(status.startsWith("Bearer · " + token.left(4) + "… ("), qPrintable(status));
    QVERIFY(!status.contains(token));
    const QDate expiry = QDateTime::currentDateTime().addSecs(31'536'000).date();
    QVERIFY2(status.contains("expires " + expiry.toString(Qt::ISODate)), qPrintable(status));
    QVERIFY(find<QPushButton>("copyTokenButton")->isEnabled());

    // The token is cached: asking again sends nothing; forgetting it makes the next ask fetch.
    click("getTokenButton");
    QTRY_VERIFY(label("tokenStatusLabel").contains("in 365 days"));
    QCOMPARE(m_server->digishare().tokenRequestCount(), 1);
    click("forgetTokenButton");
    QVERIFY(label("tokenStatusLabel").contains("forgotten"));
    QVERIFY(!find<QPushButton>("copyTokenButton")->isEnabled());
    click("getTokenButton");
    QTRY_COMPARE(m_server->digishare().tokenRequestCount(), 2);
    QTRY_VERIFY(label("tokenStatusLabel").contains("in 365 days"));

    // A changed secret is checked against the server, not answered from the cache.
    auto *secret = find<QLineEdit>("clientSecretLineEdit");
    secret->selectAll();
    QTest::keyClicks(secret, "typo-secret");
    click("getTokenButton");
    QTRY_VERIFY2(
        label("tokenStatusLabel").startsWith("No token"), qPrintable(label("tokenStatusLabel")));
    QCOMPARE(m_server->digishare().tokenRequestCount(), 3);
}

void TestCredentialsPanel::wrongSecretShowsServerError()
{
    useOAuthProfile("test-client-secret");
    auto *secret = find<QLineEdit>("clientSecretLineEdit");
    secret->selectAll();
    QTest::keyClicks(secret, "not-the-secret");
    click("getTokenButton");
    QTRY_VERIFY(label("tokenStatusLabel").startsWith("No token"));
    const QString status = label("tokenStatusLabel");
    QVERIFY2(status.contains("Client authentication failed"), qPrintable(status));
    QVERIFY(!status.contains("not-the-secret"));
    QVERIFY(find<QPushButton>("getTokenButton")->isEnabled());
}

void TestCredentialsPanel::editOAuthFieldsWritesPostmanAuth()
{
    useOAuthProfile("test-client-secret");
    QSignalSpy modified(&m_document, &CollectionDocument::changed);
    auto *clientId = find<QLineEdit>("clientIdLineEdit");
    clientId->selectAll();
    QTest::keyClicks(clientId, "other-client");
    QTest::keyClicks(find<QLineEdit>("scopeLineEdit"), "campaigns:read");
    auto *style = find<QComboBox>("clientAuthComboBox");
    style->setCurrentIndex(2);
    Q_EMIT style->activated(2);
    QTest::keyClicks(find<QPlainTextEdit>("allowedOriginsPlainTextEdit"),
        "https://api.digishare.ma, ftp://nowhere");
    QVERIFY(label("originsNoteLabel").contains("ftp://nowhere"));
    click("saveProfileButton");
    QCOMPARE(modified.count(), 1);
    const AuthSpec &auth = *m_document.collection().auth;
    QCOMPARE(auth.param("clientId"), QString("other-client"));
    QCOMPARE(auth.param("scope"), QString("campaigns:read"));
    QCOMPARE(auth.param("client_authentication"), QString("header"));
    QCOMPARE(auth.param("clientSecret"), QString("{{clientSecret}}"));
    QCOMPARE(auth.param(QLatin1String(CredentialProfile::AllowedOriginsParam)),
        QString("https://api.digishare.ma:443"));
    QVERIFY(!find<QPushButton>("saveProfileButton")->isEnabled());
}

void TestCredentialsPanel::lockedKeychainIsSaidPlainly()
{
    m_store->setFailure(MemorySecretStore::Failure::Locked);
    m_collection.auth
        = CredentialProfile::personalAccessToken("accessToken", QUrl("https://api.digishare.ma"))
              .toAuthSpec();
    m_document.load(m_collection);
    m_panel->setDocument(&m_document);
    QTRY_COMPARE(label("keychainStatusLabel"),
        QString("Keychain locked — secrets kept for this session only"));
    // Locked is not "nothing stored": the field says it could not be read.
    QTRY_VERIFY(find<QLineEdit>("tokenLineEdit")->placeholderText().contains("locked"));

    QTest::keyClicks(find<QLineEdit>("tokenLineEdit"), "session-only-token");
    click("saveProfileButton");
    QTRY_VERIFY(label("saveStatusLabel").contains("this session only"));
    QVERIFY(m_store->persistentValues().isEmpty());

    m_store->setFailure(MemorySecretStore::Failure::None);
    m_store->write("probe", "x", nullptr, {});
    QTRY_COMPARE(label("keychainStatusLabel"), QString("Stored in the system keychain"));
}

void TestCredentialsPanel::removeAsksFirst()
{
    useOAuthProfile("test-client-secret");
    const QString key = CollectionSecrets::keyFor(m_collection, "clientSecret").value();
    m_confirm = false;
    click("removeProfileButton");
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.first().contains("OAuth client · test-client-id"));
    QVERIFY(m_document.collection().auth);
    QCOMPARE(m_panel->model()->rowCount(), 1);

    m_confirm = true;
    QSignalSpy modified(&m_document, &CollectionDocument::changed);
    click("removeProfileButton");
    QCOMPARE(m_questions.size(), 2);
    QVERIFY(!m_document.collection().auth);
    QCOMPARE(modified.count(), 1);
    QTRY_VERIFY(!m_store->persistentValues().contains(key));
    QVERIFY(find<QLabel>("emptyStateLabel")->isVisible());
    QVERIFY(!find<QPushButton>("removeProfileButton")->isEnabled());
}

void TestCredentialsPanel::labelsArePlainText()
{
    m_collection.auth
        = CredentialProfile::clientCredentials("<b>bold</b>", "clientSecret").toAuthSpec();
    m_document.load(m_collection);
    m_panel->setDocument(&m_document);
    for (QLabel *l : m_panel->findChildren<QLabel *>()) {
        if (!l->objectName().isEmpty())
            QVERIFY2(l->textFormat() == Qt::PlainText, qPrintable(l->objectName()));
    }
    const QString shown = m_panel->model()->data(m_panel->model()->index(0)).toString();
    QVERIFY(shown.contains("<b>bold</b>"));
    for (const char *name : { "profilesListView", "addProfileButton", "removeProfileButton",
             "tokenUrlLineEdit", "clientIdLineEdit", "clientSecretLineEdit", "scopeLineEdit",
             "clientAuthComboBox", "allowedOriginsPlainTextEdit", "getTokenButton",
             "forgetTokenButton", "revealClientSecretToolButton" })
        QVERIFY2(!find<QWidget>(name)->accessibleName().isEmpty(), name);
}

QTEST_MAIN(TestCredentialsPanel)
#include "TestCredentialsPanel.moc"
