using System.Globalization;

namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>One pass over normalised text that finds stated ages, prices, names used and stock phrases.</summary>
/// <remarks>
/// A hand-written matcher for what used to be four regular expressions (they took about half the extraction time).
/// It visits only word starts and '$' signs, so it is linear with no backtracking and no timeout. The grammar is the
/// regexes' (kept in the tests as the reference, which a differential test compares against):
/// <list type="bullet">
/// <item>age: <c>NN yo|y/o|y.o.|yr|yrs|yr old|yrs old|year old|years old</c>, <c>age[:=-] NN</c>, <c>i'm|i am NN</c>
/// (not followed by min, hr, h, $, % or roses), NN in 10-69;</item>
/// <item>price: <c>$NNN</c> or <c>$N,NNN</c>, or <c>NNN</c> before $, usd, dollars, bucks, roses, rozes, donation, hh, /hr,
/// /hh, hr, qv or fs;</item>
/// <item>name: "ask for", "my name is", "name's", "call me", "i'm", "it's", "this is" then a capitalised word of 2-15 letters,
/// or such a word followed by "is new|here|back|visiting|available" or "- new in town|just arrived" (the name alone is the span);</item>
/// <item>phrase: "new in town", "just arrived", "visiting", "leaving soon" and the rest of <see cref="Phrases"/>.</item>
/// </list>
/// Case-insensitive except the name itself, which must be capitalised. Word boundaries follow .NET regex <c>\b</c>.
/// </remarks>
internal static class AttributeScanner
{
    // In the regexes' order: where two phrases start at the same place, the first listed wins.
    private static readonly string[] Phrases =
    [
        "new in town", "new to town", "new to the area", "new to the city", "just arrived", "recently arrived", "just got here",
        "just got in", "in town for", "in town until", "in town till", "in town this week", "visiting for", "visiting from",
        "visiting this", "visiting", "last night in town", "last day in town", "leaving soon", "leaving tomorrow", "only here for",
        "only here until", "only here till", "first time here", "first time in town", "new girl", "brand new", "limited time",
    ];

    private static readonly string[] BareNameVerbs = ["new", "here", "back", "visiting", "available"];
    private static readonly string[] BareNamePhrases = ["new in town", "just arrived"];

    private static readonly string[] NamePrefixes = ["ask for", "my name is", "name's", "names", "call me", "i'm", "im", "it's", "its", "this is"];

    // Phrases and name prefixes by their first letter, keeping the order above within each letter.
    private static readonly string[][] PhrasesByLetter = ByFirstLetter(Phrases);
    private static readonly string[][] NamePrefixesByLetter = ByFirstLetter(NamePrefixes);

    private static readonly string[] AgeSuffixes = ["yo", "y/o", "y.o.", "y.o", "yrs old", "yrs", "yr old", "yr", "years old", "year old"];

    private static readonly string[] PriceWords = ["usd", "dollars", "bucks", "roses", "rozes", "donation", "hh", "/hr", "/hh", "hr", "qv", "fs"];

    private static string[][] ByFirstLetter(string[] words) =>
        [.. Enumerable.Range(0, 26).Select(k => words.Where(w => w[0] == 'a' + k).ToArray())];

    /// <summary>Adds every age, price, name and phrase in <paramref name="input"/>'s normalised text.</summary>
    public static void Find(ExtractionInput input, List<AttributeMention> attributes)
    {
        var text = input.Normalised.Text;
        int ageNext = 0, priceNext = 0, nameNext = 0, phraseNext = 0;
        for (var p = 0; p < text.Length; p++)
        {
            var c = text[p];
            if (c == '$')
            {
                if (p >= priceNext && TryDollarPrice(text, p, out var end, out var value))
                {
                    attributes.Add(input.Attribute(AttributeKind.Price, value, p, end));
                    priceNext = end;
                }

                continue;
            }

            if (!IsWordChar(c) || (p > 0 && IsWordChar(text[p - 1])))
            {
                continue;
            }

            if (c is >= '1' and <= '9')
            {
                if (p >= ageNext && TryAgeNumber(text, p, out var end))
                {
                    attributes.Add(input.Attribute(AttributeKind.Age, text.Substring(p, 2), p, end));
                    ageNext = end;
                }

                if (p >= priceNext && (p == 0 || text[p - 1] != '.') && TryPriceNumber(text, p, out end))
                {
                    attributes.Add(input.Attribute(AttributeKind.Price, LeadingDigits(text, p), p, end));
                    priceNext = end;
                }

                continue;
            }

            var lower = Fold(c);
            if (lower is not ('a' or 'i' or 'm' or 'n' or 'c' or 't' or 'j' or 'r' or 'v' or 'l' or 'o' or 'f' or 'b'))
            {
                // A name that introduces itself without a prefix: "Sasha is new in town", "Rosa - new in town".
                if (char.IsAsciiLetterUpper(c) && p >= nameNext && TryBareName(text, p, out var bareEnd))
                {
                    AddName(input, attributes, text, p, p, bareEnd);
                    nameNext = bareEnd;
                }

                continue;
            }

            if (lower is 'a' or 'i' && p >= ageNext && TryAgeWord(text, p, lower, out var ageEnd, out var ageAt))
            {
                attributes.Add(input.Attribute(AttributeKind.Age, text.Substring(ageAt, 2), p, ageEnd));
                ageNext = ageEnd;
            }

            if (p >= nameNext && TryName(text, p, out var nameEnd, out var nameAt))
            {
                AddName(input, attributes, text, p, nameAt, nameEnd);
                nameNext = nameEnd;
            }
            else if (char.IsAsciiLetterUpper(c) && p >= nameNext && TryBareName(text, p, out var bareEnd))
            {
                AddName(input, attributes, text, p, p, bareEnd);
                nameNext = bareEnd;
            }

            if (p >= phraseNext && TryPhrase(text, p, out var phrase))
            {
                attributes.Add(input.Attribute(AttributeKind.Phrase, text.Substring(p, phrase.Length).ToLowerInvariant(), p, p + phrase.Length));
                phraseNext = p + phrase.Length;
            }
        }
    }

    /// <summary><c>\b[1-6][0-9]\s?(?:yo|y/o|y\.o\.?|yrs?(?: old)?|years? old)\b</c> at <paramref name="p"/>.</summary>
    private static bool TryAgeNumber(string text, int p, out int end)
    {
        end = 0;
        if (text[p] > '6' || p + 1 >= text.Length || !char.IsAsciiDigit(text[p + 1]))
        {
            return false;
        }

        var q = p + 2;
        if (q < text.Length && char.IsWhiteSpace(text[q]))
        {
            q++;
        }

        foreach (var suffix in AgeSuffixes)
        {
            if (MatchesAt(text, q, suffix) && IsBoundary(text, q + suffix.Length))
            {
                end = q + suffix.Length;
                return true;
            }
        }

        return false;
    }

    /// <summary><c>\bage\s?[:=-]?\s?NN\b</c> or <c>\bi'?\s?a?m\sNN\b(?!\s?(?:min|hr|h|mins|\$|%|roses))</c> at <paramref name="p"/>.</summary>
    private static bool TryAgeWord(string text, int p, char lower, out int end, out int digitsAt)
    {
        end = digitsAt = 0;
        int q;
        if (lower == 'a')
        {
            if (!MatchesAt(text, p, "age"))
            {
                return false;
            }

            q = p + 3;
            q = Skip(text, q, char.IsWhiteSpace);
            q = Skip(text, q, static c => c is ':' or '=' or '-');
            q = Skip(text, q, char.IsWhiteSpace);
            if (!TwoDigitAge(text, q) || !IsBoundary(text, q + 2))
            {
                return false;
            }
        }
        else
        {
            q = p + 1;
            q = Skip(text, q, static c => c == '\'');
            q = Skip(text, q, char.IsWhiteSpace);
            q = Skip(text, q, static c => Fold(c) == 'a');
            if (q >= text.Length || Fold(text[q]) != 'm' || q + 1 >= text.Length || !char.IsWhiteSpace(text[q + 1]))
            {
                return false;
            }

            q += 2;
            if (!TwoDigitAge(text, q) || !IsBoundary(text, q + 2) || UnitFollows(text, q + 2))
            {
                return false;
            }
        }

        digitsAt = q;
        end = q + 2;
        return true;
    }

    private static bool UnitFollows(string text, int e)
    {
        if (e < text.Length && char.IsWhiteSpace(text[e]) && UnitAt(text, e + 1))
        {
            return true;
        }

        return UnitAt(text, e);
    }

    private static bool UnitAt(string text, int e) =>
        e < text.Length && (text[e] is '$' or '%' || MatchesAt(text, e, "min") || MatchesAt(text, e, "h") || MatchesAt(text, e, "roses"));

    private static bool TwoDigitAge(string text, int q) =>
        q + 1 < text.Length && text[q] is >= '1' and <= '6' && char.IsAsciiDigit(text[q + 1]);

    private static int Skip(string text, int q, Func<char, bool> accept) => q < text.Length && accept(text[q]) ? q + 1 : q;

    /// <summary><c>(?&lt;![\w$])\$\s?([1-9][0-9]{1,3}(?:,[0-9]{3})?)(?![0-9,])</c> at <paramref name="p"/>.</summary>
    private static bool TryDollarPrice(string text, int p, out int end, out string value)
    {
        end = 0;
        value = "";
        if (p > 0 && (IsWordChar(text[p - 1]) || text[p - 1] == '$'))
        {
            return false;
        }

        var q = p + 1;
        if (q < text.Length && char.IsWhiteSpace(text[q]))
        {
            q++;
        }

        if (q >= text.Length || text[q] is < '1' or > '9')
        {
            return false;
        }

        var digits = CountDigits(text, q + 1, 3);
        for (var k = digits; k >= 1; k--)
        {
            var e = q + 1 + k;
            if (e + 3 < text.Length && text[e] == ',' && CountDigits(text, e + 1, 3) == 3 && NotDigitOrComma(text, e + 4))
            {
                end = e + 4;
                value = string.Concat(text.AsSpan(q, e - q), text.AsSpan(e + 1, 3));
                return true;
            }

            if (NotDigitOrComma(text, e))
            {
                end = e;
                value = text.Substring(q, e - q);
                return true;
            }
        }

        return false;
    }

    /// <summary><c>(?&lt;![\w.])([1-9][0-9]{1,3})\s?(?:\$|usd\b|dollars\b|...|fs\b)</c> at <paramref name="p"/> (the look-behind is checked by the caller).</summary>
    private static bool TryPriceNumber(string text, int p, out int end)
    {
        end = 0;
        var digits = CountDigits(text, p + 1, 3);
        if (digits == 0)
        {
            return false;
        }

        // Fewer digits would leave a digit where the unit must start, so only the longest run can match.
        var q = p + 1 + digits;
        if (q < text.Length && char.IsWhiteSpace(text[q]))
        {
            q++;
        }

        if (q < text.Length && text[q] == '$')
        {
            end = q + 1;
            return true;
        }

        foreach (var word in PriceWords)
        {
            if (MatchesAt(text, q, word) && IsBoundary(text, q + word.Length))
            {
                end = q + word.Length;
                return true;
            }
        }

        return false;
    }

    private static string LeadingDigits(string text, int p)
    {
        var e = p;
        while (e < text.Length && e - p < 4 && char.IsAsciiDigit(text[e]))
        {
            e++;
        }

        return text.Substring(p, e - p);
    }

    /// <summary><c>\b(?i:ask for|my name is|name'?s|call me|i'?m|it'?s|this is)\s([A-Z][a-z]{1,14})\b</c> at <paramref name="p"/>.</summary>
    private static bool TryName(string text, int p, out int end, out int nameAt)
    {
        end = nameAt = 0;
        foreach (var prefix in NamePrefixesByLetter[Fold(text[p]) - 'a'])
        {
            if (!MatchesAt(text, p, prefix))
            {
                continue;
            }

            var q = p + prefix.Length;
            if (q + 1 >= text.Length || !char.IsWhiteSpace(text[q]) || !char.IsAsciiLetterUpper(text[q + 1]))
            {
                continue;
            }

            var e = q + 2;
            while (e < text.Length && char.IsAsciiLetterLower(text[e]))
            {
                e++;
            }

            var letters = e - q - 1;
            if (letters is >= 2 and <= 15 && IsBoundary(text, e))
            {
                nameAt = q + 1;
                end = e;
                return true;
            }
        }

        return false;
    }

    private static void AddName(ExtractionInput input, List<AttributeMention> attributes, string text, int start, int nameAt, int nameEnd)
    {
        var name = text.Substring(nameAt, nameEnd - nameAt);
        if (!Cities.IsNotName(name))
        {
            attributes.Add(input.Attribute(AttributeKind.Name, name, start, nameEnd));
        }
    }

    /// <summary><c>\b[A-Z][a-z]{1,14}(?=\s(?:is\s(?:new|here|back|visiting|available)|-\s(?:new in town|just arrived))\b)</c> at
    /// <paramref name="p"/> (the suffix case-insensitively): a name followed by how it is introduced.</summary>
    private static bool TryBareName(string text, int p, out int end)
    {
        end = p + 1;
        while (end < text.Length && char.IsAsciiLetterLower(text[end]))
        {
            end++;
        }

        var letters = end - p;
        if (letters is < 2 or > 15 || end + 1 >= text.Length || !char.IsWhiteSpace(text[end]))
        {
            return false;
        }

        var q = end + 1;
        if (MatchesAt(text, q, "is") && q + 2 < text.Length && char.IsWhiteSpace(text[q + 2]))
        {
            foreach (var word in BareNameVerbs)
            {
                if (MatchesAt(text, q + 3, word) && IsBoundary(text, q + 3 + word.Length))
                {
                    return true;
                }
            }
        }
        else if (text[q] == '-' && q + 1 < text.Length && char.IsWhiteSpace(text[q + 1]))
        {
            foreach (var phrase in BareNamePhrases)
            {
                if (MatchesAt(text, q + 2, phrase) && IsBoundary(text, q + 2 + phrase.Length))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TryPhrase(string text, int p, out string phrase)
    {
        foreach (var candidate in PhrasesByLetter[Fold(text[p]) - 'a'])
        {
            if (MatchesAt(text, p, candidate) && IsBoundary(text, p + candidate.Length))
            {
                phrase = candidate;
                return true;
            }
        }

        phrase = "";
        return false;
    }

    private static int CountDigits(string text, int from, int max)
    {
        var n = 0;
        while (n < max && from + n < text.Length && char.IsAsciiDigit(text[from + n]))
        {
            n++;
        }

        return n;
    }

    private static bool NotDigitOrComma(string text, int e) => e >= text.Length || !(char.IsAsciiDigit(text[e]) || text[e] == ',');

    /// <summary>Case-insensitive match of a lower-case ASCII <paramref name="word"/> at <paramref name="at"/>, as regex IgnoreCase does it.</summary>
    private static bool MatchesAt(string text, int at, string word)
    {
        if (at + word.Length > text.Length)
        {
            return false;
        }

        for (var k = 0; k < word.Length; k++)
        {
            if (Fold(text[at + k]) != word[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lower-cases ASCII letters, and the Kelvin sign and long s that regex IgnoreCase treats as k and s.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static char Fold(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c | 0x20),
        '\u212A' => 'k',
        '\u017F' => 's',
        _ => c,
    };

    /// <summary>Regex <c>\b</c> at <paramref name="e"/>: a word character on exactly one side.</summary>
    private static bool IsBoundary(string text, int e) =>
        (e > 0 && IsWordChar(text[e - 1])) != (e < text.Length && IsWordChar(text[e]));

    /// <summary>Regex <c>\w</c> as .NET defines it for word boundaries: letters, Mn, Nd, Pc, ZWJ and ZWNJ.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool IsWordChar(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) || c == '_' : IsNonAsciiWordChar(c);

    private static bool IsNonAsciiWordChar(char c)
    {

        if (c is '\u200C' or '\u200D')
        {
            return true;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation => true,
            _ => false,
        };
    }
}
