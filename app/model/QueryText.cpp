#include "app/model/QueryText.h"

#include <QUrl>

namespace Playground {

namespace {

    /** Calls each(text, isVariable) for the literal pieces and the {{…}} references in turn. */
    template <typename F> void forEachPiece(const QString &text, F each)
    {
        qsizetype pos = 0;
        while (pos < text.size()) {
            const qsizetype open = text.indexOf(QLatin1String("{{"), pos);
            const qsizetype close = open < 0 ? -1 : text.indexOf(QLatin1String("}}"), open + 2);
            if (open < 0 || close < 0) {
                each(text.mid(pos), false);
                return;
            }
            if (open > pos)
                each(text.mid(pos, open - pos), false);
            each(text.mid(open, close + 2 - open), true);
            pos = close + 2;
        }
    }

} // namespace

QString QueryText::display(const QString &urlForm)
{
    QString out;
    forEachPiece(urlForm, [&out](const QString &piece, bool variable) {
        out += variable ? piece : QUrl::fromPercentEncoding(piece.toUtf8());
    });
    return out;
}

QString QueryText::urlForm(const QString &display, bool isKey)
{
    QString out;
    forEachPiece(display, [&out, isKey](const QString &piece, bool variable) {
        if (variable) {
            out += piece;
            return;
        }
        // RFC 3986 query characters that do not split a row stay readable.
        const QByteArray keep = isKey ? QByteArray("!$'()*,;:@/?") : QByteArray("!$'()*,;:@/?=");
        out += QString::fromLatin1(QUrl::toPercentEncoding(piece, keep));
    });
    return out;
}

} // namespace Playground
