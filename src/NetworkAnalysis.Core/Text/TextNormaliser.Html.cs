using System.Collections.Frozen;

namespace NetworkAnalysis.Core.Text;

public static partial class TextNormaliser
{
    private const int MaxTagLength = 2048;

    // Inline tags vanish (so "555<b>0143</b>" stays one group); every other tag becomes a space.
    private static readonly FrozenSet<string> InlineTags = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "a", "abbr", "b", "big", "code", "em", "font", "i", "mark", "s", "small", "span", "strike", "strong", "sub", "sup", "tt", "u", "wbr");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InlineTagLookup =
        InlineTags.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Positions remembered across one normalisation so unterminated comments or scripts stay linear.</summary>
    private struct HtmlScanState
    {
        public int CommentEndSearchedFrom;
        public int CommentEnd;
        public int ScriptEndSearchedFrom;
        public int ScriptEnd;
        public bool Initialised;
    }

    /// <summary>Recognises a tag, comment or script/style element starting at <paramref name="i"/> ('&lt;').</summary>
    /// <param name="s">The text.</param>
    /// <param name="i">Where the '&lt;' is.</param>
    /// <param name="state">Search positions kept across calls.</param>
    /// <param name="end">Where the markup (a whole script or style element) ends.</param>
    /// <param name="block">Whether the markup separates words.</param>
    /// <param name="tagEnd">Where the opening tag ends.</param>
    /// <param name="scriptEnd">Where a script element's text ends (its closing tag), or -1.</param>
    private static bool TrySkipMarkup(string s, int i, ref HtmlScanState state, out int end, out bool block, out int tagEnd, out int scriptEnd)
    {
        end = i;
        block = true;
        tagEnd = i;
        scriptEnd = -1;
        if (!state.Initialised)
        {
            state = new HtmlScanState { CommentEndSearchedFrom = -1, CommentEnd = -1, ScriptEndSearchedFrom = -1, ScriptEnd = -1, Initialised = true };
        }

        if (i + 1 >= s.Length)
        {
            return false;
        }

        var next = s[i + 1];
        if (next == '!' && string.CompareOrdinal(s, i, "<!--", 0, 4) == 0)
        {
            var close = FindCached(s, "-->", i + 4, ref state.CommentEndSearchedFrom, ref state.CommentEnd);
            if (close < 0)
            {
                return false;
            }

            end = close + 3;
            return true;
        }

        if (!(char.IsAsciiLetter(next) || next == '/' || next == '!' || next == '?'))
        {
            return false;
        }

        // Scan to '>' but stop at the next '<' or a length cap: each character is scanned at most twice.
        var limit = Math.Min(s.Length, i + MaxTagLength);
        var j = i + 1;
        while (j < limit && s[j] != '>' && s[j] != '<')
        {
            j++;
        }

        if (j >= limit || s[j] != '>')
        {
            return false;
        }

        var nameStart = next == '/' ? i + 2 : i + 1;
        var nameEnd = nameStart;
        while (nameEnd < j && char.IsAsciiLetterOrDigit(s[nameEnd]))
        {
            nameEnd++;
        }

        var name = s.AsSpan(nameStart, nameEnd - nameStart);
        block = !InlineTagLookup.Contains(name);
        end = j + 1;
        tagEnd = end;
        if (next != '/' && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
        {
            var close = FindCached(s, "</" + name.ToString().ToLowerInvariant(), end, ref state.ScriptEndSearchedFrom, ref state.ScriptEnd);
            if (close >= 0)
            {
                var closeEnd = s.IndexOf('>', close);
                end = closeEnd < 0 ? s.Length : closeEnd + 1;
                if (name.Length == 6)
                {
                    scriptEnd = close;
                }
            }
        }

        return true;
    }

    /// <summary>Appends the address of a "mailto:" link in the tag [<paramref name="start"/>, <paramref name="end"/>),
    /// between spaces, each character mapped to where it is written (entities and %XX escapes decoded).</summary>
    private static void AppendMailto(string s, int start, int end, ref Builder b)
    {
        var tag = s.AsSpan(start, end - start);

        // Most tags ("<p>", "</b>") hold none of the characters a mailto: link needs; this check keeps them cheap.
        if (tag.IndexOfAny(':', '&', '%') < 0)
        {
            return;
        }

        var at = tag.IndexOf("mailto:", StringComparison.OrdinalIgnoreCase);
        int p;
        if (at >= 0)
        {
            p = start + at + 7;
        }
        else if (!TryEncodedMailto(s, start, end, out p))
        {
            return;
        }

        b.Append(' ', p - 1, p);
        while (p < end && s[p] is not ('"' or '\'' or '>' or '?' or ' ' or '\t' or '\n' or '\r' or '<'))
        {
            var c = s[p];
            if (c == '&' && TryDecodeEntity(s, p, out var entityEnd, out var cp))
            {
                AppendCodePoint(ref b, cp, p, entityEnd);
                p = entityEnd;
            }
            else if (c == '%' && p + 2 < end && char.IsAsciiHexDigit(s[p + 1]) && char.IsAsciiHexDigit(s[p + 2]) && s[p + 1] <= '7')
            {
                b.Append((char)((HexValue(s[p + 1]) * 16) + HexValue(s[p + 2])), p, p + 3);
                p += 3;
            }
            else if (char.IsSurrogate(c))
            {
                break;
            }
            else
            {
                AppendCodePoint(ref b, c, p, p + 1);
                p++;
            }
        }

        b.Append(' ', p - 1, p);
    }

    /// <summary>An href whose "mailto:" is itself written with character references or %XX escapes ("&amp;#109;ailto:");
    /// <paramref name="p"/> is where the address starts.</summary>
    private static bool TryEncodedMailto(string s, int start, int end, out int p)
    {
        p = start;
        var tag = s.AsSpan(start, end - start);
        var href = tag.IndexOf("href=", StringComparison.OrdinalIgnoreCase);
        if (href < 0 || tag.IndexOfAny('&', '%') < 0)
        {
            return false;
        }

        var k = start + href + 5;
        if (k < end && s[k] is '"' or '\'')
        {
            k++;
        }

        const string Scheme = "mailto:";
        foreach (var expected in Scheme)
        {
            if (k >= end)
            {
                return false;
            }

            int c;
            if (s[k] == '&' && TryDecodeEntity(s, k, out var entityEnd, out c))
            {
                k = entityEnd;
            }
            else if (s[k] == '%' && k + 2 < end && char.IsAsciiHexDigit(s[k + 1]) && char.IsAsciiHexDigit(s[k + 2]))
            {
                c = (HexValue(s[k + 1]) * 16) + HexValue(s[k + 2]);
                k += 3;
            }
            else
            {
                c = s[k++];
            }

            if ((c is >= 'A' and <= 'Z' ? c | 0x20 : c) != expected)
            {
                return false;
            }
        }

        p = k;
        return true;
    }

    /// <summary>IndexOf that remembers its last answer so repeated searches over hostile input stay linear.</summary>
    private static int FindCached(string s, string needle, int from, ref int searchedFrom, ref int found)
    {
        if (searchedFrom >= 0 && from >= searchedFrom && (found < 0 || found >= from))
        {
            return found;
        }

        searchedFrom = from;
        found = s.IndexOf(needle, from, StringComparison.OrdinalIgnoreCase);
        return found;
    }
}
