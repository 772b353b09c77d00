#pragma once

#include <QWidget>

class QPlainTextEdit;

namespace Playground {

/**
 * A GraphQL body: the query above its variables (a JSON object), both with {{templates}}. It is
 * sent as {"query": …, "variables": …} with Content-Type application/json, as Postman sends it.
 */
class GraphQlBodyEditor : public QWidget {
    Q_OBJECT
public:
    explicit GraphQlBodyEditor(QWidget *parent = nullptr);

    void setContent(const QString &query, const QString &variables);
    QString query() const;
    QString variables() const;

Q_SIGNALS:
    /** The user changed the query or the variables. */
    void edited();

private:
    QPlainTextEdit *m_query;
    QPlainTextEdit *m_variables;
};

} // namespace Playground
