using NetworkAnalysis.Core.Text;

namespace NetworkAnalysis.Core.Ads;

/// <summary>The canonical identifier of a poster account: the ad's site and its <c>poster</c> field, normalised like the
/// identifiers found in ad text.</summary>
public static class PosterAccount
{
    /// <summary><c>site:poster</c> folded as ad text is for extraction (<see cref="TextNormaliser"/>: compatibility and
    /// decorated characters, NFKC), without invisible formatting characters (a zero-width space inside <c>anna99</c>
    /// makes no second account), trimmed and lower-cased.</summary>
    /// <returns>null when the poster field is empty once normalised.</returns>
    public static string? Canonical(string? site, string? poster)
    {
        var name = Clean(poster);
        return name.Length == 0 ? null : (Clean(site) + ":" + name).ToLowerInvariant();
    }

    private static string Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "" : VisibleText.RemoveInvisible(TextNormaliser.Normalise(value).Text).Trim();
}
