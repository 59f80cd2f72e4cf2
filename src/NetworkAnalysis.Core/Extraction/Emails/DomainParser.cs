using System.Collections.Frozen;

namespace NetworkAnalysis.Core.Extraction.Emails;

/// <summary>Reads a domain name, possibly with obfuscated dots, from normalised text.</summary>
internal static class DomainParser
{
    private const int MaxLabel = 63;
    private const int MaxLabels = 32;

    // Words written for a dot: "dot", SpamLord-style "DOM", "dt", and the usual spelled forms.
    private static readonly FrozenSet<string> DotWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "dot", "dt", "dom", "period", "punto", "point");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DotWordLookup = DotWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // A domain written with bare spaces for dots ("cs example edu") must end in one of these, or in a country code after
    // one of the second-level words below ("ox ac uk"): every other word is too likely to be the sentence going on.
    private static readonly FrozenSet<string> SpaceTlds = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "com", "net", "org", "edu", "gov", "mil");

    private static readonly FrozenSet<string> SecondLevels = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "ac", "co", "edu", "com", "org", "net", "gov");

    // Country codes that are used under such second levels and are not also common English words ("in", "no", "me", "us").
    private static readonly FrozenSet<string> SecondLevelCountries = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "uk", "au", "nz", "za", "jp", "kr", "br", "mx", "ar", "tr", "il", "sg", "hk", "tw", "cn", "th", "my", "ph", "ke", "ng");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SecondLevelCountryLookup = SecondLevelCountries.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpaceTldLookup = SpaceTlds.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SecondLevelLookup = SecondLevels.GetAlternateLookup<ReadOnlySpan<char>>();

    private enum Dot : byte
    {
        /// <summary>A plain '.'.</summary>
        Plain,

        /// <summary>" . ", "dot", "(dot)", "DOM", ';': an obfuscated dot.</summary>
        Written,

        /// <summary>Only spaces ("cs example edu"); allowed when the caller says the address is obfuscated.</summary>
        Space,
    }

    /// <summary>Parses labels joined by dots or dot-words starting at <paramref name="start"/>.</summary>
    /// <param name="text">Normalised text.</param>
    /// <param name="start">Where the domain (or the spaces before it) starts.</param>
    /// <param name="allowSpaceAfterAt">Whether up to two spaces may come first.</param>
    /// <param name="domain">Lower-case domain with plain dots.</param>
    /// <param name="end">End offset of the domain in the text.</param>
    /// <param name="obfuscated">Whether any dot was written as a word or with spaces.</param>
    /// <param name="obfuscatedAt">Whether the '@' was written obfuscated ("at", "(at)", "WHERE", spaced): then ';' and
    /// bare spaces may stand for dots, and the domain ends at the last label that makes it valid.</param>
    public static bool TryParse(string text, int start, bool allowSpaceAfterAt, out string domain, out int end, out bool obfuscated, bool obfuscatedAt = false)
    {
        domain = "";
        end = start;
        obfuscated = false;
        var i = start;
        if (allowSpaceAfterAt)
        {
            var spaces = 0;
            while (i < text.Length && text[i] == ' ' && spaces < 2)
            {
                i++;
                spaces++;
            }

            obfuscated = spaces > 0;
        }

        Span<char> buffer = stackalloc char[256];
        Span<int> labelStarts = stackalloc int[MaxLabels];
        Span<int> labelEnds = stackalloc int[MaxLabels];
        Span<int> textEnds = stackalloc int[MaxLabels];
        Span<Dot> dots = stackalloc Dot[MaxLabels];
        var n = 0;
        var labels = 0;
        var dot = Dot.Plain;
        while (labels < MaxLabels)
        {
            var labelStart = i;
            while (i < text.Length && i - labelStart < MaxLabel && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '-'))
            {
                i++;
            }

            if (i == labelStart || n + (i - labelStart) + 1 >= buffer.Length || text[labelStart] == '-' || text[i - 1] == '-')
            {
                break;
            }

            // A dot word is a separator, not a label ("example dot com" after a bare space).
            if (labels > 0 && dot == Dot.Space && DotWordLookup.Contains(text.AsSpan(labelStart, i - labelStart)))
            {
                break;
            }

            if (labels > 0)
            {
                buffer[n++] = '.';
            }

            labelStarts[labels] = n;
            foreach (var ch in text.AsSpan(labelStart, i - labelStart))
            {
                buffer[n++] = char.ToLowerInvariant(ch);
            }

            labelEnds[labels] = n;
            textEnds[labels] = i;
            dots[labels] = dot;
            labels++;
            // A bare space may join at most six labels: past that it is a sentence, not a domain.
            if (!TryDot(text, i, obfuscatedAt, out var next, out dot) || (dot == Dot.Space && labels >= 6))
            {
                break;
            }

            i = next;
        }

        if (labels == 0)
        {
            return false;
        }

        // The longest valid domain; it may end early only where a bare space stood for a dot
        // ("mia at example dot com for fun", "max at example dot edu or t.me/max").
        for (var k = labels; k >= 1; k--)
        {
            if (k < labels && dots[k] != Dot.Space)
            {
                continue;
            }

            if (k >= 2 && IsValid(buffer, labelStarts, labelEnds, dots, k))
            {
                domain = buffer[..labelEnds[k - 1]].ToString();
                end = textEnds[k - 1];
                for (var d = 1; d < k; d++)
                {
                    obfuscated |= dots[d] != Dot.Plain;
                }

                return true;
            }

            // "mia at gmail": a bare provider name stands for its domain.
            if (k == 1 && DomainNames.ProviderLookup.TryGetValue(buffer[labelStarts[0]..labelEnds[0]], out var provider))
            {
                domain = provider;
                end = textEnds[0];
                obfuscated = true;
                return true;
            }
        }

        return false;
    }

    private static bool IsValid(ReadOnlySpan<char> buffer, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, ReadOnlySpan<Dot> dots, int k)
    {
        var tld = buffer[starts[k - 1]..ends[k - 1]];
        if (tld.Length is < 2 or > MaxLabel || !IsAllLetters(tld))
        {
            return false;
        }

        var spaced = false;
        var written = false;
        for (var d = 1; d < k; d++)
        {
            spaced |= dots[d] == Dot.Space;
            written |= dots[d] != Dot.Plain;
        }

        if (written && !DomainNames.TldLookup.Contains(tld))
        {
            return false;
        }

        return !spaced || SpaceTldLookup.Contains(tld)
            || (k >= 3 && SecondLevelCountryLookup.Contains(tld) && SecondLevelLookup.Contains(buffer[starts[k - 2]..ends[k - 2]]));
    }

    private static bool IsAllLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A dot: '.', " . ", " dot ", "(dot)", "[dot]", " DOM ", " dt ", then (obfuscated '@' only) ';' or bare
    /// spaces; followed by a label character.</summary>
    private static bool TryDot(string text, int i, bool obfuscatedAt, out int next, out Dot dot)
    {
        next = i;
        dot = Dot.Written;
        if (i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))
        {
            if (text[i] == '.')
            {
                dot = Dot.Plain;
                next = i + 1;
                return true;
            }

            if (text[i] == ';' && obfuscatedAt)
            {
                next = i + 1;
                return true;
            }
        }

        var j = i;
        while (j < text.Length && j - i < 2 && text[j] == ' ')
        {
            j++;
        }

        if (j >= text.Length)
        {
            return false;
        }

        int after;
        if (text[j] == '.' && j > i)
        {
            after = j + 1;
        }
        else if (text[j] is '(' or '[' or '{' or '<' && EmailScanner.TryBracketed(text, j, "dot", out var close))
        {
            after = close;
        }
        else if (j > i && IsDotWord(text, j, out var wordEnd))
        {
            after = wordEnd;
        }
        else if (j == i + 1 && obfuscatedAt && char.IsAsciiLetterOrDigit(text[j]))
        {
            dot = Dot.Space;
            next = j;
            return true;
        }
        else
        {
            return false;
        }

        var k = after;
        while (k < text.Length && k - after < 2 && text[k] == ' ')
        {
            k++;
        }

        if (k < text.Length && char.IsAsciiLetterOrDigit(text[k]) && (k > i + 1 || after > i + 1))
        {
            next = k;
            return true;
        }

        return false;
    }

    private static bool IsDotWord(string text, int j, out int end)
    {
        end = j;
        while (end < text.Length && end - j < 7 && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        return end > j && (end == text.Length || !char.IsAsciiLetterOrDigit(text[end])) && DotWordLookup.Contains(text.AsSpan(j, end - j));
    }
}
