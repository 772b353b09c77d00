#include "ui/CookieManagerDialog.h"

#include "app/http/CookieJar.h"
#include "app/response/CookieTableModel.h"
#include "ui/CookieTable.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Playground {

CookieManagerDialog::CookieManagerDialog(
    CookieJar *jar, const QString &environment, QWidget *parent)
    : QDialog(parent)
    , m_jar(jar)
    , m_model(new CookieTableModel(this))
    , m_table(
          new CookieTable(m_model, QStringLiteral("cookieManagerTableView"), tr("Cookies"), this))
    , m_summaryLabel(new QLabel(this))
    , m_deleteButton(new QPushButton(tr("&Delete"), this))
    , m_clearButton(new QPushButton(tr("C&lear all"), this))
{
    setObjectName(QStringLiteral("cookieManagerDialog"));
    setWindowTitle(environment.isEmpty() ? tr("Cookies — no environment")
                                         : tr("Cookies — %1").arg(environment));
    m_summaryLabel->setObjectName(QStringLiteral("cookieSummaryLabel"));
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setWordWrap(true);
    m_deleteButton->setObjectName(QStringLiteral("deleteCookieButton"));
    m_deleteButton->setAccessibleName(tr("Delete the selected cookies"));
    m_deleteButton->setShortcut(QKeySequence::Delete);
    m_clearButton->setObjectName(QStringLiteral("clearCookiesButton"));
    m_clearButton->setAccessibleName(tr("Delete every cookie of this jar"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("cookieManagerButtonBox"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_deleteButton);
    actions->addWidget(m_clearButton);
    actions->addStretch(1);
    actions->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_deleteButton, &QPushButton::clicked, this, &CookieManagerDialog::deleteSelected);
    connect(m_clearButton, &QPushButton::clicked, this, [this] {
        if (m_jar)
            m_jar->clear();
    });
    if (m_jar)
        connect(m_jar, &CookieJar::changed, this, &CookieManagerDialog::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this] { m_deleteButton->setEnabled(m_table->selectionModel()->hasSelection()); });
    reload();
    resize(900, 420);
}

void CookieManagerDialog::reload()
{
    const QList<QNetworkCookie> cookies = m_jar ? m_jar->cookies() : QList<QNetworkCookie> {};
    m_model->setCookies(cookies);
    m_summaryLabel->setText(cookies.isEmpty()
            ? tr("No cookies yet. Cookies a server sets are kept here and sent back to it.")
            : (cookies.size() == 1 ? tr("1 cookie") : tr("%1 cookies").arg(cookies.size()))
                + tr(", sent back to the servers that set them. Kept on this computer only, "
                     "readable by you alone."));
    m_clearButton->setEnabled(!cookies.isEmpty());
    m_deleteButton->setEnabled(m_table->selectionModel()->hasSelection());
}

void CookieManagerDialog::deleteSelected()
{
    if (!m_jar)
        return;
    QList<QNetworkCookie> chosen;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        chosen.append(m_model->cookie(row.row()));
    if (chosen.isEmpty())
        return;
    {
        const QSignalBlocker quiet(m_jar); // one reload and one write, not one per cookie
        for (const QNetworkCookie &cookie : std::as_const(chosen))
            m_jar->remove(cookie);
    }
    Q_EMIT m_jar->changed();
}

} // namespace Playground
