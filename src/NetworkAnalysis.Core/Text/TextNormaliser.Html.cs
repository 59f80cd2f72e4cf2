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
    private static bool TrySkipMarkup(string s, int i, ref HtmlScanState state, out int end, out bool block)
    {
        end = i;
        block = true;
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
        if (next != '/' && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
        {
            var close = FindCached(s, "</" + name.ToString().ToLowerInvariant(), end, ref state.ScriptEndSearchedFrom, ref state.ScriptEnd);
            if (close >= 0)
            {
                var closeEnd = s.IndexOf('>', close);
                end = closeEnd < 0 ? s.Length : closeEnd + 1;
            }
        }

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
