#pragma once

#include <QString>

namespace Playground {

/**
 * Query rows are kept as they are written in the URL (Postman's files keep them so): "alice%20smith
 * %26co". The Params table shows them as people read them, "alice smith&co", and what is typed
 * there is written back so that exactly that text reaches the server. {{variables}} stay as
 * written (their values are encoded when the URL is built).
 */
class QueryText {
public:
    /** Percent-decoded for the table; {{…}} kept; invalid escapes kept as typed. */
    static QString display(const QString &urlForm);
    /**
     * Encoded for the URL: %, &, #, + , space and controls always; = too in a key. Everything
     * display() makes of the result comes back unchanged.
     */
    static QString urlForm(const QString &display, bool isKey);
};

} // namespace Playground
