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
            MarkNonPhoneGroups(scanner, run, groupCount, excluded);
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
        for (var k = count - 1; k >= 0; k--)
        {
            var length = ends[k];
            if (length < 7)
            {
                break;
            }

            var kind = PhoneParser.TryParse(digits[..length], plus, region, out var e164);
            if (kind == PhoneParseKind.None || !NanpGroupingPlausible(e164, ends[..(k + 1)]))
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
            hit = new PhoneHit(start, scanner.Tokens[lastToken].End, e164, confidence);
            return true;
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

        return k >= 0 && text[k] is '(' or '[' ? k : start;
    }
}
