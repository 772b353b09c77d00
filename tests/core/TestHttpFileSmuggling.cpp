// Review (attack-today): lines a .http tool obeys smuggled through fields other than the body, and
// {{…}} that httpyac evaluates as JavaScript. Each case was confirmed against httpyac 6.16.7 and a
// loopback echo server: the tool read a local file and sent it, sent to another port, or ran code.
#include "app/formats/HttpFileWriter.h"
#include "tests/support/OneRequestCollection.h"

#include <QRegularExpression>
#include <QTest>

using namespace Playground;

class TestHttpFileSmuggling : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nothingTheToolObeysIsWritten_data();
    void nothingTheToolObeysIsWritten();
    void javaScriptTemplatesAreNotWritten_data();
    void javaScriptTemplatesAreNotWritten();
};

namespace {

using Test::oneRequest;

RequestSpec post(const QString &url)
{
    return Test::requestTo(QStringLiteral("POST"), url);
}

/** Lines httpyac reads as a file include, a request separator, or a response handler. */
bool obeyedLine(const QString &line)
{
    // httpyac: /^<(?:@\w*)?\s+(.+?)\s*$/u (JS \s takes U+00A0, U+2028, U+FEFF…), "###", ">".
    static const QRegularExpression obeyed(
        QStringLiteral("^\\s*(###|<@|<>|<\\s|>)"), QRegularExpression::UseUnicodePropertiesOption);
    return obeyed.match(line).hasMatch();
}

} // namespace

namespace {

Collection smuggling(const QString &field)
{
    if (field == QLatin1String("variable name")) {
        Variable v;
        v.key = QStringLiteral("v\n###\nPOST http://127.0.0.1:1/x\n\n< /etc/hostname\n\n###\n#");
        v.value = QStringLiteral("1");
        return oneRequest(post(QStringLiteral("http://127.0.0.1:2/")), { v });
    }
    RequestSpec r = post(QStringLiteral("http://127.0.0.1:2/"));
    if (field == QLatin1String("header name"))
        r.headers = { { QStringLiteral("X-A\n\n< /etc/hostname\nX"), QStringLiteral("v") } };
    if (field == QLatin1String("method"))
        r.method = QStringLiteral("POST HTTP://127.0.0.1:1/ HTTP/1.1\n\n###\nGET");
    if (field == QLatin1String("no-break space after <")) {
        r.body.mode = RequestBody::Mode::Raw;
        r.body.raw = QStringLiteral("hello\n<\u00a0/etc/hostname");
    }
    return oneRequest(r);
}

} // namespace

void TestHttpFileSmuggling::nothingTheToolObeysIsWritten_data()
{
    QTest::addColumn<QString>("field");
    for (const char *field : { "variable name", "header name", "method", "no-break space after <" })
        QTest::newRow(field) << QString::fromUtf8(field);
}

void TestHttpFileSmuggling::nothingTheToolObeysIsWritten()
{
    QFETCH(QString, field);
    QStringList warnings;
    const QString file = HttpFileWriter::write(smuggling(field), &warnings);
    // The tool splits lines at \r?\n; the only lines it may obey are our own request separators.
    int separators = 0;
    for (const QString &line : file.split(QRegularExpression(QStringLiteral("\r?\n")))) {
        if (line.startsWith(QLatin1String("### r")) && separators == 0) {
            ++separators;
            continue;
        }
        QVERIFY2(!obeyedLine(line),
            qPrintable(QStringLiteral("obeyed line %1 in:\n%2").arg(line, file)));
    }
}

void TestHttpFileSmuggling::javaScriptTemplatesAreNotWritten_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("url") << QStringLiteral("url");
    QTest::newRow("header value") << QStringLiteral("header");
    QTest::newRow("body") << QStringLiteral("body");
}

void TestHttpFileSmuggling::javaScriptTemplatesAreNotWritten()
{
    // httpyac evaluates {{…}} that is not a variable name as JavaScript: the file ran
    // require('fs').writeFileSync and sent readFileSync's result to the server.
    QFETCH(QString, field);
    const QString js = QStringLiteral("{{require('fs').readFileSync('/etc/hostname','utf8')}}");
    RequestSpec r = post(field == QLatin1String("url") ? QStringLiteral("http://127.0.0.1:2/") + js
                                                       : QStringLiteral("http://127.0.0.1:2/"));
    if (field == QLatin1String("header"))
        r.headers = { { QStringLiteral("X-J"), js } };
    if (field == QLatin1String("body")) {
        r.body.mode = RequestBody::Mode::Raw;
        r.body.raw = js;
    }
    QStringList warnings;
    const QString file = HttpFileWriter::write(oneRequest(r), &warnings);
    QVERIFY2(!file.contains(QLatin1String("require(")), qPrintable(file));
}

QTEST_GUILESS_MAIN(TestHttpFileSmuggling)
#include "TestHttpFileSmuggling.moc"
