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

    constexpr int FormatVersion = 2;
    constexpr qsizetype MaxTabs = 200; ///< in all the collections
    constexpr qsizetype MaxWorkspaces = 50;

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

namespace {

    /** The tabs as JSON: scratch requests are written as collections are (literal credentials
     * moved into secret variables, whose values the writer never writes). */
    QJsonArray tabsJson(const QList<TabSession::Tab> &tabs)
    {
        Collection scratch;
        for (const TabSession::Tab &tab : tabs) {
            if (tab.itemNames.isEmpty())
                scratch.items.append(tab.scratch);
        }
        LiteralCredentials::extract(&scratch);
        const QJsonArray scratchJson
            = PostmanWriter::collectionJson(scratch).value(QLatin1String("item")).toArray();
        QJsonArray array;
        qsizetype nextScratch = 0;
        for (const TabSession::Tab &tab : tabs) {
            QJsonObject entry;
            if (tab.itemNames.isEmpty())
                entry.insert(QLatin1String("scratch"), scratchJson.at(nextScratch++));
            else
                entry.insert(QLatin1String("item"), toArray(tab.itemNames));
            array.append(entry);
        }
        return array;
    }

    /** One collection's entry (version 1: the file's root) back; at most room tabs. */
    Result<TabSession::Workspace> readWorkspace(
        const QJsonObject &json, const QString &path, qsizetype room)
    {
        TabSession::Workspace workspace;
        workspace.collectionPath = json.value(QLatin1String("collection")).toString();
        // Scratch requests are read as the items of a collection, with the reader's bounds.
        const QJsonArray tabs = json.value(QLatin1String("tabs")).toArray();
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
                    QStringLiteral("https://schema.getpostman.com/json/collection/v2.1.0/"
                                   "collection.json") } });
        wrapper.insert(QLatin1String("item"), scratchJson);
        const Result<Collection> scratch = PostmanReader::readCollection(wrapper, path);
        if (!scratch)
            return Result<TabSession::Workspace>::failure(scratch.error());

        qsizetype nextScratch = 0;
        for (const QJsonValue &value : tabs) {
            if (workspace.tabs.size() >= room)
                break;
            const QJsonObject entry = value.toObject();
            TabSession::Tab tab;
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
            workspace.tabs.append(tab);
        }
        workspace.current = std::clamp(json.value(QLatin1String("current")).toInt(), 0,
            std::max<int>(0, int(workspace.tabs.size()) - 1));
        return workspace;
    }

} // namespace

Status TabSession::write(const QString &path, const TabSession &session)
{
    QJsonArray workspaces;
    for (const Workspace &workspace : session.workspaces) {
        workspaces.append(QJsonObject {
            { QLatin1String("collection"), workspace.collectionPath },
            { QLatin1String("current"), workspace.current },
            { QLatin1String("tabs"), tabsJson(workspace.tabs) },
        });
    }
    QJsonObject root;
    root.insert(QLatin1String("version"), FormatVersion);
    root.insert(QLatin1String("collections"), workspaces);
    root.insert(QLatin1String("currentCollection"), session.currentWorkspace);
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
    session.windowGeometry
        = QByteArray::fromBase64(root.value(QLatin1String("windowGeometry")).toString().toLatin1());
    session.splitterState
        = QByteArray::fromBase64(root.value(QLatin1String("splitterState")).toString().toLatin1());

    // Version 1 kept one collection in the root; version 2 a list of them.
    QList<QJsonObject> entries;
    if (root.value(QLatin1String("collections")).isArray()) {
        for (const QJsonValue &value : root.value(QLatin1String("collections")).toArray()) {
            if (value.isObject() && entries.size() < MaxWorkspaces)
                entries.append(value.toObject());
        }
    } else {
        entries.append(root);
    }
    qsizetype room = MaxTabs;
    for (const QJsonObject &entry : entries) {
        Result<Workspace> workspace = readWorkspace(entry, path, room);
        if (!workspace)
            return Result<TabSession>::failure(workspace.error());
        room -= workspace->tabs.size();
        session.workspaces.append(std::move(workspace).value());
    }
    session.currentWorkspace = std::clamp(root.value(QLatin1String("currentCollection")).toInt(), 0,
        std::max<int>(0, int(session.workspaces.size()) - 1));
    return session;
}

} // namespace Playground
