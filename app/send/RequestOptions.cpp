#include "app/send/RequestOptions.h"

#include "app/http/HttpExecutor.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>

#include <algorithm>

namespace Playground {

namespace {

    constexpr qint64 MaxCaFileBytes = 1024 * 1024;

    Result<QList<QSslCertificate>> readCertificates(const QString &path)
    {
        using Certificates = QList<QSslCertificate>;
        const QString shown = QDir::toNativeSeparators(path);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Result<Certificates>::failure(
                QStringLiteral("The CA certificate file %1 cannot be read: %2")
                    .arg(shown, file.errorString()));
        if (file.size() > MaxCaFileBytes)
            return Result<Certificates>::failure(
                QStringLiteral("The CA certificate file %1 is larger than 1 MiB").arg(shown));
        const QByteArray bytes = file.readAll();
        Certificates certificates = QSslCertificate::fromData(bytes, QSsl::Pem);
        if (certificates.isEmpty())
            certificates = QSslCertificate::fromData(bytes, QSsl::Der);
        if (certificates.isEmpty())
            return Result<Certificates>::failure(
                QStringLiteral("The CA certificate file %1 holds no certificate (PEM or DER)")
                    .arg(shown));
        return certificates;
    }

} // namespace

Result<SendOptions> RequestOptions::apply(const RequestSettings &settings, SendOptions base)
{
    base.followRedirects = settings.followRedirects;
    base.maxRedirects = std::max(0, settings.maxRedirects);
    base.insecure = !settings.verifyTls;
    if (settings.timeoutMs > 0)
        base.deadlineMs = settings.timeoutMs; // the whole exchange, as Postman's timeout
    if (!settings.caCertificateFile.isEmpty()) {
        const auto certificates = readCertificates(settings.caCertificateFile);
        if (!certificates)
            return Result<SendOptions>::failure(certificates.error());
        base.caCertificates += certificates.value();
    }
    const QString proxy = settings.proxy.trimmed();
    if (!proxy.isEmpty()) {
        if (!HttpExecutor::proxyFor(proxy))
            return Result<SendOptions>::failure(
                QStringLiteral("The proxy \"%1\" is not a URL like http://host:3128 or "
                               "socks5://host:1080")
                    .arg(proxy));
        base.proxy = proxy;
    }
    return base;
}

} // namespace Playground
