#include "tests/support/ThreadedFileServer.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace PlaygroundTest {

ThreadedFileServer::ThreadedFileServer(QString path)
    : m_path(std::move(path))
{
    m_clock.start();
}

ThreadedFileServer::~ThreadedFileServer()
{
    m_stop = true;
    wait();
}

bool ThreadedFileServer::listen()
{
    start();
    while (m_port.load() == 0)
        QThread::msleep(1);
    return m_port.load() > 0;
}

void ThreadedFileServer::run()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost)) {
        m_port = -1;
        return;
    }
    m_port = server.serverPort();
    while (!m_stop) {
        if (!server.waitForNewConnection(100))
            continue;
        std::unique_ptr<QTcpSocket> socket(server.nextPendingConnection());
        QByteArray head;
        while (!head.contains("\r\n\r\n") && socket->waitForReadyRead(10'000))
            head += socket->readAll();
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly))
            return;
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(file.size()) + "\r\nConnection: close\r\n\r\n");
        while (!file.atEnd() && !m_stop && socket->state() == QAbstractSocket::ConnectedState) {
            socket->write(file.read(256 * 1024));
            while (socket->bytesToWrite() > 1024 * 1024 && socket->waitForBytesWritten(1000)) { }
        }
        while (socket->bytesToWrite() > 0 && socket->waitForBytesWritten(1000)) { }
        m_lastByteNs = m_clock.nsecsElapsed();
        socket->disconnectFromHost();
        if (socket->state() != QAbstractSocket::UnconnectedState)
            socket->waitForDisconnected(1000);
    }
}

} // namespace PlaygroundTest
