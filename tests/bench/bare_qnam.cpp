// bench_bare_qnam URL N [READ_BUFFER_BYTES]: GETs URL N times in sequence with one
// QNetworkAccessManager, then exits. The reference peer of tests/bench/run-bench.sh and
// run-memory-bench.sh: what Qt alone costs per process and per request.
// With READ_BUFFER_BYTES the body is read and dropped as it arrives, through a read buffer of that
// size (the floor for large bodies); without it the body is read once the reply has finished.
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

#include <cstdio>
#include <functional>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: bench_bare_qnam URL N [READ_BUFFER_BYTES]\n");
        return 2;
    }
    const QUrl url(QString::fromLocal8Bit(argv[1]));
    const int total = QByteArray(argv[2]).toInt();
    const qint64 readBuffer = argc == 4 ? QByteArray(argv[3]).toLongLong() : -1;
    QNetworkAccessManager manager;
    int done = 0;
    int failed = 0;
    std::function<void()> next = [&] {
        QNetworkReply *reply = manager.get(QNetworkRequest(url));
        if (readBuffer > 0) {
            reply->setReadBufferSize(readBuffer);
            QObject::connect(reply, &QNetworkReply::readyRead, &app, [reply] { reply->readAll(); });
        }
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
