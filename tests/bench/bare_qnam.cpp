// bench_bare_qnam URL N: GETs URL N times in sequence with one QNetworkAccessManager, then exits.
// The reference peer of tests/bench/run-bench.sh: what Qt alone costs per process and per request.
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

#include <cstdio>
#include <functional>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_bare_qnam URL N\n");
        return 2;
    }
    const QUrl url(QString::fromLocal8Bit(argv[1]));
    const int total = QByteArray(argv[2]).toInt();
    QNetworkAccessManager manager;
    int done = 0;
    int failed = 0;
    std::function<void()> next = [&] {
        QNetworkReply *reply = manager.get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply] {
            reply->readAll();
            failed += reply->error() != QNetworkReply::NoError;
            reply->deleteLater();
            if (++done < total)
                next();
            else
                QCoreApplication::exit(failed ? 1 : 0);
        });
    };
    next();
    return app.exec();
}
