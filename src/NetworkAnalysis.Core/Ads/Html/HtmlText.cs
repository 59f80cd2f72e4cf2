using System.Text;
using AngleSharp.Dom;

namespace NetworkAnalysis.Core.Ads.Html;

/// <summary>Text of HTML elements and pages: decoding bytes with a charset that may lie, and element text with line breaks.</summary>
public static class HtmlText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "header", "footer", "blockquote", "pre", "dd", "dt", "dl",
    };

    static HtmlText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes page bytes: a BOM wins; then bytes that are valid UTF-8 with non-ASCII text are UTF-8 whatever the
    /// header says (a Latin-1 page is almost never valid UTF-8, so such a header lies); then the declared charset (HTTP
    /// header, then <c>&lt;meta charset&gt;</c>); then Windows-1252.</summary>
    /// <param name="bytes">The page.</param>
    /// <param name="declaredCharset">The charset of the HTTP Content-Type header, if any.</param>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset)
    {
        if (bytes.StartsWith("\xEF\xBB\xBF"u8))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        var strictUtf8 = new UTF8Encoding(false, true);
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // Pure ASCII decodes the same in every charset we accept; valid UTF-8 with multi-byte sequences is UTF-8.
            return strictUtf8.GetString(bytes);
        }

        var charset = declaredCharset ?? MetaCharset(bytes);
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Encoding.GetEncoding(charset).GetString(bytes);
            }
            catch (ArgumentException)
            {
                // An unknown charset name: fall through.
            }
        }

        // Invalid UTF-8 (or a lying utf-8 label): Windows-1252, the web's default for legacy pages.
        return Encoding.GetEncoding(1252).GetString(bytes);
    }

    /// <summary>The charset parameter of a Content-Type value, or null.</summary>
    public static string? CharsetOf(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        foreach (var part in contentType.Split(';'))
        {
            var p = part.Trim();
            if (p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                return p[8..].Trim().Trim('"', '\'');
            }
        }

        return null;
    }

    private static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var i = head.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (i < 0)
        {
            return null;
        }

        var rest = head[(i + 8)..].TrimStart('"', '\'', ' ');
        var end = 0;
        while (end < rest.Length && (char.IsAsciiLetterOrDigit(rest[end]) || rest[end] is '-' or '_'))
        {
            end++;
        }

        return end == 0 ? null : rest[..end];
    }

    /// <summary>An element's text: text nodes as written, a line break for <c>&lt;br&gt;</c> and around block elements, trimmed.</summary>
    /// <remarks>Iterative, so a page nested 100,000 deep cannot overflow the stack.</remarks>
    public static string Of(INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var text = new StringBuilder();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((node, false));
        while (stack.Count > 0)
        {
            var (current, exit) = stack.Pop();
            if (current is IElement element && (element.LocalName is "script" or "style" or "noscript" or "template"))
            {
                continue;
            }

            var block = current is IElement e && BlockTags.Contains(e.LocalName) && current != node;
            if (exit)
            {
                if (block)
                {
                    NewLine(text);
                }

                continue;
            }

            if (current is IText t)
            {
                text.Append(t.Data);
                continue;
            }

            if (block)
            {
                NewLine(text);
            }

            stack.Push((current, true));
            for (var child = current.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push((child, false));
            }
        }

        return text.ToString().Trim();
    }

    private static void NewLine(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }
}
