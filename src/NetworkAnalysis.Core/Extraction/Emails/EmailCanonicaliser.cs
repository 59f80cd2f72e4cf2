namespace NetworkAnalysis.Core.Extraction.Emails;

/// <summary>Canonical linking form of an e-mail address.</summary>
/// <remarks>Lower case, without the munging words NOSPAM/REMOVEME and a ".invalid" suffix; for Gmail (gmail.com, googlemail.com) dots and a "+tag" in the local part are dropped
/// and the domain becomes gmail.com, because Gmail delivers all those forms to the same mailbox.</remarks>
internal static class EmailCanonicaliser
{
    public static string Canonicalise(string local, string domain)
    {
        // Munging instructions written into the address: "mia@exampleNOSPAM.com.invalid", "miaREMOVEME@example.com".
        var l = local.Replace("NOSPAM", "", StringComparison.Ordinal).Replace("REMOVEME", "", StringComparison.Ordinal).ToLowerInvariant();
        var d = domain.ToLowerInvariant();
        if (d.EndsWith(".invalid", StringComparison.Ordinal) && d.Length > 8)
        {
            d = d[..^8];
        }

        d = d.Replace("nospam", "", StringComparison.Ordinal).Replace("removeme", "", StringComparison.Ordinal).Replace("..", ".", StringComparison.Ordinal).Trim('.');
        if (l.Length == 0 || d.Length == 0)
        {
            l = local.ToLowerInvariant();
            d = domain.ToLowerInvariant();
        }

        if (d is "gmail.com" or "googlemail.com")
        {
            var plus = l.IndexOf('+', StringComparison.Ordinal);
            if (plus >= 0)
            {
                l = l[..plus];
            }

            l = l.Replace(".", "", StringComparison.Ordinal);
            d = "gmail.com";
        }

        return l + "@" + d;
    }
}
