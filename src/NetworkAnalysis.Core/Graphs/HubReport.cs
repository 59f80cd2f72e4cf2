namespace NetworkAnalysis.Core.Graphs;

/// <summary>Which entities are hubs, and for every entity how many otherwise-separate groups it touches.</summary>
/// <remarks>
/// Hubs inform (they are listed, explained, and shown in evidence paths) but never merge clusters.
/// <see cref="GroupsJoined"/> is 0 or 1 for an identifier that only ever sits inside one group.
/// </remarks>
public sealed class HubReport
{
    internal HubReport(HubOptions options, bool[] isHub, int[] groupsJoined, IReadOnlyList<HubVerdict> hubs)
    {
        Options = options;
        IsHubByEntity = isHub;
        GroupsJoined = groupsJoined;
        Hubs = hubs;
    }

    /// <summary>A report rebuilt from verdicts made earlier (a stored analysis), without judging anything again.</summary>
    /// <param name="options">The thresholds the verdicts were made with.</param>
    /// <param name="entityCount">Entities of the graph the report is used with.</param>
    /// <param name="hubs">The hubs, most ads first.</param>
    /// <param name="groupsJoined">Groups each entity touched when judged, by dense entity index (length <paramref name="entityCount"/>).</param>
    public static HubReport FromVerdicts(HubOptions options, int entityCount, IReadOnlyList<HubVerdict> hubs, int[] groupsJoined)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hubs);
        ArgumentNullException.ThrowIfNull(groupsJoined);
        ArgumentOutOfRangeException.ThrowIfNotEqual(groupsJoined.Length, entityCount, nameof(groupsJoined));
        var isHub = new bool[entityCount];
        foreach (var hub in hubs)
        {
            isHub[hub.Entity] = true;
        }

        return new HubReport(options, isHub, groupsJoined, hubs);
    }

    /// <summary>The thresholds used.</summary>
    public HubOptions Options { get; }

    /// <summary>Hub flag by dense entity index.</summary>
    public IReadOnlyList<bool> IsHubByEntity { get; }

    /// <summary>Groups of two or more ads (formed by more specific identifiers) each entity touches, by dense entity index.</summary>
    public IReadOnlyList<int> GroupsJoined { get; }

    /// <summary>The hubs, most ads first, ties by entity index.</summary>
    public IReadOnlyList<HubVerdict> Hubs { get; }

    /// <summary>Whether entity <paramref name="entity"/> is a hub.</summary>
    public bool IsHub(int entity) => IsHubByEntity[entity];
}
