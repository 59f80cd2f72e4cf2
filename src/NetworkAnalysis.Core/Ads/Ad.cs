namespace NetworkAnalysis.Core.Ads;

/// <summary>One classified ad as read from an input file, before any extraction.</summary>
/// <remarks>
/// An ad is identified by (<see cref="Site"/>, <see cref="Id"/>). <see cref="Text"/> is the text every
/// mention span indexes: the title, a newline, then the body (raw, possibly HTML), so spans can be
/// shown against exactly what the poster wrote.
/// </remarks>
public sealed record Ad
{
    /// <summary>The ad's identifier on its site (required, unique per site).</summary>
    public required string Id { get; init; }

    /// <summary>The site the ad was posted on; empty when the input does not say.</summary>
    public string Site { get; init; } = "";

    /// <summary>When the ad was posted, if known.</summary>
    public DateTimeOffset? PostedAt { get; init; }

    /// <summary>City named by the ad's listing.</summary>
    public string? City { get; init; }

    /// <summary>Region or state.</summary>
    public string? Region { get; init; }

    /// <summary>ISO 3166 alpha-2 country, upper case; the default region for phone numbers.</summary>
    public string? Country { get; init; }

    /// <summary>Ad title.</summary>
    public string? Title { get; init; }

    /// <summary>Ad body, plain text or HTML.</summary>
    public string? Body { get; init; }

    /// <summary>The site account that posted the ad, if known.</summary>
    public string? Poster { get; init; }

    /// <summary>Image file paths (relative to the input file) or URLs kept as text.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>Canonical URLs of photos known only by URL (see <see cref="Html.PhotoUrls"/>): each is an identifier.</summary>
    public IReadOnlyList<string> ImageUrls { get; init; } = [];

    /// <summary>Precomputed image hashes such as <c>sha256:…</c> or <c>phash:…</c>.</summary>
    public IReadOnlyList<string> ImageHashes { get; init; } = [];

    /// <summary>Stated price, in the ad's currency.</summary>
    public decimal? Price { get; init; }

    /// <summary>Stated age in years.</summary>
    public int? Age { get; init; }

    /// <summary>Input columns the schema does not know, kept as they were.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The raw input row (CSV line or JSON object) for provenance.</summary>
    public string RawRow { get; init; } = "";

    /// <summary>1-based line in the source file where the row starts; 0 when not from a file.</summary>
    public int Line { get; init; }

    /// <summary>The text that mention spans index: title, newline, body.</summary>
    public string Text => ComposeText(Title, Body);

    /// <summary>Key used for identity: site and id joined by a slash (just the id when the site is empty).</summary>
    public string Key => AdKey.Format(Site, Id);

    /// <summary>Composes the span-indexed text from a title and a body.</summary>
    public static string ComposeText(string? title, string? body) =>
        string.IsNullOrEmpty(title) ? body ?? "" : string.IsNullOrEmpty(body) ? title : title + "\n" + body;
}
