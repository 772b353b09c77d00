// JSON bodies with {{variables}}: the check names line and column, Beautify and Minify keep every
// template exactly and change nothing but white space.
#include "app/template/JsonTemplate.h"

#include <QJsonDocument>
#include <QTest>

using namespace Playground;

class TestJsonTemplate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void beautifyKeepsTemplates();
    void minifyKeepsTemplatesAndStrings();
    void beautifiedPlainJsonParsesTheSame();
    void problems_data();
    void problems();
    void validBodies_data();
    void validBodies();
    void deepNestingIsRefused();
};

void TestJsonTemplate::beautifyKeepsTemplates()
{
    const QString text = QStringLiteral(
        "{\"id\":{{userId}},\"name\":\"{{first}} {{last}}\",{{extraKey}}:[1,{{n}}],\"e\":{}}");
    const Result<QString> pretty = JsonTemplate::beautify(text);
    QVERIFY2(pretty.ok(), qPrintable(pretty.error()));
    QCOMPARE(pretty.value(),
        QStringLiteral("{\n  \"id\": {{userId}},\n  \"name\": \"{{first}} {{last}}\",\n"
                       "  {{extraKey}}: [\n    1,\n    {{n}}\n  ],\n  \"e\": {}\n}"));
    // And back: minify undoes beautify.
    QCOMPARE(JsonTemplate::minify(pretty.value()).value(), text);
}

void TestJsonTemplate::minifyKeepsTemplatesAndStrings()
{
    const QString text
        = QStringLiteral("{\n  \"a b\" : \"x  y\\n\\u00e9\",\n  \"t\" :  {{ spaced name }} \n}");
    QCOMPARE(JsonTemplate::minify(text).value(),
        QStringLiteral("{\"a b\":\"x  y\\n\\u00e9\",\"t\":{{ spaced name }}}"));
}

void TestJsonTemplate::beautifiedPlainJsonParsesTheSame()
{
    const QByteArray json = "{\"z\":[1,-2.5e3,true,false,null,\"s\"],\"a\":{\"b\":[[],{}]}}";
    const Result<QString> pretty = JsonTemplate::beautify(QString::fromUtf8(json), 4);
    QVERIFY(pretty.ok());
    QVERIFY(pretty.value().contains(QLatin1String("\n        -2.5e3,")));
    QCOMPARE(QJsonDocument::fromJson(pretty.value().toUtf8()), QJsonDocument::fromJson(json));
}

void TestJsonTemplate::problems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("says");
    QTest::newRow("missing comma") << QStringLiteral("{\n  \"a\": 1\n  \"b\": 2\n}") << 3 << 3
                                   << QStringLiteral("expected ',' or '}'");
    QTest::newRow("missing colon")
        << QStringLiteral("{\"a\" 1}") << 1 << 6 << QStringLiteral("expected ':'");
    QTest::newRow("trailing comma")
        << QStringLiteral("[1,\n2,\n]") << 3 << 1 << QStringLiteral("trailing ','");
    QTest::newRow("unquoted key") << QStringLiteral("{a: 1}") << 1 << 2
                                  << QStringLiteral("\"key\" in quotes");
    QTest::newRow("open string") << QStringLiteral("{\"a\": \"b\n}") << 1 << 9
                                 << QStringLiteral("not closed on its line");
    QTest::newRow("open template")
        << QStringLiteral("{\"a\": {{b}") << 1 << 7 << QStringLiteral("not closed with }}");
    QTest::newRow("bad word") << QStringLiteral("[tru]") << 1 << 2
                              << QStringLiteral("expected a value");
    QTest::newRow("after end") << QStringLiteral("{} x") << 1 << 4
                               << QStringLiteral("after the JSON value");
    QTest::newRow("empty") << QStringLiteral("  ") << 1 << 3 << QStringLiteral("empty");
    QTest::newRow("cut off") << QStringLiteral("{\"a\": [1,") << 1 << 10
                             << QStringLiteral("the end of the text");
    QTest::newRow("leading dot") << QStringLiteral("[.5]") << 1 << 2
                                 << QStringLiteral("expected a value");
    QTest::newRow("bad escape") << QStringLiteral("[\"\\x\"]") << 1 << 4
                                << QStringLiteral("invalid escape");
}

void TestJsonTemplate::problems()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, says);
    const std::optional<JsonTemplate::Problem> problem = JsonTemplate::check(text);
    QVERIFY(problem);
    QCOMPARE(problem->line, line);
    QCOMPARE(problem->column, column);
    QVERIFY2(problem->message.contains(says), qPrintable(problem->message));
    // Beautify refuses with the same place and leaves the caller's text alone.
    const Result<QString> pretty = JsonTemplate::beautify(text);
    QVERIFY(!pretty.ok());
    QVERIFY2(
        pretty.error().startsWith(QStringLiteral("Line %1, column %2: ").arg(line).arg(column)),
        qPrintable(pretty.error()));
}

void TestJsonTemplate::validBodies_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("template alone") << QStringLiteral("{{body}}");
    QTest::newRow("numbers") << QStringLiteral("[0, -0, 1.25, 3e-2, 10E+3]");
    QTest::newRow("escapes") << QStringLiteral("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u20AC\"");
    QTest::newRow("braces in string") << QStringLiteral("{\"a\": \"{{ not closed\"}");
    QTest::newRow("crlf") << QStringLiteral("{\r\n\"a\": 1\r\n}");
}

void TestJsonTemplate::validBodies()
{
    QFETCH(QString, text);
    const auto problem = JsonTemplate::check(text);
    QVERIFY2(!problem, problem ? qPrintable(JsonTemplate::describe(*problem)) : "");
}

void TestJsonTemplate::deepNestingIsRefused()
{
    const QString deep = QString(JsonTemplate::MaxDepth + 1, QLatin1Char('['))
        + QString(JsonTemplate::MaxDepth + 1, QLatin1Char(']'));
    const auto problem = JsonTemplate::check(deep);
    QVERIFY(problem);
    QVERIFY(problem->message.contains(QLatin1String("deeper")));
    const QString fine = QString(100, QLatin1Char('[')) + QString(100, QLatin1Char(']'));
    QVERIFY(!JsonTemplate::check(fine));
}

QTEST_GUILESS_MAIN(TestJsonTemplate)
#include "TestJsonTemplate.moc"
