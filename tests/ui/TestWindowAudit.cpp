// Every screen of the window, looked at the way an accessibility and layout review would: at
// 1280×800, in light and dark, after a real send, each control a keyboard reaches has a name a
// screen reader can say, and no visible text is cut off.
#include "app/secrets/MemorySecretStore.h"
#include "tests/support/BundledFixture.h"
#include "tests/support/TestServer.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/ErrorBanner.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include "app/core/AppSettings.h"
#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>

#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace Playground;

Q_DECLARE_METATYPE(Playground::Theme::Choice)

namespace {

/** Who a widget is, for a failure message: its class, objectName and the chain above it. */
QString who(const QWidget *w)
{
    QStringList chain;
    for (const QWidget *p = w; p && chain.size() < 4; p = p->parentWidget())
        chain << QStringLiteral("%1#%2").arg(
            QLatin1String(p->metaObject()->className()), p->objectName());
    return chain.join(QStringLiteral(" < "));
}

bool isShowing(const QWidget *w)
{
    return w->isVisible() && !w->visibleRegion().isEmpty();
}

/** Problems with what is on screen now. */
QStringList audit(QWidget *window)
{
    QStringList problems;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!isShowing(w))
            continue;
        // A control the keyboard reaches says what it is.
        if (w->focusPolicy() & Qt::TabFocus && w->isEnabled()) {
            // An editable combo box's or a spin box's line edit is announced as its box.
            QWidget *parent = w->parentWidget();
            QWidget *named
                = qobject_cast<QComboBox *>(parent) || qobject_cast<QAbstractSpinBox *>(parent)
                ? parent
                : w;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(named);
            const QString name = iface ? iface->text(QAccessible::Name) : QString();
            // A scroll area's viewport is named by the view it belongs to.
            const bool viewport = w->parentWidget()
                && qobject_cast<QAbstractScrollArea *>(w->parentWidget())
                && qobject_cast<QAbstractScrollArea *>(w->parentWidget())->viewport() == w;
            if (name.trimmed().isEmpty() && !viewport)
                problems << QStringLiteral("no accessible name: %1").arg(who(w));
        }
        // Text is never cut: a label's text fits, unless it is elided on purpose with the
        // whole text in its tooltip.
        if (auto *label = qobject_cast<QLabel *>(w)) {
            const QString text = label->text();
            if (text.isEmpty() || label->wordWrap() || Qt::mightBeRichText(text)
                || label->toolTip() == text)
                continue;
            const int needed = label->fontMetrics().horizontalAdvance(text);
            if (needed > label->contentsRect().width() + 1)
                problems << QStringLiteral("clipped label (%1 of %2 px) \"%3\": %4")
                                .arg(label->contentsRect().width())
                                .arg(needed)
                                .arg(text, who(w));
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            if (button->text().isEmpty())
                continue;
            const QSize hint = button->sizeHint();
            if (hint.width() > button->width() + 1)
                problems << QStringLiteral("clipped button (%1 of %2 px) \"%3\": %4")
                                .arg(button->width())
                                .arg(hint.width())
                                .arg(button->text(), who(w));
        }
    }
    return problems;
}

/** Audits every page of every tab widget that shows, one page at a time. */
QStringList auditEveryTab(QWidget *window)
{
    QStringList problems = audit(window);
    for (QTabWidget *tabs : window->findChildren<QTabWidget *>()) {
        if (!isShowing(tabs))
            continue;
        const int current = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i) {
            if (!tabs->isTabVisible(i))
                continue;
            tabs->setCurrentIndex(i);
            QApplication::processEvents();
            problems += audit(window);
        }
        tabs->setCurrentIndex(current);
    }
    problems.removeDuplicates();
    return problems;
}

} // namespace

class TestWindowAudit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings(AppSettings::path(), QSettings::IniFormat).clear();
    }
    void cleanup() { Theme::apply(Theme::Choice::System); }

    void everyControlIsNamedAndNothingIsClipped_data()
    {
        QTest::addColumn<Theme::Choice>("theme");
        QTest::newRow("light") << Theme::Choice::Light;
        QTest::newRow("dark") << Theme::Choice::Dark;
    }

    void messagesNeverMoveTheLayout()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *url = Test::find<QWidget>(&window, "urlLineEdit");
        auto *response = Test::find<QWidget>(&window, "responseView");
        const auto where
            = [&](QWidget *w) { return QRect(w->mapTo(&window, QPoint()), w->size()); };
        const QRect urlBefore = where(url);
        const QRect responseBefore = where(response);
        auto *banner = Test::find<ErrorBanner>(&window, "errorBanner");
        banner->showMessage(QStringLiteral("A long message that wraps. ").repeated(12));
        QApplication::processEvents();
        QCOMPARE(where(url), urlBefore);
        QCOMPARE(where(response), responseBefore);
        // It shows whole, inside the window, over the response and not over the URL.
        const QRect shown = where(banner);
        QVERIFY(banner->isVisible());
        QVERIFY(window.rect().contains(shown));
        QVERIFY(!shown.intersects(urlBefore));
        QVERIFY(shown.height() >= banner->heightForWidth(shown.width()) - 1);
        window.resize(900, 700); // it follows the window
        QApplication::processEvents();
        QVERIFY(window.rect().contains(where(banner)));
        banner->clear();
        QCOMPARE(where(url), QRect(url->mapTo(&window, QPoint()), url->size()));
    }

    void everyControlIsNamedAndNothingIsClipped()
    {
        QFETCH(Theme::Choice, theme);
        Theme::apply(theme);
        Test::TestServer server;
        QVERIFY(server.start());
        QTemporaryDir dir;
        const Test::BundledFixture fixture = Test::BundledFixture::write(dir, server);
        QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
        MemorySecretStore store;
        MainWindow window(&store);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The empty window, then a collection with a request sent.
        QStringList problems = auditEveryTab(&window);
        window.openCollection(fixture.collectionPath);
        window.openEnvironment(fixture.environmentPath);
        auto *tree = Test::find<QTreeView>(&window, "collectionTreeView");
        QAbstractItemModel *model = tree->model();
        const QModelIndex folder = model->index(0, 0);
        tree->setCurrentIndex(model->index(0, 0, folder));
        Test::find<QAbstractButton>(&window, "sendButton")->click();
        QTRY_VERIFY(
            Test::find<QLabel>(&window, "statusLabel")->text().contains(QLatin1String("200")));
        problems += auditEveryTab(&window);
        problems.removeDuplicates();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestWindowAudit)
#include "TestWindowAudit.moc"
