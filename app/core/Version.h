#pragma once

namespace Playground {
inline constexpr const char *AppName = "api-playground";
inline constexpr const char *AppVersion = PLAYGROUND_VERSION;
/** Reverse-DNS name used for the keychain service and settings. */
inline constexpr const char *AppId = "ma.digishare.ApiPlayground";
} // namespace Playground
