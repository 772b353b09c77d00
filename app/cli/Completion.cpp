#include "app/cli/Completion.h"

#include "app/cli/CommandLineSpec.h"
#include "app/formats/PostmanReader.h"

#include <QDir>

#include <cstdio>

namespace Playground::Completion {

namespace {

    using CommandLineSpec::ValueKind;

    const QString JsonFiles = QStringLiteral("files .json");
    const QString PemFiles = QStringLiteral("files .pem .crt");
    const QString AllFiles = QStringLiteral("files");
    const QString NoFiles = QStringLiteral("-");

    QString expandHome(const QString &path)
    {
        if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
            return QDir::homePath() + path.mid(1);
        return path;
    }

    void appendFolders(const QList<CollectionItem> &items, QStringList *out)
    {
        for (const CollectionItem &item : items) {
            if (!item.isFolder)
                continue;
            out->append(item.name);
            appendFolders(item.children, out);
        }
    }

    QStringList folderNames(const QString &collectionPath)
    {
        QStringList names;
        if (collectionPath.isEmpty())
            return names;
        const Result<Collection> collection
            = PostmanReader::readCollectionFile(expandHome(collectionPath));
        if (collection)
            appendFolders(collection->items, &names);
        names.removeDuplicates();
        return names;
    }

    const CommandLineSpec::Option *findOption(
        const CommandLineSpec::Command &command, const QString &word)
    {
        for (const CommandLineSpec::Option &o : command.options) {
            if (o.name == word || (!o.shortName.isEmpty() && o.shortName == word))
                return &o;
        }
        return nullptr;
    }

    QStringList optionNames(const CommandLineSpec::Command &command)
    {
        QStringList names;
        for (const CommandLineSpec::Option &o : command.options)
            names.append(o.name);
        return names;
    }

    /** The directive line and the candidates, before prefix filtering. */
    QStringList complete(const QStringList &words)
    {
        const QString current = words.isEmpty() ? QString() : words.constLast();
        const qsizetype index = words.size() - 1; // of the word being completed
        if (index <= 0) {
            if (current.startsWith(QLatin1Char('-')))
                return { NoFiles, QStringLiteral("--help"), QStringLiteral("--version") };
            QStringList out { JsonFiles };
            for (const CommandLineSpec::Command &c : CommandLineSpec::commands())
                out.append(c.name);
            return out;
        }
        const CommandLineSpec::Command *command = CommandLineSpec::command(words.constFirst());
        if (!command)
            return { NoFiles };
        if (command->name == QLatin1String("secrets")) {
            if (index == 1)
                return { NoFiles, QStringLiteral("set"), QStringLiteral("delete"),
                    QStringLiteral("list"), QStringLiteral("--help") };
            if (index == 2)
                return { JsonFiles };
            return { NoFiles };
        }
        // run: the collection is the first word that is neither an option nor an option's value.
        QString collectionPath;
        for (qsizetype i = 1; i < index; ++i) {
            const QString &word = words.at(i);
            if (const CommandLineSpec::Option *o = findOption(*command, word)) {
                if (o->kind != ValueKind::None)
                    ++i;
            } else if (!word.startsWith(QLatin1Char('-')) && collectionPath.isEmpty()) {
                collectionPath = word;
            }
        }
        if (const CommandLineSpec::Option *o = findOption(*command, words.at(index - 1))) {
            switch (o->kind) {
            case ValueKind::None:
                break;
            case ValueKind::JsonFile:
                return { JsonFiles };
            case ValueKind::PemFile:
                return { PemFiles };
            case ValueKind::AnyFile:
                return { AllFiles };
            case ValueKind::Folder:
                return QStringList { NoFiles } + folderNames(collectionPath);
            case ValueKind::Choice:
                return QStringList { NoFiles } + o->choices;
            case ValueKind::Text:
                return { NoFiles };
            }
        }
        if (current.startsWith(QLatin1Char('-')))
            return QStringList { NoFiles } + optionNames(*command);
        if (collectionPath.isEmpty())
            return command->name == QLatin1String("convert") ? QStringList { AllFiles }
                                                             : QStringList { JsonFiles };
        return QStringList { NoFiles } + optionNames(*command);
    }

} // namespace

QStringList candidates(const QStringList &words)
{
    QStringList out = complete(words);
    const QString current = words.isEmpty() ? QString() : words.constLast();
    for (qsizetype i = out.size() - 1; i >= 1; --i) {
        if (!out.at(i).startsWith(current))
            out.removeAt(i);
    }
    return out;
}

int exec(const QStringList &words)
{
    for (const QString &line : candidates(words))
        std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    return 0;
}

} // namespace Playground::Completion
