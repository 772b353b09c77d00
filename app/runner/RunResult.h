#pragma once

#include "app/model/Exchange.h"

#include <QStringList>

namespace Playground {

/** The outcome of one request of a collection run. */
struct RunResult {
    QString name;
    QStringList folders; ///< folder names above the request, outermost first
    int iteration = 0; ///< which pass over the requests, from 0
    QString resolveError; ///< the request could not be built (unresolved variables, unsafe value)
    Exchange exchange; ///< valid when resolveError is empty
    bool httpErrorsAllowed = false;

    /** Failed: not built, transport/TLS/limit error, or status >= 400 unless allowed. */
    bool failed() const;
    /** One line for people: "HTTP 404 Not Found" or the error. */
    QString failureMessage() const;
    QString fullName() const;
};

} // namespace Playground
