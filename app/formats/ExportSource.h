#pragma once

#include "app/core/Result.h"
#include "app/model/Collection.h"
#include "app/model/Environment.h"

#include <QList>

namespace Playground {

/**
 * One request to export (cURL, .http), self-contained: a copy of its collection, where the
 * request is in that copy, and the environment's values that a send would use. A request that
 * is not in the collection (a scratch request) stands alone, as it is sent. Credentials written as
 * text in it are secrets of their request here (LiteralCredentials), as in a saved file.
 */
class ExportSource {
public:
    ExportSource() = default;
    ExportSource(const Collection *collection, const RequestPath &path, const Environment *env);

    bool isValid() const { return !m_rows.isEmpty(); }
    const Collection &collection() const { return m_collection; }
    /** The request's path in collection(); valid as long as this object is. */
    RequestPath path() const;
    /** The environment's enabled values, the strongest scope of an export. */
    const VariableList &environmentValues() const { return m_environment; }
    /** A collection of just this request for a .http file: its effective auth and the folders'
     * variables carried up, the environment's plain values over the collection's. */
    Collection standalone() const;

    /**
     * A curl command that sends what the playground sends (RequestExport, CurlWriter). Secret
     * values appear only with includeSecrets, taken from secrets (as read from the keychain for
     * collection()) and the environment, and only to the origins a send would take them to;
     * otherwise each is written as <name>. What the command cannot carry goes to warnings.
     */
    Result<QByteArray> toCurl(
        bool includeSecrets, const VariableList &secrets, QStringList *warnings) const;
    /** The request as a .http file section (HttpFileWriter); never with secret values. */
    QByteArray toHttp(QStringList *warnings) const;

private:
    Collection m_collection;
    QList<int> m_rows; ///< child rows from the top to the request
    VariableList m_environment;
    QStringList m_environmentOrigins; ///< where the environment's secrets may go
};

} // namespace Playground
