#include "app/document/CollectionDocument.h"

#include "app/auth/CollectionSecrets.h"
#include "app/formats/LiteralCredentials.h"
#include "app/formats/PostmanReader.h"
#include "app/formats/PostmanWriter.h"
#include "app/secrets/SecretStore.h"

#include <QUuid>

namespace Playground {

namespace {

    /** The open documents by identity (the GUI thread's; documents live there). */
    QHash<quint64, CollectionDocument *> &openDocuments()
    {
        static QHash<quint64, CollectionDocument *> documents;
        return documents;
    }

} // namespace

CollectionDocument::CollectionDocument(QObject *parent)
    : QObject(parent)
{
    static quint64 next = 0;
    m_identity = ++next; // never reused: a stale drag cannot name a newer document
    openDocuments().insert(m_identity, this);
}

CollectionDocument::~CollectionDocument()
{
    openDocuments().remove(m_identity);
}

CollectionDocument *CollectionDocument::withIdentity(quint64 identity)
{
    return openDocuments().value(identity);
}

void CollectionDocument::load(Collection collection, const QString &path)
{
    const bool wasDirty = isDirty();
    m_collection = std::move(collection);
    m_path = path;
    m_open = true;
    m_applied.clear();
    m_saved.clear();
    m_serials.clear();
    Q_EMIT reset();
    if (wasDirty)
        Q_EMIT dirtyChanged(false);
}

Status CollectionDocument::open(const QString &path)
{
    Result<Collection> read = PostmanReader::readCollectionFile(path);
    if (!read)
        return Status::failure(read.error());
    load(std::move(read).value(), path);
    return {};
}

void CollectionDocument::close()
{
    const bool wasDirty = isDirty();
    m_collection = {};
    m_path.clear();
    m_open = false;
    m_applied.clear();
    m_saved.clear();
    m_serials.clear();
    Q_EMIT reset();
    if (wasDirty)
        Q_EMIT dirtyChanged(false);
}

QString CollectionDocument::ensureId()
{
    if (m_collection.postmanId.isEmpty()) {
        // Keychain entries are keyed by it: made once, saved with the file.
        const bool wasDirty = isDirty();
        m_collection.postmanId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_saved.append(0); // differs from any applied state until the next save
        if (!wasDirty)
            Q_EMIT dirtyChanged(true);
    }
    return m_collection.postmanId;
}

void CollectionDocument::submit(std::unique_ptr<DocumentCommand> command)
{
    if (m_sink) {
        m_sink(std::move(command));
        return;
    }
    redo(*command); // no undo history: applied for good
}

void CollectionDocument::redo(DocumentCommand &command)
{
    const bool wasDirty = isDirty();
    quint64 &serial = m_serials[&command];
    if (serial == 0)
        serial = m_nextSerial++;
    m_applied.append(serial);
    if (const std::optional<DocumentChange> coming = command.structuralChange(false))
        Q_EMIT aboutToChange(*coming);
    notify(command.apply(m_collection), wasDirty);
}

void CollectionDocument::undo(DocumentCommand &command)
{
    const bool wasDirty = isDirty();
    if (!m_applied.isEmpty())
        m_applied.removeLast();
    if (const std::optional<DocumentChange> coming = command.structuralChange(true))
        Q_EMIT aboutToChange(*coming);
    notify(command.revert(m_collection), wasDirty);
}

void CollectionDocument::merged(DocumentCommand &into, const DocumentCommand &next)
{
    const bool wasDirty = isDirty();
    // The two steps are one state now, and a new one: it is not the state last saved.
    if (!m_applied.isEmpty())
        m_applied.removeLast();
    const quint64 serial = m_nextSerial++;
    if (!m_applied.isEmpty())
        m_applied.last() = serial;
    m_serials[&into] = serial;
    m_serials.remove(&next);
    if (wasDirty != isDirty())
        Q_EMIT dirtyChanged(isDirty());
}

void CollectionDocument::notify(const DocumentChange &change, bool wasDirty)
{
    Q_EMIT changed(change);
    if (wasDirty != isDirty())
        Q_EMIT dirtyChanged(isDirty());
}

void CollectionDocument::save(const QString &path, SecretStore *store, SaveCallback done)
{
    const QString target = path.isEmpty() ? m_path : path;
    // What the file holds: a credential typed or pasted as text (a curl command's token, an API
    // key header, an access_token query value) becomes a secret variable of the collection, its
    // value kept in the keychain like any other. The open document keeps what the user sees.
    auto file = std::make_shared<Collection>(m_collection);
    LiteralCredentials::extract(file.get());
    LiteralCredentials::hoist(file.get());
    QStringList secrets;
    for (const Variable &v : file->variables) {
        if (v.isSecret() && !v.value.isEmpty())
            secrets.append(v.key);
    }
    if (secrets.isEmpty() || !store) {
        writeFile(target, *file, secrets, std::move(done));
        return;
    }
    file->postmanId = ensureId();
    m_saving = true;
    Q_EMIT savingChanged(true);
    struct Pending {
        int left = 0;
        QStringList notPersisted;
    };
    auto pending = std::make_shared<Pending>();
    pending->left = int(secrets.size());
    for (const Variable &v : file->variables) {
        if (!v.isSecret() || v.value.isEmpty())
            continue;
        const Result<QString> key = CollectionSecrets::keyFor(*file, v.key);
        if (!key) { // not tied to an origin: kept for this session only, never in the keychain
            pending->notPersisted.append(v.key);
            if (--pending->left == 0)
                writeFile(target, *file, pending->notPersisted, done);
            continue;
        }
        store->write(key.value(), v.value, this,
            [this, pending, target, file, done, name = v.key](const SecretResult &r) {
                if (!r.persisted())
                    pending->notPersisted.append(name);
                if (--pending->left == 0)
                    writeFile(target, *file, pending->notPersisted, done);
            });
    }
}

void CollectionDocument::writeFile(
    const QString &path, const Collection &file, const QStringList &notPersisted, SaveCallback done)
{
    SaveOutcome outcome { PostmanWriter::writeCollectionFile(path, file), notPersisted };
    if (outcome.written) {
        m_path = path;
        const bool wasDirty = isDirty();
        m_saved = m_applied;
        if (wasDirty)
            Q_EMIT dirtyChanged(false);
    }
    if (m_saving) {
        m_saving = false;
        Q_EMIT savingChanged(false);
    }
    if (done)
        done(outcome);
}

} // namespace Playground
