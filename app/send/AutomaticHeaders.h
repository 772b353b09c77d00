#pragma once

#include "app/model/AuthSpec.h"
#include "app/model/RequestSpec.h"

#include <QList>
#include <QString>

namespace Playground {

/** A header the send adds to those the request sets, as shown before sending. */
struct AutomaticHeader {
    QString name;
    QString value; ///< a credential never: "<redacted, from Auth>"
};

/**
 * The headers a send adds by itself, for the request editor to show greyed before anything is
 * sent: Authorization (or an API key header) from the effective auth, Content-Type from the body
 * mode, Content-Length, User-Agent. A header the request sets itself is not listed.
 */
class AutomaticHeaders {
public:
    static QList<AutomaticHeader> of(const RequestSpec &request, const AuthSpec &effectiveAuth);
};

} // namespace Playground
