#include "core/textnormalizer.h"

#include <algorithm>

namespace Wardline::Core {

namespace {
constexpr char16_t VariationSelector16 = 0xFE0F;
constexpr char16_t VariationSelector15 = 0xFE0E;

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == u'\u2019' || c == u'\u02BC' || c == u'`' || c == u'\u00B4';
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing ||
           c.category() == QChar::Mark_SpacingCombining;
}

// Characters after which a new thought starts; negation and history cues do not reach across.
bool isSegmentBreak(QChar c)
{
    switch (c.unicode()) {
    case u'.':
    case u'!':
    case u'?':
    case u';':
    case u',':
    case u':':
    case u'(':
    case u')':
    case u'\n':
    case u'\r':
    case u'\u00BF': // inverted question mark
    case u'\u00A1': // inverted exclamation mark
    case u'\u2026': // ellipsis
        return true;
    default:
        return false;
    }
}
} // namespace

TextNormalizer::TextNormalizer(const QHash<QString, QString> &emoji)
{
    for (auto it = emoji.cbegin(); it != emoji.cend(); ++it) {
        const QString key = stripVariationSelectors(it.key());
        if (!key.isEmpty())
            m_emoji.insert(key, it.value());
    }
    m_emojiKeys = m_emoji.keys();
    std::sort(m_emojiKeys.begin(), m_emojiKeys.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QString TextNormalizer::stripVariationSelectors(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c != VariationSelector16 && c != VariationSelector15)
            out.append(c);
    }
    return out;
}

QString TextNormalizer::foldWord(QStringView word)
{
    const QString decomposed =
        word.toString().toCaseFolded().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing ||
            c.category() == QChar::Mark_SpacingCombining || c.category() == QChar::Mark_Enclosing ||
            isApostrophe(c))
            continue;
        if (c.isLetter() && !out.isEmpty() && out.back() == c)
            continue;
        out.append(c);
    }
    return out;
}

qsizetype TextNormalizer::matchEmoji(QStringView text, qsizetype at, QString *words) const
{
    for (const QString &key : m_emojiKeys) {
        if (text.mid(at).startsWith(key)) {
            *words = m_emoji.value(key);
            return key.size();
        }
    }
    return 0;
}

QList<TextToken> TextNormalizer::tokenize(QStringView text) const
{
    QList<TextToken> tokens;
    int segment = 0;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (isWordChar(c)) {
            const qsizetype start = i;
            while (i < n) {
                const QChar d = text.at(i);
                if (isWordChar(d)) {
                    ++i;
                } else if (isApostrophe(d) && i + 1 < n && text.at(i + 1).isLetter() && i > start) {
                    ++i; // "can't" is one word
                } else {
                    break;
                }
            }
            const QString folded = foldWord(text.mid(start, i - start));
            if (!folded.isEmpty())
                tokens.append(TextToken{folded, start, i - start, segment, false});
            continue;
        }
        if (isSegmentBreak(c)) {
            if (!tokens.isEmpty() && tokens.back().segment == segment)
                ++segment;
            ++i;
            continue;
        }
        QString words;
        if (const qsizetype len = matchEmoji(text, i, &words); len > 0) {
            for (const QString &w : words.split(u' ', Qt::SkipEmptyParts))
                tokens.append(TextToken{foldWord(w), i, len, segment, true});
            i += len;
            continue;
        }
        ++i; // spaces, symbols, unknown emoji, keycap marks: separators only
    }
    return tokens;
}

} // namespace Wardline::Core
