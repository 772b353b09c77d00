#pragma once

#include "app/secrets/SecretResult.h"

#include <QTest>

#include <memory>
#include <optional>

/**
 * AWAIT_SECRET(result, timeoutMs, store.read(key, &context, cb));
 * Runs the call with a fresh context object and callback `cb`, waits (bounded) for the callback,
 * fails the current test if it never comes, and declares `const SecretResult result`.
 */
#define AWAIT_SECRET(var, timeoutMs, call)                                                         \
    std::optional<Playground::SecretResult> var##Outcome;                                          \
    {                                                                                              \
        auto outcome = std::make_shared<std::optional<Playground::SecretResult>>();                \
        QObject context;                                                                           \
        auto cb = [outcome](const Playground::SecretResult &r) { *outcome = r; };                  \
        call;                                                                                      \
        QTRY_VERIFY_WITH_TIMEOUT(outcome->has_value(), timeoutMs);                                 \
        var##Outcome = *outcome;                                                                   \
    }                                                                                              \
    const Playground::SecretResult var = *var##Outcome;                                            \
    Q_UNUSED(var)
