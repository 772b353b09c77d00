#include "app/formats/LiteralCredentials.h"

#include "app/auth/AuthApplier.h"
#include "app/auth/CredentialProfile.h"
#include "app/model/ByteText.h"
#include "app/policy/CredentialPolicy.h"
#include "app/template/TemplateText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <functional>
#include <optional>
#include <type_traits>

namespace Playground {

namespace {

    bool isLiteral(const QString &value)
    {
        return !value.trimmed().isEmpty() && !value.contains(QLatin1String("{{"));
    }

    /** "X-Api-Key" → "xApiKey": a variable name people recognise. */
    QString variableName(const QString &field)
    {
        QString out;
        bool upper = false;
        for (const QChar c : field) {
            if (!c.isLetterOrNumber()) {
                upper = !out.isEmpty();
                continue;
            }
            out += upper ? c.toUpper() : (out.isEmpty() ? c.toLower() : c);
            upper = false;
        }
        return out.isEmpty() ? QStringLiteral("secret") : out;
    }

    /** Moves literal secrets into secret variables of one scope (a request's, the collection's). */
    class Mover {
    public:
        explicit Mover(VariableList *variables, const QString &where, QStringList *lines)
            : m_variables(variables)
            , m_where(where)
            , m_lines(lines)
        {
        }

        /** Moves value into a new secret variable named after field; returns its reference. */
        QString move(const QString &field, const QString &value, const QString &what)
        {
            QString name = variableName(field);
            for (int n = 2; hasVariable(name); ++n)
                name = variableName(field) + QString::number(n);
            Variable v;
            v.key = name;
            v.value = value;
            v.type = QStringLiteral("secret");
            m_variables->append(v);
            m_lines->append(
                QStringLiteral("%1: the %2 is written as {{%3}} (a secret), not as text")
                    .arg(m_where, what, name));
            return QStringLiteral("{{%1}}").arg(name);
        }

    private:
        bool hasVariable(const QString &name) const
        {
            return std::any_of(m_variables->begin(), m_variables->end(),
                [&](const Variable &v) { return v.key == name; });
        }

        VariableList *m_variables;
        QString m_where;
        QStringList *m_lines;
    };

    /**
     * The literal credentials of an auth: its secret fields, and in a field holding a list of
     * key/value rows (oauth2's authRequestParams, tokenRequestParams, refreshRequestParams) the
     * rows whose key names a credential (client_secret, client_assertion, refresh_token…).
     */
    void extractAuthFields(AuthSpec &auth, Mover &mover)
    {
        for (AuthParam &p : auth.params) {
            if (p.value.isString()) {
                if (AuthApplier::isSecretParam(auth.type, p.key) && isLiteral(p.value.toString()))
                    p.value = mover.move(p.key, p.value.toString(),
                        QStringLiteral("%1 of the %2 auth").arg(p.key, auth.type));
                continue;
            }
            if (!p.value.isArray())
                continue;
            QJsonArray rows = p.value.toArray();
            for (qsizetype i = 0; i < rows.size(); ++i) {
                QJsonObject row = rows.at(i).toObject();
                const QString key = row.value(QLatin1String("key")).toString();
                const QJsonValue value = row.value(QLatin1String("value"));
                if (!LiteralCredentials::isCredentialField(key) || !value.isString()
                    || !isLiteral(value.toString()))
                    continue;
                row.insert(QLatin1String("value"),
                    mover.move(key, value.toString(),
                        QStringLiteral("%1 in %2 of the %3 auth").arg(key, p.key, auth.type)));
                rows[i] = row;
            }
            p.value = rows;
        }
    }

    /**
     * The URL's user name and password as curl sends them: basic auth, the password a secret.
     * When the request has an auth of its own or inherits one, that auth is what is sent: they
     * are left out, and said.
     */
    void applyUserInfo(RequestSpec &request, const UrlSpec::UserInfo &info, bool inheritsAuth,
        Mover &mover, const QString &where, QStringList *lines)
    {
        const bool ownAuth = request.auth && request.auth->type != QLatin1String("noauth");
        if (ownAuth || (!request.auth && inheritsAuth)) {
            lines->append(QStringLiteral("%1: the user name and password in the URL were left "
                                         "out; the request's auth is sent")
                              .arg(where));
            return;
        }
        AuthSpec auth;
        auth.type = QStringLiteral("basic");
        auth.setParam(QStringLiteral("username"), info.user);
        auth.setParam(QStringLiteral("password"),
            isLiteral(info.password) ? mover.move(
                QStringLiteral("password"), info.password, QStringLiteral("password in the URL"))
                                     : info.password);
        request.auth = auth;
    }

    void extractFrom(CollectionItem &item, bool inheritsAuth, QString where, QStringList *lines)
    {
        RequestSpec &request = item.request;
        // A password in the URL: out of it, of a name made from it, and of what is said.
        const std::optional<UrlSpec::UserInfo> userInfo = UrlSpec::takeUserInfo(&request.url.base);
        if (userInfo) {
            item.name.replace(userInfo->written + QLatin1Char('@'), QString());
            where.replace(userInfo->written + QLatin1Char('@'), QString());
        }
        Mover mover(&request.variables, where, lines);
        if (userInfo)
            applyUserInfo(request, *userInfo, inheritsAuth, mover, where, lines);
        for (KeyValue &h : request.headers) {
            if (!(CredentialPolicy::isCredentialHeader(h.key.toUtf8())
                    || LiteralCredentials::isCredentialField(h.key))
                || !isLiteral(h.value))
                continue;
            // Keep the scheme word of an Authorization ("Bearer {{authorization}}").
            const qsizetype space = h.value.indexOf(QLatin1Char(' '));
            const bool scheme
                = h.key.compare(QLatin1String("authorization"), Qt::CaseInsensitive) == 0
                && space > 0;
            const QString secret = scheme ? h.value.mid(space + 1) : h.value;
            const QString reference
                = mover.move(h.key, secret, QStringLiteral("%1 header").arg(h.key));
            h.value = scheme ? h.value.left(space + 1) + reference : reference;
        }
        for (KeyValue &row : request.url.query) {
            if (LiteralCredentials::isCredentialField(row.key) && isLiteral(row.value))
                row.value = mover.move(
                    row.key, row.value, QStringLiteral("query parameter %1").arg(row.key));
        }
        for (KeyValue &row : request.body.urlEncoded) {
            if (LiteralCredentials::isCredentialField(row.key) && isLiteral(row.value))
                row.value
                    = mover.move(row.key, row.value, QStringLiteral("form field %1").arg(row.key));
        }
        // A form body typed raw (curl -d 'password=…&client_secret=…').
        static const QRegularExpression form(
            QStringLiteral("^[^=&\\s]+=[^&\\s]*(&[^=&\\s]+=[^&\\s]*)*$"));
        if (request.body.mode == RequestBody::Mode::Raw
            && form.match(ByteText::matchable(request.body.raw)).hasMatch()) {
            QStringList pairs = request.body.raw.split(QLatin1Char('&'));
            for (QString &pair : pairs) {
                const qsizetype eq = pair.indexOf(QLatin1Char('='));
                const QString key = QUrl::fromPercentEncoding(pair.left(eq).toUtf8());
                const QString value = ByteText::fromBytes(
                    QByteArray::fromPercentEncoding(ByteText::toBytes(pair.mid(eq + 1))));
                if (LiteralCredentials::isCredentialField(key) && isLiteral(value))
                    pair = pair.left(eq + 1)
                        + mover.move(key, value, QStringLiteral("form field %1").arg(key));
            }
            request.body.raw = pairs.join(QLatin1Char('&'));
        }
        // A JSON body typed raw (the docs' token request: {"client_secret": "…"}), at any depth.
        // The value moves as written between the quotes, so the body sent is byte for byte the
        // same.
        static const QRegularExpression member(
            QStringLiteral(R"re("((?:[^"\\]|\\.)*)"(\s*:\s*)"((?:[^"\\]|\\.)*)")re"));
        const QString trimmed = request.body.raw.trimmed();
        if (request.body.mode == RequestBody::Mode::Raw
            && (trimmed.startsWith(QLatin1Char('{')) || trimmed.startsWith(QLatin1Char('[')))) {
            const QString raw = request.body.raw;
            QString out;
            qsizetype done = 0;
            for (auto it = member.globalMatch(ByteText::matchable(raw)); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                const QString key = ByteText::captured(m, raw, 1);
                const QString value = ByteText::captured(m, raw, 3);
                if (!LiteralCredentials::isCredentialField(key) || !isLiteral(value))
                    continue;
                out += QStringView(raw).mid(done, m.capturedStart(3) - done);
                out += mover.move(key, value, QStringLiteral("JSON field %1").arg(key));
                done = m.capturedEnd(3);
            }
            if (done > 0)
                request.body.raw = out + raw.mid(done);
        }
        if (request.auth)
            extractAuthFields(*request.auth, mover);
    }

    /** A folder's or the collection's auth: its literal secrets become collection variables. */
    void extractAuth(std::optional<AuthSpec> &auth, Collection *collection, const QString &where,
        QStringList *lines)
    {
        if (!auth)
            return;
        Mover mover(&collection->variables, where, lines);
        extractAuthFields(*auth, mover);
    }

    /** Calls edit on every text of request that may hold a {{reference}}. */
    template <typename Request, typename Edit> void eachText(Request &request, Edit edit)
    {
        edit(request.url.base);
        for (auto *rows : { &request.url.query, &request.url.pathVariables, &request.headers,
                 &request.body.urlEncoded }) {
            for (auto &row : *rows) {
                edit(row.key);
                edit(row.value);
            }
        }
        edit(request.body.raw);
        for (auto &part : request.body.formData)
            edit(part.value);
        if (request.auth) {
            for (auto &p : request.auth->params) {
                if (p.value.isString()) {
                    QString text = p.value.toString();
                    edit(text);
                    if constexpr (!std::is_const_v<Request>)
                        p.value = text;
                } else if (p.value.isArray()) { // rows of key/value (oauth2's request params)
                    QJsonArray rows = p.value.toArray();
                    for (qsizetype i = 0; i < rows.size(); ++i) {
                        QJsonObject row = rows.at(i).toObject();
                        if (!row.value(QLatin1String("value")).isString())
                            continue;
                        QString text = row.value(QLatin1String("value")).toString();
                        edit(text);
                        row.insert(QLatin1String("value"), text);
                        rows[i] = row;
                    }
                    if constexpr (!std::is_const_v<Request>)
                        p.value = rows;
                }
            }
        }
    }

    bool hasVariable(const VariableList &list, const QString &name)
    {
        return std::any_of(
            list.begin(), list.end(), [&](const Variable &v) { return v.key == name; });
    }

    void hoistFrom(QList<CollectionItem> &items, Collection *collection, QStringList *moved)
    {
        for (CollectionItem &item : items) {
            hoistFrom(item.children, collection, moved);
            RequestSpec &request = item.request;
            bool authMoved = false;
            for (qsizetype i = 0; i < request.variables.size();) {
                const Variable v = request.variables.at(i);
                if (!v.isSecret()) {
                    ++i;
                    continue;
                }
                request.variables.removeAt(i);
                QString name = v.key;
                for (int n = 2; hasVariable(collection->variables, name); ++n)
                    name = v.key + QString::number(n);
                const QString from = QStringLiteral("{{%1}}").arg(v.key);
                const QString to = QStringLiteral("{{%1}}").arg(name);
                if (request.auth && AuthApplier::secretVariables(*request.auth).contains(v.key))
                    authMoved = true;
                if (name != v.key)
                    eachText(request, [&](QString &text) { text.replace(from, to); });
                Variable hoisted = v;
                hoisted.key = name;
                collection->variables.append(hoisted);
                if (!v.value.isEmpty())
                    moved->append(name);
            }
            // Its token now lives in the keychain: it may go only where the command sent it.
            const QLatin1String allowed(CredentialProfile::AllowedOriginsParam);
            if (authMoved && request.auth->type == QLatin1String("bearer")
                && request.auth->param(allowed).isEmpty()) {
                const QString origin = CredentialPolicy::origin(QUrl(request.url.base));
                if (!origin.isEmpty())
                    request.auth->setParam(allowed, origin);
            }
        }
    }

    /** Whether items below this auth inherit one that sends something (noauth sends nothing). */
    bool inherits(const std::optional<AuthSpec> &auth, bool parentInherits)
    {
        return auth ? auth->type != QLatin1String("noauth") : parentInherits;
    }

    void walk(QList<CollectionItem> &items, Collection *collection, const QString &prefix,
        bool inheritsAuth, QStringList *lines)
    {
        for (CollectionItem &item : items) {
            const QString where
                = prefix.isEmpty() ? item.name : prefix + QStringLiteral(" / ") + item.name;
            if (item.isFolder) {
                extractAuth(item.auth, collection, where, lines);
                walk(item.children, collection, where, inherits(item.auth, inheritsAuth), lines);
            } else {
                extractFrom(item, inheritsAuth, where, lines);
            }
        }
    }

    /** Every variable list of items (folders', requests' and the requests' own), by name. */
    void forEachVariableList(QList<CollectionItem> &items,
        const std::function<void(VariableList &, const QString &)> &visit)
    {
        for (CollectionItem &item : items) {
            visit(item.variables, item.name);
            visit(item.request.variables, item.name);
            forEachVariableList(item.children, visit);
        }
    }

    /** The {{names}} text refers to. */
    QStringList referencedNames(const QString &text)
    {
        QStringList names;
        for (const TemplateToken &token : TemplateText::tokenize(text)) {
            if (token.isVariable)
                names.append(token.text.trimmed());
        }
        return names;
    }

    /** What an auth's credentials refer to: its secret fields, and oauth2's credential rows. */
    QStringList authReferences(const std::optional<AuthSpec> &auth)
    {
        if (!auth)
            return {};
        QStringList names = AuthApplier::secretVariables(*auth);
        for (const AuthParam &p : auth->params) {
            for (const QJsonValue &row : p.value.toArray()) {
                const QJsonObject object = row.toObject();
                if (LiteralCredentials::isCredentialField(
                        object.value(QLatin1String("key")).toString()))
                    names += referencedNames(object.value(QLatin1String("value")).toString());
            }
        }
        return names;
    }

    /** What a request's credential headers, query rows and form fields refer to. */
    QStringList requestReferences(const RequestSpec &request)
    {
        QStringList names;
        for (const KeyValue &h : request.headers) {
            if (CredentialPolicy::isCredentialHeader(h.key.toUtf8())
                || LiteralCredentials::isCredentialField(h.key))
                names += referencedNames(h.value);
        }
        for (const KeyValueList *rows : { &request.url.query, &request.body.urlEncoded }) {
            for (const KeyValue &row : *rows) {
                if (LiteralCredentials::isCredentialField(row.key))
                    names += referencedNames(row.value);
            }
        }
        return names;
    }

    void collectReferences(const QList<CollectionItem> &items, QStringList *names)
    {
        for (const CollectionItem &item : items) {
            *names += authReferences(item.isFolder ? item.auth : item.request.auth);
            if (!item.isFolder)
                *names += requestReferences(item.request);
            collectReferences(item.children, names);
        }
    }

    /**
     * A plain variable a credential refers to ({{tok}} as a bearer token, {{cs}} in a
     * client_secret row, {{a}} whose value is "{{b}}": b too) holds a credential as text: it
     * becomes a secret variable, its value kept for this session.
     */
    void markCredentialVariables(Collection *collection, QStringList *lines)
    {
        QList<VariableList *> lists { &collection->variables };
        forEachVariableList(collection->items,
            [&](VariableList &variables, const QString &) { lists.append(&variables); });
        QStringList names = authReferences(collection->auth);
        collectReferences(collection->items, &names);
        // Followed through the values they name, each name once.
        for (qsizetype i = 0; i < names.size(); ++i) {
            for (const VariableList *variables : std::as_const(lists)) {
                for (const Variable &variable : *variables) {
                    if (variable.key != names.at(i))
                        continue;
                    for (const QString &next : referencedNames(variable.value)) {
                        if (!names.contains(next))
                            names.append(next);
                    }
                }
            }
        }
        const auto mark = [&](VariableList &variables, const QString &where) {
            for (Variable &variable : variables) {
                if (variable.isSecret() || variable.value.isEmpty()
                    || !names.contains(variable.key))
                    continue;
                variable.type = QStringLiteral("secret");
                lines->append(
                    QStringLiteral("%1: the variable %2 holds a credential (an auth or "
                                   "a credential header refers to it): it is a secret now")
                        .arg(where, variable.key));
            }
        };
        mark(collection->variables, QStringLiteral("the collection"));
        forEachVariableList(collection->items, mark);
    }

} // namespace

QStringList LiteralCredentials::hoist(Collection *collection)
{
    QStringList moved;
    hoistFrom(collection->items, collection, &moved);
    return moved;
}

QStringList LiteralCredentials::values(const RequestSpec &request)
{
    Collection collection;
    CollectionItem item;
    item.request = request;
    item.request.variables.clear(); // only what extract() finds
    collection.items = { item };
    extract(&collection);
    QStringList out;
    for (const Variable &v : collection.items.constFirst().request.variables) {
        if (v.value.size() >= MinMaskedLength && !out.contains(v.value))
            out.append(v.value);
    }
    return out;
}

bool LiteralCredentials::mentions(const RequestSpec &request, const QString &name)
{
    const QString reference = QStringLiteral("{{%1}}").arg(name);
    bool found = false;
    eachText(request, [&](const QString &text) { found = found || text.contains(reference); });
    return found;
}

bool LiteralCredentials::isCredentialField(const QString &name)
{
    static const QStringList names { QStringLiteral("access_token"), QStringLiteral("api_key"),
        QStringLiteral("apikey"), QStringLiteral("api-key"), QStringLiteral("token"),
        QStringLiteral("auth_token"), QStringLiteral("client_secret"), QStringLiteral("password"),
        QStringLiteral("secret"), QStringLiteral("key"), QStringLiteral("sig"),
        QStringLiteral("signature"), QStringLiteral("refresh_token"), QStringLiteral("id_token") };
    const QString n = name.trimmed().toLower();
    if (names.contains(n))
        return true;
    // X-Custom-Token, X-Session-Id, X-Auth-Key, db_password...
    static const QStringList parts { QStringLiteral("token"), QStringLiteral("secret"),
        QStringLiteral("password"), QStringLiteral("passwd"), QStringLiteral("apikey"),
        QStringLiteral("api-key"), QStringLiteral("api_key"), QStringLiteral("session"),
        QStringLiteral("credential"), QStringLiteral("assertion"), QStringLiteral("verifier") };
    // X-Auth, authz, Authorization; not Chrome's "authority" (the host) nor "author".
    static const QRegularExpression auth(QStringLiteral("auth(?!or(?!i[sz]))"));
    return auth.match(n).hasMatch()
        || std::any_of(
            parts.begin(), parts.end(), [&](const QString &part) { return n.contains(part); });
}

void LiteralCredentials::setSecretVariable(
    RequestSpec *request, const QString &name, const QString &value)
{
    for (Variable &v : request->variables) {
        if (v.key == name) {
            v.value = value;
            return;
        }
    }
    Variable v;
    v.key = name;
    v.value = value;
    v.type = QStringLiteral("secret");
    request->variables.append(v);
}

void LiteralCredentials::setBasicAuth(
    RequestSpec *request, const QString &username, const QString &password)
{
    AuthSpec auth;
    auth.type = QStringLiteral("basic");
    auth.setParam(QStringLiteral("username"), username);
    // A password that is a {{reference}} already (Basic alice {{pw}}) stays one.
    const bool literal = isLiteral(password);
    auth.setParam(QStringLiteral("password"), literal ? QStringLiteral("{{password}}") : password);
    request->auth = auth;
    if (literal)
        setSecretVariable(request, QStringLiteral("password"), password);
}

QStringList LiteralCredentials::extract(Collection *collection)
{
    QStringList lines;
    extractAuth(collection->auth, collection, QStringLiteral("the collection"), &lines);
    walk(collection->items, collection, QString(), inherits(collection->auth, false), &lines);
    markCredentialVariables(collection, &lines);
    return lines;
}

} // namespace Playground
