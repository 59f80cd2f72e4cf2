using System.Globalization;

namespace NetworkAnalysis.Storage;

/// <summary>One analyst decision stored in the case (see <see cref="CaseStore.ListDecisions"/>).</summary>
/// <param name="Id">Its number in the case.</param>
/// <param name="Kind">What was decided.</param>
/// <param name="Who">The analyst.</param>
/// <param name="At">When (UTC, ISO 8601).</param>
/// <param name="Why">The reason given (required).</param>
/// <param name="RunId">The analysis run whose clusters the analyst was looking at, if any.</param>
public sealed record AnalystDecision(long Id, DecisionKind Kind, string Who, string At, string Why, long? RunId)
{
    /// <summary>The identifier (<c>type:value</c>) of a hub or never-hub decision.</summary>
    public string? Identifier { get; init; }

    /// <summary>The cluster IDs named: both clusters of a merge, the cluster of a split.</summary>
    public IReadOnlyList<string> Clusters { get; init; } = [];

    /// <summary>Ad keys of one side as they were when decided: the first cluster of a merge, the first side of a split, the first ad of not-same.</summary>
    public IReadOnlyList<string> SideA { get; init; } = [];

    /// <summary>Ad keys of the other side.</summary>
    public IReadOnlyList<string> SideB { get; init; } = [];

    /// <summary>When it was undone, or null while it holds.</summary>
    public string? UndoneAt { get; init; }

    /// <summary>Who undid it.</summary>
    public string? UndoneBy { get; init; }

    /// <summary>Whether every analysis honours it (it was not undone).</summary>
    public bool IsActive => UndoneAt is null;

    /// <summary>The wire name of <see cref="Kind"/>.</summary>
    public string KindName => NameOf(Kind);

    /// <summary>The date part of <see cref="At"/> (yyyy-MM-dd).</summary>
    public string Date => At.Length >= 10 ? At[..10] : At;

    /// <summary>What it is about, e.g. "merge C1a… + C2b…", "hub phone:+17025550143", "not-same site/1 / site/2".</summary>
    public string Subject => Kind switch
    {
        DecisionKind.Hub or DecisionKind.NeverHub => $"{KindName} {Identifier}",
        DecisionKind.Merge => $"merge {string.Join(" + ", Clusters)}",
        DecisionKind.Split => string.Create(CultureInfo.InvariantCulture, $"split {string.Join(", ", Clusters)} ({SideA.Count} | {SideB.Count} ads)"),
        _ => $"not-same {string.Join(", ", SideA)} / {string.Join(", ", SideB)}",
    };

    /// <summary>One line: "decision 3 (merge C… + C…) by J. Doe on 2026-03-02: same photo set".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"decision {Id} ({Subject}) by {Who} on {Date}: {Why}");

    /// <summary>How the effect reads where it shows: "merged by J. Doe on 2026-03-02: same photo set on a second site".</summary>
    public string Effect() => Kind switch
    {
        DecisionKind.Hub => $"{Identifier} marked a hub by {Who} on {Date}: {Why}",
        DecisionKind.NeverHub => $"{Identifier} marked never a hub by {Who} on {Date}: {Why}",
        DecisionKind.Merge => $"merged by {Who} on {Date}: {Why}",
        DecisionKind.Split => $"split by {Who} on {Date}: {Why}",
        _ => $"{string.Join(", ", SideA)} and {string.Join(", ", SideB)} declared not the same poster by {Who} on {Date}: {Why}",
    } + (UndoneAt is { } undone ? $" (undone by {UndoneBy} on {undone[..Math.Min(10, undone.Length)]})" : "");

    /// <summary>The wire name of a kind.</summary>
    public static string NameOf(DecisionKind kind) => kind switch
    {
        DecisionKind.Hub => "hub",
        DecisionKind.NeverHub => "never-hub",
        DecisionKind.Merge => "merge",
        DecisionKind.Split => "split",
        _ => "not-same",
    };

    /// <summary>Parses a wire name (<c>hub</c>, <c>never-hub</c>, <c>merge</c>, <c>split</c>, <c>not-same</c>).</summary>
    public static bool TryParseKind(string? name, out DecisionKind kind)
    {
        foreach (var k in Enum.GetValues<DecisionKind>())
        {
            if (string.Equals(NameOf(k), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
