using NetworkAnalysis.Core.Text;

namespace NetworkAnalysis.Core.Extraction.Phones;

/// <summary>Finds valid phone numbers in the digit runs of a normalised text.</summary>
/// <remarks>
/// Within a run, candidate numbers are whole groups only (never half a group), tried longest first from each
/// group; the first candidate the numbering plan accepts wins and the search resumes after it. Groups that
/// read as dates, fractions ("24/7"), or body measurements ("34-24-36") are excluded first; candidates stuck
/// to a currency sign or percent, glued to letters on both sides, or named as an order/reference number are
/// rejected.
/// </remarks>
internal static partial class PhoneFinder
{
    private const int MaxDigits = 17;

    /// <summary>Finds phones in <paramref name="text"/> (normalised) using the runs of <paramref name="scanner"/>.</summary>
    public static List<PhoneHit> Find(string text, DigitRunScanner scanner, string? region)
    {
        var hits = new List<PhoneHit>();
        Span<char> digits = stackalloc char[MaxDigits + 8];
        Span<bool> excluded = stackalloc bool[64];
        foreach (var run in scanner.Runs)
        {
            var groupCount = Math.Min(run.GroupCount, excluded.Length);
            excluded[..groupCount].Clear();
            MarkNonPhoneGroups(text, scanner, run, groupCount, excluded);
            var g = 0;
            while (g < groupCount)
            {
                if (excluded[g] || !TryWindow(text, scanner, run, g, groupCount, excluded, region, digits, out var end, out var hit))
                {
                    g++;
                    continue;
                }

                hits.Add(hit);
                g = end + 1;
            }
        }

        return hits;
    }

    private static bool TryWindow(string text, DigitRunScanner scanner, DigitRun run, int first, int groupCount, Span<bool> excluded, string? region, Span<char> digits, out int lastGroup, out PhoneHit hit)
    {
        hit = default;
        lastGroup = first;

        // Collect group end offsets (in digits) until the cap or an excluded group.
        Span<int> ends = stackalloc int[MaxDigits + 1];
        var count = 0;
        var n = 0;
        for (var g = first; g < groupCount && !excluded[g]; g++)
        {
            var group = scanner.Groups[run.FirstGroup + g];
            if (n + group.TokenCount > MaxDigits)
            {
                break;
            }

            for (var t = 0; t < group.TokenCount; t++)
            {
                digits[n++] = scanner.Tokens[group.FirstToken + t].Digit;
            }

            ends[count++] = n;
        }

        var plus = first == 0 && run.PlusStart >= 0;
        var noisy = NoiseSeparated(text, scanner, run, first, count);

        // Second pass: the '+' was lost ("91 98765 43210", "delhi-escort-919876543210"): the country code written as its own
        // group, or one long group of digits. Only when no reading as written (national, '+', '00') fits.
        for (var pass = 0; pass < 2; pass++)
        {
            if (pass == 1 && (plus || !(ends[0] <= 3 || (count == 1 && ends[0] >= 11)) || OpeningBracket(text, scanner.Tokens[scanner.Groups[run.FirstGroup + first].FirstToken].Start) != scanner.Tokens[scanner.Groups[run.FirstGroup + first].FirstToken].Start))
            {
                break;
            }

            if (TryLengths(text, scanner, run, first, groupCount, ends[..count], digits, plus, pass == 1, noisy, region, out lastGroup, out hit))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryLengths(string text, DigitRunScanner scanner, DigitRun run, int first, int groupCount, ReadOnlySpan<int> ends, Span<char> digits, bool plus, bool bare, bool noisy, string? region, out int lastGroup, out PhoneHit hit)
    {
        hit = default;
        lastGroup = first;
        for (var k = ends.Length - 1; k >= 0; k--)
        {
            var length = ends[k];
            if (length < 7)
            {
                break;
            }

            // Written apart, the first group must be exactly the country code ("(499) 555 0123" is not +49 9...).
            var kind = bare ? PhoneParser.TryParseBareInternational(digits[..length], k == 0 ? 0 : ends[0], out var e164) : PhoneParser.TryParse(digits[..length], plus, region, out e164);
            if (kind == PhoneParseKind.None || (!noisy && !NanpGroupingPlausible(e164, ends[..(k + 1)])))
            {
                continue;
            }

            var firstToken = scanner.Groups[run.FirstGroup + first].FirstToken;
            var endGroup = scanner.Groups[run.FirstGroup + first + k];
            var lastToken = endGroup.FirstToken + endGroup.TokenCount - 1;
            if (!Plausible(text, scanner, run, first, first + k, groupCount, firstToken, lastToken, out var obfuscated))
            {
                continue;
            }

            var start = plus ? run.PlusStart : OpeningBracket(text, scanner.Tokens[firstToken].Start);
            var confidence = kind switch
            {
                PhoneParseKind.Fallback => 0.6,
                _ when obfuscated => 0.85,
                _ => 0.95,
            };
            lastGroup = first + k;
            hit = new PhoneHit(start, ClosingBracket(text, start, scanner.Tokens[endGroup.FirstToken].Start, scanner.Tokens[lastToken].End), e164, confidence);
            return true;
        }

        return false;
    }

    /// <summary>Whether a separator in the window is a deliberate symbol ("702;55;50;143", "702♡555☆0143"): such numbers are
    /// grouped at random, so the NANP grouping rule does not apply; nor does it to spelled digits.</summary>
    private static bool NoiseSeparated(string text, DigitRunScanner scanner, DigitRun run, int first, int count)
    {
        for (var g = first + 1; g < first + count; g++)
        {
            if (scanner.Groups[run.FirstGroup + g].Separator is not (' ' or '.' or '-' or '/' or '(' or ')' or '[' or ']' or '{' or '}' or '\0' or ',' or '_' or '~' or '*' or '|' or '\n' or '\t' or '\r' or '\u2022' or '\u00B7'))
            {
                return true;
            }
        }

        // Spelled numbers are grouped by their words ("five fifty five"), not as the plan groups digits; digits bracketed one
        // by one ("[5]") are decoration.
        for (var g = first; g < first + count; g++)
        {
            var group = scanner.Groups[run.FirstGroup + g];
            for (var t = group.FirstToken; t < group.FirstToken + group.TokenCount; t++)
            {
                if (scanner.Tokens[t].Kind != DigitTokenKind.Digit)
                {
                    return true;
                }
            }

            var token = scanner.Tokens[group.FirstToken];
            if (group.TokenCount == 1 && token.Start > 0 && text[token.Start - 1] is '[' or '{' && token.End < text.Length && text[token.End] is ']' or '}')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>NANP numbers are grouped 3-3-4: a break inside the area code or exchange ("80.585 79.964") is not a phone.</summary>
    /// <remarks>Numbers written one digit per group (spaced or spelled digits) are exempt, and so is a break between two
    /// single-digit groups inside a number that mixes spelled and plain groups.</remarks>
    private static bool NanpGroupingPlausible(string e164, ReadOnlySpan<int> groupEnds)
    {
        if (!e164.StartsWith("+1", StringComparison.Ordinal) || groupEnds.Length < 2)
        {
            return true;
        }

        var length = groupEnds[^1];
        var nsnStart = length - 10;
        var singles = true;
        var previous = 0;
        foreach (var e in groupEnds)
        {
            singles &= e - previous == 1;
            previous = e;
        }

        if (singles)
        {
            return true;
        }

        // A break between two single-digit groups is how spelled digits are written ("seven zero two 555 0143"), not a
        // grouping: only breaks next to a longer group count.
        for (var j = 0; j < groupEnds.Length - 1; j++)
        {
            var size = groupEnds[j] - (j == 0 ? 0 : groupEnds[j - 1]);
            var nextSize = groupEnds[j + 1] - groupEnds[j];
            var rel = groupEnds[j] - nsnStart;
            if (rel > 0 && rel != 3 && rel < 6 && !(size == 1 && nextSize == 1))
            {
                return false;
            }
        }

        return true;
    }

    private static int OpeningBracket(string text, int start)
    {
        var k = start - 1;
        if (k >= 0 && text[k] == ' ')
        {
            k--;
        }

        return k >= 0 && text[k] is '(' or '[' or '{' ? k : start;
    }

    /// <summary>"[7]...[3]": a last group in brackets ends with its closing bracket; so does a number that starts with one.</summary>
    private static int ClosingBracket(string text, int start, int lastGroupStart, int end)
    {
        if (end >= text.Length)
        {
            return end;
        }

        var opener = lastGroupStart > 0 && text[lastGroupStart - 1] is '[' or '{' ? text[lastGroupStart - 1] : text[start];
        var close = opener switch { '[' => ']', '{' => '}', _ => '\0' };
        return close != '\0' && text[end] == close ? end + 1 : end;
    }
}
