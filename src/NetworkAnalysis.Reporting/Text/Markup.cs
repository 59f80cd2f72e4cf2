using System.Text;
using NetworkAnalysis.Core.Text;

namespace NetworkAnalysis.Reporting.Text;

/// <summary>Escapes hostile text for HTML and XML (SVG, GraphML, GEXF), in element content and quoted attributes.</summary>
/// <remarks>
/// Encodes <c>&amp; &lt; &gt; " '</c> and drops characters XML 1.0 forbids (C0 controls other than tab, newline and
/// carriage return, lone surrogates, U+FFFE and U+FFFF), so a hostile ad can neither close a tag nor make the
/// document unparseable. Invisible formatting characters (bidirectional controls, zero-width characters: see
/// <see cref="VisibleText"/>) are written as visible markers such as <c>⟦U+202E⟧</c>, so what a reader sees is what the text holds.
/// </remarks>
public static class Markup
{
    /// <summary>Escapes <paramref name="text"/> for element content or a double- or single-quoted attribute.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!NeedsEscaping(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        Append(sb, text);
        return sb.ToString();
    }

    /// <summary>Appends the escaped form of <paramref name="text"/> to <paramref name="sb"/>.</summary>
    public static void Append(StringBuilder sb, ReadOnlySpan<char> text)
    {
        if (VisibleText.HasInvisible(text))
        {
            text = VisibleText.Show(text.ToString());
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (IsAllowed(c))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }
    }

    /// <summary>Removes characters XML 1.0 forbids, without escaping (for writers such as XmlWriter that escape themselves).</summary>
    public static string StripInvalidXmlChars(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (IsAllowed(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' or '"' or '\'' || !IsAllowed(c))
            {
                return true;
            }
        }

        return VisibleText.HasInvisible(text);
    }
}
