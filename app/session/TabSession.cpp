#include "app/session/TabSession.h"

#include "app/core/PrivateFolder.h"
#include "app/formats/JsonFile.h"
#include "app/formats/LiteralCredentials.h"
#include "app/formats/PostmanReader.h"
#include "app/formats/PostmanWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>
#include <algorithm>

namespace Playground {

namespace {

    constexpr int FormatVersion = 1;
    constexpr qsizetype MaxTabs = 200;

    QJsonArray toArray(const QStringList &names)
    {
        QJsonArray array;
        for (const QString &name : names)
            array.append(name);
        return array;
    }

} // namespace

QString TabSession::defaultPath()
{
    return PrivateFolder::filePath(QStandardPaths::AppConfigLocation, QStringLiteral("tabs.json"));
}

Status TabSession::write(const QString &path, const TabSession &session)
{
    // The scratch requests as one collection, so they are written as collections are: literal
    // credentials moved into secret variables, whose values the writer never writes.
    Collection scratch;
    for (const Tab &tab : session.tabs) {
        if (tab.itemNames.isEmpty())
            scratch.items.append(tab.scratch);
    }
    LiteralCredentials::extract(&scratch);
    const QJsonArray scratchJson
        = PostmanWriter::collectionJson(scratch).value(QLatin1String("item")).toArray();

    QJsonArray tabs;
    qsizetype nextScratch = 0;
    for (const Tab &tab : session.tabs) {
        QJsonObject entry;
        if (tab.itemNames.isEmpty())
            entry.insert(QLatin1String("scratch"), scratchJson.at(nextScratch++));
        else
            entry.insert(QLatin1String("item"), toArray(tab.itemNames));
        tabs.append(entry);
    }
    QJsonObject root;
    root.insert(QLatin1String("version"), FormatVersion);
    root.insert(QLatin1String("collection"), session.collectionPath);
    root.insert(QLatin1String("current"), session.current);
    root.insert(QLatin1String("tabs"), tabs);
    root.insert(
        QLatin1String("windowGeometry"), QString::fromLatin1(session.windowGeometry.toBase64()));
    root.insert(
        QLatin1String("splitterState"), QString::fromLatin1(session.splitterState.toBase64()));
    QDir().mkpath(QFileInfo(path).absolutePath());
    return JsonFile::writeObject(path, root);
}

Result<TabSession> TabSession::read(const QString &path)
{
    const Result<QJsonObject> json = JsonFile::readObject(path);
    if (!json)
        return Result<TabSession>::failure(json.error());
    const QJsonObject &root = json.value();
    TabSession session;
    session.collectionPath = root.value(QLatin1String("collection")).toString();
    session.windowGeometry
        = QByteArray::fromBase64(root.value(QLatin1String("windowGeometry")).toString().toLatin1());
    session.splitterState
        = QByteArray::fromBase64(root.value(QLatin1String("splitterState")).toString().toLatin1());

    // Scratch requests are read as the items of a collection, with the reader's bounds.
    const QJsonArray tabs = root.value(QLatin1String("tabs")).toArray();
    QJsonArray scratchJson;
    for (const QJsonValue &tab : tabs) {
        const QJsonValue scratch = tab.toObject().value(QLatin1String("scratch"));
        if (scratch.isObject())
            scratchJson.append(scratch);
    }
    QJsonObject wrapper;
    wrapper.insert(QLatin1String("info"),
        QJsonObject { { QLatin1String("name"), QStringLiteral("scratch") },
            { QLatin1String("schema"),
                QStringLiteral(
                    "https://schema.getpostman.com/json/collection/v2.1.0/collection.json") } });
    wrapper.insert(QLatin1String("item"), scratchJson);
    const Result<Collection> scratch = PostmanReader::readCollection(wrapper, path);
    if (!scratch)
        return Result<TabSession>::failure(scratch.error());

    qsizetype nextScratch = 0;
    for (const QJsonValue &value : tabs) {
        if (session.tabs.size() >= MaxTabs)
            break;
        const QJsonObject entry = value.toObject();
        Tab tab;
        if (entry.value(QLatin1String("scratch")).isObject()) {
            if (nextScratch >= scratch->items.size())
                continue;
            tab.scratch = scratch->items.at(nextScratch++);
        } else {
            for (const QJsonValue &name : entry.value(QLatin1String("item")).toArray())
                tab.itemNames.append(name.toString());
            if (tab.itemNames.isEmpty())
                continue; // neither: nothing to open
        }
        session.tabs.append(tab);
    }
    session.current = std::clamp(root.value(QLatin1String("current")).toInt(), 0,
        std::max<int>(0, int(session.tabs.size()) - 1));
    return session;
}

} // namespace Playground
