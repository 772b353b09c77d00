// The {{variables}} of a URL as the URL field shows them: where, resolved or not, and a plain-text
// description naming the value's scope with every secret masked.
#include "app/model/Collection.h"
#include "app/template/TemplateText.h"
#include "app/template/VariableSpans.h"

#include <QTest>

using namespace Playground;

class TestVariableSpans : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void positionsMatchTheText();
    void describesValueAndScope();
    void secretsAreMasked();
    void unresolvedSaysWhatToDo();
};

void TestVariableSpans::positionsMatchTheText()
{
    const QString url = QStringLiteral("{{baseUrl}}/users/{{ id }}?q={{$guid}}&x={not}");
    const QList<TemplateToken> tokens = TemplateText::tokenize(url);
    QString rebuilt;
    for (const TemplateToken &t : tokens)
        rebuilt += url.mid(t.start, t.length);
    QCOMPARE(rebuilt, url); // the pieces tile the text exactly
    const QList<VariableSpan> spans = VariableSpans::of(url, VariableScopes());
    QCOMPARE(spans.size(), 3);
    QCOMPARE(url.mid(spans.at(0).start, spans.at(0).length), QStringLiteral("{{baseUrl}}"));
    QCOMPARE(url.mid(spans.at(1).start, spans.at(1).length), QStringLiteral("{{ id }}"));
    QCOMPARE(spans.at(1).name, QStringLiteral("id"));
    QCOMPARE(url.mid(spans.at(2).start, spans.at(2).length), QStringLiteral("{{$guid}}"));
    QVERIFY(spans.at(2).resolved); // dynamic: a new value at each send
    QVERIFY(!spans.at(0).resolved);
}

void TestVariableSpans::describesValueAndScope()
{
    Collection collection;
    collection.variables.append(
        Variable { QStringLiteral("baseUrl"), QStringLiteral("http://a.test") });
    CollectionItem folder;
    folder.name = QStringLiteral("Users");
    folder.variables.append(Variable { QStringLiteral("id"), QStringLiteral("<b>7</b>") });
    CollectionItem request;
    RequestPath path;
    path.item = &request;
    path.folders = { &folder };
    Environment env;
    env.name = QStringLiteral("Local");
    env.values.append(
        Variable { QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:8080") });
    const VariableScopes scopes = VariableScopes::forRequest(path, &collection, &env, {});
    const QList<VariableSpan> spans
        = VariableSpans::of(QStringLiteral("{{baseUrl}}/u/{{id}}"), scopes);
    QCOMPARE(spans.size(), 2);
    QCOMPARE(spans.at(0).description,
        QStringLiteral("{{baseUrl}} = http://127.0.0.1:8080 (environment \"Local\")"));
    // The value is data: described as written, for the field to show as plain text.
    QCOMPARE(spans.at(1).description, QStringLiteral("{{id}} = <b>7</b> (folder \"Users\")"));
}

void TestVariableSpans::secretsAreMasked()
{
    VariableScopes scopes;
    scopes.set(QStringLiteral("token"), QStringLiteral("tok-very-secret"), true,
        QStringLiteral("collection"));
    const QList<VariableSpan> spans = VariableSpans::of(
        QStringLiteral("https://a.test/?t={{token}}&p={{pat}}"), scopes, { QStringLiteral("pat") });
    QCOMPARE(spans.size(), 2);
    QVERIFY(spans.at(0).resolved);
    QVERIFY(!spans.at(0).description.contains(QLatin1String("tok-very")));
    QVERIFY(spans.at(0).description.contains(QLatin1String("secret")));
    QVERIFY(spans.at(0).description.contains(QLatin1String("collection")));
    QVERIFY(spans.at(1).resolved); // in the keychain
    QVERIFY(spans.at(1).description.contains(QLatin1String("keychain")));
}

void TestVariableSpans::unresolvedSaysWhatToDo()
{
    const QList<VariableSpan> spans
        = VariableSpans::of(QStringLiteral("{{nope}}"), VariableScopes());
    QCOMPARE(spans.size(), 1);
    QVERIFY(!spans.first().resolved);
    QVERIFY(spans.first().description.contains(QLatin1String("no value")));
    QVERIFY(spans.first().description.contains(QLatin1String("Variables panel")));
}

QTEST_GUILESS_MAIN(TestVariableSpans)
#include "TestVariableSpans.moc"
