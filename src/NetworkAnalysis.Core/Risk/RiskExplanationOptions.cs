namespace NetworkAnalysis.Core.Risk;

/// <summary>Options for <see cref="RiskExplainer"/>.</summary>
public sealed record RiskExplanationOptions
{
    /// <summary>Default options: no redaction, 40 characters of context.</summary>
    public static RiskExplanationOptions Default { get; } = new();

    /// <summary>Mask identifiers (phones, e-mails, handles, …) in excerpts and subjects, keeping their last 2-4 characters.</summary>
    public bool Redact { get; init; }

    /// <summary>Characters of context on each side of a span (UTF-16 code units).</summary>
    public int ContextChars { get; init; } = 40;
}
