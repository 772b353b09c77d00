#include "app/cli/CommandLineSpec.h"

namespace Playground::CommandLineSpec {

namespace {

    QString s(const char *text)
    {
        return QString::fromUtf8(text);
    }

    Option option(const char *name, const char *valueName, ValueKind kind, const char *help,
        const char *shortName = "")
    {
        Option o;
        o.name = s(name);
        o.shortName = s(shortName);
        o.valueName = s(valueName);
        o.kind = kind;
        o.help = s(help);
        if (kind == ValueKind::Choice)
            o.choices = o.valueName.split(QLatin1Char('|'));
        return o;
    }

    QList<Command> buildCommands()
    {
        Command run;
        run.name = s("run");
        run.summary = s("run a collection headless");
        run.synopsis = { s("run COLLECTION [options]") };
        run.options = {
            option("--env", "FILE", ValueKind::JsonFile, "Postman environment file"),
            option("--folder", "NAME", ValueKind::Folder, "run only the requests of this folder"),
            option("--var", "NAME=VALUE", ValueKind::Text,
                "set a variable (strongest scope; repeatable)"),
            option("--reporter", "cli|json|junit", ValueKind::Choice,
                "report format on stdout (default cli)"),
            option(
                "--out", "FILE", ValueKind::AnyFile, "write the report to FILE instead of stdout"),
            option("--timeout-ms", "N", ValueKind::Text,
                "total time limit per request, redirects included"),
            option("--ca-cert", "FILE", ValueKind::PemFile,
                "also trust the CA certificate(s) in this PEM file"),
            option("--insecure", "", ValueKind::None,
                "ignore TLS certificate errors (each response is flagged)", "-k"),
            option("--allow-http-errors", "", ValueKind::None, "HTTP 4xx/5xx do not fail the run"),
            option("--help", "", ValueKind::None, "show this help", "-h"),
        };
        run.paragraphs = {
            s("Runs every request of a Postman v2.0/v2.1 collection file in order."),
            s("Secrets (a bearer token or OAuth client secret referenced as {{NAME}} by the "
              "collection's auth, or a collection or --env variable of type secret) come from, "
              "strongest first: --var NAME=VALUE, the environment variable PLAYGROUND_VAR_NAME "
              "(characters other than letters, digits and _ written as _), the system keychain "
              "(see api-playground secrets), the collection file. A secret found nowhere stops "
              "the run with exit status 2 before anything is sent."),
            s("Exit status: 0 all passed, 1 a request failed, 2 bad input."),
        };

        Command secrets;
        secrets.name = s("secrets");
        secrets.summary = s("store, delete or list a collection's secrets");
        secrets.synopsis = {
            s("secrets set COLLECTION NAME"),
            s("secrets delete COLLECTION NAME"),
            s("secrets list COLLECTION"),
        };
        secrets.options = {
            option("--help", "", ValueKind::None, "show this help", "-h"),
        };
        secrets.paragraphs = {
            s("set stores the value read from stdin (never from the command line); delete "
              "removes it from the keychain; list shows the collection's secret names and where "
              "each is stored (values are never shown)."),
            s("Secrets are kept in the system keychain, keyed by the collection's id and the "
              "variable name. Without a keychain, give them to `run` as --var NAME=VALUE or "
              "PLAYGROUND_VAR_NAME."),
            s("COLLECTION may also be a Postman environment file: its \"secret\" values are "
              "keyed by the environment's id and used only at its baseUrl's origin, by the window "
              "and by `run --env`."),
            s("Exit status: 0 done, 1 keychain unavailable or failed, 2 bad input."),
        };
        Command convert;
        convert.name = s("convert");
        convert.summary
            = s("convert requests between formats (curl, docs, .http, OpenAPI, Postman)");
        convert.synopsis = { s("convert INPUT --to postman|curl|http|har [options]") };
        convert.options = {
            option("--to", "postman|curl|http|har", ValueKind::Choice, "the format to write"),
            option("--from", "auto|curl|markdown|http|openapi|postman", ValueKind::Choice,
                "the format of INPUT (default auto: guessed from its content and name)"),
            option("--out", "FILE", ValueKind::AnyFile,
                "write to FILE (atomically) instead of stdout", "-o"),
            option("--include-secrets", "", ValueKind::None,
                "curl: write secret values found in INPUT instead of <name> placeholders (a HAR "
                "log always masks them)"),
            option("--help", "", ValueKind::None, "show this help", "-h"),
        };
        convert.paragraphs = {
            s("Reads INPUT (a file, or - for stdin): a curl command, a docs page with "
              "::api-playground blocks (markdown), a .http/.rest file, an OpenAPI 3.0/3.1 document "
              "(JSON or YAML) or a Postman v2.0/v2.1 collection; writes a Postman v2.1 collection, "
              "curl commands, a .http file or a HAR 1.2 log of the requests (not sent: no "
              "responses). Nothing is sent, executed or read besides INPUT."),
            s("What could not be carried over is listed on stderr. Secrets are written as <name> "
              "placeholders in curl unless --include-secrets, masked as *** in a HAR log, and "
              "left out of postman and http files."),
            s("Exit status: 0 converted, 2 bad input (the message names the file and line)."),
        };
        return { run, secrets, convert };
    }

    /** Wraps text at width columns, each line starting with indent. */
    QString wrap(const QString &text, int width, const QString &indent = QString())
    {
        QString out;
        QString line = indent;
        for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (line.size() > indent.size() && line.size() + 1 + word.size() > width) {
                out += line + QLatin1Char('\n');
                line = indent;
            }
            if (line.size() > indent.size())
                line += QLatin1Char(' ');
            line += word;
        }
        return out + line + QLatin1Char('\n');
    }

    constexpr int HelpWidth = 100;
    constexpr int OptionColumn = 24;

} // namespace

const QList<Command> &commands()
{
    static const QList<Command> all = buildCommands();
    return all;
}

const Command *command(const QString &name)
{
    for (const Command &c : commands()) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QString topUsage()
{
    QString out = s("Usage:\n");
    const auto row = [&](const QString &left, const QString &right) {
        out += s("  api-playground ") + left.leftJustified(19) + s(" ") + right + s("\n");
    };
    row(s("[COLLECTION]"), s("open the window (optionally with a collection file)"));
    for (const Command &c : commands())
        row(c.name + s(" …"), c.summary + s(" (see ") + c.name + s(" --help)"));
    row(s("--version | --help"), s("print the version or this help"));
    return out;
}

QString commandUsage(const Command &command)
{
    QString out;
    for (qsizetype i = 0; i < command.synopsis.size(); ++i)
        out += (i == 0 ? s("Usage: ") : s("       ")) + s("api-playground ")
            + command.synopsis.at(i) + QLatin1Char('\n');
    out += QLatin1Char('\n');
    for (const Option &o : command.options) {
        QString left = o.name;
        if (!o.shortName.isEmpty())
            left = o.shortName + s(", ") + left;
        if (!o.valueName.isEmpty())
            left += QLatin1Char(' ') + o.valueName;
        const int pad = std::max<int>(OptionColumn, int(left.size()) + 2);
        out += s("  ") + left.leftJustified(pad) + o.help + QLatin1Char('\n');
    }
    for (const QString &paragraph : command.paragraphs)
        out += QLatin1Char('\n') + wrap(paragraph, HelpWidth);
    return out;
}

QList<Section> manSections()
{
    return {
        { s("EXIT STATUS"),
            {
                { s("0"),
                    s("The command succeeded: every request passed, or the secret was stored.") },
                { s("1"),
                    s("A request failed (transport or TLS error, unresolved variable, limit hit, "
                      "or HTTP status 400 or more unless --allow-http-errors), or the keychain "
                      "is unavailable or failed.") },
                { s("2"),
                    s("Bad input: an unreadable or malformed file, an unknown folder or option, a "
                      "malformed --var, a missing secret, input convert cannot read; or no "
                      "display for the window.") },
            } },
        { s("ENVIRONMENT"),
            {
                { s("PLAYGROUND_VAR_<name>"),
                    s("The value of the variable or secret <name> for run (characters other than "
                      "letters, digits and _ written as _). --var is stronger, the keychain "
                      "weaker.") },
                { s("DISPLAY, WAYLAND_DISPLAY"),
                    s("Where the window opens. Without either, the window is not started and the "
                      "exit status is 2.") },
                { s("XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_DATA_HOME"),
                    s("The only places the program writes, besides files named on its command "
                      "line.") },
            } },
        { s("FILES"),
            {
                { s("*.postman_collection.json, *.postman_environment.json"),
                    s("Postman v2.0/v2.1 collections and environments: read by run and secrets, "
                      "opened and saved by the window. They hold {{variable}} references, never a "
                      "secret.") },
                { s("/usr/share/api-playground/digishare.postman_collection.json"),
                    s("The Digishare API playground as a collection (under the installation "
                      "prefix).") },
                { s("System keychain"),
                    s("Personal Access Tokens, OAuth client secrets, access tokens and secret "
                      "environment values, under the service name ma.digishare.ApiPlayground "
                      "(Secret Service, for example gnome-keyring). When no keychain is reachable "
                      "secrets are kept in memory for the session only; never in a plain file.") },
            } },
        { s("EXAMPLES"),
            {
                { s("api-playground my.postman_collection.json"),
                    s("Open the window with a collection.") },
                { s("api-playground run my.postman_collection.json --env "
                    "prod.postman_environment.json --reporter junit --out report.xml"),
                    s("Run a collection headless and write a JUnit report.") },
                { s("printf %s \"$PAT\" | api-playground secrets set "
                    "my.postman_collection.json token"),
                    s("Store a Personal Access Token in the keychain from a script.") },
                { s("api-playground convert customer-curl.txt --to postman -o "
                    "support.postman_collection.json"),
                    s("Turn a curl command a customer sent into a collection.") },
            } },
    };
}

} // namespace Playground::CommandLineSpec
