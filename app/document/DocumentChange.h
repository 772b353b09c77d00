#pragma once

#include <QList>

namespace Playground {

/** What one edit of a collection document changed, for the views that observe it. */
struct DocumentChange {
    enum class Kind {
        Item, ///< a request's or folder's own fields (method, URL, headers, body, name)
        Auth, ///< the auth block of the collection (empty path), a folder or a request
        Variables, ///< the collection's variables
    };
    Kind kind = Kind::Item;
    QList<int> path; ///< row path from the top; empty: the collection itself
};

} // namespace Playground
