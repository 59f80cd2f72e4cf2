using System.Globalization;
using System.Text;
using NetworkAnalysis.Core.Text;
using NetworkAnalysis.Reporting.Model;

namespace NetworkAnalysis.Reporting.Text;

/// <summary>Ad text for display in a case file: markup reduced to its text, identifiers marked (and masked when asked).</summary>
/// <remarks>
/// The raw text stays in the case as evidence; this only decides what a reader sees. Tags, comments and script/style
/// elements are hidden (block tags become line breaks), character references are decoded, and keycap emoji are drawn as
/// their digit in a box so they read correctly with or without an emoji font. When identifiers are masked, every
/// mention span is masked and so is every further occurrence of a known identifier value or raw form in the text, so a
/// value the extractor recorded once cannot show up unmasked elsewhere in the same text.
/// </remarks>
public static class AdTextDisplay
{
    private const int MaxTagLength = 2048;
    private const int MinNeedleLength = 3;

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "section", "article",
    };

    /// <summary>The identifier strings of <paramref name="graph"/> to mask wherever they occur: every entity value and every
    /// mention's raw text, longest first.</summary>
    public static IReadOnlyList<string> Needles(CaseGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var texts = graph.Ads.ToDictionary(a => a.Key, a => a.Text, StringComparer.Ordinal);
        var needles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in graph.Entities)
        {
            Add(e.Value);
        }

        foreach (var m in graph.Mentions)
        {
            if (texts.TryGetValue(m.AdKey, out var text) && m.Start >= 0 && m.End <= text.Length && m.End > m.Start)
            {
                Add(text[m.Start..m.End]);
            }
        }

        return needles.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToList();

        void Add(string? value)
        {
            if (value is not null && value.Trim() is { Length: >= MinNeedleLength } v)
            {
                needles.Add(v);
            }
        }
    }

    /// <summary>The spans of <paramref name="text"/> to mark: valid, non-overlapping mentions (earliest, longest first), plus,
    /// when <paramref name="needles"/> are given, every other whole-word occurrence of a needle.</summary>
    public static IReadOnlyList<(int Start, int End, string? EntityId)> Spans(string text, IEnumerable<ReportMention> mentions, IReadOnlyList<string>? needles)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        var spans = new List<(int Start, int End, string? EntityId)>();
        var pos = 0;
        foreach (var m in mentions.OrderBy(m => m.Start).ThenByDescending(m => m.End))
        {
            if (m.Start < pos || m.End > text.Length || m.Start >= m.End || m.Start < 0
                || char.IsLowSurrogate(text[m.Start]) || (m.End < text.Length && char.IsLowSurrogate(text[m.End])))
            {
                continue;
            }

            spans.Add((m.Start, m.End, m.EntityId));
            pos = m.End;
        }

        if (needles is null || needles.Count == 0)
        {
            return spans;
        }

        var covered = new bool[text.Length];
        foreach (var (s, e, _) in spans)
        {
            Array.Fill(covered, true, s, e - s);
        }

        foreach (var needle in needles)
        {
            for (var at = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + needle.Length;
                if (WordEdge(text, at - 1) && WordEdge(text, end) && !covered.AsSpan(at, needle.Length).Contains(true))
                {
                    Array.Fill(covered, true, at, needle.Length);
                    spans.Add((at, end, null));
                }
            }
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    /// <summary><paramref name="text"/> with every span of <see cref="Spans"/> masked: the plain-text copy (CSV) of a masked case file.</summary>
    public static string MaskedText(string text, IEnumerable<ReportMention> mentions, IReadOnlyList<string> needles)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var pos = 0;
        foreach (var (start, end, _) in Spans(text, mentions, needles))
        {
            sb.Append(text, pos, start - pos).Append(IdentifierMasker.Mask(text[start..end]));
            pos = end;
        }

        return sb.Append(text, pos, text.Length - pos).ToString();
    }

    /// <summary>Masks every whole-word occurrence of a needle in a line of text (evidence lines built elsewhere).</summary>
    public static string MaskNeedles(string text, IReadOnlyList<string> needles) => MaskedText(text ?? "", [], needles);

    /// <summary>Appends <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) as escaped HTML with markup
    /// reduced to its text; <paramref name="hidden"/> (from <see cref="HiddenMarkup"/>) marks characters that belong to markup.</summary>
    public static void AppendDisplay(StringBuilder sb, string text, int start, int end, bool[]? hidden) => Append(sb, text, start, end, hidden, html: true);

    /// <summary><paramref name="text"/> as a reader sees it, as plain text on one line: markup hidden, references decoded, keycaps
    /// as their digit (for evidence lines and masks built from text that may carry markup).</summary>
    public static string PlainText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        Append(sb, text, 0, text.Length, HiddenMarkup(text), html: false);
        return sb.Replace('\n', ' ').ToString().Trim();
    }

    private static void Append(StringBuilder sb, string text, int start, int end, bool[]? hidden, bool html)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(text);
        var i = start;
        while (i < end)
        {
            if (hidden is not null && hidden[i])
            {
                // A block tag reads as a line break; everything else inside markup vanishes.
                var runEnd = i;
                while (runEnd < end && hidden[runEnd])
                {
                    runEnd++;
                }

                if (IsBlockTag(text, i, runEnd) && sb.Length > 0 && sb[^1] != '\n')
                {
                    sb.Append('\n');
                }

                i = runEnd;
                continue;
            }

            var c = text[i];
            if (c == '&' && TryDecodeEntity(text, i, end, out var decoded, out var length))
            {
                AppendText(sb, decoded, html);
                i += length;
                continue;
            }

            // Keycap emoji (digit, optional U+FE0F, U+20E3): the digit in a box, whatever fonts the reader has.
            if (c is (>= '0' and <= '9') or '#' or '*')
            {
                var j = i + 1;
                if (j < end && text[j] == '\uFE0F')
                {
                    j++;
                }

                if (j < end && text[j] == '\u20E3')
                {
                    if (html)
                    {
                        sb.Append("<span class=\"keycap\">").Append(c).Append("</span>");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    i = j + 1;
                    continue;
                }
            }

            // Invisible formatting characters (U+202E, U+200B ...) as visible markers, judged in the whole text's context;
            // a zero-width joiner that builds an emoji stays as it is.
            if (c >= '\u00A0' && html)
            {
                if (VisibleText.InvisibleAt(text, i, out var invisible))
                {
                    sb.Append(VisibleText.Marker(VisibleText.CodePointAt(text, i)));
                    i += invisible;
                    continue;
                }

                if (c == '\u200D')
                {
                    sb.Append(c);
                    i++;
                    continue;
                }
            }

            var next = i + 1;
            if (char.IsHighSurrogate(c) && next < end && char.IsLowSurrogate(text[next]))
            {
                next++;
            }

            AppendText(sb, text.AsSpan(i, next - i), html);
            i = next;
        }
    }

    private static void AppendText(StringBuilder sb, ReadOnlySpan<char> text, bool html)
    {
        if (html)
        {
            Markup.Append(sb, text);
        }
        else
        {
            sb.Append(text);
        }
    }

    /// <summary>Which characters of <paramref name="text"/> are markup: tags, comments, and script/style elements whole.</summary>
    /// <returns>null when the text has no markup.</returns>
    public static bool[]? HiddenMarkup(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool[]? hidden = null;
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0 && i < text.Length; i = text.IndexOf('<', i + 1))
        {
            var end = MarkupEnd(text, i);
            if (end <= i)
            {
                continue;
            }

            hidden ??= new bool[text.Length];
            Array.Fill(hidden, true, i, end - i);
            i = end - 1;
        }

        return hidden;
    }

    /// <summary>The end (exclusive) of the tag, comment or script/style element starting at <paramref name="i"/>, or -1.</summary>
    private static int MarkupEnd(string s, int i)
    {
        if (i + 1 >= s.Length)
        {
            return -1;
        }

        if (string.CompareOrdinal(s, i, "<!--", 0, 4) == 0)
        {
            var close = s.IndexOf("-->", i + 4, StringComparison.Ordinal);
            return close < 0 ? -1 : close + 3;
        }

        var next = s[i + 1];
        if (!(char.IsAsciiLetter(next) || next == '/' || next == '!' || next == '?'))
        {
            return -1;
        }

        var limit = Math.Min(s.Length, i + MaxTagLength);
        var j = i + 1;
        while (j < limit && s[j] != '>' && s[j] != '<')
        {
            j++;
        }

        if (j >= limit || s[j] != '>')
        {
            return -1;
        }

        var name = TagName(s, i, j + 1);
        if (next != '/' && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
        {
            var close = s.IndexOf("</" + name, j + 1, StringComparison.OrdinalIgnoreCase);
            if (close >= 0)
            {
                var closeEnd = s.IndexOf('>', close);
                return closeEnd < 0 ? s.Length : closeEnd + 1;
            }
        }

        return j + 1;
    }

    private static string TagName(string s, int start, int end)
    {
        var nameStart = start + 1;
        if (nameStart < end && s[nameStart] == '/')
        {
            nameStart++;
        }

        var nameEnd = nameStart;
        while (nameEnd < end && char.IsAsciiLetterOrDigit(s[nameEnd]))
        {
            nameEnd++;
        }

        return s[nameStart..nameEnd];
    }

    private static bool IsBlockTag(string text, int start, int end) =>
        text[start] == '<' && BlockTags.Contains(TagName(text, start, end));

    private static bool WordEdge(string text, int i) => i < 0 || i >= text.Length || !char.IsLetterOrDigit(text[i]);

    private static bool TryDecodeEntity(string text, int i, int end, out string decoded, out int length)
    {
        decoded = "";
        length = 0;
        var semi = text.IndexOf(';', i + 1, Math.Min(12, end - i - 1));
        if (semi < 0)
        {
            return false;
        }

        var body = text.AsSpan(i + 1, semi - i - 1);
        length = semi - i + 1;
        if (body.Length > 1 && body[0] == '#')
        {
            var hex = body[1] is 'x' or 'X';
            var digits = hex ? body[2..] : body[1..];
            if (int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
            {
                decoded = char.ConvertFromUtf32(code);
                return true;
            }

            return false;
        }

        decoded = body switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => "\u00A0",
            _ => "",
        };
        return decoded.Length > 0;
    }
}
