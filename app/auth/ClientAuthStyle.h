#pragma once

#include <QString>

#include <optional>

namespace Playground {

/** How an OAuth client proves who it is at the token endpoint; exactly one style is sent. */
enum class ClientAuthStyle {
    JsonBody, ///< {"grant_type","client_id","client_secret"} as JSON, as the Digishare docs show
    FormBody, ///< RFC 6749 §2.3.1 form-urlencoded body parameters
    HttpBasic, ///< RFC 6749 §2.3.1 HTTP Basic, id and secret form-urlencoded before base64
};

/** "json", "form" or "basic": the value kept in the collection file. */
QString clientAuthStyleName(ClientAuthStyle style);
std::optional<ClientAuthStyle> clientAuthStyleFromName(const QString &name);

} // namespace Playground
