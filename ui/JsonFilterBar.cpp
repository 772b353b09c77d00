#include "ui/JsonFilterBar.h"

#include "app/response/JsonIndenter.h"
#include "app/response/JsonPath.h"
#include "app/response/JsonTreeModel.h"
#include "ui/ClearButtonOnDemand.h"

#include <QtConcurrent/QtConcurrentRun>

namespace Playground {

JsonFilterBar::JsonFilterBar(QWidget *parent)
    : QLineEdit(parent)
{
    setObjectName(QStringLiteral("jsonFilterLineEdit"));
    setAccessibleName(tr("Filter the JSON body"));
    setPlaceholderText(tr("Filter: $.data[0].name, $..id"));
    setToolTip(tr("A JSONPath: $.name or ['name'] a member, [0] or [-1] an item, [1:3] a slice, "
                  "* every member, .. every level below. The matches show as one array."));
    ClearButtonOnDemand::install(this);
    m_delay.setSingleShot(true);
    m_delay.setInterval(300);
    connect(&m_delay, &QTimer::timeout, this, &JsonFilterBar::start);
    connect(this, &QLineEdit::textChanged, this, [this] { m_delay.start(); });
    connect(this, &QLineEdit::returnPressed, this, &JsonFilterBar::start);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0)
            return;
        const Outcome outcome = m_watcher.result();
        setResult(outcome.lines, outcome.message);
    });
    hide();
}

JsonFilterBar::~JsonFilterBar()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void JsonFilterBar::setBody(std::shared_ptr<const BodyBuffer> json)
{
    m_body = std::move(json);
    setVisible(bool(m_body));
    m_watcher.cancel();
    m_result.reset();
    if (m_body && !text().trimmed().isEmpty())
        start(); // the same filter on the new response, as Postman keeps it
}

void JsonFilterBar::start()
{
    m_delay.stop();
    m_watcher.cancel();
    const QString expression = text().trimmed();
    if (!m_body || expression.isEmpty()) {
        setResult(nullptr, QString());
        return;
    }
    auto path = JsonPath::parse(expression);
    if (!path) {
        setResult(nullptr, path.error());
        return;
    }
    const std::shared_ptr<const BodyBuffer> body = m_body;
    const JsonPath filter = path.value();
    m_watcher.setFuture(QtConcurrent::run([body, filter] {
        auto tree = JsonTreeModel::parse(body->bytes());
        if (!tree)
            return Outcome { nullptr, tree.error() };
        const JsonPath::Matches matches = filter.evaluate(*tree.value());
        const qsizetype n = matches.values.size();
        QString note = n == 0 ? tr("No matches of %1").arg(filter.expression())
            : matches.capped
            ? tr("The first %1 matches of %2 (there are more)").arg(n).arg(filter.expression())
            : n == 1 ? tr("1 match of %1").arg(filter.expression())
                     : tr("%1 matches of %2").arg(n).arg(filter.expression());
        auto lines = TextLines::fromBytes(
            JsonIndenter::indent(matches.toJsonArray()), SyntaxLanguage::Json);
        return Outcome { std::move(lines), note };
    }));
}

void JsonFilterBar::setResult(std::shared_ptr<const LineSource> lines, const QString &text)
{
    m_result = std::move(lines);
    Q_EMIT resultChanged();
    Q_EMIT message(text);
}

} // namespace Playground
