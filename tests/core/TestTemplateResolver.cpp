// Table-driven tests of variable resolution, URL building and header safety (SECURITY.md).
#include "app/send/SendSession.h"
#include "app/template/RequestResolver.h"
#include "app/template/RequestVariables.h"
#include "app/template/TemplateText.h"
#include "app/template/UrlBuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Playground;

namespace {

VariableScopes scopesFrom(const QStringList &pairs)
{
    VariableScopes scopes;
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        scopes.set(pair.left(eq), pair.mid(eq + 1));
    }
    return scopes;
}

RequestSpec requestWithUrl(const QString &url)
{
    RequestSpec r;
    r.url = UrlSpec::fromRaw(url);
    return r;
}

AuthSpec noAuth()
{
    AuthSpec a;
    a.type = QStringLiteral("noauth");
    return a;
}

} // namespace

class TestTemplateResolver : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void graphQlBodyIsSentAsJson();
    void url_data();
    void url();
    void urlRefused_data();
    void urlRefused();
    void pathVariables_data();
    void pathVariables();
    void pathVariableNames_data();
    void pathVariableNames();
    void text_data();
    void text();
    void dynamicValues();
    void onlyRealDynamicNamesHaveAValue();
    void nestingIsBounded();
    void outputIsBounded();
    void lookupsAreBounded();
    void unresolvedNamesListedAndSendRefused();
    void headers_data();
    void headers();
    void scopePrecedence();
    void authInheritance();
    void bodies();
    void secretsCollectedForRedaction();
};

void TestTemplateResolver::url_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << "https://api.digishare.ma/v1/campaigns" << QStringList {}
                           << "https://api.digishare.ma/v1/campaigns";
    QTest::newRow("base url variable supplies scheme and host")
        << "{{baseUrl}}/campaigns" << QStringList { "baseUrl=https://api.digishare.ma/v1" }
        << "https://api.digishare.ma/v1/campaigns";
    QTest::newRow("base url with port")
        << "{{base}}/x" << QStringList { "base=http://127.0.0.1:8080" }
        << "http://127.0.0.1:8080/x";
    QTest::newRow("no scheme means https, never http")
        << "api.example.com/x" << QStringList {} << "https://api.example.com/x";
    QTest::newRow("fragment value is encoded")
        << "https://x.example/a#{{f}}" << QStringList { "f=a b#c" }
        << "https://x.example/a#a%20b%23c";
    QTest::newRow("no scheme on localhost means http")
        << "localhost:8080/x" << QStringList {} << "http://localhost:8080/x";
    QTest::newRow("no scheme on 127.0.0.1 means http")
        << "127.0.0.1:8080/x?a=1" << QStringList {} << "http://127.0.0.1:8080/x?a=1";
    QTest::newRow("no scheme on [::1] means http")
        << "[::1]:9000" << QStringList {} << "http://[::1]:9000";
    QTest::newRow("a host that starts like localhost is not loopback")
        << "localhost.evil.example/x" << QStringList {} << "https://localhost.evil.example/x";
    QTest::newRow("query row literal with space, hash and plus")
        << "https://api.example.com/s?name=alice smith&tag=a#b" << QStringList {}
        << "https://api.example.com/s?name=alice%20smith&tag=a#b";
    QTest::newRow("dot-dot in the path stays encoded")
        << "https://api.example.com/v1/campaigns/{{id}}" << QStringList { "id=../../admin" }
        << "https://api.example.com/v1/campaigns/..%2F..%2Fadmin";
    QTest::newRow("at-sign cannot become user info")
        << "https://api.example.com/{{x}}" << QStringList { "x=@evil.com" }
        << "https://api.example.com/%40evil.com";
    QTest::newRow("backslash stays encoded")
        << "https://api.example.com/{{x}}" << QStringList { "x=\\\\evil.com\\x" }
        << "https://api.example.com/%5C%5Cevil.com%5Cx";
    QTest::newRow("question mark and hash in the path are data")
        << "https://api.example.com/a/{{x}}" << QStringList { "x=b?admin=1#f" }
        << "https://api.example.com/a/b%3Fadmin%3D1%23f";
    QTest::newRow("plain host variable")
        << "https://{{host}}/x" << QStringList { "host=api.example.com:8443" }
        << "https://api.example.com:8443/x";
    QTest::newRow("port variable") << "http://localhost:{{port}}/api" << QStringList { "port=8080" }
                                   << "http://localhost:8080/api";
    QTest::newRow("host and port variables")
        << "https://{{host}}:{{port}}/x" << QStringList { "host=api.example.com", "port=8443" }
        << "https://api.example.com:8443/x";
    QTest::newRow("subdomain variable")
        << "https://{{tenant}}.example.com/x" << QStringList { "tenant=acme" }
        << "https://acme.example.com/x";
    QTest::newRow("query value variable is encoded")
        << "https://api.example.com/s?q={{q}}&page=2" << QStringList { "q=a&b=c#d e" }
        << "https://api.example.com/s?q=a%26b%3Dc%23d%20e&page=2";
    QTest::newRow("literal query escapes are kept")
        << "https://api.example.com/s?q=hello%20world" << QStringList {}
        << "https://api.example.com/s?q=hello%20world";
    QTest::newRow("unicode path value")
        << "https://api.example.com/{{x}}" << QStringList { "x=café" }
        << "https://api.example.com/caf%C3%A9";
    QTest::newRow("nested variable")
        << "{{base}}/{{path}}"
        << QStringList { "base={{scheme}}://api.example.com", "scheme=https", "path=v1" }
        << "https://api.example.com/v1";
}

void TestTemplateResolver::url()
{
    QFETCH(QString, input);
    QFETCH(QStringList, vars);
    QFETCH(QString, expected);
    const VariableScopes scopes = scopesFrom(vars);
    TemplateText text(scopes);
    UrlBuilder builder(text);
    const Result<QUrl> url = builder.build(UrlSpec::fromRaw(input));
    QVERIFY2(url.ok(), qPrintable(url.error()));
    QCOMPARE(QString::fromLatin1(url->toEncoded()), expected);
}

void TestTemplateResolver::urlRefused_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("dot right after the host cannot extend it")
        << "https://api.example.com{{x}}/p" << QStringList { "x=.evil.com" } << "glued";
    QTest::newRow("label glued to the host")
        << "http://api.example.com{{x}}/p" << QStringList { "x=x.attacker.net" } << "glued";
    QTest::newRow("label glued before a literal")
        << "https://{{x}}example.com/p" << QStringList { "x=evil." } << "glued";
    QTest::newRow("port variable that is not a port")
        << "http://localhost:{{port}}/api" << QStringList { "port=80.evil.com" } << "glued";
    QTest::newRow("host variable with a path")
        << "https://{{host}}/x" << QStringList { "host=evil.com/a" } << "plain host name";
    QTest::newRow("host variable with user info")
        << "https://{{host}}/x" << QStringList { "host=user@evil.com" } << "plain host name";
    QTest::newRow("base variable that is not a URL")
        << "{{base}}/x" << QStringList { "base=not a url" } << "must hold a base URL";
    QTest::newRow("base variable with another scheme")
        << "{{base}}/x" << QStringList { "base=file:///etc" } << "must hold a base URL";
    QTest::newRow("base variable with user info")
        << "{{base}}/x" << QStringList { "base=https://a:b@example.com" } << "user name";
    QTest::newRow("dot-dot value as a whole segment")
        << "https://api.example.com/a/{{x}}/b" << QStringList { "x=.." } << "another path";
    QTest::newRow("dot value as a whole segment")
        << "https://api.example.com/a/{{x}}" << QStringList { "x=." } << "another path";
    QTest::newRow("variable inside the scheme")
        << "http{{s}}://example.com/" << QStringList { "s=s" } << "scheme";
    QTest::newRow("ftp scheme") << "ftp://example.com/x" << QStringList {}
                                << "Unsupported URL scheme";
    QTest::newRow("empty") << "" << QStringList {} << "empty";
}

void TestTemplateResolver::urlRefused()
{
    QFETCH(QString, input);
    QFETCH(QStringList, vars);
    QFETCH(QString, messagePart);
    const VariableScopes scopes = scopesFrom(vars);
    TemplateText text(scopes);
    UrlBuilder builder(text);
    const Result<QUrl> url = builder.build(UrlSpec::fromRaw(input));
    QVERIFY2(!url.ok(), qPrintable(url.ok() ? url->toString() : QString()));
    QVERIFY2(url.error().contains(messagePart), qPrintable(url.error()));
}

void TestTemplateResolver::pathVariables_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("simple") << "17"
                            << "https://api.example.com/campaigns/17/stats";
    QTest::newRow("slash") << "../../x"
                           << "https://api.example.com/campaigns/..%2F..%2Fx/stats";
    QTest::newRow("at") << "@evil"
                        << "https://api.example.com/campaigns/%40evil/stats";
    QTest::newRow("from a variable") << "{{id}}"
                                     << "https://api.example.com/campaigns/42/stats";
}

void TestTemplateResolver::pathVariables()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    UrlSpec spec = UrlSpec::fromRaw(QStringLiteral("https://api.example.com/campaigns/:id/stats"));
    spec.pathVariables.append({ QStringLiteral("id"), value });
    const VariableScopes scopes = scopesFrom({ QStringLiteral("id=42") });
    TemplateText text(scopes);
    UrlBuilder builder(text);
    const Result<QUrl> url = builder.build(spec);
    QVERIFY2(url.ok(), qPrintable(url.error()));
    QCOMPARE(QString::fromLatin1(url->toEncoded()), expected);
}

void TestTemplateResolver::pathVariableNames_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("a port is not one") << "http://h.example:8080/a/:b" << QStringList { "b" };
    QTest::newRow("after a base URL variable") << "{{baseUrl}}/x/:y/z/:y" << QStringList { "y" };
    QTest::newRow("only whole segments")
        << "https://h.example/a:b/:c.d/:e-f_g" << QStringList { "c.d", "e-f_g" };
    QTest::newRow("none") << "https://h.example/" << QStringList {};
    QTest::newRow("a path with no host") << "/users/:id" << QStringList { "id" };
    QTest::newRow("glued to a variable") << "{{baseUrl}}/x/:id{{sfx}}/:b" << QStringList { "b" };
}

void TestTemplateResolver::pathVariableNames()
{
    QFETCH(QString, base);
    QFETCH(QStringList, names);
    QCOMPARE(UrlSpec::pathVariableNames(base), names);
    // What the builder replaces is what the table lists: each listed name, given a value, is
    // replaced; ":id{{sfx}}", not listed, stays text.
    if (base.startsWith(QLatin1Char('/')))
        return;
    UrlSpec spec = UrlSpec::fromRaw(base);
    for (const QString &name : { QStringLiteral("b"), QStringLiteral("c.d"),
             QStringLiteral("e-f_g"), QStringLiteral("id"), QStringLiteral("y") })
        spec.pathVariables.append({ name, QStringLiteral("V") });
    const VariableScopes scopes = scopesFrom(
        { QStringLiteral("baseUrl=https://api.example.com"), QStringLiteral("sfx=.s") });
    TemplateText text(scopes);
    UrlBuilder builder(text);
    const Result<QUrl> url = builder.build(spec);
    QVERIFY2(url.ok(), qPrintable(url.error()));
    const QString path = url->path();
    for (const QString &name : names)
        QVERIFY2(!path.contains(QLatin1Char(':') + name), qPrintable(path));
    if (base.contains(QLatin1String(":id{{sfx}}")))
        QVERIFY2(path.contains(QLatin1String(":id.s")), qPrintable(path));
}

void TestTemplateResolver::text_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one") << "Bearer {{token}}" << QStringList { "token=abc" } << "Bearer abc";
    QTest::newRow("two and text") << "{{a}}-{{b}}!" << QStringList { "a=1", "b=2" } << "1-2!";
    QTest::newRow("spaces inside braces") << "{{ a }}" << QStringList { "a=1" } << "1";
    QTest::newRow("single braces are literal") << "{a} {{a}}" << QStringList { "a=1" } << "{a} 1";
    QTest::newRow("json body") << R"({"id": "{{id}}"})" << QStringList { "id=7" }
                               << R"({"id": "7"})";
    QTest::newRow("unclosed braces are literal") << "{{a" << QStringList { "a=1" } << "{{a";
    QTest::newRow("empty braces are literal") << "{{}}" << QStringList {} << "{{}}";
    QTest::newRow("value with braces is not re-read twice")
        << "{{a}}" << QStringList { "a={{b}}", "b=x" } << "x";
}

void TestTemplateResolver::text()
{
    QFETCH(QString, input);
    QFETCH(QStringList, vars);
    QFETCH(QString, expected);
    const VariableScopes scopes = scopesFrom(vars);
    TemplateText t(scopes);
    QCOMPARE(t.resolve(input, SecretPosition::Body), expected);
    QVERIFY(t.unresolved().isEmpty());
}

void TestTemplateResolver::onlyRealDynamicNamesHaveAValue()
{
    RequestSpec r = requestWithUrl(QStringLiteral("https://x.example/{{$guid}}/{{$anything}}"));
    const RequestVariables variables(r, noAuth(), VariableScopes());
    QCOMPARE(variables.known(), QStringList { QStringLiteral("$guid") });
    QCOMPARE(variables.missing(), QStringList { QStringLiteral("$anything") });
}

void TestTemplateResolver::dynamicValues()
{
    const VariableScopes scopes;
    TemplateText t(scopes);
    QVERIFY(QRegularExpression(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
                .match(t.resolve(QStringLiteral("{{$guid}}"), SecretPosition::Body))
                .hasMatch());
    const qint64 ts
        = t.resolve(QStringLiteral("{{$timestamp}}"), SecretPosition::Body).toLongLong();
    QVERIFY(qAbs(ts - QDateTime::currentSecsSinceEpoch()) < 3600);
    const QDateTime iso = QDateTime::fromString(
        t.resolve(QStringLiteral("{{$isoTimestamp}}"), SecretPosition::Body), Qt::ISODateWithMs);
    QVERIFY(iso.isValid());
    bool ok = false;
    const int n = t.resolve(QStringLiteral("{{$randomInt}}"), SecretPosition::Body).toInt(&ok);
    QVERIFY(ok && n >= 0 && n <= 1000);
    QVERIFY(t.unresolved().isEmpty());
    QCOMPARE(t.resolve(QStringLiteral("{{$unknownDynamic}}"), SecretPosition::Body),
        QStringLiteral("{{$unknownDynamic}}"));
    QCOMPARE(t.unresolved(), QStringList { QStringLiteral("$unknownDynamic") });
}

void TestTemplateResolver::nestingIsBounded()
{
    const VariableScopes scopes
        = scopesFrom({ QStringLiteral("a={{b}}"), QStringLiteral("b={{a}}") });
    TemplateText t(scopes);
    t.resolve(QStringLiteral("{{a}}"), SecretPosition::Body);
    QVERIFY(t.error().contains(QLatin1String("deeper than")));
    const auto r = SendSession::prepare(
        requestWithUrl(QStringLiteral("https://x.example/{{a}}")), noAuth(), scopes);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("deeper than")), qPrintable(r.error()));
}

void TestTemplateResolver::lookupsAreBounded()
{
    // 60 references a level, 8 levels, the last one empty: no output, 60^8 lookups if unbounded.
    QStringList vars { QStringLiteral("v8=") };
    for (int i = 7; i >= 0; --i)
        vars.append(
            QStringLiteral("v%1=").arg(i) + QStringLiteral("{{v%1}}").arg(i + 1).repeated(60));
    const VariableScopes scopes = scopesFrom(vars);
    const auto r = SendSession::prepare(
        requestWithUrl(QStringLiteral("https://x.example/{{v0}}")), noAuth(), scopes);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("more than 100000 times")), qPrintable(r.error()));
}

void TestTemplateResolver::outputIsBounded()
{
    // Each level doubles the text: 2^40 characters if unbounded.
    QStringList vars { QStringLiteral("v0="
                                      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                                      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx") };
    for (int i = 1; i <= 9; ++i)
        vars.append(QStringLiteral("v%1={{v%2}}{{v%2}}{{v%2}}{{v%2}}{{v%2}}{{v%2}}{{v%2}}{{v%2}}")
                        .arg(i)
                        .arg(i - 1));
    const VariableScopes scopes = scopesFrom(vars);
    TemplateText t(scopes);
    const QString out = t.resolve(QStringLiteral("{{v9}}"), SecretPosition::Body);
    QVERIFY(out.size() <= TemplateText::MaxOutput);
    QVERIFY2(
        t.error().contains(QLatin1String("exceeds 32 million characters")), qPrintable(t.error()));
}

void TestTemplateResolver::unresolvedNamesListedAndSendRefused()
{
    RequestSpec r = requestWithUrl(QStringLiteral("{{baseUrl}}/campaigns?x={{q}}"));
    r.method = QStringLiteral("POST");
    r.headers.append({ QStringLiteral("Authorization"), QStringLiteral("Bearer {{token}}") });
    r.body.mode = RequestBody::Mode::Raw;
    r.body.raw = QStringLiteral("{\"a\": \"{{bodyVar}}\", \"b\": \"{{token}}\"}");
    const auto out = SendSession::prepare(r, noAuth(), VariableScopes());
    QVERIFY(!out.ok());
    QCOMPARE(out.unresolved, (QStringList { "baseUrl", "q", "token", "bodyVar" }));
    QCOMPARE(out.error(), QStringLiteral("Unresolved variables: baseUrl, q, token, bodyVar"));
}

void TestTemplateResolver::headers_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("var");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("normal") << "X-Trace"
                            << "{{v}}"
                            << "abc" << true;
    QTest::newRow("CRLF in value") << "X-Trace"
                                   << "{{v}}"
                                   << "a\r\nX-Injected: 1" << false;
    QTest::newRow("LF in value") << "X-Trace"
                                 << "{{v}}"
                                 << "a\nb" << false;
    QTest::newRow("CR in value") << "X-Trace"
                                 << "{{v}}"
                                 << "a\rb" << false;
    QTest::newRow("NUL in value") << "X-Trace"
                                  << "{{v}}" << QStringLiteral("a") + QChar(0) + QStringLiteral("b")
                                  << false;
    QTest::newRow("CRLF in name") << "X-{{v}}"
                                  << "1"
                                  << "a\r\nB" << false;
    QTest::newRow("space in name") << "X Trace"
                                   << "1"
                                   << "" << false;
    QTest::newRow("colon in name") << "X:Trace"
                                   << "1"
                                   << "" << false;
    QTest::newRow("token characters") << "X-!#$%&'*+.^_`|~"
                                      << "1"
                                      << "" << true;
}

void TestTemplateResolver::headers()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, var);
    QFETCH(bool, accepted);
    RequestSpec r = requestWithUrl(QStringLiteral("https://api.example.com/"));
    r.headers.append({ name, value });
    VariableScopes scopes;
    scopes.set(QStringLiteral("v"), var);
    const auto out = SendSession::prepare(r, noAuth(), scopes);
    QCOMPARE(out.ok(), accepted);
    if (!accepted)
        QVERIFY2(out.error().contains(QLatin1String("Header")), qPrintable(out.error()));
}

void TestTemplateResolver::scopePrecedence()
{
    Collection c;
    c.variables = { { QStringLiteral("a"), QStringLiteral("collection") },
        { QStringLiteral("b"), QStringLiteral("collection") },
        { QStringLiteral("c"), QStringLiteral("collection") } };
    CollectionItem folder;
    folder.isFolder = true;
    folder.variables = { { QStringLiteral("a"), QStringLiteral("folder") },
        { QStringLiteral("d"), QStringLiteral("folder") } };
    CollectionItem item;
    item.request.variables = { { QStringLiteral("a"), QStringLiteral("request") },
        { QStringLiteral("d"), QStringLiteral("request") },
        { QStringLiteral("e"), QStringLiteral("request") } };
    Environment env;
    env.values = { { QStringLiteral("b"), QStringLiteral("environment") },
        { QStringLiteral("c"), QStringLiteral("environment") } };
    const VariableList overrides { { QStringLiteral("c"), QStringLiteral("override") } };
    Variable disabled { QStringLiteral("e"), QStringLiteral("disabled-env") };
    disabled.enabled = false;
    env.values.append(disabled);

    const VariableScopes s
        = VariableScopes::forRequest({ { &folder }, &item }, &c, &env, overrides);
    QCOMPARE(s.value(QStringLiteral("a")), QStringLiteral("collection"));
    QCOMPARE(s.value(QStringLiteral("b")), QStringLiteral("environment"));
    QCOMPARE(s.value(QStringLiteral("c")), QStringLiteral("override"));
    QCOMPARE(s.value(QStringLiteral("d")), QStringLiteral("folder"));
    QCOMPARE(s.value(QStringLiteral("e")), QStringLiteral("request"));
}

void TestTemplateResolver::authInheritance()
{
    Collection c;
    AuthSpec bearer;
    bearer.type = QStringLiteral("bearer");
    bearer.setParam(QStringLiteral("token"), QStringLiteral("{{token}}"));
    c.auth = bearer;
    CollectionItem folder;
    folder.isFolder = true;
    CollectionItem item;
    item.request = requestWithUrl(QStringLiteral("https://api.example.com/"));

    AuthSpec effective = AuthApplier::effectiveAuth({ { &folder }, &item }, &c);
    QCOMPARE(effective.type, QStringLiteral("bearer"));

    AuthSpec none;
    none.type = QStringLiteral("noauth");
    folder.auth = none;
    QCOMPARE(AuthApplier::effectiveAuth({ { &folder }, &item }, &c).type, QStringLiteral("noauth"));

    AuthSpec basic;
    basic.type = QStringLiteral("basic");
    basic.setParam(QStringLiteral("username"), QStringLiteral("ali:ce"));
    basic.setParam(QStringLiteral("password"), QStringLiteral("p@ss"));
    item.request.auth = basic;
    effective = AuthApplier::effectiveAuth({ { &folder }, &item }, &c);
    const auto r = SendSession::prepare(item.request, effective, VariableScopes());
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r->headers.last().second, QByteArray("Basic ") + QByteArray("ali:ce:p@ss").toBase64());

    VariableScopes scopes;
    scopes.set(QStringLiteral("token"), QStringLiteral("tok-123"));
    const auto b = SendSession::prepare(item.request, bearer, scopes);
    QVERIFY(b.ok());
    QCOMPARE(b->headers.last(), (HeaderPair { "Authorization", "Bearer tok-123" }));
    QCOMPARE(b->secretValues, QStringList { QStringLiteral("tok-123") });
}

void TestTemplateResolver::bodies()
{
    RequestSpec r = requestWithUrl(QStringLiteral("https://api.example.com/"));
    r.method = QStringLiteral("POST");
    r.body.mode = RequestBody::Mode::UrlEncoded;
    r.body.urlEncoded = { { QStringLiteral("name"), QStringLiteral("{{n}}") },
        { QStringLiteral("off"), QStringLiteral("x"), false } };
    VariableScopes scopes;
    scopes.set(QStringLiteral("n"), QStringLiteral("a b&c=d"));
    auto out = SendSession::prepare(r, noAuth(), scopes);
    QVERIFY(out.ok());
    QCOMPARE(out->body, QByteArray("name=a%20b%26c%3Dd"));
    QCOMPARE(
        out->headers.last(), (HeaderPair { "Content-Type", "application/x-www-form-urlencoded" }));

    r.body.mode = RequestBody::Mode::Raw;
    r.body.raw = QStringLiteral("{\"n\":\"{{n}}\"}");
    r.body.rawLanguage = QStringLiteral("json");
    out = SendSession::prepare(r, noAuth(), scopes);
    QCOMPARE(out->body, QByteArray("{\"n\":\"a b&c=d\"}"));
    QCOMPARE(out->headers.last(), (HeaderPair { "Content-Type", "application/json" }));

    // Like Postman: a body left on a GET is not sent, unless pruning is switched off.
    r.method = QStringLiteral("GET");
    out = SendSession::prepare(r, noAuth(), scopes);
    QVERIFY(out->body.isEmpty() && !out->hasBody);
    r.bodyPruningDisabled = true;
    out = SendSession::prepare(r, noAuth(), scopes);
    QCOMPARE(out->body, QByteArray("{\"n\":\"a b&c=d\"}"));
    r.method = QStringLiteral("POST");
    r.body.raw.clear();
    out = SendSession::prepare(r, noAuth(), scopes);
    QVERIFY2(std::none_of(out->headers.begin(), out->headers.end(),
                 [](const HeaderPair &h) { return h.first == "Content-Type"; }),
        "an empty body gets no Content-Type");

    r.body.mode = RequestBody::Mode::File;
    r.body.filePath = QStringLiteral("/nonexistent/file.bin");
    out = SendSession::prepare(r, noAuth(), scopes);
    QVERIFY(!out.ok());
    QVERIFY2(out.error().contains(QLatin1String("/nonexistent/file.bin")), qPrintable(out.error()));

    r.method = QStringLiteral("BAD METHOD");
    r.body.mode = RequestBody::Mode::None;
    out = SendSession::prepare(r, noAuth(), scopes);
    QVERIFY(!out.ok());
    r.method = QStringLiteral("PURGE");
    out = SendSession::prepare(r, noAuth(), scopes);
    QVERIFY(out.ok());
    QCOMPARE(out->method, QByteArray("PURGE"));
}

void TestTemplateResolver::secretsCollectedForRedaction()
{
    RequestSpec r = requestWithUrl(QStringLiteral("https://api.example.com/?k={{apiKey}}"));
    VariableScopes scopes;
    scopes.set(QStringLiteral("apiKey"), QStringLiteral("s3cr3t"), true);
    scopes.set(QStringLiteral("plain"), QStringLiteral("visible"));
    const auto out = SendSession::prepare(r, noAuth(), scopes);
    QVERIFY(out.ok());
    QCOMPARE(out->secretValues, QStringList { QStringLiteral("s3cr3t") });

    // A secret the file keeps without its value is unset: the send is refused naming it.
    Variable blank { QStringLiteral("pat"), QString() };
    blank.type = QStringLiteral("secret");
    VariableScopes fromFile;
    fromFile.addScope({ blank });
    RequestSpec needsPat = requestWithUrl(QStringLiteral("https://api.example.com/"));
    needsPat.headers.append({ QStringLiteral("Authorization"), QStringLiteral("Bearer {{pat}}") });
    const auto refused = SendSession::prepare(needsPat, noAuth(), fromFile);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error(), QStringLiteral("Unresolved variables: pat"));
}

void TestTemplateResolver::graphQlBodyIsSentAsJson()
{
    // As Postman sends it: {"query": …, "variables": {…}}, application/json. A value with quotes
    // stays inside its JSON string.
    RequestSpec r = requestWithUrl(QStringLiteral("https://x.example/graphql"));
    r.method = QStringLiteral("POST");
    r.body.mode = RequestBody::Mode::GraphQl;
    r.body.graphQlQuery = QStringLiteral("query { user(name: \"{{name}}\") { id } }");
    r.body.graphQlVariables = QStringLiteral("{ \"first\": {{count}} }");
    const VariableScopes scopes
        = scopesFrom({ QStringLiteral("name=Zoë \"Z\""), QStringLiteral("count=10") });
    const auto sent = SendSession::prepare(r, noAuth(), scopes);
    QVERIFY2(sent.ok(), qPrintable(sent.error()));
    const QJsonObject body = QJsonDocument::fromJson(sent.request.body).object();
    QCOMPARE(body.value(QStringLiteral("query")).toString(),
        QStringLiteral("query { user(name: \"Zoë \"Z\"\") { id } }"));
    QCOMPARE(body.value(QStringLiteral("variables")).toObject(),
        (QJsonObject { { QStringLiteral("first"), 10 } }));
    QCOMPARE(RequestVariables::namesUsed(r, noAuth()),
        QStringList({ QStringLiteral("name"), QStringLiteral("count") }));
    QCOMPARE(r.body.impliedContentType(), QStringLiteral("application/json"));

    // Variables that are not a JSON object: not sent, and said why.
    r.body.graphQlVariables = QStringLiteral("[1, 2");
    const auto refused = SendSession::prepare(r, noAuth(), scopes);
    QVERIFY(!refused.ok());
    QVERIFY2(
        refused.error().contains(QLatin1String("GraphQL variables")), qPrintable(refused.error()));
}

QTEST_GUILESS_MAIN(TestTemplateResolver)
#include "TestTemplateResolver.moc"
