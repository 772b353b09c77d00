#include "app/document/SetRequestSettingsCommand.h"

#include <QCoreApplication>

namespace Playground {

namespace {

    /** One bit per field that differs. */
    int differences(const RequestSettings &a, const RequestSettings &b)
    {
        return (a.followRedirects != b.followRedirects) | (a.maxRedirects != b.maxRedirects) << 1
            | (a.verifyTls != b.verifyTls) << 2 | (a.timeoutMs != b.timeoutMs) << 3
            | (a.caCertificateFile != b.caCertificateFile) << 4 | (a.proxy != b.proxy) << 5;
    }

} // namespace

SetRequestSettingsCommand::SetRequestSettingsCommand(
    const Collection &collection, QList<int> path, const RequestSettings &settings)
    : m_path(std::move(path))
    , m_settings(settings)
{
    if (const CollectionItem *item = itemAt(collection, m_path))
        m_before = item->extra;
}

QString SetRequestSettingsCommand::text() const
{
    return QCoreApplication::translate("SetRequestSettingsCommand", "Change request settings");
}

DocumentChange SetRequestSettingsCommand::apply(Collection &collection)
{
    if (CollectionItem *item = itemAt(collection, m_path))
        item->extra = m_settings.writtenTo(m_before);
    return { DocumentChange::Kind::Item, m_path };
}

DocumentChange SetRequestSettingsCommand::revert(Collection &collection)
{
    if (CollectionItem *item = itemAt(collection, m_path))
        item->extra = m_before;
    return { DocumentChange::Kind::Item, m_path };
}

bool SetRequestSettingsCommand::absorb(const DocumentCommand &next)
{
    const auto *other = dynamic_cast<const SetRequestSettingsCommand *>(&next);
    if (!other || other->m_path != m_path)
        return false;
    // Typing into one field folds; a change of another field is a step of its own.
    CollectionItem before;
    before.extra = m_before;
    const int mine = differences(RequestSettings::of(before), m_settings);
    const int theirs = differences(m_settings, other->m_settings);
    if (theirs == 0 || (theirs & ~mine) != 0)
        return false;
    m_settings = other->m_settings;
    return true;
}

} // namespace Playground
