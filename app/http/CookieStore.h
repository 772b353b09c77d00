#pragma once

#include "app/core/Result.h"

#include <QHash>
#include <QObject>

namespace Playground {

class CookieJar;

/**
 * The cookie jars of the window, one per environment name ("" when none is chosen), kept in
 * cookies.json in the app data folder: readable by the user only (0600), written atomically
 * after every change, never in a collection or environment file. A file that cannot be read is
 * moved aside (problem() says where) and the jars start empty.
 */
class CookieStore : public QObject {
    Q_OBJECT
public:
    /** path: the cookies file; empty for defaultPath(). Reads it at once. */
    explicit CookieStore(const QString &path = {}, QObject *parent = nullptr);
    ~CookieStore() override;

    /** AppDataLocation/cookies.json. */
    static QString defaultPath();
    QString path() const { return m_path; }

    /** The jar of environment (created empty when new); owned by the store. */
    CookieJar *jar(const QString &environment);
    /** Writes every jar to the file now (it is also written after each change). */
    Status save();
    /** What went wrong reading or writing the file; empty when nothing did. */
    QString problem() const { return m_problem; }

Q_SIGNALS:
    /** Reading or writing the file failed; message names the file and the problem. */
    void problemOccurred(const QString &message);

private:
    void load();
    void report(const QString &message);

    QString m_path;
    QHash<QString, CookieJar *> m_jars;
    QString m_problem;
};

} // namespace Playground
