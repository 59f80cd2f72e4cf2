namespace NetworkAnalysis.Web;

/// <summary>How a workbench server runs: which case, who the analyst is, and what it allows.</summary>
public sealed record WorkbenchOptions
{
    /// <summary>The case file to serve.</summary>
    public required string CasePath { get; init; }

    /// <summary>Who the analyst is; recorded with every annotation and audit entry.</summary>
    public required string Analyst { get; init; }

    /// <summary>Rejects every write (annotations) with 403 when true.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>When set, every request must carry this token (Bearer header, or the cookie set by a one-time <c>?token=</c> URL).</summary>
    public string? Token { get; init; }

    /// <summary>The most ads a cluster graph loads at once.</summary>
    public int MaxGraphAds { get; init; } = 2500;

    /// <summary>Region for phone numbers searched without a country code.</summary>
    public string DefaultCountry { get; init; } = "US";

    /// <summary>Builds the search indexes when the server starts (skipped in read-only mode when they cannot be written).</summary>
    public bool BuildSearchIndexes { get; init; } = true;

    /// <summary>How long a team case's login lasts at most (stored in the case, so shared by every server on it and kept over a restart; a read-only server's end with it).</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Login and invitation attempts allowed per client address in each <see cref="LoginWindow"/>; the next is refused with 429.</summary>
    public int LoginAttempts { get; init; } = 10;

    /// <summary>The fixed window <see cref="LoginAttempts"/> counts in.</summary>
    public TimeSpan LoginWindow { get; init; } = TimeSpan.FromMinutes(5);
}
