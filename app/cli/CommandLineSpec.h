#pragma once

#include <QList>
#include <QString>

namespace Playground::CommandLineSpec {

/** What an option's value (or an argument) is: drives help, the man page and completion. */
enum class ValueKind {
    None, ///< a flag
    JsonFile, ///< a collection or environment file
    PemFile, ///< a PEM certificate file
    AnyFile, ///< a file to write
    Folder, ///< a folder name of the collection given earlier on the line
    Choice, ///< one of Option::choices
    Text, ///< free text (NAME=VALUE, a number)
};

/** One option of a command, the single source of `--help`, the man page and completion. */
struct Option {
    QString name; ///< "--env"
    QString shortName; ///< "-k" or empty
    QString valueName; ///< "FILE" or empty for a flag
    ValueKind kind = ValueKind::None;
    QStringList choices; ///< for ValueKind::Choice
    QString help; ///< one line
};

/** A subcommand: its synopsis lines, options and the prose paragraphs of its help. */
struct Command {
    QString name; ///< "run"
    QString summary; ///< one line, for the top-level help and the man page
    QStringList synopsis; ///< words after "api-playground", one usage line each
    QList<Option> options;
    QStringList paragraphs; ///< shown after the options, one paragraph each
};

/** run, secrets: every public subcommand, in help order. */
const QList<Command> &commands();
/** The command called name, or nullptr. */
const Command *command(const QString &name);

/** `api-playground --help`. */
QString topUsage();
/** `api-playground COMMAND --help`: synopsis, options and paragraphs of the command. */
QString commandUsage(const Command &command);

/** Man page sections shared by the whole program (exit status, environment, files, examples). */
struct Section {
    QString title;
    QList<QPair<QString, QString>> items; ///< tag and text; an empty tag makes a plain paragraph
};
QList<Section> manSections();

} // namespace Playground::CommandLineSpec
