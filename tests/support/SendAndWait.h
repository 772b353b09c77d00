#pragma once

// One request through the executor, waited for: what the core tests of sending share.
#include "app/http/HttpExecutor.h"
#include "app/http/RequestRun.h"

#include <QSignalSpy>

namespace Playground::Test {

/** Sends r and waits (on the run's finished signal) for its exchange. */
inline Exchange sendAndWait(
    HttpExecutor &executor, const ResolvedRequest &r, const SendOptions &options = {})
{
    RequestRun *run = executor.send(r, options);
    QSignalSpy spy(run, &RequestRun::finished);
    if (!spy.wait(30000))
        qWarning("request did not finish");
    Exchange x = run->exchange();
    run->deleteLater();
    return x;
}

/** A GET of url, sent and waited for. */
inline Exchange getAndWait(HttpExecutor &executor, const QUrl &url, const SendOptions &options = {},
    const HeaderList &headers = {})
{
    ResolvedRequest r;
    r.method = "GET";
    r.url = url;
    r.headers = headers;
    return sendAndWait(executor, r, options);
}

} // namespace Playground::Test
