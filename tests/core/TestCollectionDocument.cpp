// The collection document: one owner of the collection, every edit a command, dirty state exact
// across undo, redo and merged typing, saves atomic and waiting for the keychain.
#include "app/document/CollectionDocument.h"
#include "app/document/EditRequestCommand.h"
#include "app/document/SetAuthCommand.h"
#include "app/formats/PostmanReader.h"
#include "app/secrets/MemorySecretStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;

namespace {

Collection sample()
{
    Collection c;
    c.name = QStringLiteral("Shop");
    CollectionItem item;
    item.name = QStringLiteral("List");
    item.request.url = UrlSpec::fromRaw(QStringLiteral("https://example.com/a"));
    c.items = { item };
    return c;
}

RequestEdit withUrl(const CollectionDocument &doc, const QString &url)
{
    RequestEdit edit = RequestEdit::of(doc.collection().items.at(0).request);
    edit.url = UrlSpec::fromRaw(url);
    return edit;
}

/** A stand-in for the window's undo stack: keeps the commands, applies, undoes, merges. */
struct History {
    CollectionDocument *doc;
    std::vector<std::unique_ptr<DocumentCommand>> done;

    void push(std::unique_ptr<DocumentCommand> command)
    {
        doc->redo(*command);
        if (!done.empty() && done.back()->absorb(*command)) {
            doc->merged(*done.back(), *command);
            return;
        }
        done.push_back(std::move(command));
    }
    std::unique_ptr<DocumentCommand> undo()
    {
        std::unique_ptr<DocumentCommand> last = std::move(done.back());
        done.pop_back();
        doc->undo(*last);
        return last;
    }
};

} // namespace

class TestCollectionDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void editsAreCommandsWithExactDirtyState();
    void typingMergesIntoOneStep();
    void typingInAnAuthFieldIsOneStep();
    void authEditKeepsTheRequest();
    void saveWaitsForTheKeychainAndWritesAtomically();
    void idIsCreatedOnce();
};

void TestCollectionDocument::editsAreCommandsWithExactDirtyState()
{
    CollectionDocument doc;
    doc.load(sample());
    History history { &doc, {} };
    doc.setCommandSink([&](std::unique_ptr<DocumentCommand> c) { history.push(std::move(c)); });
    QSignalSpy changed(&doc, &CollectionDocument::changed);
    QSignalSpy dirty(&doc, &CollectionDocument::dirtyChanged);

    doc.submit(std::make_unique<EditRequestCommand>(QList<int> { 0 },
        RequestEdit::of(doc.collection().items.at(0).request),
        withUrl(doc, QStringLiteral("https://example.com/b"))));
    QCOMPARE(
        doc.collection().items.at(0).request.url.raw(), QStringLiteral("https://example.com/b"));
    QVERIFY(doc.isDirty());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<DocumentChange>().path, QList<int> { 0 });

    std::unique_ptr<DocumentCommand> undone = history.undo();
    QCOMPARE(
        doc.collection().items.at(0).request.url.raw(), QStringLiteral("https://example.com/a"));
    QVERIFY(!doc.isDirty());
    QCOMPARE(dirty.count(), 2);

    // Undo past the saved state, then a different edit: dirty even at the same depth.
    QTemporaryDir dir;
    doc.submit(std::make_unique<SetAuthCommand>(doc.collection(), QList<int> {}, AuthSpec {}));
    doc.save(dir.filePath(QStringLiteral("c.json")), nullptr, {});
    QVERIFY(!doc.isDirty());
    history.undo();
    QVERIFY(doc.isDirty());
    doc.submit(std::make_unique<EditRequestCommand>(QList<int> { 0 },
        RequestEdit::of(doc.collection().items.at(0).request),
        withUrl(doc, QStringLiteral("https://example.com/c"))));
    QVERIFY(doc.isDirty());
}

void TestCollectionDocument::typingMergesIntoOneStep()
{
    CollectionDocument doc;
    doc.load(sample());
    History history { &doc, {} };
    doc.setCommandSink([&](std::unique_ptr<DocumentCommand> c) { history.push(std::move(c)); });
    for (const QString &url :
        { QStringLiteral("https://example.com/ab"), QStringLiteral("https://example.com/abc") })
        doc.submit(std::make_unique<EditRequestCommand>(QList<int> { 0 },
            RequestEdit::of(doc.collection().items.at(0).request), withUrl(doc, url)));
    QCOMPARE(history.done.size(), size_t(1));
    QVERIFY(doc.isDirty());
    history.undo();
    QCOMPARE(
        doc.collection().items.at(0).request.url.raw(), QStringLiteral("https://example.com/a"));
    QVERIFY(!doc.isDirty());
}

void TestCollectionDocument::typingInAnAuthFieldIsOneStep()
{
    CollectionDocument doc;
    doc.load(sample());
    History history { &doc, {} };
    doc.setCommandSink([&](std::unique_ptr<DocumentCommand> c) { history.push(std::move(c)); });
    AuthSpec basic;
    basic.type = QStringLiteral("basic");
    doc.submit(std::make_unique<SetAuthCommand>(doc.collection(), QList<int> {}, basic));
    for (const QString &user :
        { QStringLiteral("b"), QStringLiteral("bo"), QStringLiteral("bob") }) {
        basic.setParam(QStringLiteral("username"), user);
        doc.submit(std::make_unique<SetAuthCommand>(doc.collection(), QList<int> {}, basic));
    }
    // The type chosen, then the name typed: two steps.
    QCOMPARE(history.done.size(), size_t(2));
    QCOMPARE(doc.collection().auth->param(QStringLiteral("username")), QStringLiteral("bob"));
    history.undo();
    QCOMPARE(doc.collection().auth->type, QStringLiteral("basic"));
    QCOMPARE(doc.collection().auth->param(QStringLiteral("username")), QString());
    history.undo();
    QVERIFY(!doc.collection().auth.has_value());
}

void TestCollectionDocument::authEditKeepsTheRequest()
{
    CollectionDocument doc;
    doc.load(sample());
    AuthSpec bearer;
    bearer.type = QStringLiteral("bearer");
    bearer.setParam(QStringLiteral("token"), QStringLiteral("{{pat}}"));
    const RequestEdit before = RequestEdit::of(doc.collection().items.at(0).request);
    doc.submit(std::make_unique<SetAuthCommand>(doc.collection(), QList<int> { 0 }, bearer));
    // An edit made from a copy taken before the auth was set keeps the auth.
    RequestEdit typed = before;
    typed.url = UrlSpec::fromRaw(QStringLiteral("https://example.com/x"));
    doc.submit(std::make_unique<EditRequestCommand>(QList<int> { 0 }, before, typed));
    QVERIFY(doc.collection().items.at(0).request.auth.has_value());
    QCOMPARE(doc.collection().items.at(0).request.auth->type, QStringLiteral("bearer"));
}

void TestCollectionDocument::saveWaitsForTheKeychainAndWritesAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.json"));
    Collection c = sample();
    Variable secret { QStringLiteral("apiKey"), QStringLiteral("k-77") };
    secret.type = QStringLiteral("secret");
    // Bound to the collection's API, as the app stores a secret variable.
    c.variables = { { QStringLiteral("baseUrl"), QStringLiteral("https://example.com") }, secret };
    CollectionDocument doc;
    doc.load(c);
    MemorySecretStore store;
    store.setDelay(50);
    std::optional<CollectionDocument::SaveOutcome> outcome;
    doc.save(path, &store, [&](const CollectionDocument::SaveOutcome &o) { outcome = o; });
    QVERIFY(doc.isSaving());
    QVERIFY(!QFile::exists(path)); // nothing written before the keychain answered
    QTRY_VERIFY(outcome.has_value());
    QVERIFY2(outcome->written.ok(), qPrintable(outcome->written.error()));
    QVERIFY(outcome->notPersisted.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("k-77"));
    const Result<Collection> reread = PostmanReader::readCollectionFile(path);
    QVERIFY(reread.ok());
    QCOMPARE(reread->postmanId, doc.collection().postmanId); // the id its secrets are keyed by
    QVERIFY(!doc.isDirty());

    // A failed write names the file and leaves the document dirty.
    doc.submit(std::make_unique<SetAuthCommand>(doc.collection(), QList<int> {}, AuthSpec {}));
    doc.save(dir.filePath(QStringLiteral("missing-folder/c.json")), nullptr,
        [&](const CollectionDocument::SaveOutcome &o) { outcome = o; });
    QVERIFY(!outcome->written.ok());
    QVERIFY(doc.isDirty());

    // A secret the file ties to no origin is never put in the keychain: kept for the session.
    Collection bare = sample();
    bare.variables = { secret };
    doc.load(bare);
    doc.save(path, &store, [&](const CollectionDocument::SaveOutcome &o) { outcome = o; });
    QTRY_VERIFY(outcome->written.ok());
    QCOMPARE(outcome->notPersisted, QStringList { QStringLiteral("apiKey") });
}

void TestCollectionDocument::idIsCreatedOnce()
{
    CollectionDocument doc;
    doc.load(sample());
    QVERIFY(doc.collection().postmanId.isEmpty());
    const QString id = doc.ensureId();
    QVERIFY(!id.isEmpty());
    QVERIFY(doc.isDirty()); // the file must get it
    QCOMPARE(doc.ensureId(), id);
}

QTEST_GUILESS_MAIN(TestCollectionDocument)
#include "TestCollectionDocument.moc"
