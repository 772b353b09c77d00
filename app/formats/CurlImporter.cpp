#include "app/formats/CurlImporter.h"

#include "app/formats/LiteralCredentials.h"
#include "app/formats/ShellWords.h"
#include "app/model/ByteText.h"
#include "app/template/UrlBuilder.h"

#include <QRegularExpression>
#include <QUrl>

namespace Playground {

namespace {

    QString s(const char *text)
    {
        return QString::fromUtf8(text);
    }

    /** Options whose value is the next word (or the rest of a short option's word). */
    const QStringList &valueOptions()
    {
        static const QStringList all = {
            s("-X"),
            s("--request"),
            s("-H"),
            s("--header"),
            s("-d"),
            s("--data"),
            s("--data-ascii"),
            s("--data-raw"),
            s("--data-binary"),
            s("--data-urlencode"),
            s("--json"),
            s("-F"),
            s("--form"),
            s("--form-string"),
            s("-u"),
            s("--user"),
            s("-A"),
            s("--user-agent"),
            s("-e"),
            s("--referer"),
            s("-b"),
            s("--cookie"),
            s("-c"),
            s("--cookie-jar"),
            s("-o"),
            s("--output"),
            s("-w"),
            s("--write-out"),
            s("--url"),
            s("-x"),
            s("--proxy"),
            s("-m"),
            s("--max-time"),
            s("--connect-timeout"),
            s("--retry"),
            s("--retry-delay"),
            s("--retry-max-time"),
            s("-T"),
            s("--upload-file"),
            s("-E"),
            s("--cert"),
            s("--key"),
            s("--cacert"),
            s("--capath"),
            s("--resolve"),
            s("--connect-to"),
            s("-r"),
            s("--range"),
            s("-Y"),
            s("--speed-limit"),
            s("-y"),
            s("--speed-time"),
            s("--limit-rate"),
            s("-z"),
            s("--time-cond"),
            s("-K"),
            s("--config"),
            s("--oauth2-bearer"),
            s("--aws-sigv4"),
            s("-U"),
            s("--proxy-user"),
            s("--max-redirs"),
            s("--interface"),
            s("--dns-servers"),
            s("-C"),
            s("--continue-at"),
            s("--url-query"),
            s("-D"),
            s("--dump-header"),
            s("--trace"),
            s("--trace-ascii"),
            s("--stderr"),
            s("--cert-type"),
            s("--key-type"),
            s("--pass"),
            s("--ciphers"),
            s("--tls-max"),
            s("--proxy-header"),
            s("--unix-socket"),
            s("--abstract-unix-socket"),
            s("--expect100-timeout"),
            s("--keepalive-time"),
            s("--local-port"),
            s("-P"),
            s("--ftp-port"),
            s("-Q"),
            s("--quote"),
            s("--mail-from"),
            s("--mail-rcpt"),
            s("--pinnedpubkey"),
            s("--noproxy"),
            s("--variable"),
            s("-t"),
            s("--telnet-option"),
            s("--max-filesize"),
            s("--proto"),
            s("--proto-redir"),
            s("--request-target"),
            s("--service-name"),
            s("--sasl-authzid"),
            s("--login-options"),
            s("--etag-save"),
            s("--etag-compare"),
            s("--output-dir"),
            s("--create-file-mode"),
            s("--parallel-max"),
            s("--happy-eyeballs-timeout-ms"),
            s("--hsts"),
            s("--alt-svc"),
            s("--doh-url"),
            s("--ip-tos"),
            s("--vlan-priority"),
            s("--curves"),
            s("--netrc-file"),
        };
        return all;
    }

    /** Short options that take a value (for `-XPOST`, `-sSLH 'a: b'`). */
    bool shortTakesValue(QChar c)
    {
        return QStringLiteral("XHdFuAebcowxmTErYyzKUCDPQt").contains(c);
    }

    /** Flags that change nothing about the request sent, or that we always do. */
    const QStringList &quietFlags()
    {
        static const QStringList all = {
            s("-s"),
            s("--silent"),
            s("-S"),
            s("--show-error"),
            s("-v"),
            s("--verbose"),
            s("-i"),
            s("--include"),
            s("-f"),
            s("--fail"),
            s("--fail-with-body"),
            s("-L"),
            s("--location"),
            s("--location-trusted"),
            s("--compressed"),
            s("-g"),
            s("--globoff"),
            s("-#"),
            s("--progress-bar"),
            s("--no-progress-meter"),
            s("-N"),
            s("--no-buffer"),
            s("--http1.1"),
            s("--http1.0"),
            s("--http2"),
            s("--http2-prior-knowledge"),
            s("--http3"),
            s("--path-as-is"),
            s("-O"),
            s("--remote-name"),
            s("-J"),
            s("--remote-header-name"),
            s("-q"),
            s("--disable"),
            s("--raw"),
            s("--tr-encoding"),
            s("--no-keepalive"),
            s("--tcp-nodelay"),
            s("--tcp-fastopen"),
            s("-4"),
            s("--ipv4"),
            s("-6"),
            s("--ipv6"),
            s("-Z"),
            s("--parallel"),
            s("--no-buffer"),
            s("--styled-output"),
            s("--no-styled-output"),
            s("--no-sessionid"),
            s("--no-alpn"),
            s("--no-npn"),
            s("--basic"),
            s("--anyauth"),
            s("--ssl"),
            s("--ssl-reqd"),
            s("--create-dirs"),
            s("-R"),
            s("--remote-time"),
            s("--suppress-connect-headers"),
            s("--fail-early"),
            s("-j"),
            s("--junk-session-cookies"),
            s("--retry-connrefused"),
            s("--retry-all-errors"),
            s("--compressed-ssh"),
            s("--xattr"),
            s("-l"),
            s("--list-only"),
            s("-a"),
            s("--append"),
            s("-B"),
            s("--use-ascii"),
            s("-n"),
            s("--netrc"),
            s("--netrc-optional"),
        };
        return all;
    }

    /**
     * curl's --data-urlencode escaping: everything but ALPHA / DIGIT / - . _ ~ is percent-encoded,
     * and a space becomes "+" (form encoding), as the real curl sends it.
     */
    QString curlEscape(const QString &text)
    {
        return QString::fromLatin1(ByteText::toBytes(text).toPercentEncoding().replace("%20", "+"));
    }

    /**
     * Why text is not something we can read as a curl command of sh syntax: PowerShell
     * (Invoke-WebRequest, or its parameters given to PowerShell's curl alias) or Windows cmd
     * `^` escapes, which sh reads as other bytes. Empty when it is.
     */
    QString foreignShell(const QString &text, const ShellWords::Split &split)
    {
        static const QRegularExpression invoke(
            QStringLiteral(R"(^\s*(?:Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\b)"),
            QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
        static const QRegularExpression parameter(
            QStringLiteral("^-(?:Uri|Method|Headers|Body|ContentType|UseBasicParsing|WebSession|"
                           "OutFile|InFile)$"),
            QRegularExpression::CaseInsensitiveOption);
        const bool powerShell = invoke.match(ByteText::matchable(text.left(64 * 1024))).hasMatch()
            || std::any_of(split.words.begin(), split.words.end(), [](const ShellWords::Word &w) {
                   return parameter.match(ByteText::matchable(w.text)).hasMatch();
               });
        if (powerShell)
            return s("this is PowerShell (Invoke-WebRequest), not a curl command; in the browser "
                     "use \"Copy as cURL (bash)\" instead");
        // cmd's line-ending carets are read; any other caret is a cmd escape (^" ^& ^^).
        static const QRegularExpression continuation(QStringLiteral("\\^[ \t]*\r?\n"));
        if (split.windowsCmd
            && ByteText::matchable(text).remove(continuation).contains(QLatin1Char('^')))
            return s("this is Windows cmd syntax (^\" and ^ escapes, as in Chrome's \"Copy as "
                     "cURL (cmd)\"), which is not read; copy as cURL (bash) instead");
        return {};
    }

    /** HTTP/2 pseudo-headers (:authority, :method…): curl refuses them as -H. */
    bool isPseudoHeader(const QString &raw)
    {
        return raw.trimmed().startsWith(QLatin1Char(':'));
    }

    bool isLoopbackOrScheme(const QString &url)
    {
        static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
        return scheme.match(ByteText::matchable(url)).hasMatch()
            || url.startsWith(QLatin1String("{{"));
    }

    struct Builder {
        ImportedRequest out;
        QString method;
        QString url;
        QStringList dataParts;
        bool data = false; ///< a -d family option was given (even empty)
        bool get = false;
        bool head = false;
        bool json = false;
        QList<FormPart> form;
        QString user;
        bool hasUser = false;
        QString bearer;
        bool hasBearer = false;

        void warn(const QString &text)
        {
            if (!out.warnings.contains(text))
                out.warnings.append(text);
        }

        void addSecretVariable(const QString &name, const QString &value)
        {
            LiteralCredentials::setSecretVariable(&out.request, name, value);
        }

        void header(const QString &raw)
        {
            if (isPseudoHeader(raw)) {
                warn(s("-H '") + raw.trimmed().section(QLatin1Char(':'), 1, 1)
                    + s("': an HTTP/2 pseudo-header (the browser's, curl refuses it); skipped"));
                return;
            }
            const qsizetype colon = raw.indexOf(QLatin1Char(':'));
            if (colon < 0) {
                if (raw.endsWith(QLatin1Char(';'))) { // "Name;" sends the header empty
                    out.request.headers.append({ raw.chopped(1).trimmed(), QString() });
                    return;
                }
                // Its name only: "Authorization Bearer …" holds a token.
                warn(s("A header without a colon was skipped: ")
                    + raw.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty).left(40)
                    + s(" …"));
                return;
            }
            const QString name = raw.left(colon).trimmed();
            const QString value = raw.mid(colon + 1).trimmed();
            if (value.isEmpty()) {
                // curl: "Name:" removes a header curl would add; nothing to carry over.
                warn(s("-H '") + name + s(":' removes a header curl adds itself; skipped"));
                return;
            }
            if (name.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0) {
                authorization(value);
                return;
            }
            out.request.headers.append({ name, value });
        }

        void authorization(const QString &value)
        {
            const QString scheme = value.section(QLatin1Char(' '), 0, 0);
            const QString credential = value.section(QLatin1Char(' '), 1).trimmed();
            if (scheme.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) == 0
                && !credential.isEmpty()) {
                bearer = credential;
                hasBearer = true;
                return;
            }
            if (scheme.compare(QLatin1String("Basic"), Qt::CaseInsensitive) == 0) {
                const QByteArray decoded = QByteArray::fromBase64(
                    credential.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                const QString pair = QString::fromUtf8(decoded);
                if (!decoded.isEmpty() && pair.contains(QLatin1Char(':'))
                    && pair.toUtf8() == decoded) {
                    user = pair;
                    hasUser = true;
                    return;
                }
            }
            // Another scheme: the header stays, its value a secret variable.
            addSecretVariable(s("authorization"), value);
            out.request.headers.append({ s("Authorization"), s("{{authorization}}") });
        }

        void addData(const QString &option, const QString &value)
        {
            data = true;
            if (option == QLatin1String("--data-raw")) {
                dataParts.append(value);
                return;
            }
            if (option == QLatin1String("--data-urlencode")) {
                const qsizetype eq = value.indexOf(QLatin1Char('='));
                const qsizetype at = value.indexOf(QLatin1Char('@'));
                if (at >= 0 && (eq < 0 || at < eq)) {
                    warn(s("--data-urlencode ") + value.left(80)
                        + s(": curl would read a local file; kept as literal text"));
                    dataParts.append(value);
                } else if (eq < 0) {
                    dataParts.append(curlEscape(value));
                } else {
                    dataParts.append(value.left(eq) + (eq > 0 ? s("=") : QString())
                        + curlEscape(value.mid(eq + 1)));
                }
                return;
            }
            if (value.startsWith(QLatin1Char('@'))) {
                warn(option + s(" ") + value.left(80)
                    + s(": curl would read this local file (or stdin); the text is kept literally, "
                        "nothing was read"));
            }
            dataParts.append(value);
        }

        void addForm(const QString &value, bool literal)
        {
            const qsizetype eq = value.indexOf(QLatin1Char('='));
            if (eq <= 0) {
                warn(s("-F ") + value.left(80) + s(": no name=value; skipped"));
                return;
            }
            FormPart part;
            part.key = value.left(eq);
            QString content = value.mid(eq + 1);
            if (!literal) {
                // ;type=… sets the part's content type (also on text parts).
                static const QRegularExpression type(QStringLiteral(";type=([^;]+)$"));
                const QRegularExpressionMatch m = type.match(ByteText::matchable(content));
                if (m.hasMatch()) {
                    part.contentType = ByteText::captured(m, content, 1).trimmed();
                    content.truncate(m.capturedStart());
                }
                if (content.startsWith(QLatin1Char('@')) || content.startsWith(QLatin1Char('<'))) {
                    warn(s("-F ") + value.left(80)
                        + s(": curl would upload a local file; kept as the literal text, "
                            "nothing was read (choose the file in the body editor)"));
                }
            }
            part.value = content;
            form.append(part);
        }
    };

} // namespace

bool CurlImporter::looksLikeCurl(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral(
            R"(^\s*(?:[$%>]\s+)?(?:(?:[/.~]|[A-Za-z]:)[\w./\\:-]*[/\\])?curl(?:\.exe)?(?:\s|$))"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(ByteText::matchable(text.left(256))).hasMatch();
}

Result<ImportedRequest> CurlImporter::parse(const QString &command)
{
    const Result<ShellWords::Split> split = ShellWords::split(command);
    if (!split)
        return Result<ImportedRequest>::failure(split.error());
    if (const QString foreign = foreignShell(command, split.value()); !foreign.isEmpty())
        return Result<ImportedRequest>::failure(foreign);
    QList<ShellWords::Word> words = split->words;
    if (!words.isEmpty()
        && (words.first().text == QLatin1String("$") || words.first().text == QLatin1String("%")
            || words.first().text == QLatin1String(">")))
        words.removeFirst();
    static const QRegularExpression program(QStringLiteral(R"(^(?:.*[/\\])?curl(?:\.exe)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    if (words.isEmpty() || !program.match(ByteText::matchable(words.first().text)).hasMatch())
        return Result<ImportedRequest>::failure(s("not a curl command (it must start with curl)"));

    Builder b;
    if (!split->rest.isEmpty())
        b.warn(s("Text after the command (") + split->rest.left(60)
            + s("…) is another shell command or a redirection; ignored. Quote a URL that holds & "
                "or ;"));
    const auto value = [&](qsizetype &i, const QString &option) -> std::optional<QString> {
        if (i + 1 >= words.size()) {
            b.warn(option + s(" has no value; ignored"));
            return std::nullopt;
        }
        ++i;
        // Named by its option, never quoted: the value may be a password or a token.
        if (words.at(i).hasExpansion)
            b.warn(s("The value of %1 (line %2) holds shell syntax ($VAR, $(…) or `…`); kept "
                     "literally, nothing was expanded or run")
                       .arg(option)
                       .arg(words.at(i).line));
        return words.at(i).text;
    };

    // Expand combined short options ("-sSLX", "-XPOST") into separate option/value words first.
    QList<ShellWords::Word> expanded;
    for (qsizetype i = 1; i < words.size(); ++i) {
        const ShellWords::Word &w = words.at(i);
        if (w.text.size() > 2 && w.text.startsWith(QLatin1Char('-'))
            && !w.text.startsWith(QLatin1String("--"))) {
            for (qsizetype k = 1; k < w.text.size(); ++k) {
                const QChar c = w.text.at(k);
                expanded.append({ QStringLiteral("-") + c, false, w.line });
                if (shortTakesValue(c)) {
                    if (k + 1 < w.text.size())
                        expanded.append(
                            { w.text.mid(k + 1), w.hasExpansion, w.line, w.keepsBytes });
                    break;
                }
            }
            continue;
        }
        expanded.append(w);
        // A value word must not be split as options: copy it through untouched.
        if (valueOptions().contains(w.text) && i + 1 < words.size())
            expanded.append(words.at(++i));
    }
    words = expanded;
    words.prepend({ s("curl"), false, 1 });
    // Bytes that are not UTF-8 are kept (ByteText) and sent as written; said once, because only
    // this tool does so. A word is named by its option, never quoted: it may be a password.
    QStringList withBytes;
    for (qsizetype i = 1; i < words.size(); ++i) {
        if (!words.at(i).keepsBytes)
            continue;
        const QString &before = words.at(i - 1).text;
        withBytes.append(
            (before.startsWith(QLatin1Char('-')) && !before.startsWith(QLatin1String("--url"))
                    ? s("the value of %1").arg(before)
                    : s("the URL"))
            + s(" (line %1)").arg(words.at(i).line));
    }
    if (!withBytes.isEmpty())
        b.warn(s("Bytes that are not UTF-8 text in ") + withBytes.join(s(", "))
            + s(": they are kept and sent as written. The window shows each as \uFFFD; Postman "
                "and newman read a collection file as text and would send \uFFFD instead"));

    for (qsizetype i = 1; i < words.size(); ++i) {
        const QString word = words.at(i).text;
        if (!word.startsWith(QLatin1Char('-')) || word == QLatin1String("-")) {
            // Not quoted: a URL's query may hold a token.
            if (words.at(i).hasExpansion)
                b.warn(s("The URL (line %1) holds shell syntax ($VAR, $(…) or `…`); kept "
                         "literally, nothing was expanded or run")
                           .arg(words.at(i).line));
            if (b.url.isEmpty())
                b.url = word;
            else
                b.warn(s("More than one URL: only the first was imported (the one on line %1 "
                         "was not)")
                           .arg(words.at(i).line));
            continue;
        }
        if (word == QLatin1String("-X") || word == QLatin1String("--request")) {
            if (const auto v = value(i, word))
                b.method = v->trimmed();
        } else if (word == QLatin1String("-H") || word == QLatin1String("--header")) {
            if (const auto v = value(i, word)) {
                if (v->startsWith(QLatin1Char('@')))
                    b.warn(word + s(" ") + v->left(80)
                        + s(": curl would read headers from a file; skipped, nothing was read"));
                else
                    b.header(*v);
            }
        } else if (word == QLatin1String("-d") || word == QLatin1String("--data")
            || word == QLatin1String("--data-ascii") || word == QLatin1String("--data-binary")
            || word == QLatin1String("--data-raw") || word == QLatin1String("--data-urlencode")) {
            if (const auto v = value(i, word))
                b.addData(word == QLatin1String("-d") ? s("--data") : word, *v);
        } else if (word == QLatin1String("--json")) {
            if (const auto v = value(i, word)) {
                b.json = true;
                b.addData(s("--json"), *v);
            }
        } else if (word == QLatin1String("-F") || word == QLatin1String("--form")) {
            if (const auto v = value(i, word))
                b.addForm(*v, false);
        } else if (word == QLatin1String("--form-string")) {
            if (const auto v = value(i, word))
                b.addForm(*v, true);
        } else if (word == QLatin1String("-u") || word == QLatin1String("--user")) {
            if (const auto v = value(i, word)) {
                b.user = *v;
                b.hasUser = true;
            }
        } else if (word == QLatin1String("--oauth2-bearer")) {
            if (const auto v = value(i, word)) {
                b.bearer = *v;
                b.hasBearer = true;
            }
        } else if (word == QLatin1String("-A") || word == QLatin1String("--user-agent")) {
            if (const auto v = value(i, word); v && v->isEmpty())
                b.warn(word + s(" '' removes the User-Agent header curl sends; skipped"));
            else if (v)
                b.out.request.headers.append({ s("User-Agent"), *v });
        } else if (word == QLatin1String("-e") || word == QLatin1String("--referer")) {
            if (const auto v = value(i, word)) {
                QString referer = *v;
                if (referer.endsWith(QLatin1String(";auto")))
                    referer.chop(5);
                if (!referer.isEmpty())
                    b.out.request.headers.append({ s("Referer"), referer });
            }
        } else if (word == QLatin1String("-b") || word == QLatin1String("--cookie")) {
            if (const auto v = value(i, word)) {
                if (v->contains(QLatin1Char('=')))
                    b.out.request.headers.append({ s("Cookie"), *v });
                else
                    b.warn(word + s(" ") + v->left(80)
                        + s(": curl would read cookies from this file; skipped, nothing was "
                            "read"));
            }
        } else if (word == QLatin1String("--url")) {
            if (const auto v = value(i, word)) {
                if (b.url.isEmpty())
                    b.url = *v;
                else
                    b.warn(s("More than one URL: only the first was imported"));
            }
        } else if (word == QLatin1String("--url-query")) {
            if (const auto v = value(i, word))
                b.out.request.url.query.append(
                    { v->section(QLatin1Char('='), 0, 0), v->section(QLatin1Char('='), 1) });
        } else if (word == QLatin1String("-G") || word == QLatin1String("--get")) {
            b.get = true;
        } else if (word == QLatin1String("-I") || word == QLatin1String("--head")) {
            b.head = true;
        } else if (word == QLatin1String("-k") || word == QLatin1String("--insecure")) {
            b.out.askedInsecure = true;
            b.warn(s("The command turns TLS certificate checks off (-k/--insecure). The request "
                     "was imported with checks on; if the server's certificate is not trusted, "
                     "the send shows the problem and you can choose to ignore it for that send."));
        } else if (word == QLatin1String("-T") || word == QLatin1String("--upload-file")) {
            if (const auto v = value(i, word)) {
                b.warn(word + s(" ") + v->left(80)
                    + s(": curl would upload this local file; skipped, nothing was read"));
                if (b.method.isEmpty())
                    b.method = s("PUT");
            }
        } else if (word == QLatin1String("-K") || word == QLatin1String("--config")) {
            if (const auto v = value(i, word))
                b.warn(word + s(" ") + v->left(80)
                    + s(": curl would read more options from this file; skipped, nothing was "
                        "read"));
        } else if (valueOptions().contains(word)) {
            if (const auto v = value(i, word))
                b.warn(word + s(" ") + v->left(60)
                    + s(": not carried over (no effect on the "
                        "request the playground sends)"));
        } else if (quietFlags().contains(word) || word.startsWith(QLatin1String("--no-"))) {
            continue;
        } else {
            b.warn(s("Unknown option ") + word.left(60) + s(": ignored"));
        }
    }

    if (b.url.isEmpty())
        return Result<ImportedRequest>::failure(s("the curl command has no URL"));
    RequestSpec &r = b.out.request;
    if (!isLoopbackOrScheme(b.url)) {
        if (UrlBuilder::defaultScheme(b.url) == QLatin1String("https"))
            b.warn(s("The URL has no scheme: curl would use http://, the playground uses "
                     "https:// (write http:// to keep plain HTTP)"));
    }
    // curl sends "user:password@" of the URL as Basic auth, like -u. Left in the URL it would be
    // text in the request's name, every saved file and every export.
    if (const std::optional<UrlSpec::UserInfo> info = UrlSpec::takeUserInfo(&b.url)) {
        if (!b.hasUser && !b.hasBearer) {
            b.user
                = info->hasPassword ? info->user + QLatin1Char(':') + info->password : info->user;
            b.hasUser = true;
        } else {
            b.warn(s("The user name and password in the URL were left out: the command gives "
                     "its credentials another way"));
        }
    }
    const KeyValueList extraQuery = r.url.query;
    r.url = UrlSpec::fromRaw(b.url);
    r.url.query += extraQuery;
    r.url.writtenAsString = true;

    const QString joined = b.dataParts.join(QLatin1Char('&'));
    if (b.get && b.data) {
        // -G: the data goes into the query string, joined as curl joins it.
        const UrlSpec fromData = UrlSpec::fromRaw(QStringLiteral("x?") + joined);
        r.url.query += fromData.query;
    } else if (b.data) {
        r.body.mode = RequestBody::Mode::Raw;
        r.body.raw = joined;
        r.body.rawLanguage = b.json ? s("json") : RequestBody::guessRawLanguage(joined);
        const bool hasType = std::any_of(r.headers.begin(), r.headers.end(), [](const KeyValue &h) {
            return h.key.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0;
        });
        if (!hasType) {
            // What curl sends with -d when no Content-Type is given.
            r.headers.append({ s("Content-Type"),
                b.json ? s("application/json") : s("application/x-www-form-urlencoded") });
        }
        if (b.json && std::none_of(r.headers.begin(), r.headers.end(), [](const KeyValue &h) {
                return h.key.compare(QLatin1String("Accept"), Qt::CaseInsensitive) == 0;
            }))
            r.headers.append({ s("Accept"), s("application/json") });
    }
    if (!b.form.isEmpty()) {
        if (b.data)
            b.warn(s("Both -d and -F were given (curl refuses that); the form was kept"));
        r.body = RequestBody();
        r.body.mode = RequestBody::Mode::FormData;
        r.body.formData = b.form;
    }

    if (!b.method.isEmpty())
        r.method = b.method;
    else if (b.head)
        r.method = s("HEAD");
    else if ((b.data && !b.get) || !b.form.isEmpty())
        r.method = s("POST");
    else
        r.method = s("GET");
    if (r.method == QLatin1String("GET") && r.body.mode != RequestBody::Mode::None)
        r.bodyPruningDisabled = true; // curl -X GET -d … sends the body

    if (b.hasBearer) {
        AuthSpec auth;
        auth.type = s("bearer");
        auth.setParam(s("token"), s("{{token}}"));
        r.auth = auth;
        b.addSecretVariable(s("token"), b.bearer);
    } else if (b.hasUser) {
        const qsizetype colon = b.user.indexOf(QLatin1Char(':'));
        LiteralCredentials::setBasicAuth(&r, colon < 0 ? b.user : b.user.left(colon),
            colon < 0 ? QString() : b.user.mid(colon + 1));
        if (colon < 0)
            b.warn(s("-u gives no password (curl would ask for it); set the password variable"));
    }
    r.name = r.method + QLatin1Char(' ') + r.url.base.section(QLatin1Char('?'), 0, 0);
    return std::move(b.out);
}

} // namespace Playground
