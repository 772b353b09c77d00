// window-screenshots OUT_DIR — the README's pictures of the real window, light and dark: a small
// collection and the bundled Digishare collection open in the sidebar, "List campaigns" sent to
// the loopback Digishare fixture and its JSON answer on screen; then the collection's settings
// dialog. Run under a real X server by
// packaging/screenshots/take.sh (the gui test WindowScreenshots runs it offscreen so it keeps
// working).
#include "app/secrets/MemorySecretStore.h"
#include "tests/support/BundledFixture.h"
#include "tests/support/TestServer.h"
#include "ui/ImportDialog.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cstdio>

using namespace Playground;

namespace {

int fail(const QString &why)
{
    std::fprintf(stderr, "window-screenshots: %s\n", qPrintable(why));
    return 1;
}

/** The visible widget of that name (with tabs, the one in the tab in front). */
template <typename T> T *visible(QWidget *window, const char *name)
{
    const QList<T *> all = window->findChildren<T *>(QLatin1String(name));
    for (T *w : all)
        if (w->isVisible())
            return w;
    return nullptr;
}

QModelIndex rowNamed(QAbstractItemModel *model, const QString &name, const QModelIndex &parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data().toString().contains(name))
            return i;
        if (const QModelIndex below = rowNamed(model, name, i); below.isValid())
            return below;
    }
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("api-playground-screenshots"));
    if (argc != 2)
        return fail(QStringLiteral("usage: window-screenshots OUT_DIR"));
    const QDir out(QString::fromLocal8Bit(argv[1]));
    QTemporaryDir work;
    Test::TestServer server;
    if (!work.isValid() || !server.start())
        return fail(QStringLiteral("no temporary folder or loopback server"));

    // The bundled collection, pointed at the fixture; the token in an environment, as a user has
    // it.
    const Test::BundledFixture fixture = Test::BundledFixture::write(work, server);
    if (!fixture.error.isEmpty())
        return fail(fixture.error);
    // Another collection above it in the sidebar, as a user keeps several open.
    const QString petsPath = work.filePath(QStringLiteral("pets.postman_collection.json"));
    QFile pets(petsPath);
    if (!pets.open(QIODevice::WriteOnly)
        || pets.write("{\"info\":{\"name\":\"Pet Store\"},\"item\":[{\"name\":\"Pets\","
                      "\"item\":[{\"name\":\"List pets\",\"request\":{\"method\":\"GET\","
                      "\"url\":\"https://petstore.example/pets\"}},{\"name\":\"Add a pet\","
                      "\"request\":{\"method\":\"POST\",\"url\":\"https://petstore.example/"
                      "pets\"}}]}]}")
            < 0)
        return fail(QStringLiteral("cannot write %1").arg(petsPath));
    pets.close();

    const struct {
        Theme::Choice theme;
        const char *file;
        const char *settingsFile;
        const char *importFile;
    } shots[]
        = { { Theme::Choice::Light, "main-window.png", "collection-settings.png", "import.png" },
              { Theme::Choice::Dark, "main-window-dark.png", "collection-settings-dark.png",
                  "import-dark.png" } };
    for (const auto &shot : shots) {
        Theme::apply(shot.theme);
        MemorySecretStore store;
        MainWindow window(&store);
        window.resize(1280, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return fail(QStringLiteral("the window never showed"));
        window.openCollection(petsPath);
        window.openCollection(fixture.collectionPath);
        window.openEnvironment(fixture.environmentPath);
        QTreeView *tree = nullptr;
        QModelIndex request;
        for (QTreeView *each :
            window.findChildren<QTreeView *>(QStringLiteral("collectionTreeView"))) {
            if (const QModelIndex found = rowNamed(each->model(), QStringLiteral("List campaigns"));
                found.isValid()) {
                tree = each;
                request = found;
            }
        }
        if (!request.isValid())
            return fail(QStringLiteral("no \"List campaigns\" request in the tree"));
        tree->setCurrentIndex(request);
        QApplication::processEvents();
        auto *send = visible<QAbstractButton>(&window, "sendButton");
        if (!send)
            return fail(QStringLiteral("no Send button"));
        send->click();
        QLabel *status = nullptr;
        const bool answered = QTest::qWaitFor(
            [&] {
                status = visible<QLabel>(&window, "statusLabel");
                return status && status->text().contains(QLatin1String("200"));
            },
            10'000);
        if (!answered)
            return fail(QStringLiteral("no 200 from the fixture: %1")
                            .arg(status ? status->text() : QString()));
        QTest::qWait(200); // the last paint
        const QString path = out.filePath(QLatin1String(shot.file));
        if (!window.grab().save(path))
            return fail(QStringLiteral("cannot write %1").arg(path));
        std::printf("%s\n", qPrintable(path));

        // The collection's settings (Auth, Variables, Description) as Collection › Edit opens them.
        auto *edit = window.findChild<QAction *>(QStringLiteral("editCollectionAction"));
        if (!edit)
            return fail(QStringLiteral("no Edit collection action"));
        edit->trigger();
        auto *settings = visible<QWidget>(&window, "itemSettingsDialog");
        if (!settings || !QTest::qWaitForWindowExposed(settings))
            return fail(QStringLiteral("the collection settings never showed"));
        QTest::qWait(200);
        const QString settingsPath = out.filePath(QLatin1String(shot.settingsFile));
        if (!settings->grab().save(settingsPath))
            return fail(QStringLiteral("cannot write %1").arg(settingsPath));
        std::printf("%s\n", qPrintable(settingsPath));
        settings->close();

        // File › Import… with a command copied from a browser, and what it could not carry over.
        auto *import = window.findChild<QAction *>(QStringLiteral("importAction"));
        if (!import)
            return fail(QStringLiteral("no Import action"));
        import->trigger();
        auto *dialog = visible<ImportDialog>(&window, "importDialog");
        if (!dialog || !QTest::qWaitForWindowExposed(dialog))
            return fail(QStringLiteral("the import dialog never showed"));
        visible<QPlainTextEdit>(dialog, "importPastePlainTextEdit")
            ->setPlainText(
                QStringLiteral("curl 'https://api.example.com/v1/orders?page=2' \\\n"
                               "  -H 'accept: application/json' \\\n"
                               "  -H 'authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig' \\\n"
                               "  -b 'session=7f3a9c' \\\n"
                               "  --data-raw '{\"item\":42,\"note\":\"$HOME\"}' \\\n"
                               "  --compressed -k"));
        QSignalSpy done(dialog, &ImportDialog::importEnded);
        visible<QAbstractButton>(dialog, "importButton")->click();
        if (!done.wait(10'000))
            return fail(QStringLiteral("the import never finished"));
        QTest::qWait(200);
        const QString importPath = out.filePath(QLatin1String(shot.importFile));
        if (!dialog->grab().save(importPath))
            return fail(QStringLiteral("cannot write %1").arg(importPath));
        std::printf("%s\n", qPrintable(importPath));
        dialog->close();
    }
    return 0;
}
