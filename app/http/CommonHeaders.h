#pragma once

#include <QStringList>

namespace Playground {

/** The request headers people type most, and the values each usually takes: the suggestions
 * of the headers table (as Postman and Insomnia offer them). */
namespace CommonHeaders {

    /** Header names, in their usual spelling. */
    QStringList names();
    /** Usual values of a header (any letter case of name); empty for one without any. */
    QStringList valuesOf(const QString &name);

} // namespace CommonHeaders

} // namespace Playground
