#include "app/runner/JunitReporter.h"

#include "app/cli/TerminalText.h"

#include <QXmlStreamWriter>

namespace Playground {

namespace {

    /**
     * XML 1.0 allows no C0 control but tab and line breaks, and no lone surrogate: such a
     * character makes QXmlStreamWriter drop what it was writing. Escaped visibly instead, as on
     * the terminal (CI pages show these names).
     */
    QString xmlText(const QString &text)
    {
        return TerminalText::escaped(text);
    }

} // namespace

Result<QByteArray> JunitReporter::render(const RunReport &report) const
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    const QString tests = QString::number(report.results.size());
    const QString failures = QString::number(report.failures());
    const QString time = QString::number(report.totalMs / 1000.0, 'f', 3);
    const QString suite = xmlText(report.collectionName);
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), suite);
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), failures);
    xml.writeAttribute(QStringLiteral("time"), time);
    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"), suite);
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), failures);
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("time"), time);
    for (const RunResult &r : report.results) {
        xml.writeStartElement(QStringLiteral("testcase"));
        QStringList classParts { report.collectionName };
        classParts += r.folders;
        xml.writeAttribute(QStringLiteral("classname"), xmlText(classParts.join(QLatin1Char('.'))));
        // A second pass over the same requests names its iteration (CI pages list by name).
        xml.writeAttribute(QStringLiteral("name"),
            xmlText(r.iteration > 0
                    ? QStringLiteral("%1 (iteration %2)").arg(r.name).arg(r.iteration + 1)
                    : r.name));
        xml.writeAttribute(QStringLiteral("time"),
            QString::number(qMax(0.0, r.exchange.timings.total) / 1000.0, 'f', 3));
        if (r.failed()) {
            const QString message = xmlText(r.failureMessage());
            xml.writeStartElement(QStringLiteral("failure"));
            xml.writeAttribute(QStringLiteral("message"), message);
            xml.writeAttribute(QStringLiteral("type"),
                r.resolveError.isEmpty() ? failureKindName(r.exchange.failure)
                                         : QStringLiteral("not-sent"));
            xml.writeCharacters(QStringLiteral("%1 %2\n%3")
                                    .arg(xmlText(QString::fromUtf8(r.exchange.method)),
                                        xmlText(r.exchange.url), message));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    if (xml.hasError())
        return Result<QByteArray>::failure(
            QStringLiteral("the JUnit report could not be written as well-formed XML"));
    return out;
}

} // namespace Playground
