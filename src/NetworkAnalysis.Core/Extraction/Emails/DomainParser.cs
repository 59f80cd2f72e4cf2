namespace NetworkAnalysis.Core.Extraction.Emails;

/// <summary>Reads a domain name, possibly with obfuscated dots, from normalised text.</summary>
internal static class DomainParser
{
    private const int MaxLabel = 63;

    /// <summary>Parses labels joined by dots or dot-words starting at <paramref name="start"/>.</summary>
    /// <param name="text">Normalised text.</param>
    /// <param name="start">Where the domain (or the spaces before it) starts.</param>
    /// <param name="allowSpaceAfterAt">Whether up to two spaces may come first.</param>
    /// <param name="domain">Lower-case domain with plain dots.</param>
    /// <param name="end">End offset of the domain in the text.</param>
    /// <param name="obfuscated">Whether any dot was written as a word or with spaces.</param>
    public static bool TryParse(string text, int start, bool allowSpaceAfterAt, out string domain, out int end, out bool obfuscated)
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
        var n = 0;
        var labels = 0;
        var lastLabelStart = 0;
        var lastEnd = i;
        while (true)
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

            if (labels > 0)
            {
                buffer[n++] = '.';
            }

            lastLabelStart = n;
            foreach (var ch in text.AsSpan(labelStart, i - labelStart))
            {
                buffer[n++] = char.ToLowerInvariant(ch);
            }

            labels++;
            lastEnd = i;
            if (!TryDot(text, i, out var next, out var wordDot))
            {
                break;
            }

            obfuscated |= wordDot;
            i = next;
        }

        if (labels == 0)
        {
            return false;
        }

        var tld = buffer[lastLabelStart..n];
        if (labels == 1)
        {
            // "mia at gmail": a bare provider name stands for its domain.
            if (!DomainNames.ProviderLookup.TryGetValue(tld, out var provider))
            {
                return false;
            }

            domain = provider;
            end = lastEnd;
            obfuscated = true;
            return true;
        }

        if (tld.Length is < 2 or > MaxLabel || !IsAllLetters(tld))
        {
            return false;
        }

        domain = buffer[..n].ToString();
        end = lastEnd;
        return true;
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

    /// <summary>A dot: '.', " . ", " dot ", "(dot)", "[dot]", followed by a label character.</summary>
    private static bool TryDot(string text, int i, out int next, out bool wordDot)
    {
        next = i;
        wordDot = false;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiLetterOrDigit(text[i + 1]))
        {
            next = i + 1;
            return true;
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
        else if (j > i && j + 3 <= text.Length && text.AsSpan(j, 3).Equals("dot", StringComparison.OrdinalIgnoreCase) && (j + 3 == text.Length || !char.IsAsciiLetter(text[j + 3])))
        {
            after = j + 3;
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
            wordDot = true;
            return true;
        }

        return false;
    }
}
