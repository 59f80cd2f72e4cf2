namespace NetworkAnalysis.Core.Ads;

/// <summary>One row read from an input: exactly one of <see cref="Ad"/> and <see cref="Error"/> is set.</summary>
public readonly record struct AdReadItem(Ad? Ad, AdReadError? Error)
{
    /// <summary>Whether the row was read.</summary>
    public bool IsSuccess => Ad is not null;
}
