using System.Collections.Frozen;
using NetworkAnalysis.Core.Text;

namespace NetworkAnalysis.Core.Extraction.Phones;

internal static partial class PhoneFinder
{
    private static readonly FrozenSet<string> ReferenceWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "order", "ord", "ref", "reference", "invoice", "inv", "tracking", "confirmation", "conf", "receipt", "transaction",
        "txn", "sku", "item", "acct", "account", "serial", "ticket", "booking", "id", "po", "isbn", "case", "pin", "code",
        "zip", "postcode", "vin", "lot", "model", "part", "barcode", "upc", "policy", "claim", "no", "nr");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReferenceLookup =
        ReferenceWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Excludes groups that read as dates, fractions such as 24/7, or measurements such as 34-24-36.</summary>
    /// <remarks>Only groups written in digits count: "TwO/6/zERo" is a spelled number, not a date. A year in brackets
    /// ("(2002)") is a citation or a date, never part of a phone.</remarks>
    private static void MarkNonPhoneGroups(string text, DigitRunScanner scanner, DigitRun run, int groupCount, Span<bool> excluded)
    {
        for (var g = 0; g < groupCount; g++)
        {
            var a = Group(scanner, run, g);
            if (!IsDigits(scanner, a))
            {
                continue;
            }

            if (a.TokenCount == 4 && Value(scanner, a) is >= 1900 and <= 2099 && IsBracketed(text, scanner, a))
            {
                excluded[g] = true;
                continue;
            }

            if (a.TokenCount == 8 && IsCompactDate(scanner, a))
            {
                excluded[g] = true;
                continue;
            }

            if (g + 2 < groupCount)
            {
                var b = Group(scanner, run, g + 1);
                var c = Group(scanner, run, g + 2);
                if (b.Separator is '/' or '.' or '-' && c.Separator == b.Separator && IsDigits(scanner, b) && IsDigits(scanner, c)
                    && (IsDate(scanner, a, b, c) || IsMeasurement(scanner, a, b, c)))
                {
                    excluded[g] = excluded[g + 1] = excluded[g + 2] = true;
                    g += 2;
                    continue;
                }
            }

            if (g + 1 < groupCount)
            {
                var b = Group(scanner, run, g + 1);
                if (b.Separator == '/' && a.TokenCount <= 2 && b.TokenCount <= 2 && IsDigits(scanner, b)
                    && (g + 2 >= groupCount || Group(scanner, run, g + 2).Separator != '/'))
                {
                    excluded[g] = excluded[g + 1] = true;
                    g++;
                }
            }
        }
    }

    private static bool IsDigits(DigitRunScanner scanner, DigitGroup g)
    {
        for (var t = g.FirstToken; t < g.FirstToken + g.TokenCount; t++)
        {
            if (scanner.Tokens[t].Kind != DigitTokenKind.Digit)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBracketed(string text, DigitRunScanner scanner, DigitGroup g)
    {
        var start = scanner.Tokens[g.FirstToken].Start;
        var end = scanner.Tokens[g.FirstToken + g.TokenCount - 1].End;
        return start > 0 && text[start - 1] is '(' or '[' && end < text.Length && text[end] is ')' or ']';
    }

    /// <summary>yyyymmdd between 1900 and 2099.</summary>
    private static bool IsCompactDate(DigitRunScanner scanner, DigitGroup g)
    {
        var v = 0L;
        for (var t = g.FirstToken; t < g.FirstToken + g.TokenCount; t++)
        {
            v = (v * 10) + (scanner.Tokens[t].Digit - '0');
        }

        var year = v / 10000;
        var month = v / 100 % 100;
        var day = v % 100;
        return year is >= 1900 and <= 2099 && month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    private static DigitGroup Group(DigitRunScanner scanner, DigitRun run, int g) => scanner.Groups[run.FirstGroup + g];

    private static bool IsDate(DigitRunScanner scanner, DigitGroup a, DigitGroup b, DigitGroup c)
    {
        int la = a.TokenCount, lb = b.TokenCount, lc = c.TokenCount;
        if (la == 4 && lb <= 2 && lc <= 2)
        {
            return Value(scanner, b) is >= 1 and <= 12 && Value(scanner, c) is >= 1 and <= 31;
        }

        return la <= 2 && lb <= 2 && lc is 2 or 4 && Value(scanner, a) is >= 1 and <= 31 && Value(scanner, b) is >= 1 and <= 31;
    }

    private static bool IsMeasurement(DigitRunScanner scanner, DigitGroup a, DigitGroup b, DigitGroup c) =>
        a.TokenCount == 2 && b.TokenCount == 2 && c.TokenCount == 2
        && Value(scanner, a) is >= 20 and <= 60 && Value(scanner, b) is >= 18 and <= 60 && Value(scanner, c) is >= 20 and <= 60;

    private static int Value(DigitRunScanner scanner, DigitGroup group)
    {
        var v = 0;
        for (var t = group.FirstToken; t < group.FirstToken + group.TokenCount; t++)
        {
            v = (v * 10) + (scanner.Tokens[t].Digit - '0');
        }

        return v;
    }

    /// <summary>Context rules for one candidate spanning groups <paramref name="first"/>..<paramref name="last"/> of a run.</summary>
    private static bool Plausible(string text, DigitRunScanner scanner, DigitRun run, int first, int last, int groupCount, int firstToken, int lastToken, out bool obfuscated)
    {
        obfuscated = false;
        var letters = 0;
        for (var t = firstToken; t <= lastToken; t++)
        {
            var kind = scanner.Tokens[t].Kind;
            obfuscated |= kind != DigitTokenKind.Digit;
            letters += kind == DigitTokenKind.Letter ? 1 : 0;
        }

        // Letters for digits need real digits around them: "o77oo 9oo123" yes, "lOlOl0" no.
        if (letters > 8 || lastToken - firstToken + 1 - letters < 4)
        {
            return false;
        }

        var start = scanner.Tokens[firstToken].Start;
        var end = scanner.Tokens[lastToken].End;
        var gluedBefore = first == 0 && run.GluedBefore;
        var gluedAfter = last == groupCount - 1 && run.GluedAfter;
        if (gluedBefore && gluedAfter && !(letters == 0 && first == last && groupCount == 1 && lastToken - firstToken + 1 >= 10 && GluedBetweenWords(text, start, end)))
        {
            return false;
        }

        if (start > 0 && text[start - 1] is '$' or '£' or '€' or '¥' or '#')
        {
            return false;
        }

        if (end < text.Length && text[end] is '$' or '%' or '€' or '£' or '¥')
        {
            return false;
        }

        // "08:00": the last group is an hour.
        if (end + 1 < text.Length && text[end] == ':' && char.IsAsciiDigit(text[end + 1]))
        {
            return false;
        }

        return !PrecededByReferenceWord(text, start);
    }

    /// <summary>"callme7025550143now": a whole number between two words. Not between hex-like letters ("a3f7025550143bc"),
    /// nor inside a longer run of letters and digits.</summary>
    private static bool GluedBetweenWords(string text, int start, int end)
    {
        int before = 0, after = 0;
        var wordy = false;
        for (var k = start - 1; k >= 0 && char.IsAsciiLetterOrDigit(text[k]); k--)
        {
            if (char.IsAsciiDigit(text[k]))
            {
                return false;
            }

            before++;
            wordy |= char.ToLowerInvariant(text[k]) > 'f';
        }

        for (var k = end; k < text.Length && char.IsAsciiLetterOrDigit(text[k]); k++)
        {
            if (char.IsAsciiDigit(text[k]))
            {
                return false;
            }

            after++;
            wordy |= char.ToLowerInvariant(text[k]) > 'f';
        }

        return before >= 2 && after >= 2 && wordy;
    }

    private static bool PrecededByReferenceWord(string text, int start)
    {
        var k = start - 1;
        var limit = Math.Max(0, start - 6);
        while (k >= limit && !char.IsAsciiLetter(text[k]))
        {
            if (char.IsAsciiDigit(text[k]))
            {
                return false;
            }

            k--;
        }

        if (k < limit)
        {
            return false;
        }

        var wordEnd = k + 1;
        while (k >= 0 && wordEnd - k <= 16 && char.IsAsciiLetter(text[k]))
        {
            k--;
        }

        return ReferenceLookup.Contains(text.AsSpan(k + 1, wordEnd - k - 1));
    }
}
