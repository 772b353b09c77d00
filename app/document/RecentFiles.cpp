#include "app/document/RecentFiles.h"

#include "app/core/AppSettings.h"

#include <QFileInfo>
#include <QSettings>

namespace Playground {

namespace {

    const QLatin1String Group("recentFiles");
    const QLatin1String PathKey("path");
    const QLatin1String KindKey("kind");
    const QLatin1String EnvironmentKind("environment");
    const QLatin1String CollectionKind("collection");

} // namespace

RecentFiles::RecentFiles(QObject *parent)
    : QObject(parent)
{
}

QList<RecentFiles::Entry> RecentFiles::entries() const
{
    QSettings settings(AppSettings::path(), QSettings::IniFormat);
    QList<Entry> out;
    const int size = settings.beginReadArray(Group);
    for (int i = 0; i < size && out.size() < MaxEntries; ++i) {
        settings.setArrayIndex(i);
        Entry entry;
        entry.path = settings.value(PathKey).toString();
        entry.kind = settings.value(KindKey).toString() == EnvironmentKind ? Kind::Environment
                                                                           : Kind::Collection;
        if (!entry.path.isEmpty())
            out.append(entry);
    }
    settings.endArray();
    return out;
}

void RecentFiles::add(const QString &path, Kind kind)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QList<Entry> list = entries();
    list.removeIf([&](const Entry &e) { return e.path == absolute; });
    list.prepend({ absolute, kind });
    store(list.mid(0, MaxEntries));
}

void RecentFiles::remove(const QString &path)
{
    QList<Entry> list = entries();
    if (list.removeIf([&](const Entry &e) { return e.path == path; }) > 0)
        store(list);
}

int RecentFiles::removeMissing()
{
    QList<Entry> list = entries();
    const int removed
        = int(list.removeIf([](const Entry &e) { return !QFileInfo::exists(e.path); }));
    if (removed > 0)
        store(list);
    return removed;
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QList<Entry> &entries)
{
    QSettings settings(AppSettings::path(), QSettings::IniFormat);
    settings.remove(Group);
    settings.beginWriteArray(Group, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(PathKey, entries.at(i).path);
        settings.setValue(
            KindKey, entries.at(i).kind == Kind::Environment ? EnvironmentKind : CollectionKind);
    }
    settings.endArray();
    Q_EMIT changed();
}

} // namespace Playground
