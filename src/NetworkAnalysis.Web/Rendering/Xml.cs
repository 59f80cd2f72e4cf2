using System.Text;

namespace NetworkAnalysis.Web.Rendering;

/// <summary>Escaping for text put into SVG, XML and HTML: hostile ad text must stay text.</summary>
internal static class Xml
{
    /// <summary>Escapes &amp; &lt; &gt; " ' and replaces characters XML 1.0 forbids with U+FFFD.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in Clean(text))
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Replaces characters that XML 1.0 forbids (controls other than tab/newline, lone surrogates, U+FFFE/F).</summary>
    public static string Clean(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
                continue;
            }

            if ((c < 0x20 && c is not '\t' and not '\n' and not '\r') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
