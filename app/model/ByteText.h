#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QRegularExpressionMatch>
#include <QString>
#include <QStringView>

/**
 * Text that may hold bytes which are not UTF-8, the "surrogateescape" convention of Python's
 * PEP 383. A request's texts are QString, but a curl command, a .http file or a Latin-1 file can
 * hold any bytes; they must reach the wire as written. fromBytes decodes UTF-8 and keeps each byte
 * that is not part of valid UTF-8 (always >= 0x80) as the lone low surrogate U+DC00 + byte
 * (U+DC80..U+DCFF), which valid text never holds; toBytes writes such a surrogate back as its
 * byte. So toBytes(fromBytes(x)) == x for every x, and text without kept bytes is plain UTF-8.
 *
 * Use fromBytes where text is read from input, toBytes where text becomes bytes on the wire or in
 * an exported text file. A window shows a kept byte as U+FFFD; JSON files write it as "\udcXX",
 * which Qt reads back as the same surrogate.
 */
namespace Playground::ByteText {

/**
 * bytes as text: valid UTF-8 decoded (as QString::fromUtf8 does, but a leading byte order mark
 * is kept as U+FEFF: these are bytes to send), each other byte kept as
 * U+DC00 + byte. Overlong forms, encoded surrogates, code points above U+10FFFF and truncated
 * sequences are not valid: each of their bytes is kept. Linear time.
 */
QString fromBytes(QByteArrayView bytes);

/**
 * text as bytes: UTF-8, except each kept byte (a U+DC80..U+DCFF not preceded by a high
 * surrogate) written as the byte itself. Other lone surrogates are written as QString::toUtf8
 * writes them.
 */
QByteArray toBytes(QStringView text);

/** Does text hold a kept byte (one that is not UTF-8 text)? */
bool keepsBytes(QStringView text);

/** The byte that the UTF-16 unit at i of text keeps (0x80..0xFF), or -1 when it is text. */
int keptByte(QStringView text, qsizetype i);

/**
 * text for QRegularExpression, which matches nothing in a string holding a lone surrogate: each
 * kept byte as U+FFFD, the rest as it is, so positions stay those of text.
 */
QString matchable(const QString &text);

/** Capture n of match (made on matchable(text)) taken from text itself: its kept bytes stay. */
QString captured(const QRegularExpressionMatch &match, const QString &text, int n = 0);

} // namespace Playground::ByteText
