// --help, the man page, the parser and shell completion agree: one table (CommandLineSpec) feeds
// the first two and completion, and the parser is checked against it both ways.
#include "app/cli/CommandLineSpec.h"
#include "app/cli/Completion.h"
#include "app/cli/ConvertCommand.h"
#include "app/cli/RunArguments.h"
#include "tests/support/TestPaths.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;

namespace {

QString runProgram(const QStringList &args)
{
    QProcess p;
    p.start(Test::playgroundBinary(), args);
    if (!p.waitForFinished(10'000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

/** "--name" options at the start of a help line ("  -k, --insecure  ..."). */
QStringList helpOptions(const QString &help)
{
    QStringList out;
    static const QRegularExpression line(
        QStringLiteral("^  (?:-\\w, )?(--[a-z-]+)"), QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(help); it.hasNext();)
        out.append(it.next().captured(1));
    return out;
}

/** The .TP tags of one "COMMAND: NAME" section of the man page, as options ("--env"). */
QStringList manOptions(const QString &man, const QString &command)
{
    const qsizetype start = man.indexOf(QStringLiteral(".SH \"COMMAND: ") + command.toUpper());
    if (start < 0)
        return {};
    const qsizetype end = man.indexOf(QStringLiteral("\n.SH "), start + 1);
    const QString section = man.mid(start, end < 0 ? -1 : end - start);
    QStringList out;
    static const QRegularExpression tag(
        QStringLiteral("^\\.TP\\n(?:\\\\fB\\\\-\\w\\\\fR, )?\\\\fB((?:\\\\-){2}[a-z\\\\-]+)\\\\fR"),
        QRegularExpression::MultilineOption);
    for (auto it = tag.globalMatch(section); it.hasNext();)
        out.append(it.next().captured(1).remove(QLatin1Char('\\')));
    return out;
}

QStringList specOptions(const QString &command)
{
    QStringList out;
    for (const CommandLineSpec::Option &o : CommandLineSpec::command(command)->options)
        out.append(o.name);
    return out;
}

} // namespace

class TestCommandLine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void helpListsTheTable_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("run") << "run";
        QTest::newRow("secrets") << "secrets";
        QTest::newRow("convert") << "convert";
    }
    void helpListsTheTable()
    {
        QFETCH(QString, command);
        const QString help = runProgram({ command, QStringLiteral("--help") });
        QVERIFY2(!help.isEmpty(), "no --help output");
        QCOMPARE(helpOptions(help), specOptions(command));
    }

    void manPageListsWhatHelpLists_data() { helpListsTheTable_data(); }
    void manPageListsWhatHelpLists()
    {
        QFETCH(QString, command);
        // The man page the build wrote (the file that ships), not a fresh rendering.
        QFile file(QFileInfo(Test::playgroundBinary()).absolutePath()
            + QStringLiteral("/packaging/api-playground.1"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QString man = QString::fromUtf8(file.readAll());
        const QString help = runProgram({ command, QStringLiteral("--help") });
        QCOMPARE(manOptions(man, command), helpOptions(help));
        for (const QString &synopsis : CommandLineSpec::command(command)->synopsis)
            QVERIFY2(
                man.contains(QString(synopsis).replace(QLatin1Char('-'), QLatin1String("\\-"))),
                qPrintable(synopsis));
        QVERIFY(man.contains(QStringLiteral("PLAYGROUND_VAR_")));
        QVERIFY(man.contains(QStringLiteral(".SH \"EXIT STATUS\"")));
    }

    void topHelpNamesEveryCommand()
    {
        const QString help = runProgram({ QStringLiteral("--help") });
        for (const CommandLineSpec::Command &c : CommandLineSpec::commands())
            QVERIFY2(help.contains(QStringLiteral("api-playground ") + c.name), qPrintable(c.name));
        QVERIFY(!help.contains(QStringLiteral("__complete")));
    }

    void parserAcceptsEveryDocumentedOption()
    {
        for (const CommandLineSpec::Option &o :
            CommandLineSpec::command(QStringLiteral("run"))->options) {
            if (o.name == QLatin1String("--help"))
                continue;
            QStringList args { QStringLiteral("c.json"), o.name };
            if (!o.valueName.isEmpty())
                args.append(o.kind == CommandLineSpec::ValueKind::Choice ? o.choices.constFirst()
                        : o.name == QLatin1String("--var")               ? QStringLiteral("a=b")
                        : o.name == QLatin1String("--timeout-ms")        ? QStringLiteral("5")
                                                                         : QStringLiteral("x"));
            const Result<RunArguments> parsed = RunArguments::parse(args);
            QVERIFY2(parsed.ok(), qPrintable(o.name + QLatin1Char(' ') + parsed.error()));
            if (!o.shortName.isEmpty())
                QVERIFY2(RunArguments::parse({ QStringLiteral("c.json"), o.shortName }).ok(),
                    qPrintable(o.shortName));
        }
    }

    void convertParserAcceptsEveryDocumentedOption()
    {
        for (const CommandLineSpec::Option &o :
            CommandLineSpec::command(QStringLiteral("convert"))->options) {
            if (o.name == QLatin1String("--help") || o.name == QLatin1String("--to"))
                continue;
            QStringList args { QStringLiteral("in.md"), QStringLiteral("--to"),
                QStringLiteral("curl"), o.name };
            if (!o.valueName.isEmpty())
                args.append(o.kind == CommandLineSpec::ValueKind::Choice ? o.choices.constLast()
                                                                         : QStringLiteral("x"));
            const auto parsed = ConvertCommand::parse(args);
            QVERIFY2(parsed.ok(), qPrintable(o.name + QLatin1Char(' ') + parsed.error()));
            if (!o.shortName.isEmpty()) {
                args.replace(3, o.shortName);
                QVERIFY2(ConvertCommand::parse(args).ok(), qPrintable(o.shortName));
            }
        }
        for (const QString &to :
            CommandLineSpec::command(QStringLiteral("convert"))->options.constFirst().choices)
            QVERIFY(
                ConvertCommand::parse({ QStringLiteral("-"), QStringLiteral("--to"), to }).ok());
        QVERIFY(!ConvertCommand::parse({ QStringLiteral("in.md") }).ok()); // --to is required
        QVERIFY(!ConvertCommand::parse(
            { QStringLiteral("in.md"), QStringLiteral("--to"), QStringLiteral("pdf") })
                     .ok());
    }

    void everyParsedOptionIsDocumented()
    {
        // The options the parser compares against, read from its source.
        QFile source(Test::sourcePath(QStringLiteral("app/cli/RunArguments.cpp")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(source.readAll());
        static const QRegularExpression literal(
            QStringLiteral("arg == QLatin1String\\(\"(-[a-z-]+)\"\\)"));
        QStringList documented;
        for (const CommandLineSpec::Option &o :
            CommandLineSpec::command(QStringLiteral("run"))->options)
            documented << o.name << o.shortName;
        int seen = 0;
        for (auto it = literal.globalMatch(text); it.hasNext(); ++seen) {
            const QString option = it.next().captured(1);
            QVERIFY2(documented.contains(option),
                qPrintable(option + QStringLiteral(" is parsed but not in --help")));
        }
        QVERIFY(seen >= 8);
    }

    void completion_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("command") << QStringList { "" }
                                 << QStringList { "files .json", "run", "secrets", "convert" };
        QTest::newRow("command prefix")
            << QStringList { "r" } << QStringList { "files .json", "run" };
        QTest::newRow("top option") << QStringList { "--v" } << QStringList { "-", "--version" };
        QTest::newRow("collection") << QStringList { "run", "" } << QStringList { "files .json" };
        QTest::newRow("reporter") << QStringList { "run", "c.json", "--reporter", "" }
                                  << QStringList { "-", "cli", "json", "junit" };
        QTest::newRow("reporter prefix") << QStringList { "run", "c.json", "--reporter", "j" }
                                         << QStringList { "-", "json", "junit" };
        QTest::newRow("env") << QStringList { "run", "c.json", "--env", "" }
                             << QStringList { "files .json" };
        QTest::newRow("ca-cert") << QStringList { "run", "c.json", "--ca-cert", "" }
                                 << QStringList { "files .pem .crt" };
        QTest::newRow("out") << QStringList { "run", "c.json", "--out", "" }
                             << QStringList { "files" };
        QTest::newRow("options") << QStringList { "run", "c.json", "--f" }
                                 << QStringList { "-", "--folder" };
        QTest::newRow("after value")
            << QStringList { "run", "--env", "e.json", "" } << QStringList { "files .json" };
        QTest::newRow("secrets action") << QStringList { "secrets", "" }
                                        << QStringList { "-", "set", "delete", "list", "--help" };
        QTest::newRow("secrets collection")
            << QStringList { "secrets", "set", "" } << QStringList { "files .json" };
        QTest::newRow("convert input") << QStringList { "convert", "" } << QStringList { "files" };
        QTest::newRow("convert to") << QStringList { "convert", "x.md", "--to", "" }
                                    << QStringList { "-", "postman", "curl", "http", "har" };
        QTest::newRow("convert from")
            << QStringList { "convert", "x.md", "--from", "o" } << QStringList { "-", "openapi" };
        QTest::newRow("unknown command") << QStringList { "nope", "" } << QStringList { "-" };
    }
    void completion()
    {
        QFETCH(QStringList, words);
        QFETCH(QStringList, expected);
        QCOMPARE(Completion::candidates(words), expected);
    }

    void completionReadsFoldersOfTheCollectionGivenEarlier()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.postman_collection.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "{\"info\": {\"name\": \"C\", \"schema\": "
            "\"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\"}, \"item\": "
            "[{\"name\": \"Campaigns\", \"item\": [{\"name\": \"Drafts\", \"item\": []}, "
            "{\"name\": \"list\", \"request\": {\"method\": \"GET\", \"url\": "
            "\"https://x.test/\"}}]}, {\"name\": \"Auth tokens\", \"item\": []}, {\"name\": "
            "\"top\", \"request\": {\"method\": \"GET\", \"url\": \"https://x.test/\"}}]}");
        file.close();
        QCOMPARE(Completion::candidates({ "run", path, "--folder", "" }),
            QStringList({ "-", "Campaigns", "Drafts", "Auth tokens" }));
        QCOMPARE(Completion::candidates({ "run", "--reporter", "json", path, "--folder", "D" }),
            QStringList({ "-", "Drafts" }));
        // No collection yet, or an unreadable one: no folder names, and no error output.
        QCOMPARE(Completion::candidates({ "run", "--folder", "" }), QStringList { "-" });
        QCOMPARE(Completion::candidates(
                     { "run", dir.filePath(QStringLiteral("missing.json")), "--folder", "" }),
            QStringList { "-" });
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "TestCommandLine.moc"
