using System.Globalization;
using System.Text.Json;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Longest reason kept, in characters.</summary>
    public const int MaxWhyLength = 2_000;

    /// <summary>Decides that an identifier is a hub: it never links ads, whatever its counts.</summary>
    /// <param name="identifier">A phone in any format, an e-mail, a handle, or <c>type:value</c> (one entity of the case).</param>
    /// <param name="why">The reason (required).</param>
    /// <param name="who">The analyst.</param>
    /// <exception cref="CaseStoreException">The identifier is not in the case, is ambiguous, or an earlier decision conflicts (named in the message).</exception>
    public AnalystDecision DecideHub(string identifier, string why, string who) => DecideIdentifier(DecisionKind.Hub, identifier, why, who);

    /// <summary>Decides that an identifier is never a hub: it always links, whatever its counts.</summary>
    /// <inheritdoc cref="DecideHub" path="/param"/>
    /// <exception cref="CaseStoreException">The identifier is not in the case, is ambiguous, or an earlier decision conflicts (named in the message).</exception>
    public AnalystDecision DecideNeverHub(string identifier, string why, string who) => DecideIdentifier(DecisionKind.NeverHub, identifier, why, who);

    /// <summary>Decides that two current clusters are one network: every later analysis puts their ads in one cluster.</summary>
    /// <param name="clusterA">One cluster ID.</param>
    /// <param name="clusterB">The other cluster ID.</param>
    /// <param name="why">The reason (required).</param>
    /// <param name="who">The analyst.</param>
    /// <exception cref="CaseStoreException">A cluster is unknown, both are the same, or an earlier decision conflicts (named in the message).</exception>
    public AnalystDecision DecideMerge(string clusterA, string clusterB, string why, string who)
    {
        CheckWho(why, who);
        var (a, b) = (ClusterMembers(clusterA), ClusterMembers(clusterB));
        if (string.Equals(clusterA, clusterB, StringComparison.Ordinal))
        {
            throw new CaseStoreException($"cannot merge cluster {clusterA} with itself");
        }

        var decision = new AnalystDecision(0, DecisionKind.Merge, who, "", why, CurrentClusteringRun()) { Clusters = [clusterA, clusterB], SideA = a, SideB = b };
        return Store(decision);
    }

    /// <summary>Decides that a cluster is two networks: the ads chosen for each side never share a cluster again.</summary>
    /// <param name="clusterId">The cluster.</param>
    /// <param name="sideA">Ads (key or unique ID) or identifiers of one side; an identifier stands for the cluster's ads that mention it.</param>
    /// <param name="sideB">Ads or identifiers of the other side.</param>
    /// <param name="why">The reason (required).</param>
    /// <param name="who">The analyst.</param>
    /// <exception cref="CaseStoreException">The cluster is unknown, a side is empty, names an ad outside the cluster or overlaps the other, or an earlier decision conflicts.</exception>
    public AnalystDecision DecideSplit(string clusterId, IReadOnlyList<string> sideA, IReadOnlyList<string> sideB, string why, string who)
    {
        ArgumentNullException.ThrowIfNull(sideA);
        ArgumentNullException.ThrowIfNull(sideB);
        CheckWho(why, who);
        var members = ClusterMembers(clusterId);
        var a = Side(clusterId, members, sideA, "first");
        var b = Side(clusterId, members, sideB, "second");
        if (a.Intersect(b, StringComparer.Ordinal).FirstOrDefault() is { } both)
        {
            throw new CaseStoreException($"ad {both} is on both sides of the split");
        }

        var decision = new AnalystDecision(0, DecisionKind.Split, who, "", why, CurrentClusteringRun()) { Clusters = [clusterId], SideA = a, SideB = b };
        return Store(decision);
    }

    /// <summary>Decides that two ads are not the same poster's: no later analysis puts them in one cluster.</summary>
    /// <param name="adA">One ad (key or unique ID).</param>
    /// <param name="adB">The other ad.</param>
    /// <param name="why">The reason (required).</param>
    /// <param name="who">The analyst.</param>
    /// <exception cref="CaseStoreException">An ad is unknown, both are the same, or an earlier decision conflicts (named in the message).</exception>
    public AnalystDecision DecideNotSame(string adA, string adB, string why, string who)
    {
        CheckWho(why, who);
        var (a, b) = (ResolveAdKey(adA), ResolveAdKey(adB));
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            throw new CaseStoreException($"{a} and {b} are the same ad");
        }

        return Store(new AnalystDecision(0, DecisionKind.NotSame, who, "", why, CurrentClusteringRun()) { SideA = [a], SideB = [b] });
    }

    /// <summary>Undoes a decision: later analyses no longer honour it (it stays listed, marked undone). Audited.</summary>
    /// <exception cref="CaseStoreException">No such decision, or it was undone already.</exception>
    public AnalystDecision UndoDecision(long id, string who)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        var decision = ListDecisions().FirstOrDefault(d => d.Id == id)
            ?? throw new CaseStoreException(string.Create(CultureInfo.InvariantCulture, $"no decision {id} in the case (`netan decisions` lists them)"));
        if (!decision.IsActive)
        {
            throw new CaseStoreException($"decision {id} was undone already by {decision.UndoneBy} on {decision.UndoneAt}");
        }

        var at = Now();
        using (var cmd = Command("UPDATE decisions SET undone_at = $t, undone_by = $w WHERE id = $id AND undone_at IS NULL;"))
        {
            cmd.Parameters.AddWithValue("$t", at);
            cmd.Parameters.AddWithValue("$w", who.Trim());
            cmd.Parameters.AddWithValue("$id", id);
            cmd.ExecuteNonQuery();
        }

        AppendAudit(who.Trim(), "decide undo", string.Create(CultureInfo.InvariantCulture, $"decision {id}"), decision.Subject);
        return decision with { UndoneAt = at, UndoneBy = who.Trim() };
    }

    /// <summary>Every decision of the case, oldest first (undone ones too, unless <paramref name="includeUndone"/> is false).</summary>
    public IReadOnlyList<AnalystDecision> ListDecisions(bool includeUndone = true)
    {
        var list = new List<AnalystDecision>();
        if (IsReadOnly && !HasTable("decisions"))
        {
            return list;
        }

        using var cmd = Command("SELECT id, kind, targets, who, at, why, run_id, undone_at, undone_by FROM decisions ORDER BY id;");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (!AnalystDecision.TryParseKind(r.GetString(1), out var kind))
            {
                continue; // The table's CHECK admits only the five kinds.
            }

            using var targets = JsonDocument.Parse(r.GetString(2));
            var t = targets.RootElement;
            var d = new AnalystDecision(r.GetInt64(0), kind, r.GetString(3), r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetInt64(6))
            {
                Identifier = t.TryGetProperty("identifier", out var i) ? i.GetString() : null,
                Clusters = Strings(t, "clusters"),
                SideA = Strings(t, "a"),
                SideB = Strings(t, "b"),
                UndoneAt = r.IsDBNull(7) ? null : r.GetString(7),
                UndoneBy = r.IsDBNull(8) ? null : r.GetString(8),
            };
            if (includeUndone || d.IsActive)
            {
                list.Add(d);
            }
        }

        return list;

        static string[] Strings(JsonElement root, string name) =>
            root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray().Select(e => e.GetString() ?? "")] : [];
    }

    /// <summary>
    /// The decisions whose effect shows in a current cluster: merges, splits and not-same decisions naming one of its ads or
    /// the cluster itself, and hub/never-hub decisions on an identifier its ads mention. Undone ones are left out.
    /// </summary>
    public IReadOnlyList<AnalystDecision> DecisionsForCluster(string clusterId)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        var decisions = ListDecisions(includeUndone: false);
        if (decisions.Count == 0)
        {
            return [];
        }

        var members = new HashSet<string>(ClusterMembersOrEmpty(clusterId), StringComparer.Ordinal);
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        if (decisions.Any(d => d.Identifier is not null))
        {
            using var cmd = Command("SELECT DISTINCT e.type || ':' || e.value FROM memberships ms JOIN mentions m ON m.ad = ms.ad JOIN entities e ON e.id = m.entity WHERE ms.cluster_id = $c;");
            cmd.Parameters.AddWithValue("$c", clusterId);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                identifiers.Add(r.GetString(0));
            }
        }

        return decisions.Where(d => d.Identifier is { } id ? identifiers.Contains(id)
            : d.Clusters.Contains(clusterId, StringComparer.Ordinal) || d.SideA.Concat(d.SideB).Any(members.Contains)).ToList();
    }

    private AnalystDecision DecideIdentifier(DecisionKind kind, string identifier, string why, string who)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        CheckWho(why, who);
        var label = ResolveIdentifier(identifier);
        var type = label[..label.IndexOf(':', StringComparison.Ordinal)];
        if (EntityTypeNames.TryParse(type, out var t) && !t.IsStrongLink())
        {
            throw new CaseStoreException($"{label} never links ads, so it cannot be decided a hub or never-hub");
        }

        return Store(new AnalystDecision(0, kind, who, "", why, CurrentClusteringRun()) { Identifier = label });
    }

    private static void CheckWho(string why, string who)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        if (string.IsNullOrWhiteSpace(why))
        {
            throw new CaseStoreException("a decision needs a reason (--why): say what the analyst knows that the ads do not");
        }
    }

    /// <summary>Refuses a conflicting decision (one line naming the earlier one), stores it and audits it.</summary>
    private AnalystDecision Store(AnalystDecision decision)
    {
        if (IsReadOnly)
        {
            throw new CaseStoreException($"{Path} is opened read-only: decisions cannot be stored");
        }

        decision = decision with { Who = decision.Who.Trim(), Why = ClipWhy(decision.Why) };
        if (Refusal(decision, ListDecisions(includeUndone: false)) is { } refusal)
        {
            throw new CaseStoreException(refusal);
        }

        var stored = decision with { At = Now() };
        stored = stored with { Id = InsertDecision(stored, imported: null) };
        AppendAudit(stored.Who, "decide", string.Create(CultureInfo.InvariantCulture, $"decision {stored.Id}"),
            JsonSerializer.Serialize(new { kind = stored.KindName, subject = stored.Subject, why = stored.Why, run = stored.RunId }));
        return stored;
    }

    /// <summary>A reason as stored: trimmed, at most <see cref="MaxWhyLength"/> characters.</summary>
    private static string ClipWhy(string why)
    {
        why = why.Trim();
        return why.Length > MaxWhyLength ? why[..MaxWhyLength] : why;
    }

    /// <summary>The one line refusing <paramref name="decision"/> because an active one conflicts with or repeats it, or null.</summary>
    private static string? Refusal(AnalystDecision decision, IReadOnlyList<AnalystDecision> active)
    {
        if (Conflict(decision, active) is not { } earlier)
        {
            return null;
        }

        var same = earlier.Kind == decision.Kind ? "repeats" : "conflicts with";
        return string.Create(CultureInfo.InvariantCulture,
            $"refused: {decision.Subject} {same} {earlier.Describe()}; undo it first with `netan decide undo {earlier.Id}`");
    }

    /// <summary>Inserts a decision row (kind, targets as JSON with the import record if any, who, at, why, run, undone) and returns its ID.</summary>
    private long InsertDecision(AnalystDecision d, object? imported)
    {
        var targets = imported is null
            ? JsonSerializer.Serialize(new { identifier = d.Identifier, clusters = d.Clusters, a = d.SideA, b = d.SideB })
            : JsonSerializer.Serialize(new { identifier = d.Identifier, clusters = d.Clusters, a = d.SideA, b = d.SideB, imported });
        using var cmd = Command("INSERT INTO decisions(kind, targets, who, at, why, run_id, undone_at, undone_by) VALUES ($k, $t, $w, $at, $why, $run, $ua, $ub) RETURNING id;");
        cmd.Parameters.AddWithValue("$k", d.KindName);
        cmd.Parameters.AddWithValue("$t", targets);
        cmd.Parameters.AddWithValue("$w", d.Who);
        cmd.Parameters.AddWithValue("$at", d.At);
        cmd.Parameters.AddWithValue("$why", d.Why);
        cmd.Parameters.AddWithValue("$run", (object?)d.RunId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$ua", (object?)d.UndoneAt ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$ub", (object?)d.UndoneBy ?? DBNull.Value);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The earliest active decision <paramref name="decision"/> contradicts or repeats, or null.</summary>
    /// <remarks>
    /// Hub and never-hub on one identifier exclude each other (and repeat themselves). A merge and a split or not-same
    /// conflict when both sides of the separation fall in one merged group (merges that share ads are one group).
    /// </remarks>
    internal static AnalystDecision? Conflict(AnalystDecision decision, IReadOnlyList<AnalystDecision> active)
    {
        if (decision.Identifier is { } identifier)
        {
            return active.FirstOrDefault(d => string.Equals(d.Identifier, identifier, StringComparison.Ordinal));
        }

        var separations = active.Where(d => d.Kind is DecisionKind.Split or DecisionKind.NotSame).ToList();
        var merges = active.Where(d => d.Kind == DecisionKind.Merge).ToList();
        if (decision.Kind == DecisionKind.Merge)
        {
            var group = Group(decision.SideA.Concat(decision.SideB), merges, out _);
            return separations.FirstOrDefault(s => s.SideA.Any(group.Contains) && s.SideB.Any(group.Contains));
        }

        foreach (var merge in merges)
        {
            var group = Group(merge.SideA.Concat(merge.SideB), merges, out var members);
            if (decision.SideA.Any(group.Contains) && decision.SideB.Any(group.Contains))
            {
                return members.MinBy(m => m.Id);
            }
        }

        return null;

        // The ads of every merge transitively sharing ads with the seed set.
        static HashSet<string> Group(IEnumerable<string> seed, List<AnalystDecision> merges, out List<AnalystDecision> members)
        {
            var group = new HashSet<string>(seed, StringComparer.Ordinal);
            members = [];
            var remaining = merges.ToList();
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var m in remaining.ToList())
                {
                    if (m.SideA.Concat(m.SideB).Any(group.Contains))
                    {
                        group.UnionWith(m.SideA);
                        group.UnionWith(m.SideB);
                        members.Add(m);
                        remaining.Remove(m);
                        grew = true;
                    }
                }
            }

            return group;
        }
    }

    private string[] ClusterMembers(string clusterId)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        var members = ClusterMembersOrEmpty(clusterId);
        return members.Length > 0 ? members
            : throw new CaseStoreException($"no cluster {clusterId} in the current analysis (`netan clusters` lists them)");
    }

    private string[] ClusterMembersOrEmpty(string clusterId)
    {
        using var cmd = Command("SELECT a.ad_key FROM memberships m JOIN ads a ON a.id = m.ad WHERE m.cluster_id = $c ORDER BY a.ad_key;");
        cmd.Parameters.AddWithValue("$c", clusterId);
        using var r = cmd.ExecuteReader();
        var keys = new List<string>();
        while (r.Read())
        {
            keys.Add(r.GetString(0));
        }

        return [.. keys];
    }

    /// <summary>The ad key of an ad given by key or by an ID unique in the case.</summary>
    private string ResolveAdKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using (var cmd = Command("SELECT ad_key FROM ads WHERE ad_key = $k;"))
        {
            cmd.Parameters.AddWithValue("$k", text);
            if (cmd.ExecuteScalar() is string key)
            {
                return key;
            }
        }

        using (var cmd = Command("SELECT ad_key FROM ads WHERE ad_id = $k LIMIT 2;"))
        {
            cmd.Parameters.AddWithValue("$k", text);
            using var r = cmd.ExecuteReader();
            var keys = new List<string>();
            while (r.Read())
            {
                keys.Add(r.GetString(0));
            }

            return keys.Count == 1 ? keys[0] : throw new CaseStoreException(keys.Count == 0
                ? $"no ad with key or ID '{text}' in the case"
                : $"ad ID '{text}' is on more than one site: give the key (site/id)");
        }
    }

    /// <summary>The <c>type:value</c> label of the one entity <paramref name="text"/> names.</summary>
    private string ResolveIdentifier(string text)
    {
        var q = text.Trim();
        var colon = q.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && EntityTypeNames.TryParse(q[..colon], out var type))
        {
            using var cmd = Command("SELECT 1 FROM entities WHERE type = $t AND value = $v;");
            cmd.Parameters.AddWithValue("$t", type.ToName());
            cmd.Parameters.AddWithValue("$v", q[(colon + 1)..]);
            if (cmd.ExecuteScalar() is not null)
            {
                return type.ToName() + ":" + q[(colon + 1)..];
            }
        }

        var ids = MatchEntities(q, "US", includeAdEntities: false);
        var labels = new List<string>();
        foreach (var id in ids.Take(4))
        {
            using var cmd = Command("SELECT type || ':' || value FROM entities WHERE id = $id;");
            cmd.Parameters.AddWithValue("$id", id);
            labels.Add((string)cmd.ExecuteScalar()!);
        }

        return labels.Count switch
        {
            1 => labels[0],
            0 => throw new CaseStoreException($"no identifier '{q}' in the case (`netan lookup` finds them)"),
            _ => throw new CaseStoreException($"'{q}' matches more than one identifier ({string.Join(", ", labels.Take(3))}{(ids.Count > 3 ? ", …" : "")}): give it as type:value"),
        };
    }

    /// <summary>The cluster's ads a split side names: ads by key or ID, identifiers by the cluster's ads that mention them.</summary>
    private string[] Side(string clusterId, string[] members, IReadOnlyList<string> items, string which)
    {
        var inCluster = new HashSet<string>(members, StringComparer.Ordinal);
        var side = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()))
        {
            string? key = null;
            try
            {
                key = ResolveAdKey(item);
            }
            catch (CaseStoreException)
            {
                // Not an ad: an identifier.
            }

            if (key is not null)
            {
                side.Add(inCluster.Contains(key) ? key : throw new CaseStoreException($"ad {key} on the {which} side is not in cluster {clusterId}"));
                continue;
            }

            var label = ResolveIdentifier(item);
            var colon = label.IndexOf(':', StringComparison.Ordinal);
            using var cmd = Command("SELECT DISTINCT a.ad_key FROM mentions m JOIN entities e ON e.id = m.entity JOIN ads a ON a.id = m.ad JOIN memberships ms ON ms.ad = a.id WHERE e.type = $t AND e.value = $v AND ms.cluster_id = $c;");
            cmd.Parameters.AddWithValue("$t", label[..colon]);
            cmd.Parameters.AddWithValue("$v", label[(colon + 1)..]);
            cmd.Parameters.AddWithValue("$c", clusterId);
            using var r = cmd.ExecuteReader();
            var found = false;
            while (r.Read())
            {
                side.Add(r.GetString(0));
                found = true;
            }

            if (!found)
            {
                throw new CaseStoreException($"no ad of cluster {clusterId} mentions {label} (the {which} side)");
            }
        }

        return side.Count > 0 ? [.. side] : throw new CaseStoreException($"the {which} side of the split names no ad");
    }
}
