namespace NetworkAnalysis.Reporting.Text;

/// <summary>Repairs hostile strings for encoders that reject ill-formed UTF-16 (JSON, UTF-8 files).</summary>
internal static class Utf16
{
    /// <summary>Replaces lone surrogates with U+FFFD; returns the same instance when the string is well formed.</summary>
    public static string Scrub(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "";
        }

        char[]? copy = null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                copy ??= s.ToCharArray();
                copy[i] = '\uFFFD';
            }
        }

        return copy is null ? s : new string(copy);
    }
}
