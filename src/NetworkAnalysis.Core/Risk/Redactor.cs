namespace NetworkAnalysis.Core.Risk;

/// <summary>Masks identifiers for <c>--redact</c> output, keeping only the last 2-4 letters or digits.</summary>
/// <remarks>
/// Only letters and digits are masked; punctuation and spaces stay, so a masked string has the same length
/// as the original and spans computed on the original still apply. Values of 3 or fewer letters/digits are
/// masked entirely.
/// </remarks>
public static class Redactor
{
    /// <summary>The masking character.</summary>
    public const char MaskChar = '*';

    /// <summary>Masks <paramref name="value"/>, keeping its last 2-4 letters/digits (see <see cref="VisibleCount"/>).</summary>
    public static string Mask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var chars = value.ToCharArray();
        MaskInPlace(chars);
        return new string(chars);
    }

    /// <summary>Masks the span [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/> in place.</summary>
    public static void MaskInPlace(Span<char> text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        MaskInPlace(text[start..end]);
    }

    /// <summary>Number of trailing letters/digits left visible for a value with <paramref name="alphanumerics"/> of them.</summary>
    /// <remarks>0 for up to 3, 2 for 4-5, 3 for 6-8, 4 for 9 or more, so at least half is always masked.</remarks>
    public static int VisibleCount(int alphanumerics) => alphanumerics switch
    {
        <= 3 => 0,
        <= 5 => 2,
        <= 8 => 3,
        _ => 4,
    };

    private static void MaskInPlace(Span<char> chars)
    {
        var total = 0;
        foreach (var c in chars)
        {
            total += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        var toMask = total - VisibleCount(total);
        for (var i = 0; i < chars.Length && toMask > 0; i++)
        {
            if (char.IsLetterOrDigit(chars[i]))
            {
                chars[i] = MaskChar;
                toMask--;
            }
        }
    }
}
