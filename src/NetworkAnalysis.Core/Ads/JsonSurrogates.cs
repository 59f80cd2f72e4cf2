using System.Globalization;
using System.Text;

namespace NetworkAnalysis.Core.Ads;

/// <summary>Replaces unpaired UTF-16 surrogates in a JSON line, escaped (<c>\ud800</c>) or raw, with U+FFFD.</summary>
/// <remarks>
/// JSON allows <c>\ud800</c> on its own, but System.Text.Json refuses to turn it into a string, so one such escape
/// would lose the whole ad. Replacing it keeps the ad, the same way invalid UTF-8 bytes are decoded to U+FFFD.
/// Linear in the line's length; returns the line itself when there is nothing to replace.
/// </remarks>
internal static class JsonSurrogates
{
    public static string Repair(string line)
    {
        if (!NeedsRepair(line))
        {
            return line;
        }

        var sb = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                if (line[i + 1] == 'u' && TryEscape(line, i, out var unit))
                {
                    if (char.IsHighSurrogate(unit) && TryEscape(line, i + 6, out var low) && char.IsLowSurrogate(low))
                    {
                        sb.Append(line, i, 12);
                        i += 11;
                    }
                    else if (char.IsSurrogate(unit))
                    {
                        sb.Append("\\ufffd");
                        i += 5;
                    }
                    else
                    {
                        sb.Append(line, i, 6);
                        i += 5;
                    }
                }
                else if (char.IsSurrogate(line[i + 1]))
                {
                    // A backslash before a raw surrogate: keep the backslash, let the next round judge the surrogate.
                    sb.Append(c);
                }
                else
                {
                    // Any other escape, including an escaped backslash, is two characters kept as they are.
                    sb.Append(c).Append(line[i + 1]);
                    i++;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                sb.Append(c).Append(line[i + 1]);
                i++;
            }
            else
            {
                sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether <paramref name="line"/> holds a raw surrogate or a backslash, <c>u</c> and <c>d</c>/<c>D</c> (the start
    /// of an escaped surrogate, or of something that only looks like one: <see cref="Repair"/> tells them apart).</summary>
    /// <remarks>Searched with the vectorised span searches (#21, session 13): a character-by-character loop here was ~15% of
    /// reading a generated JSON Lines file, for a check that finds nothing in almost every line.</remarks>
    internal static bool NeedsRepair(string line)
    {
        var span = line.AsSpan();
        if (span.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            return true;
        }

        var at = 0;
        while (true)
        {
            var found = span[at..].IndexOf(@"\u", StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            var i = at + found;
            if (i + 2 < span.Length && span[i + 2] is 'd' or 'D')
            {
                return true;
            }

            at = i + 1;
        }
    }

    private static bool TryEscape(string line, int at, out char unit)
    {
        unit = '\0';
        if (at + 6 > line.Length || line[at] != '\\' || line[at + 1] != 'u')
        {
            return false;
        }

        if (!ushort.TryParse(line.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        unit = (char)value;
        return true;
    }
}
