#pragma once

#include <QStringList>

namespace Playground::Completion {

/**
 * The hidden `api-playground __complete WORD...` command behind the bash, zsh and fish
 * completions: WORDs are the words after the program name, the last one being completed (empty
 * for a new word). Prints the first line "files" followed by extensions (".json") when file
 * names should be offered too, else "-"; then one candidate per line, already filtered by the
 * completed word's prefix. Folder names come from the collection given earlier on the line.
 */
QStringList candidates(const QStringList &words);
int exec(const QStringList &words);

} // namespace Playground::Completion
