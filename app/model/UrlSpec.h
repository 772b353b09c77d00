#pragma once

#include "app/model/KeyValue.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace Playground {

/** A URL template: base (scheme://host/path, with {{vars}} and :pathVars), query rows, path
 * variables. */
struct UrlSpec {
    QString base; ///< everything before '?', templates unresolved
    KeyValueList query; ///< in order, disabled rows kept
    KeyValueList pathVariables; ///< values for ":name" path segments
    QString fragment;
    bool writtenAsString = false; ///< the file had "url": "..." (kept that way when possible)
    QJsonObject extra;

    /** The URL as a user types it: base + enabled query rows (+ fragment). */
    QString raw() const;
    /** Splits a typed URL into base, query rows and fragment (templates kept as text). */
    static UrlSpec fromRaw(const QString &raw);
    /**
     * This URL after the user typed raw in the URL field: the typed base, query and fragment;
     * path variables, disabled query rows (not in the typed text) and what the table knew per
     * row (description, unknown fields) kept; path variables follow the typed path (see
     * withPathVariablesOf).
     */
    UrlSpec withTyped(const QString &raw) const;

    /** The ":name" path segments of base, in order, each once (not the host's ":port"). */
    static QStringList pathVariableNames(const QString &base);
    /** Matches a ":name" segment in a path: group 1 the slash before (or start), 2 the name. */
    static const QRegularExpression &pathVariablePattern();

    /** A user name and password written in a URL's authority ("https://user:pw@host/…"). */
    struct UserInfo {
        QString written; ///< as in the URL, between "://" and "@"
        QString user; ///< percent-decoded; bytes that are not UTF-8 kept (ByteText)
        QString password; ///< likewise; empty when none was written
        bool hasPassword = false;
    };
    /** Takes the user info out of url (the rest stays as written); none when it has none. */
    static std::optional<UserInfo> takeUserInfo(QString *url);
    /**
     * pathVariables with one row per ":name" of base, in order: rows of names still there keep
     * their value and description, new names get an empty value, names gone are dropped.
     */
    KeyValueList pathVariablesFollowingBase() const;
};

} // namespace Playground
