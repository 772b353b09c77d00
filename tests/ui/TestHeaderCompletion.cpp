// The headers table suggests as the user types: header names, then the values of that header.
#include "tests/ui/WindowTestSupport.h"
#include "ui/RequestEditor.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>

using namespace Playground;

class TestHeaderCompletion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namesThenValues();
};

namespace {

/** Opens the cell's editor and types text into it; the editor. */
QLineEdit *typeInto(QTableWidget *table, int row, int column, const QString &text)
{
    table->setCurrentCell(row, column);
    table->editItem(table->item(row, column));
    auto *line = qobject_cast<QLineEdit *>(table->focusWidget());
    if (!line)
        line = table->findChild<QLineEdit *>();
    if (line)
        QTest::keyClicks(line, text);
    return line;
}

QStringList shown(QCompleter *completer)
{
    QStringList out;
    for (int r = 0; r < completer->completionCount(); ++r) {
        completer->setCurrentRow(r);
        out << completer->currentCompletion();
    }
    return out;
}

} // namespace

void TestHeaderCompletion::namesThenValues()
{
    RequestEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *headers = Test::find<QTableWidget>(&editor, "headersTableWidget");
    QVERIFY(headers);
    headers->window()->activateWindow();

    QLineEdit *name = typeInto(headers, 0, 1, QStringLiteral("cont"));
    QVERIFY(name && name->completer());
    QTRY_VERIFY(name->completer()->popup()->isVisible());
    const QStringList names = shown(name->completer());
    QVERIFY2(names.contains(QStringLiteral("Content-Type")), qPrintable(names.join(", ")));
    QVERIFY(names.contains(QStringLiteral("Content-Encoding")));
    QVERIFY(!names.contains(QStringLiteral("Accept")));
    name->setText(QStringLiteral("content-type")); // any letter case
    QTest::keyClick(name, Qt::Key_Return);

    QLineEdit *value = typeInto(headers, 0, 2, QStringLiteral("json"));
    QVERIFY(value && value->completer());
    const QStringList values = shown(value->completer());
    QVERIFY2(values.contains(QStringLiteral("application/json")), qPrintable(values.join(", ")));
    QVERIFY(!values.contains(QStringLiteral("text/plain")));
}

QTEST_MAIN(TestHeaderCompletion)
#include "TestHeaderCompletion.moc"
