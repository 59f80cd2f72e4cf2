namespace NetworkAnalysis.Core.Ads;

/// <summary>Formats and parses the textual key of an ad: <c>site/id</c>, or <c>id</c> when the site is empty.</summary>
public static class AdKey
{
    /// <summary>Formats an ad key.</summary>
    public static string Format(string site, string id) => string.IsNullOrEmpty(site) ? id : site + "/" + id;
}
