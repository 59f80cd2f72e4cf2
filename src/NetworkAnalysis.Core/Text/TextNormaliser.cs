namespace NetworkAnalysis.Core.Text;

/// <summary>Turns hostile ad text into a clean form for extraction while keeping a map back to the original.</summary>
/// <remarks>
/// One pass over the text: HTML tags are dropped (block tags become a space), HTML entities decoded,
/// zero-width, bidi and variation-selector characters removed (so keycap emoji such as 5️⃣ become their digit),
/// decorated and compatibility characters folded through <see cref="CharacterFolding"/> (a table derived from
/// Unicode's data: every digit form becomes an ASCII digit, decorated letters ASCII letters, look-alike
/// punctuation ASCII punctuation), other characters go through NFKC, Unicode spaces become a space
/// and dashes a hyphen. Spelled digits are read later by <see cref="DigitRunScanner"/> because they are
/// only digits in digit context. Pure ASCII text without markup is returned as is without copying.
/// Thread-safe; never throws on any string, including lone surrogates.
/// </remarks>
public static partial class TextNormaliser
{
    /// <summary>Normalises <paramref name="text"/>.</summary>
    public static NormalisedText Normalise(string text)
    {
        return Normalise(text ?? "", scripts: true);
    }

    /// <summary>Normalises; <paramref name="scripts"/> says whether inline script text is read for assembled strings
    /// (false for text that was itself assembled from a script, so nesting stays one level deep).</summary>
    private static NormalisedText Normalise(string text, bool scripts)
    {
        if (!NeedsWork(text))
        {
            return new NormalisedText(text, text, null, null);
        }

        var builder = new Builder(text.Length);
        Run(text, ref builder, scripts);
        return builder.Build(text);
    }

    private static bool NeedsWork(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80 || c == '<' || c == '&')
            {
                return true;
            }
        }

        return false;
    }

    private static void Run(string s, ref Builder b, bool scripts)
    {
        var html = new HtmlScanState();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            // '<' and '&' that start nothing are kept as written; handled here so that c is not live across the calls
            // (the JIT then keeps it in a register instead of storing it for every character).
            if (c == '<')
            {
                if (TryMarkup(s, i, ref html, ref b, scripts, out var markupEnd))
                {
                    i = markupEnd;
                    continue;
                }

                b.Append('<', i, i + 1);
                i++;
                continue;
            }

            if (c == '&')
            {
                if (TryDecodeEntity(s, i, out var entityEnd, out var entity))
                {
                    AppendCodePoint(ref b, entity, i, entityEnd);
                    i = entityEnd;
                    continue;
                }

                b.Append('&', i, i + 1);
                i++;
                continue;
            }

            if (c < 0x80)
            {
                b.Append(c, i, i + 1);
                i++;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                AppendCodePoint(ref b, char.ConvertToUtf32(c, s[i + 1]), i, i + 2);
                i += 2;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                // A lone surrogate is invalid UTF-16 (often from broken UTF-8 decoding): treat it as a break.
                b.Append(' ', i, i + 1);
                i++;
                continue;
            }

            AppendCodePoint(ref b, c, i, i + 1);
            i++;
        }
    }

    /// <summary>Skips markup at <paramref name="i"/>, appending what it stands for: a space for a block tag, the address of
    /// a "mailto:" link, the strings a script assembles (never executed). Kept out of <see cref="Run"/>'s loop so the
    /// per-character path stays small.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool TryMarkup(string s, int i, ref HtmlScanState html, ref Builder b, bool scripts, out int markupEnd)
    {
        if (!TrySkipMarkup(s, i, ref html, out markupEnd, out var block, out var tagEnd, out var scriptEnd))
        {
            return false;
        }

        if (block)
        {
            b.Append(' ', i, markupEnd);
        }

        AppendMailto(s, i, tagEnd, ref b);
        if (scripts && scriptEnd > tagEnd)
        {
            AppendScriptStrings(s, tagEnd, scriptEnd, ref b);
        }

        return true;
    }

    /// <summary>Growable char buffer with the start/end map, without per-character allocation.</summary>
    private struct Builder
    {
        private char[] _chars;
        private int[] _starts;
        private int[] _ends;
        private int _length;

        public Builder(int capacity)
        {
            capacity = Math.Max(16, capacity);
            _chars = new char[capacity];
            _starts = new int[capacity];
            _ends = new int[capacity];
            _length = 0;
        }

        public void Append(char c, int start, int end)
        {
            if (_length == _chars.Length)
            {
                var size = _chars.Length * 2;
                Array.Resize(ref _chars, size);
                Array.Resize(ref _starts, size);
                Array.Resize(ref _ends, size);
            }

            _chars[_length] = c;
            _starts[_length] = start;
            _ends[_length] = end;
            _length++;
        }

        public readonly NormalisedText Build(string original)
        {
            var text = new string(_chars, 0, _length);
            if (text.Length == original.Length && string.Equals(text, original, StringComparison.Ordinal))
            {
                return new NormalisedText(original, original, null, null);
            }

            // The map arrays may be longer than the text; NormalisedText reads only the first Text.Length entries.
            return new NormalisedText(original, text, _starts, _ends);
        }
    }
}
