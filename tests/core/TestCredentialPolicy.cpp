// The credential policy, one row per position a secret can be put in: may a secret from the
// keychain (bound to https://api.example) go there, and to which origins? Everything goes through
// SendSession::prepare, the one path every sender uses, so no network is needed: a refused
// request never reaches DNS.
#include "app/auth/CredentialProfile.h"
#include "app/policy/CredentialPolicy.h"
#include "app/send/SendSession.h"

#include <QTest>

using namespace Playground;

namespace {

const QString Secret = QStringLiteral("dgs_Kc9.Secret-Token_42");
const QString Home = QStringLiteral("https://api.example");
const QString Away = QStringLiteral("https://attacker.example");

enum class Expect {
    Sent, ///< sent, the secret on board
    Refused, ///< not sent at all
    SentWithout, ///< sent, the secret left out (credentials not attached)
};

struct Case {
    RequestSpec request;
    AuthSpec auth;
};

AuthSpec none()
{
    AuthSpec a;
    a.type = QStringLiteral("noauth");
    return a;
}

Case withUrl(const QString &url)
{
    Case c;
    c.request.url = UrlSpec::fromRaw(url);
    c.auth = none();
    return c;
}

AuthSpec auth(const QString &type, const QList<QPair<QString, QString>> &params)
{
    AuthSpec a;
    a.type = type;
    for (const auto &p : params)
        a.setParam(p.first, p.second);
    return a;
}

bool carries(const ResolvedRequest &r)
{
    const QByteArray secret = Secret.toUtf8();
    if (r.url.toString().contains(Secret) || r.body.contains(secret))
        return true;
    for (const HeaderPair &h : r.headers) {
        if (h.second.contains(secret) || h.second.contains(secret.toBase64())
            || QByteArray::fromBase64(h.second.mid(6)).contains(secret))
            return true;
    }
    return false;
}

} // namespace

Q_DECLARE_METATYPE(Case)
Q_DECLARE_METATYPE(Expect)

class TestCredentialPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void positions_data();
    void positions();
    void positionTable_data();
    void positionTable();
    void redirectKeepsSecretHeadersHome();
    void credentialsWithoutAValueAreUnresolved();
};

void TestCredentialPolicy::positions_data()
{
    QTest::addColumn<Case>("input");
    QTest::addColumn<Expect>("expected");

    const auto row = [](const QByteArray &name, Case c, Expect e) {
        QTest::newRow(name.constData()) << c << e;
    };
    Case c;
    for (const QString &origin : { Home, Away }) {
        const bool home = origin == Home;
        const QByteArray where = home ? "home: " : "away: ";
        const Expect allowed = home ? Expect::Sent : Expect::Refused;

        c = withUrl(origin + "/x");
        c.request.method = QStringLiteral("{{token}}");
        row(where + "method", c, Expect::Refused);

        c = withUrl(origin + "/x");
        c.request.headers.append({ QStringLiteral("X-Leak-{{token}}"), QStringLiteral("1") });
        row(where + "header name", c, Expect::Refused);

        c = withUrl(origin + "/x");
        c.request.headers.append({ QStringLiteral("X-Key"), QStringLiteral("{{token}}") });
        row(where + "header value", c, allowed);

        row(where + "path", withUrl(origin + "/x/{{token}}"), allowed);
        row(where + "query", withUrl(origin + "/x?k={{token}}"), allowed);
        row(where + "fragment", withUrl(origin + "/x#{{token}}"), Expect::Refused);

        c = withUrl(origin + "/x");
        c.request.method = QStringLiteral("POST");
        c.request.body.mode = RequestBody::Mode::Raw;
        c.request.body.raw = QStringLiteral("{\"t\":\"{{token}}\"}");
        row(where + "raw body", c, allowed);

        c.request.body.mode = RequestBody::Mode::UrlEncoded;
        c.request.body.urlEncoded = { { QStringLiteral("t"), QStringLiteral("{{token}}") } };
        row(where + "form-urlencoded value", c, allowed);

        c.request.body.mode = RequestBody::Mode::FormData;
        FormPart part;
        part.key = QStringLiteral("t");
        part.value = QStringLiteral("{{token}}");
        c.request.body.formData = { part };
        row(where + "multipart value", c, allowed);
        part.key = QStringLiteral("{{token}}");
        part.value = QStringLiteral("v");
        c.request.body.formData = { part };
        row(where + "multipart name", c, Expect::Refused);
        part.key = QStringLiteral("t");
        part.contentType = QStringLiteral("text/{{token}}");
        c.request.body.formData = { part };
        row(where + "multipart content type", c, Expect::Refused);
        part.contentType.clear();
        part.isFile = true;
        part.src = QStringLiteral("/tmp/{{token}}.txt");
        c.request.body.formData = { part };
        row(where + "multipart filename", c, Expect::Refused);

        c = withUrl(origin + "/x");
        c.auth = auth(QStringLiteral("basic"),
            { { QStringLiteral("username"), QStringLiteral("{{token}}") },
                { QStringLiteral("password"), QStringLiteral("p") } });
        row(where + "basic user", c, allowed);
        c.auth = auth(QStringLiteral("basic"),
            { { QStringLiteral("username"), QStringLiteral("u") },
                { QStringLiteral("password"), QStringLiteral("{{token}}") } });
        row(where + "basic password", c, allowed);

        c.auth = auth(QStringLiteral("apikey"),
            { { QStringLiteral("key"), QStringLiteral("X-Api-Key") },
                { QStringLiteral("value"), QStringLiteral("{{token}}") } });
        row(where + "api key value (header)", c, allowed);
        c.auth = auth(QStringLiteral("apikey"),
            { { QStringLiteral("key"), QStringLiteral("k") },
                { QStringLiteral("value"), QStringLiteral("{{token}}") },
                { QStringLiteral("in"), QStringLiteral("query") } });
        row(where + "api key value (query)", c, allowed);
        c.auth = auth(QStringLiteral("apikey"),
            { { QStringLiteral("key"), QStringLiteral("X-{{token}}") },
                { QStringLiteral("value"), QStringLiteral("v") } });
        row(where + "api key name", c, Expect::Refused);

        c.auth = auth(QStringLiteral("oauth2"),
            { { QStringLiteral("accessToken"), QStringLiteral("{{token}}") },
                { QStringLiteral("headerPrefix"), QStringLiteral("Bearer") } });
        row(where + "oauth2 access token", c, allowed);
        c.auth = auth(QStringLiteral("oauth2"),
            { { QStringLiteral("accessToken"), QStringLiteral("t") },
                { QStringLiteral("headerPrefix"), QStringLiteral("{{token}}") } });
        row(where + "oauth2 header prefix", c, allowed);

        // A PAT profile allowed only at home: elsewhere the request goes without it.
        c.auth = CredentialProfile::personalAccessToken(QStringLiteral("token"), QUrl(Home))
                     .toAuthSpec();
        row(where + "bearer (PAT profile)", c, home ? Expect::Sent : Expect::SentWithout);

        // OAuth client credentials: the token request's fields go to the token URL only.
        CredentialProfile oauth = CredentialProfile::clientCredentials(
            QStringLiteral("{{token}}"), QStringLiteral("secretVar"), origin + "/oauth/token");
        oauth.allowedOrigins = { origin };
        c.auth = oauth.toAuthSpec();
        row(where + "token request client id", c, home ? Expect::Sent : Expect::Refused);
    }

    row("base URL variable", withUrl(QStringLiteral("{{token}}/x")), Expect::Refused);
    // Long invalid names quoting the secret: masked before any shortening.
    c = withUrl(Home + "/x");
    c.request.headers.append(
        { QString(59, QLatin1Char('x')) + QStringLiteral(" {{token}}"), QStringLiteral("1") });
    row("long invalid header name", c, Expect::Refused);
    c = withUrl(Home + "/x");
    c.request.method = QString(59, QLatin1Char('Y')) + QStringLiteral(" {{token}}");
    row("long invalid method", c, Expect::Refused);
    // An invalid URL is quoted in the message with the value encoded ("." as %2E): masked too.
    row("invalid URL quoting a query value",
        withUrl(QStringLiteral("https://exa mple.example/x?k={{token}}")), Expect::Refused);
    row("host label", withUrl(QStringLiteral("https://{{token}}.attacker.example/x")),
        Expect::Refused);
    row("port", withUrl(QStringLiteral("https://api.example:{{token}}/x")), Expect::Refused);
    row("userinfo", withUrl(QStringLiteral("https://{{token}}@api.example/x")), Expect::Refused);
    CredentialProfile oauth = CredentialProfile::clientCredentials(
        QStringLiteral("id"), QStringLiteral("secretVar"), QStringLiteral("https://{{token}}.x/t"));
    oauth.allowedOrigins = { Home };
    c = withUrl(Home + "/x");
    c.auth = oauth.toAuthSpec();
    row("token URL", c, Expect::Refused);
    c = withUrl(QStringLiteral("http://api.example/x"));
    c.request.headers.append({ QStringLiteral("X-Key"), QStringLiteral("{{token}}") });
    row("plain http to a remote host", c, Expect::Refused);
}

void TestCredentialPolicy::positions()
{
    QFETCH(Case, input);
    QFETCH(Expect, expected);
    VariableScopes scopes;
    scopes.set(QStringLiteral("token"), Secret, true);
    scopes.bind(QStringLiteral("token"),
        { QStringLiteral("https://api.example:443"), QStringLiteral("http://api.example:80") });
    scopes.set(QStringLiteral("secretVar"), QStringLiteral("client-secret-value"), true);

    const SendSession::Prepared p = SendSession::prepare(input.request, input.auth, scopes);
    // As typed, as a URL value spells it ("." as %2E), and most of it (a cut-off copy).
    for (const QString &spelling :
        { Secret, QStringLiteral("dgs_Kc9%2ESecret-Token_42"), Secret.left(12) })
        QVERIFY2(!p.message.contains(spelling, Qt::CaseInsensitive), qPrintable(p.message));
    switch (expected) {
    case Expect::Refused:
        QVERIFY2(!p.ok(), "sent although the secret may not go there");
        QVERIFY(p.failure == FailureKind::Refused || p.failure == FailureKind::Invalid);
        break;
    case Expect::Sent:
        QVERIFY2(p.ok(), qPrintable(p.message));
        // OAuth sends its secret in the token request, not this one.
        QVERIFY(carries(p.request) || p.pending.oauth);
        break;
    case Expect::SentWithout:
        QVERIFY2(p.ok(), qPrintable(p.message));
        QVERIFY(!carries(p.request));
        break;
    }
}

void TestCredentialPolicy::positionTable_data()
{
    QTest::addColumn<SecretPosition>("position");
    QTest::addColumn<bool>("may");
    const QList<QPair<SecretPosition, bool>> rows {
        { SecretPosition::Method, false },
        { SecretPosition::HeaderName, false },
        { SecretPosition::HeaderValue, true },
        { SecretPosition::BaseUrl, false },
        { SecretPosition::Host, false },
        { SecretPosition::Path, true },
        { SecretPosition::Query, true },
        { SecretPosition::Fragment, false },
        { SecretPosition::Body, true },
        { SecretPosition::MultipartName, false },
        { SecretPosition::MultipartFilename, false },
        { SecretPosition::MultipartContentType, false },
        { SecretPosition::AuthField, true },
        { SecretPosition::TokenUrl, false },
        { SecretPosition::TokenRequestField, true },
    };
    for (const auto &r : rows)
        QTest::newRow(qPrintable(secretPositionName(r.first))) << r.first << r.second;
}

void TestCredentialPolicy::positionTable()
{
    QFETCH(SecretPosition, position);
    QFETCH(bool, may);
    QCOMPARE(CredentialPolicy::mayCarrySecret(position), may);
}

void TestCredentialPolicy::redirectKeepsSecretHeadersHome()
{
    ResolvedRequest r;
    r.url = QUrl(QStringLiteral("https://api.example/x"));
    r.headers = { { "X-Custom", Secret.toUtf8() }, { "X-Api-Key", "typed-by-hand" },
        { "Accept", "*/*" }, { "Authorization", "Bearer t" } };
    r.secretUses
        = { { QStringLiteral("token"), SecretPosition::HeaderValue, "X-Custom", {}, false },
              { QStringLiteral("pat"), SecretPosition::AuthField, "Authorization",
                  { QStringLiteral("https://second.example:443") }, false } };
    const QString home = CredentialPolicy::origin(r.url);

    ResolvedRequest same = r;
    QVERIFY(!CredentialPolicy::followRedirect(
        &same, home, QUrl(QStringLiteral("https://api.example/y")), true)
                 .credentialsDropped);
    QCOMPARE(same.headers.size(), 4);

    ResolvedRequest second = r;
    const auto hop = CredentialPolicy::followRedirect(
        &second, home, QUrl(QStringLiteral("https://second.example/y")), true);
    QVERIFY(hop.credentialsDropped);
    QCOMPARE(second.headers, (HeaderList { { "Accept", "*/*" }, { "Authorization", "Bearer t" } }));

    ResolvedRequest away = r;
    CredentialPolicy::followRedirect(
        &away, home, QUrl(QStringLiteral("https://evil.example/")), true);
    QCOMPARE(away.headers, (HeaderList { { "Accept", "*/*" } }));
    QVERIFY(away.secretUses.isEmpty());
}

void TestCredentialPolicy::credentialsWithoutAValueAreUnresolved()
{
    // A profile's secret with no value is "not sent: unresolved", named, like any variable, so
    // the window can say where to set it.
    Case c = withUrl(Home + "/x?q={{query}}");
    c.auth = CredentialProfile::personalAccessToken(QStringLiteral("pat"), QUrl(Home)).toAuthSpec();
    const SendSession::Prepared p = SendSession::prepare(c.request, c.auth, VariableScopes());
    QCOMPARE(p.failure, FailureKind::Unresolved);
    QCOMPARE(p.unresolved, (QStringList { QStringLiteral("query"), QStringLiteral("pat") }));
}

QTEST_GUILESS_MAIN(TestCredentialPolicy)
#include "TestCredentialPolicy.moc"
