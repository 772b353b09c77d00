#pragma once

#include <QAbstractTableModel>
#include <QNetworkCookie>

namespace Playground {

/**
 * Cookies as a table: name, value, domain, path, expires, HttpOnly, Secure. Shows the cookies a
 * response set and the contents of a cookie jar; values are shown as received (plain text).
 */
class CookieTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Value, Domain, Path, Expires, HttpOnly, Secure, ColumnCount };

    explicit CookieTableModel(QObject *parent = nullptr);

    void setCookies(const QList<QNetworkCookie> &cookies);
    const QList<QNetworkCookie> &cookies() const { return m_cookies; }
    QNetworkCookie cookie(int row) const { return m_cookies.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<QNetworkCookie> m_cookies;
};

} // namespace Playground
