namespace NetworkAnalysis.Core.Extraction.Emails;

/// <summary>Canonical linking form of an e-mail address.</summary>
/// <remarks>Lower case; for Gmail (gmail.com, googlemail.com) dots and a "+tag" in the local part are dropped
/// and the domain becomes gmail.com, because Gmail delivers all those forms to the same mailbox.</remarks>
internal static class EmailCanonicaliser
{
    public static string Canonicalise(string local, string domain)
    {
        var l = local.ToLowerInvariant();
        var d = domain.ToLowerInvariant();
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
