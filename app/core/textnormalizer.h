#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

namespace Wardline::Core {

/// One word of a message as the triage matcher sees it, with where it came from.
struct TextToken
{
    QString word;         ///< folded: lower case, no diacritics, no apostrophes, no doubled letters
    qsizetype begin = 0;  ///< position in the original text
    qsizetype length = 0; ///< length in the original text (an emoji for emoji-derived words)
    int segment = 0;      ///< punctuation-delimited part of the message the word is in
    bool fromEmoji = false;
};

/// Turns patient text into comparable words: the same spelling rules apply to lexicon phrases
/// and to messages, so "HEEELP", "Ayúdenme" and "can’t" compare like their plain forms.
class TextNormalizer
{
public:
    TextNormalizer() = default;
    /// \a emoji maps an emoji (variation selectors removed) to the words it stands for.
    explicit TextNormalizer(const QHash<QString, QString> &emoji);

    /// The folded form of one word. Doubled letters collapse because patients stretch words
    /// ("pleeease") and misspell doubles ("bleding"); digits keep their repeats.
    [[nodiscard]] static QString foldWord(QStringView word);
    /// Words and segment numbers of \a text; emoji in the table become their words.
    [[nodiscard]] QList<TextToken> tokenize(QStringView text) const;
    /// Removes emoji variation selectors so a key matches with or without them.
    [[nodiscard]] static QString stripVariationSelectors(QStringView text);

private:
    [[nodiscard]] qsizetype matchEmoji(QStringView text, qsizetype at, QString *words) const;

    QHash<QString, QString> m_emoji;
    QList<QString> m_emojiKeys; // longest first, so a sequence wins over its first code point
};

} // namespace Wardline::Core
