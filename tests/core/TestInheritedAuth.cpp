// What a folder or request inherits, and from where: the innermost folder with auth wins, then
// the collection; a folder's "No auth" stops the search; the collection inherits nothing.
#include "app/auth/InheritedAuth.h"

#include <QTest>

using namespace Playground;

namespace {

AuthSpec auth(const QString &type)
{
    AuthSpec spec;
    spec.type = type;
    return spec;
}

/** Outer (Basic) › Middle (inherits) › Inner (inherits) › Leaf request; the collection: Bearer. */
Collection sample()
{
    CollectionItem leaf;
    leaf.name = QStringLiteral("Leaf");
    CollectionItem inner;
    inner.isFolder = true;
    inner.name = QStringLiteral("Inner");
    inner.children = { leaf };
    CollectionItem middle;
    middle.isFolder = true;
    middle.name = QStringLiteral("Middle");
    middle.auth = auth(QStringLiteral("inherit"));
    middle.children = { inner };
    CollectionItem outer;
    outer.isFolder = true;
    outer.name = QStringLiteral("Outer");
    outer.auth = auth(QStringLiteral("basic"));
    outer.children = { middle };
    Collection c;
    c.auth = auth(QStringLiteral("bearer"));
    c.items = { outer };
    return c;
}

} // namespace

class TestInheritedAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void innermostFolderWins()
    {
        const InheritedAuth leaf = InheritedAuth::above(sample(), { 0, 0, 0, 0 });
        QCOMPARE(leaf.auth.type, QStringLiteral("basic"));
        QCOMPARE(leaf.folder, QStringLiteral("Outer"));
        QVERIFY(leaf.adds());
        // A folder's own auth is not what it inherits.
        const InheritedAuth outer = InheritedAuth::above(sample(), { 0 });
        QCOMPARE(outer.auth.type, QStringLiteral("bearer"));
        QVERIFY(outer.folder.isEmpty());
    }
    void noAuthOnAFolderStopsTheSearch()
    {
        Collection c = sample();
        c.items[0].children[0].auth = auth(QStringLiteral("noauth"));
        const InheritedAuth leaf = InheritedAuth::above(c, { 0, 0, 0, 0 });
        QCOMPARE(leaf.folder, QStringLiteral("Middle"));
        QVERIFY(!leaf.adds());
    }
    void theCollectionInheritsNothing()
    {
        QVERIFY(!InheritedAuth::above(sample(), {}).adds());
        Collection c = sample();
        c.auth.reset();
        QVERIFY(!InheritedAuth::above(c, { 0 }).adds());
    }
};

QTEST_MAIN(TestInheritedAuth)
#include "TestInheritedAuth.moc"
