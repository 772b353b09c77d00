// Text from a server or a file is shown as text in tooltips too: Qt reads a tooltip that looks
// like HTML as HTML (and loads the images it names), so every model escapes what it was given.
#include "app/core/PlainToolTip.h"
#include "app/document/CollectionDocument.h"
#include "app/model/CollectionTreeModel.h"
#include "app/response/CookieTableModel.h"
#include "app/response/JsonTreeModel.h"

#include <QNetworkCookie>
#include <QTest>

using namespace Playground;

namespace {

const QString Html = QStringLiteral("<img src='/etc/passwd'><h1>Session expired</h1>");

void verifyPlain(const QVariant &tip)
{
    const QString text = tip.toString();
    QVERIFY2(text.startsWith(QLatin1String("<qt>")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("<img")) && !text.contains(QLatin1String("<h1>")),
        qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("&lt;h1&gt;Session expired")), qPrintable(text));
}

} // namespace

class TestPlainToolTips : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void escapesAndKeepsLines()
    {
        QCOMPARE(plainToolTip(QStringLiteral("a < b\nc & d")),
            QStringLiteral("<qt>a &lt; b<br>c &amp; d</qt>"));
        QCOMPARE(plainToolTip(QString()), QString());
    }

    void aJsonValueFromTheServer()
    {
        const QByteArray json = "{\"note\": \"" + Html.toUtf8() + "\"}";
        auto tree = JsonTreeModel::parse(json);
        QVERIFY2(tree, qPrintable(tree.error()));
        JsonTreeModel model;
        model.setTree(tree.value());
        const QModelIndex root = model.index(0, 0);
        const QModelIndex note = model.index(
            0, JsonTreeModel::ValueColumn, model.rowCount(root) > 0 ? root : QModelIndex());
        verifyPlain(note.data(Qt::ToolTipRole));
    }

    void aCookieFromTheServer()
    {
        CookieTableModel model;
        model.setCookies({ QNetworkCookie("id", Html.toUtf8()) });
        verifyPlain(model.index(0, CookieTableModel::Value).data(Qt::ToolTipRole));
        QCOMPARE(model.index(0, CookieTableModel::Value).data().toString(), Html);
    }

    void aRequestFromAFile()
    {
        Collection c;
        CollectionItem item;
        item.name = Html;
        item.request.method = QStringLiteral("GET");
        item.request.url = UrlSpec::fromRaw(QStringLiteral("https://h.example/") + Html);
        c.items = { item };
        CollectionDocument document;
        document.load(c);
        CollectionTreeModel model(&document);
        verifyPlain(model.index(0, 0).data(Qt::ToolTipRole));
        QCOMPARE(model.index(0, 0).data().toString(), Html);
    }
};

QTEST_GUILESS_MAIN(TestPlainToolTips)
#include "TestPlainToolTips.moc"
