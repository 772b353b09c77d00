#include "app/runner/RunReportFile.h"

#include "app/runner/JsonReporter.h"
#include "app/runner/JunitReporter.h"

#include <QSaveFile>

namespace Playground {

RunReportFile::Format RunReportFile::formatFor(const QString &path)
{
    return path.endsWith(QLatin1String(".xml"), Qt::CaseInsensitive) ? Format::Junit : Format::Json;
}

Status RunReportFile::write(const RunReport &report, Format format, const QString &path)
{
    const Result<QByteArray> rendered
        = format == Format::Junit ? JunitReporter().render(report) : JsonReporter().render(report);
    if (!rendered)
        return Status::failure(rendered.error());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(rendered.value()) != rendered->size()
        || !file.commit())
        return Status::failure(
            QStringLiteral("cannot write the results to %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace Playground
