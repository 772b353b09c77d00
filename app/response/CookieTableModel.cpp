#include "app/response/CookieTableModel.h"

#include "app/core/PlainToolTip.h"
#include <QDateTime>

namespace Playground {

CookieTableModel::CookieTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CookieTableModel::setCookies(const QList<QNetworkCookie> &cookies)
{
    beginResetModel();
    m_cookies = cookies;
    endResetModel();
}

int CookieTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cookies.size());
}

int CookieTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CookieTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cookies.size())
        return {};
    const QNetworkCookie &c = m_cookies.at(index.row());
    if (role == Qt::ToolTipRole) // the server's text, shown as text
        return plainToolTip(data(index, Qt::DisplayRole).toString());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return QString::fromUtf8(c.name());
        case Value:
            return QString::fromUtf8(c.value());
        case Domain:
            return c.domain();
        case Path:
            return c.path();
        case Expires:
            if (c.isSessionCookie())
                return tr("Session");
            if (c.expirationDate() <= QDateTime::currentDateTimeUtc())
                return tr("Deleted (expired %1)")
                    .arg(c.expirationDate().toUTC().toString(Qt::ISODate));
            return c.expirationDate().toUTC().toString(Qt::ISODate);
        case HttpOnly:
            return c.isHttpOnly() ? tr("Yes") : tr("No");
        case Secure:
            return c.isSecure() ? tr("Yes") : tr("No");
        default:
            return {};
        }
    }
    return {};
}

QVariant CookieTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Value:
        return tr("Value");
    case Domain:
        return tr("Domain");
    case Path:
        return tr("Path");
    case Expires:
        return tr("Expires (UTC)");
    case HttpOnly:
        return tr("HttpOnly");
    case Secure:
        return tr("Secure");
    default:
        return {};
    }
}

} // namespace Playground
