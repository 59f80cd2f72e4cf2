namespace NetworkAnalysis.Reporting.Custody;

/// <summary>Chain-of-custody record of one report or export: what went in, what came out, who, when and how.</summary>
public sealed record CustodyManifest
{
    /// <summary>Tool name.</summary>
    public string Tool { get; init; } = "NetworkAnalysis";

    /// <summary>Tool version.</summary>
    public string ToolVersion { get; init; } = "";

    /// <summary>When the run happened (from the host's clock).</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Analyst's name.</summary>
    public string? Analyst { get; init; }

    /// <summary>Analyst's notes.</summary>
    public string? Notes { get; init; }

    /// <summary>The command or action, e.g. <c>report C1a2b3c4d5</c>.</summary>
    public string Action { get; init; } = "";

    /// <summary>Run parameters (name → value).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Input files with their hashes.</summary>
    public IReadOnlyList<CustodyFile> Sources { get; init; } = [];

    /// <summary>Files written, with their hashes, relative to the manifest's folder.</summary>
    public IReadOnlyList<CustodyFile> Outputs { get; init; } = [];
}
