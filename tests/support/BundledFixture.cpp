#include "tests/support/BundledFixture.h"

#include "tests/support/TestServer.h"

#include <QFile>
#include <QTemporaryDir>

namespace Playground::Test {

namespace {

    bool writeAll(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

} // namespace

BundledFixture BundledFixture::write(const QTemporaryDir &dir, TestServer &server)
{
    BundledFixture fixture;
    QFile bundled(QStringLiteral(":/digishare.postman_collection.json"));
    if (!bundled.open(QIODevice::ReadOnly)) {
        fixture.error = QStringLiteral("the bundled collection is not in this program's resources");
        return fixture;
    }
    QByteArray json = bundled.readAll();
    json.replace(
        "https://api.digishare.ma/v1", (server.baseUrl() + QStringLiteral("/v1")).toUtf8());
    const QByteArray environment = R"({"name":"Local fixture","values":[{"key":"token","value":")"
        + server.digishare().personalAccessToken() + R"(","type":"default","enabled":true}]})";
    const QString collectionPath
        = dir.filePath(QStringLiteral("Digishare.postman_collection.json"));
    const QString environmentPath = dir.filePath(QStringLiteral("Local.postman_environment.json"));
    if (!writeAll(collectionPath, json) || !writeAll(environmentPath, environment)) {
        fixture.error = QStringLiteral("cannot write into %1").arg(dir.path());
        return fixture;
    }
    fixture.collectionPath = collectionPath;
    fixture.environmentPath = environmentPath;
    return fixture;
}

} // namespace Playground::Test
