namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Longest tag kept, in characters.</summary>
    public const int MaxTagLength = 64;

    /// <summary>Longest note kept, in characters.</summary>
    public const int MaxNoteLength = 10_000;

    private bool _annotationsReady;

    /// <summary>Sets a cluster's review status.</summary>
    /// <remarks>Annotations are append-only: the history stays in the <c>annotations</c> table and the latest row wins.</remarks>
    public void SetClusterStatus(string clusterId, ClusterStatus status, string who) =>
        Annotate(clusterId, "status", status.ToString().ToLowerInvariant(), who);

    /// <summary>Adds a tag to a cluster (trimmed, at most <see cref="MaxTagLength"/> characters).</summary>
    public void AddClusterTag(string clusterId, string tag, string who) => Annotate(clusterId, "tag", CleanTag(tag), who);

    /// <summary>Removes a tag from a cluster.</summary>
    public void RemoveClusterTag(string clusterId, string tag, string who) => Annotate(clusterId, "untag", CleanTag(tag), who);

    /// <summary>Adds a note to a cluster (at most <see cref="MaxNoteLength"/> characters).</summary>
    public void AddClusterNote(string clusterId, string note, string who)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        Annotate(clusterId, "note", note.Length > MaxNoteLength ? note[..MaxNoteLength] : note, who);
    }

    /// <summary>Reads a cluster's current status, tags and notes.</summary>
    public ClusterAnnotations GetClusterAnnotations(string clusterId)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        EnsureAnnotationsTable();
        using var cmd = Command("SELECT kind, value, who, at FROM annotations WHERE cluster_id = $c ORDER BY id;");
        cmd.Parameters.AddWithValue("$c", clusterId);
        using var r = cmd.ExecuteReader();
        var status = ClusterStatus.New;
        string? statusBy = null, statusAt = null;
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        var notes = new List<AnalystNote>();
        while (r.Read())
        {
            var (kind, value, who, at) = (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));
            switch (kind)
            {
                case "status" when TryParseStatus(value, out var s):
                    (status, statusBy, statusAt) = (s, who, at);
                    break;
                case "tag":
                    tags.Add(value);
                    break;
                case "untag":
                    tags.Remove(value);
                    break;
                case "note":
                    notes.Add(new AnalystNote(value, who, at));
                    break;
                default:
                    break;
            }
        }

        return new ClusterAnnotations(clusterId, status, statusBy, statusAt, [.. tags], notes);
    }

    /// <summary>Parses a status wire name (<c>new</c>, <c>reviewing</c>, <c>referred</c>, <c>dismissed</c>), ignoring case.</summary>
    public static bool TryParseStatus(string? text, out ClusterStatus status)
    {
        status = ClusterStatus.New;
        return text is not null && !int.TryParse(text, out _) && Enum.TryParse(text, ignoreCase: true, out status)
            && Enum.IsDefined(status);
    }

    private void Annotate(string clusterId, string kind, string value, string who)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        EnsureAnnotationsTable();
        using var cmd = Command("INSERT INTO annotations(cluster_id, kind, value, who, at) VALUES ($c, $k, $v, $w, $t);");
        cmd.Parameters.AddWithValue("$c", clusterId);
        cmd.Parameters.AddWithValue("$k", kind);
        cmd.Parameters.AddWithValue("$v", value);
        cmd.Parameters.AddWithValue("$w", who);
        cmd.Parameters.AddWithValue("$t", Now());
        cmd.ExecuteNonQuery();
    }

    private static string CleanTag(string tag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        var t = tag.Trim();
        return t.Length > MaxTagLength ? t[..MaxTagLength] : t;
    }

    internal void EnsureAnnotationsTable()
    {
        if (_annotationsReady)
        {
            return;
        }

        if ((IsReadOnly || IsPostgres) && HasTable("annotations"))
        {
            _annotationsReady = true;
            return;
        }

        // A read-only case written before annotations existed gets an empty table of this connection's own (temp).
        Execute(Db, $"""
            CREATE {(IsReadOnly ? "TEMP " : "")}TABLE IF NOT EXISTS annotations (
                id {Dialect.AutoIdKey},
                cluster_id TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('status', 'tag', 'untag', 'note')),
                value TEXT NOT NULL,
                who TEXT NOT NULL,
                at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS {(IsReadOnly && !IsPostgres ? "temp." : "")}annotations_cluster ON annotations(cluster_id, id);
            """);
        _annotationsReady = true;
    }
}
