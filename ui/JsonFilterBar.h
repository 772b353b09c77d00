#pragma once

#include "app/response/BodyBuffer.h"
#include "app/response/LineSource.h"

#include <QFutureWatcher>
#include <QLineEdit>
#include <QTimer>

#include <memory>

namespace Playground {

/**
 * The response body's JSON filter: a JSONPath typed here ($.data[0].name, $..id) selects values
 * of the body, shown pretty-printed as one array in place of the whole body. The work (parse,
 * select, indent) runs on a worker thread; a new keystroke cancels what is under way.
 */
class JsonFilterBar : public QLineEdit {
    Q_OBJECT
public:
    explicit JsonFilterBar(QWidget *parent = nullptr);
    ~JsonFilterBar() override;

    /** The JSON body to filter; null for a body that cannot be filtered (hidden then). */
    void setBody(std::shared_ptr<const BodyBuffer> json);
    /** The matches to show in place of the body, or null (no filter, or none yet). */
    std::shared_ptr<const LineSource> result() const { return m_result; }
    bool isFiltering() const { return m_watcher.isRunning() || m_delay.isActive(); }

Q_SIGNALS:
    /** result() changed: show it, or the whole body again when it is null. */
    void resultChanged();
    /** What the filter did, in one line ("3 matches of $..id", an error with its column);
     * empty when no filter applies. */
    void message(const QString &text);

private:
    struct Outcome {
        std::shared_ptr<const LineSource> lines;
        QString message;
    };
    void start();
    void setResult(std::shared_ptr<const LineSource> lines, const QString &text);

    std::shared_ptr<const BodyBuffer> m_body;
    std::shared_ptr<const LineSource> m_result;
    QTimer m_delay;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace Playground
