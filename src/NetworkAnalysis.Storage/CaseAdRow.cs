namespace NetworkAnalysis.Storage;

/// <summary>One ad as reports and exports read it.</summary>
/// <param name="Id">Row ID.</param>
/// <param name="Key">Ad key (<c>site/id</c>).</param>
/// <param name="PostedAt">Posting time (ISO 8601), if known.</param>
/// <param name="City">City, if known.</param>
/// <param name="Text">The span-indexed text (title, newline, body).</param>
/// <param name="ClusterId">Its cluster, if analysed.</param>
/// <param name="Images">The images field as ingested (names separated by ';'), if any.</param>
/// <param name="SourcePath">The input file the ad came from (image names are relative to it).</param>
public sealed record CaseAdRow(long Id, string Key, string? PostedAt, string? City, string Text, string? ClusterId, string? Images, string SourcePath)
{
    /// <summary>Region (state, province), if known.</summary>
    public string? Region { get; init; }

    /// <summary>Country as ingested, if known.</summary>
    public string? Country { get; init; }

    /// <summary>Stated price, if any.</summary>
    public double? Price { get; init; }

    /// <summary>Stated age, if any.</summary>
    public int? Age { get; init; }
}
