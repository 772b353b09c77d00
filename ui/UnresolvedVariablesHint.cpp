#include "ui/UnresolvedVariablesHint.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Playground {

UnresolvedVariablesHint::UnresolvedVariablesHint(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_environment(new QPushButton(tr("Environment"), this))
    , m_collection(new QPushButton(tr("Collection"), this))
    , m_folder(new QPushButton(this))
{
    setObjectName(QStringLiteral("unresolvedVariablesHint"));
    m_text->setObjectName(QStringLiteral("unresolvedVariablesLabel"));
    m_text->setTextFormat(Qt::PlainText);
    m_environment->setObjectName(QStringLiteral("setInEnvironmentButton"));
    m_collection->setObjectName(QStringLiteral("setInCollectionButton"));
    m_folder->setObjectName(QStringLiteral("setInFolderButton"));
    const auto wire = [this](QPushButton *button, RequestVariablesForm::Target target) {
        button->setAutoDefault(false);
        button->setCursor(Qt::PointingHandCursor);
        connect(button, &QPushButton::clicked, this,
            [this, target] { Q_EMIT setRequested(m_name, target); });
    };
    wire(m_environment, RequestVariablesForm::Target::Environment);
    wire(m_collection, RequestVariablesForm::Target::Collection);
    wire(m_folder, RequestVariablesForm::Target::Folder);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 0);
    layout->setSpacing(4);
    layout->addWidget(m_text);
    layout->addWidget(m_environment);
    layout->addWidget(m_collection);
    layout->addWidget(m_folder);
    layout->addStretch(1);
    // Hidden, it keeps its line: the request editor below never moves.
    QSizePolicy keep = sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    setSizePolicy(keep);
    setFixedHeight(m_environment->sizeHint().height());
    hide();
}

void UnresolvedVariablesHint::setMissing(
    const QStringList &names, const QString &folder, bool hasCollection)
{
    m_name = names.value(0);
    if (names.isEmpty()) {
        hide();
        return;
    }
    // The editor lists every name without a value; this line says where the first one goes.
    m_text->setText(tr("Set {{%1}} in:").arg(m_name));
    m_text->setToolTip(tr("Give {{%1}} a value in the environment, the collection or the folder: "
                          "the button opens that table at its row")
                           .arg(m_name));
    const QString name = QStringLiteral("{{%1}}").arg(m_name);
    m_environment->setAccessibleName(tr("Set %1 in the environment").arg(name));
    m_collection->setAccessibleName(tr("Set %1 in the collection").arg(name));
    m_collection->setVisible(hasCollection);
    m_folder->setText(tr("Folder %1").arg(folder));
    m_folder->setAccessibleName(tr("Set %1 in folder %2").arg(name, folder));
    m_folder->setVisible(hasCollection && !folder.isEmpty());
    show();
}

} // namespace Playground
