namespace NetworkAnalysis.Reporting.Model;

/// <summary>Everything a referral case file shows about one cluster: plain data, filled by the host from the case store.</summary>
public sealed record ClusterReportModel
{
    /// <summary>The cluster's stable ID.</summary>
    public required string ClusterId { get; init; }

    /// <summary>The cluster's ads, entities, links and mention spans.</summary>
    public required CaseGraph Graph { get; init; }

    /// <summary>The cluster's risk score in [0,100] (as RiskScorer computes it and `netan show` prints it), if scored.</summary>
    public double? RiskScore { get; init; }

    /// <summary>Risk indicators that fired, with their contributions and evidence.</summary>
    public IReadOnlyList<RiskIndicatorItem> RiskIndicators { get; init; } = [];

    /// <summary>Input files the analysis read.</summary>
    public IReadOnlyList<SourceFileItem> Sources { get; init; } = [];

    /// <summary>Parameters of the analysis run (name → value), shown in the custody section.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Version of the tool that produced the report.</summary>
    public string ToolVersion { get; init; } = "";

    /// <summary>When the report was produced (injected by the host; never read from the clock here).</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Name of the analyst who produced the report.</summary>
    public string? Analyst { get; init; }

    /// <summary>The analyst's notes.</summary>
    public string? Notes { get; init; }

    /// <summary>What holds the cluster together (articulation points and bridges of its ad–identifier graph), if computed.</summary>
    public Core.Graphs.Structure.ClusterStructure? Structure { get; init; }

    /// <summary>Later captures of the cluster's ads that changed content (re-crawls), with what changed, by ad then version.</summary>
    public IReadOnlyList<Storage.AdHistoryEntry> History { get; init; } = [];

    /// <summary>Standing analyst decisions whose effect shows in the cluster (merges, splits, not-same, hubs), oldest first.</summary>
    public IReadOnlyList<Storage.AnalystDecision> Decisions { get; init; } = [];

    /// <summary>Where the cluster's referral stands against a reviewer's sign-off (issue #22), if the host read it.</summary>
    public Storage.ReferralSignOffState? SignOff { get; init; }
}
