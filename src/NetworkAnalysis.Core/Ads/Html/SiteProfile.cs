namespace NetworkAnalysis.Core.Ads.Html;

/// <summary>How to read the ad pages of one site: a CSS selector (with optional attribute, pattern and format) per field.</summary>
/// <remarks>Loaded from YAML by <see cref="SiteProfileParser"/>; <see cref="HtmlAdExtractor"/> applies it.</remarks>
public sealed record SiteProfile
{
    /// <summary>The profile's name, also the ads' <c>site</c> unless <see cref="Site"/> says otherwise.</summary>
    public required string Name { get; init; }

    /// <summary>The site name written into the ads; defaults to <see cref="Name"/>.</summary>
    public string? Site { get; init; }

    /// <summary>Hosts whose pages this profile reads (exact, or a suffix starting with a dot).</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>A selector that matches only this site's ad pages: picks the profile for a saved page with no URL.</summary>
    public string? Detect { get; init; }

    /// <summary>The ad's ID on the site.</summary>
    public FieldRule? AdId { get; init; }

#pragma warning disable CS1591 // the field names say it all; see docs/ingest.md
    public FieldRule? Title { get; init; }
    public FieldRule? Body { get; init; }
    public FieldRule? Posted { get; init; }
    public FieldRule? City { get; init; }
    public FieldRule? Region { get; init; }
    public FieldRule? Country { get; init; }
    public FieldRule? Age { get; init; }
    public FieldRule? Price { get; init; }
    public FieldRule? Poster { get; init; }
#pragma warning restore CS1591

    /// <summary>Photo elements; the attribute (default <c>src</c>, then <c>data-src</c>, <c>href</c>) holds the URL.</summary>
    public FieldRule? Photos { get; init; }

    /// <summary>Photo URL rules of the image hosts this site uses.</summary>
    public IReadOnlyList<ImageHostRule> ImageHosts { get; init; } = [];

    /// <summary>Query parameters dropped from every photo URL (tracking), besides the common <c>utm_*</c>, <c>fbclid</c>, <c>gclid</c>.</summary>
    public IReadOnlyList<string> TrackingParameters { get; init; } = [];

    /// <summary>The site name written into ads.</summary>
    public string SiteName => Site ?? Name;

    /// <summary>Whether this profile reads pages of <paramref name="host"/>.</summary>
    public bool MatchesHost(string host) =>
        Hosts.Any(h => h.StartsWith('.') ? host.EndsWith(h, StringComparison.OrdinalIgnoreCase) || host.Equals(h[1..], StringComparison.OrdinalIgnoreCase)
            : host.Equals(h, StringComparison.OrdinalIgnoreCase));
}
