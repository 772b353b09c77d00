// The JSON re-indenter alone: `bench_json_format FILE` re-indents FILE (read whole) into memory,
// three times, and prints the best time in ms; `bench_json_format --write MB FILE` writes the
// benchmarks' compact JSON body of about MB mebibytes to FILE. tests/bench/run-view-bench.sh sets
// it beside `jq .` and node's JSON.stringify(JSON.parse(s), null, 2) on the same file.
#include "app/response/JsonIndenter.h"
#include "tests/support/LargeJson.h"

#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (argc == 4 && qstrcmp(argv[1], "--write") == 0) {
        QFile out(QString::fromLocal8Bit(argv[3]));
        if (!out.open(QIODevice::WriteOnly))
            return 2;
        PlaygroundTest::writeJson(QByteArray(argv[2]).toLongLong() * 1024 * 1024,
            [&](const QByteArray &chunk) { out.write(chunk); });
        return 0;
    }
    if (argc != 2) {
        std::fputs("usage: bench_json_format FILE\n", stderr);
        return 2;
    }
    QFile file(QString::fromLocal8Bit(argv[1]));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_json_format: %s\n", qPrintable(file.errorString()));
        return 2;
    }
    const QByteArray json = file.readAll();
    double best = 1e18;
    qsizetype outBytes = 0;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer clock;
        clock.start();
        const QByteArray pretty = Playground::JsonIndenter::indent(json);
        best = qMin(best, clock.nsecsElapsed() / 1e6);
        outBytes = pretty.size();
    }
    std::printf("%.0f\n", best);
    std::fprintf(stderr, "%lld bytes in, %lld bytes out\n", qint64(json.size()), qint64(outBytes));
    return 0;
}
