using System.Globalization;
using System.Text;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>Cleans hostile text (cities, names, cluster IDs) before it reaches a ScottPlot label.</summary>
/// <remarks>
/// ScottPlot's SVG writer (Skia's) escapes <c>&amp; &lt; &gt; " '</c> itself, but would pass characters XML forbids and
/// bidirectional overrides that reorder what an investigator reads. Labels keep one line, printable characters only, and a
/// bounded length; <see cref="PlotSvg"/> then verifies the document as a whole.
/// </remarks>
public static class ChartText
{
    /// <summary>The label as drawn: XML-safe, no control or format characters (bidi overrides), whitespace collapsed, at most <paramref name="max"/> characters.</summary>
    public static string Label(string? text, int max = 28)
    {
        var clean = Markup.StripInvalidXmlChars(text);
        var sb = new StringBuilder(Math.Min(clean.Length, max + 1));
        var space = false;
        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        var s = sb.ToString();
        if (s.Length <= max)
        {
            return s;
        }

        // Never cut a surrogate pair in half.
        var cut = Math.Max(1, max - 1);
        if (char.IsHighSurrogate(s[cut - 1]))
        {
            cut--;
        }

        return s[..cut] + "…";
    }
}
