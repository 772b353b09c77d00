// Review (attack-today): plain variables that hold a credential an auth uses, yet stay plain and
// are written in clear by convert --to postman|http (confirmed with the built CLI).
#include "app/formats/LiteralCredentials.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Playground;

class TestCredentialVariablesLeak : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aVariableTheReferencedVariableNamesIsSecret();
    void anOAuth2RowReferenceIsSecret();
    void aFolderWithoutRequestsStillMarks();
};

namespace {

Variable plain(const QString &key, const QString &value)
{
    Variable v;
    v.key = key;
    v.value = value;
    return v;
}

AuthSpec bearer(const QString &token)
{
    AuthSpec auth;
    auth.type = QStringLiteral("bearer");
    auth.setParam(QStringLiteral("token"), token);
    return auth;
}

bool isSecret(const Collection &c, const QString &key)
{
    for (const Variable &v : c.variables) {
        if (v.key == key)
            return v.isSecret();
    }
    return false;
}

} // namespace

void TestCredentialVariablesLeak::aVariableTheReferencedVariableNamesIsSecret()
{
    // {{a}} → "{{b}}" → the token: b is written in clear (postman "value": the token, http @b =).
    Collection c;
    c.auth = bearer(QStringLiteral("{{a}}"));
    c.variables = { plain(QStringLiteral("a"), QStringLiteral("{{b}}")),
        plain(QStringLiteral("b"), QStringLiteral("NESTEDSECRET")) };
    CollectionItem item;
    item.name = QStringLiteral("r");
    item.request.url = UrlSpec::fromRaw(QStringLiteral("https://api.example.com/x"));
    c.items = { item };
    LiteralCredentials::extract(&c);
    QVERIFY(isSecret(c, QStringLiteral("a")));
    QVERIFY2(isSecret(c, QStringLiteral("b")), "b holds the bearer token through {{a}}");
}

void TestCredentialVariablesLeak::anOAuth2RowReferenceIsSecret()
{
    // oauth2 tokenRequestParams [{client_secret: {{cs}}}]: cs stays plain.
    Collection c;
    CollectionItem item;
    item.name = QStringLiteral("r");
    item.request.url = UrlSpec::fromRaw(QStringLiteral("https://api.example.com/x"));
    AuthSpec auth;
    auth.type = QStringLiteral("oauth2");
    auth.setParam(QStringLiteral("tokenRequestParams"),
        QJsonArray { QJsonObject { { QStringLiteral("key"), QStringLiteral("client_secret") },
            { QStringLiteral("value"), QStringLiteral("{{cs}}") },
            { QStringLiteral("enabled"), true } } });
    item.request.auth = auth;
    c.items = { item };
    c.variables = { plain(QStringLiteral("cs"), QStringLiteral("ROWSECRET")) };
    LiteralCredentials::extract(&c);
    QVERIFY2(isSecret(c, QStringLiteral("cs")), "cs is the client secret of the token request");
}

void TestCredentialVariablesLeak::aFolderWithoutRequestsStillMarks()
{
    // A folder's auth is looked at only through the requests under it: an empty folder's
    // {{ftok}} stays plain and is written in clear.
    Collection c;
    CollectionItem folder;
    folder.isFolder = true;
    folder.name = QStringLiteral("f");
    folder.auth = bearer(QStringLiteral("{{ftok}}"));
    c.items = { folder };
    c.variables = { plain(QStringLiteral("ftok"), QStringLiteral("FOLDERSECRET")) };
    LiteralCredentials::extract(&c);
    QVERIFY2(isSecret(c, QStringLiteral("ftok")), "ftok is the folder's bearer token");
}

QTEST_GUILESS_MAIN(TestCredentialVariablesLeak)
#include "TestCredentialVariablesLeak.moc"
