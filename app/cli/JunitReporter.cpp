#include "app/cli/JunitReporter.h"

#include <QXmlStreamWriter>

namespace Playground {

QByteArray JunitReporter::render(const RunReport &report) const
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    const QString tests = QString::number(report.results.size());
    const QString failures = QString::number(report.failures());
    const QString time = QString::number(report.totalMs / 1000.0, 'f', 3);
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), report.collectionName);
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), failures);
    xml.writeAttribute(QStringLiteral("time"), time);
    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"), report.collectionName);
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), failures);
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("time"), time);
    for (const RunResult &r : report.results) {
        xml.writeStartElement(QStringLiteral("testcase"));
        QStringList classParts { report.collectionName };
        classParts += r.folders;
        xml.writeAttribute(QStringLiteral("classname"), classParts.join(QLatin1Char('.')));
        xml.writeAttribute(QStringLiteral("name"), r.name);
        xml.writeAttribute(QStringLiteral("time"),
            QString::number(qMax(0.0, r.exchange.timings.total) / 1000.0, 'f', 3));
        if (r.failed()) {
            xml.writeStartElement(QStringLiteral("failure"));
            xml.writeAttribute(QStringLiteral("message"), r.failureMessage());
            xml.writeAttribute(QStringLiteral("type"),
                r.resolveError.isEmpty() ? failureKindName(r.exchange.failure)
                                         : QStringLiteral("not-sent"));
            xml.writeCharacters(
                QStringLiteral("%1 %2\n%3")
                    .arg(QString::fromUtf8(r.exchange.method), r.exchange.url, r.failureMessage()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace Playground
