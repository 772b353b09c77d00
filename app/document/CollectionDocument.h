#pragma once

#include "app/core/Result.h"
#include "app/document/DocumentCommand.h"
#include "app/model/Collection.h"

#include <QObject>

#include <functional>
#include <memory>

namespace Playground {

class SecretStore;

/**
 * One open collection: the collection, its file, its id and whether it has unsaved edits. It is
 * the one owner of that state: the tree, the credentials and the editor observe it, and every
 * edit reaches it as a DocumentCommand through submit(), which the window routes through its
 * undo stack (setCommandSink) before the document applies it.
 */
class CollectionDocument : public QObject {
    Q_OBJECT
public:
    /** Where submitted commands go; it must call redo() (now or later). Default: redo at once. */
    using CommandSink = std::function<void(std::unique_ptr<DocumentCommand>)>;
    /** How a save ended: the error, or the names of secret variables kept for the session only. */
    struct SaveOutcome {
        Status written;
        QStringList notPersisted;
    };
    using SaveCallback = std::function<void(const SaveOutcome &)>;

    explicit CollectionDocument(QObject *parent = nullptr);
    ~CollectionDocument() override;

    /** Replaces the document: a collection read from path (empty: not saved yet). Not dirty. */
    void load(Collection collection, const QString &path = {});
    /** Reads a Postman collection file; the error names the file (and line:column). */
    Status open(const QString &path);
    void close();

    bool isOpen() const { return m_open; }
    const Collection &collection() const { return m_collection; }
    QString path() const { return m_path; }
    bool isDirty() const { return m_applied != m_saved; }
    /** The collection's id (its keychain secrets are keyed by it), created once when missing. */
    QString ensureId();
    /** This document among the open ones of the process (a drag names its source by it). */
    quint64 identity() const { return m_identity; }
    /** The open document with that identity, or null (closed since, or another process's). */
    static CollectionDocument *withIdentity(quint64 identity);

    void setCommandSink(CommandSink sink) { m_sink = std::move(sink); }
    /** An edit: through the sink (the window's undo stack), else applied at once. */
    void submit(std::unique_ptr<DocumentCommand> command);
    /** Applies command (first time, or again after an undo). */
    void redo(DocumentCommand &command);
    /** Reverts command, which must be the last one applied. */
    void undo(DocumentCommand &command);
    /** next was applied right after into and has been folded into it (one undo step). */
    void merged(DocumentCommand &into, const DocumentCommand &next);

    /**
     * Saves atomically to path (empty: the document's own). Credentials written as text in a
     * request become secret variables in the file (LiteralCredentials). Values of "secret"
     * variables go to the store first and the file keeps their names with empty values; the file
     * is written once the store answered, without blocking. done runs from the event loop.
     */
    void save(const QString &path, SecretStore *store, SaveCallback done);
    bool isSaving() const { return m_saving; }

Q_SIGNALS:
    /** Another collection (or none) is now open. */
    void reset();
    /** Rows are about to be inserted, removed or moved (changed() follows once they are). */
    void aboutToChange(const Playground::DocumentChange &change);
    void changed(const Playground::DocumentChange &change);
    void dirtyChanged(bool dirty);
    void savingChanged(bool saving);

private:
    void notify(const DocumentChange &change, bool wasDirty);
    void writeFile(const QString &path, const Collection &file, const QStringList &notPersisted,
        SaveCallback done);

    Collection m_collection;
    QString m_path;
    bool m_open = false;
    bool m_saving = false;
    CommandSink m_sink;
    /** Serial numbers of the commands applied, oldest first: the document's state. */
    QList<quint64> m_applied;
    QList<quint64> m_saved;
    quint64 m_nextSerial = 1;
    QHash<const DocumentCommand *, quint64> m_serials;
    quint64 m_identity;
};

} // namespace Playground
