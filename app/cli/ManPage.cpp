#include "app/cli/ManPage.h"

#include "app/cli/CommandLineSpec.h"

namespace Playground::ManPage {

namespace {

    /** Escapes text for roff: backslashes, hyphens of options, a leading dot or quote. */
    QString roff(QString text)
    {
        text.replace(QLatin1Char('\\'), QLatin1String("\\e"));
        text.replace(QLatin1Char('-'), QLatin1String("\\-"));
        text.replace(QStringLiteral("…"), QLatin1String("..."));
        if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
            text.prepend(QLatin1String("\\&"));
        return text;
    }

    QString bold(const QString &text)
    {
        return QLatin1String("\\fB") + roff(text) + QLatin1String("\\fR");
    }
    QString italic(const QString &text)
    {
        return QLatin1String("\\fI") + roff(text) + QLatin1String("\\fR");
    }

} // namespace

QString render(const QString &version)
{
    using namespace CommandLineSpec;
    QString out;
    const auto line = [&](const QString &text) { out += text + QLatin1Char('\n'); };
    line(QStringLiteral(".TH API\\-PLAYGROUND 1 \"\" \"api\\-playground %1\" \"User Commands\"")
             .arg(roff(version)));
    line(QStringLiteral(".SH NAME"));
    line(
        QStringLiteral("api\\-playground \\- native HTTP API client with keychain\\-held secrets"));
    line(QStringLiteral(".SH SYNOPSIS"));
    line(bold(QStringLiteral("api-playground")) + QLatin1Char(' ') + QLatin1Char('[')
        + italic(QStringLiteral("COLLECTION")) + QLatin1Char(']'));
    for (const Command &c : commands()) {
        for (const QString &synopsis : c.synopsis) {
            line(QStringLiteral(".br"));
            line(bold(QStringLiteral("api-playground")) + QLatin1Char(' ') + roff(synopsis));
        }
    }
    line(QStringLiteral(".br"));
    line(bold(QStringLiteral("api-playground"))
        + QStringLiteral(" \\fB\\-\\-version\\fR | \\fB\\-\\-help\\fR"));
    line(QStringLiteral(".SH DESCRIPTION"));
    line(
        QStringLiteral("Without a command, opens the window, optionally with a Postman collection "
                       "file. Send requests with {{variables}}, Bearer tokens and OAuth 2.0 client "
                       "credentials, read responses with timings, and save collections as Postman "
                       "v2.1 files. Secrets are kept only in the system keychain."));
    line(QStringLiteral(".TP"));
    line(bold(QStringLiteral("--version")));
    line(QStringLiteral("Print the version and exit."));
    line(QStringLiteral(".TP"));
    line(bold(QStringLiteral("--help")));
    line(QStringLiteral(
        "Print the commands and exit; each command has its own \\fB\\-\\-help\\fR."));
    for (const Command &c : commands()) {
        line(QStringLiteral(".SH \"COMMAND: ") + c.name.toUpper() + QLatin1Char('"'));
        for (const QString &synopsis : c.synopsis) {
            line(QStringLiteral(".br"));
            line(bold(QStringLiteral("api-playground ") + synopsis));
        }
        line(QStringLiteral(".PP"));
        line(roff(c.summary.left(1).toUpper() + c.summary.mid(1)) + QLatin1Char('.'));
        for (const Option &o : c.options) {
            line(QStringLiteral(".TP"));
            QString tag;
            if (!o.shortName.isEmpty())
                tag = bold(o.shortName) + QStringLiteral(", ");
            tag += bold(o.name);
            if (!o.valueName.isEmpty())
                tag += QLatin1Char(' ') + italic(o.valueName);
            line(tag);
            line(roff(o.help.left(1).toUpper() + o.help.mid(1)) + QLatin1Char('.'));
        }
        for (const QString &paragraph : c.paragraphs) {
            line(QStringLiteral(".PP"));
            line(roff(paragraph));
        }
    }
    for (const Section &section : manSections()) {
        line(QStringLiteral(".SH \"") + section.title + QLatin1Char('"'));
        for (const auto &[tag, text] : section.items) {
            line(tag.isEmpty() ? QStringLiteral(".PP") : QStringLiteral(".TP"));
            if (!tag.isEmpty())
                line(bold(tag));
            line(roff(text));
        }
    }
    line(QStringLiteral(".SH \"SEE ALSO\""));
    line(QStringLiteral("\\fBnewman\\fR(1), \\fBcurl\\fR(1), \\fBsecret\\-tool\\fR(1)"));
    return out;
}

} // namespace Playground::ManPage
