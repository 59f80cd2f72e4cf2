using NetworkAnalysis.Reporting.Layout;

namespace NetworkAnalysis.Reporting.Html;

/// <summary>Settings of <see cref="ReferralReportWriter"/>.</summary>
public sealed record ReferralReportOptions
{
    /// <summary>Show identifier values in full (identifier table, network labels); masked otherwise.</summary>
    public bool ShowIdentifiers { get; init; }

    /// <summary>Embed the photos as posted; otherwise blurred thumbnails are made when the file is written.</summary>
    public bool ShowImages { get; init; }

    /// <summary>Redact for sharing: mask identifiers inside ad excerpts too, and leave photos out of the file altogether.</summary>
    /// <remarks>Without <see cref="ShowImages"/> the file holds only blurred thumbnails (no sharp copy); redaction leaves
    /// photos out altogether.</remarks>
    public bool Redact { get; init; }

    /// <summary>At most this many ad excerpts are shown (earliest first); the rest are counted.</summary>
    public int MaxAds { get; init; } = 200;

    /// <summary>Ad excerpts are cut after this many characters.</summary>
    public int MaxExcerptChars { get; init; } = 1500;

    /// <summary>Layout of the network drawing (seed, iterations).</summary>
    public ForceAtlas2Options Layout { get; init; } = new();
}
