namespace NetworkAnalysis.Reporting.Model;

/// <summary>One ad as the renderers see it: plain data, independent of storage.</summary>
public sealed record ReportAd
{
    /// <summary>The ad's key (<c>site/id</c>), unique in a <see cref="CaseGraph"/>.</summary>
    public required string Key { get; init; }

    /// <summary>When the ad was posted, if known.</summary>
    public DateTimeOffset? PostedAt { get; init; }

    /// <summary>City named by the listing, if known.</summary>
    public string? City { get; init; }

    /// <summary>Region (state, province) named by the listing, if known.</summary>
    public string? Region { get; init; }

    /// <summary>Country named by the listing (ISO 3166 code as ingested), if known.</summary>
    public string? Country { get; init; }

    /// <summary>Stated price, if the listing had one.</summary>
    public double? Price { get; init; }

    /// <summary>Stated age, if the listing had one (a claim, not a fact).</summary>
    public int? Age { get; init; }

    /// <summary>The span-indexed text (title, newline, body) exactly as posted; hostile input.</summary>
    public string Text { get; init; } = "";

    /// <summary>The cluster the ad belongs to, if any.</summary>
    public string? ClusterId { get; init; }

    /// <summary>Images attached to the ad.</summary>
    public IReadOnlyList<ReportImage> Images { get; init; } = [];

    /// <summary>Standing analyst decisions naming the ad (merge, split, not-same), one line each: "#3 merged by J. Doe on 2026-03-02: …".</summary>
    public IReadOnlyList<string> Decisions { get; init; } = [];
}
