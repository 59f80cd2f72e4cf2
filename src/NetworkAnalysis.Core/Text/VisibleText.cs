using System.Globalization;
using System.Text;

namespace NetworkAnalysis.Core.Text;

/// <summary>Makes what text hides visible to the person reading it: invisible formatting characters become markers such
/// as <c>⟦U+202E⟧</c>, and (for a terminal) control characters become escapes such as <c>\x1B</c>.</summary>
/// <remarks>
/// A right-to-left override (U+202E) makes <c>Pay 702-555-0911</c> read as another number; zero-width characters split
/// a handle invisibly. Every human-readable output (report, charts, workbench, terminal) shows such characters as
/// markers; the case keeps the raw text as evidence. Invisible means Unicode category Cf (format: bidirectional
/// controls, zero-width space, joiners, word joiner, soft hyphen, BOM, tag characters ...) plus the few other characters
/// that draw nothing (combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian selectors). A
/// zero-width joiner between two emoji is left alone: it builds one emoji and hides nothing. The workbench's script
/// (<c>wwwroot/js/dom.js</c>, <c>visible</c>) applies the same rule in the browser.
/// </remarks>
public static class VisibleText
{
    /// <summary>Whether code point <paramref name="cp"/> is an invisible formatting character (see remarks of the type).</summary>
    public static bool IsInvisible(int cp) => cp switch
    {
        0x34F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0 => true,
        >= 0x180B and <= 0x180F => true,
        < 0xA0 => false,
        _ => cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF) && CharUnicodeInfo.GetUnicodeCategory(cp) == UnicodeCategory.Format,
    };

    /// <summary>The marker shown in place of code point <paramref name="cp"/>, e.g. <c>⟦U+202E⟧</c>.</summary>
    public static string Marker(int cp) => "⟦U+" + cp.ToString("X4", CultureInfo.InvariantCulture) + "⟧";

    /// <summary>Whether <paramref name="text"/> holds a character <see cref="Show"/> would replace.</summary>
    public static bool HasInvisible(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (InvisibleAt(text, i, out var length))
            {
                return true;
            }

            i += length - 1;
        }

        return false;
    }

    /// <summary><paramref name="text"/> with every invisible formatting character replaced by its marker.</summary>
    public static string Show(string? text)
    {
        if (string.IsNullOrEmpty(text) || !HasInvisible(text))
        {
            return text ?? "";
        }

        var sb = new StringBuilder(text.Length + 16);
        Append(sb, text);
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/> to <paramref name="sb"/> with invisible formatting characters as markers.</summary>
    public static void Append(StringBuilder sb, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(sb);
        var i = 0;
        while (i < text.Length)
        {
            if (InvisibleAt(text, i, out var length))
            {
                sb.Append(Marker(CodePointAt(text, i)));
            }
            else
            {
                sb.Append(text.Slice(i, length));
            }

            i += length;
        }
    }

    /// <summary><paramref name="text"/> safe for a terminal: invisible characters as markers, control characters (C0, DEL,
    /// C1: escape sequences, bells, carriage returns) as visible escapes such as <c>\x1B</c> or <c>\u009B</c>.</summary>
    /// <param name="text">Text taken from input (ad fields, file names, messages that quote them).</param>
    /// <param name="keepLineBreaks">Keep line feeds and tabs (multi-line output); otherwise they are escaped too.</param>
    public static string ForTerminal(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        StringBuilder? sb = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            string? replacement = null;
            var length = 1;
            if (char.IsControl(c) && !(keepLineBreaks && c is '\n' or '\t'))
            {
                replacement = c < 0x80 ? "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            }
            else if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
            {
                replacement = "\uFFFD";
            }
            else if (InvisibleAt(text, i, out length))
            {
                replacement = Marker(CodePointAt(text, i));
            }

            if (replacement is not null)
            {
                sb ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                sb.Append(replacement);
            }
            else
            {
                sb?.Append(text, i, length);
            }

            i += length;
        }

        return sb?.ToString() ?? text;
    }

    /// <summary><paramref name="text"/> without its invisible formatting characters (for identifiers: a handle written with a
    /// zero-width space inside is the same handle).</summary>
    public static string RemoveInvisible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasInvisible(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!InvisibleAt(text, i, out var length))
            {
                sb.Append(text, i, length);
            }

            i += length;
        }

        return sb.ToString();
    }

    /// <summary>Whether the character at <paramref name="i"/> of <paramref name="text"/> (read in its context: a joiner between
    /// emoji is not invisible) is shown as a marker; <paramref name="length"/> is its length in UTF-16 units.</summary>
    public static bool InvisibleAt(ReadOnlySpan<char> text, int i, out int length)
    {
        var c = text[i];
        length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        if (c < 0xA0)
        {
            return false;
        }

        var cp = length == 2 ? char.ConvertToUtf32(c, text[i + 1]) : c;
        if (!IsInvisible(cp) || (length == 1 && char.IsSurrogate(c)))
        {
            return false;
        }

        // A zero-width joiner between two emoji builds one emoji (family, profession): nothing is hidden.
        return !(cp == 0x200D && IsEmojiPart(CodePointBefore(text, i)) && IsEmojiPart(CodePointAt(text, i + 1)));
    }

    private static int CodePointBefore(ReadOnlySpan<char> text, int i) =>
        i <= 0 ? -1
        : i >= 2 && char.IsLowSurrogate(text[i - 1]) && char.IsHighSurrogate(text[i - 2]) ? char.ConvertToUtf32(text[i - 2], text[i - 1])
        : text[i - 1];

    /// <summary>The code point at <paramref name="i"/> (a lone surrogate as itself), or -1 past the end.</summary>
    public static int CodePointAt(ReadOnlySpan<char> text, int i) =>
        i >= text.Length ? -1
        : i + 1 < text.Length && char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]) ? char.ConvertToUtf32(text[i], text[i + 1])
        : text[i];

    /// <summary>Pictographs, symbols, emoji modifiers and the emoji presentation selector.</summary>
    private static bool IsEmojiPart(int cp) => cp is (>= 0x2190 and <= 0x2BFF) or (>= 0x1F000 and <= 0x1FAFF) or 0xFE0F;
}
