using System.Text;

namespace NetworkAnalysis.Reporting.Text;

/// <summary>Masks identifiers (phones, e-mails, handles) for reports shared beyond the investigating team.</summary>
public static class IdentifierMasker
{
    /// <summary>The character that replaces hidden characters.</summary>
    public const char MaskChar = '•';

    /// <summary>Keeps the first two and last two characters and replaces the rest with at most six <see cref="MaskChar"/>s.</summary>
    /// <remarks>
    /// Values of six characters or fewer are masked completely except the first one, so short handles do not leak.
    /// The mask has a fixed maximum width, so it also hides the value's length (and long hashes stay short).
    /// </remarks>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value.Length <= 6)
        {
            return value[0] + new string(MaskChar, value.Length - 1);
        }

        var sb = new StringBuilder(value.Length);
        sb.Append(value, 0, 2);
        sb.Append(MaskChar, Math.Min(6, value.Length - 4));
        sb.Append(value, value.Length - 2, 2);
        return sb.ToString();
    }

    /// <summary>Returns <paramref name="value"/> as it is when <paramref name="show"/> is true, otherwise <see cref="Mask"/>.</summary>
    public static string MaskUnless(string? value, bool show) => show ? value ?? "" : Mask(value);
}
