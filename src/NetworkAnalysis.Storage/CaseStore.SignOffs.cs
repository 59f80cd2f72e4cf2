using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Longest comment kept, in characters.</summary>
    public const int MaxCommentLength = 4_000;

    /// <summary>
    /// The content a referral sign-off covers, as canonical JSON: the cluster's ads (by key), its status, tags and notes, and
    /// the standing decisions whose effect shows in it (who, when, why). Any decision, undo, annotation or re-clustering
    /// touching the cluster changes it; comments do not.
    /// </summary>
    /// <exception cref="CaseStoreException">No such cluster in the current analysis.</exception>
    public string ReferralContent(string clusterId)
    {
        var ads = ClusterMembers(clusterId);
        var notes = GetClusterAnnotations(clusterId);
        var decisions = DecisionsForCluster(clusterId);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("format", "netan-referral-content");
            json.WriteNumber("version", 1);
            json.WriteString("cluster", clusterId);
            json.WriteStartArray("ads");
            foreach (var ad in ads)
            {
                json.WriteStringValue(ad);
            }

            json.WriteEndArray();
            json.WriteString("status", notes.Status.ToString().ToLowerInvariant());
            json.WriteString("status_by", notes.StatusBy);
            json.WriteString("status_at", notes.StatusAt);
            json.WriteStartArray("tags");
            foreach (var tag in notes.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (var note in notes.Notes)
            {
                json.WriteStartObject();
                json.WriteString("who", note.Who);
                json.WriteString("at", note.At);
                json.WriteString("text", note.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("decisions");
            foreach (var d in decisions)
            {
                json.WriteStartObject();
                json.WriteNumber("id", d.Id);
                json.WriteString("kind", d.KindName);
                json.WriteString("subject", d.Subject);
                json.WriteString("who", d.Who);
                json.WriteString("at", d.At);
                json.WriteString("why", d.Why);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Signs off the current version of a cluster's referral: stores the content with its SHA-256, who and when, as the next version. Audited.</summary>
    /// <param name="clusterId">The cluster.</param>
    /// <param name="who">The reviewer.</param>
    /// <param name="note">An optional note (at most <see cref="MaxCommentLength"/> characters).</param>
    /// <exception cref="CaseStoreException">No such cluster, or this very content is signed off already (the latest version).</exception>
    public ReferralSignOff SignOffReferral(string clusterId, string who, string? note = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        var content = ReferralContent(clusterId);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() is var n && n.Length > MaxCommentLength ? n[..MaxCommentLength] : note.Trim();
        int version;
        // The versions are read and the next one written under the writer lock: two reviewers signing at once (two
        // servers on one case) get version 1 and a clear "signed off already", not a duplicate key.
        using (var tx = BeginImmediate("signoffs"))
        {
            var versions = SignOffs(clusterId, tx);
            if (versions.Count > 0 && versions[^1].ContentSha256 == sha)
            {
                throw new CaseStoreException(string.Create(CultureInfo.InvariantCulture,
                    $"the referral of {clusterId} is signed off already as it stands (version {versions[^1].Version} by {versions[^1].Who} on {versions[^1].At})"));
            }

            version = versions.Count == 0 ? 1 : versions[^1].Version + 1;
            using var cmd = Command("INSERT INTO signoffs(cluster_id, version, content_sha256, content, who, at, note) VALUES ($c, $v, $h, $content, $w, $t, $n);", tx);
            cmd.Parameters.AddWithValue("$c", clusterId);
            cmd.Parameters.AddWithValue("$v", version);
            cmd.Parameters.AddWithValue("$h", sha);
            cmd.Parameters.AddWithValue("$content", content);
            cmd.Parameters.AddWithValue("$w", who.Trim());
            cmd.Parameters.AddWithValue("$t", Now());
            cmd.Parameters.AddWithValue("$n", (object?)note ?? DBNull.Value);
            cmd.ExecuteNonQuery();
            tx.Commit();
        }

        AppendAudit(who.Trim(), "sign-off", clusterId, string.Create(CultureInfo.InvariantCulture, $"version {version}, content sha256 {sha}"));
        return SignOffs(clusterId).Single(s => s.Version == version);
    }

    /// <summary>Every sign-off of a cluster's referral, oldest first, each with the content it signed.</summary>
    public IReadOnlyList<ReferralSignOff> SignOffs(string clusterId) => SignOffs(clusterId, null);

    private List<ReferralSignOff> SignOffs(string clusterId, System.Data.Common.DbTransaction? tx)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        var list = new List<ReferralSignOff>();
        if (IsReadOnly && !HasTable("signoffs"))
        {
            return list;
        }

        using var cmd = Command("SELECT id, cluster_id, version, content_sha256, content, who, at, note FROM signoffs WHERE cluster_id = $c ORDER BY version;", tx);
        cmd.Parameters.AddWithValue("$c", clusterId);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new ReferralSignOff(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)));
        }

        return list;
    }

    /// <summary>Where a cluster's referral stands: its content hash now, and its sign-offs (changed since the latest or not).</summary>
    /// <exception cref="CaseStoreException">No such cluster in the current analysis.</exception>
    public ReferralSignOffState SignOffState(string clusterId)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ReferralContent(clusterId))));
        var versions = SignOffs(clusterId);
        return new ReferralSignOffState(clusterId, sha, versions.Count == 0 ? null : versions[^1], versions);
    }

    /// <summary>Adds a comment on a cluster, or with <paramref name="decisionId"/> a challenge of one of its decisions. Audited.</summary>
    /// <exception cref="CaseStoreException">The text is empty, the cluster unknown, or the decision is not one of the case's.</exception>
    public ClusterComment AddComment(string clusterId, string text, string who, long? decisionId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        ArgumentNullException.ThrowIfNull(clusterId);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CaseStoreException(decisionId is null ? "a comment needs some text" : "a challenge needs a reason: say what is wrong with the decision");
        }

        ClusterMembers(clusterId);
        if (decisionId is { } id && ListDecisions().All(d => d.Id != id))
        {
            throw new CaseStoreException(string.Create(CultureInfo.InvariantCulture, $"no decision {id} in the case"));
        }

        text = text.Trim();
        text = text.Length > MaxCommentLength ? text[..MaxCommentLength] : text;
        var kind = decisionId is null ? "comment" : "challenge";
        var at = Now();
        using (var cmd = Command("INSERT INTO comments(cluster_id, decision_id, kind, text, who, at) VALUES ($c, $d, $k, $x, $w, $t);"))
        {
            cmd.Parameters.AddWithValue("$c", clusterId);
            cmd.Parameters.AddWithValue("$d", (object?)decisionId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$k", kind);
            cmd.Parameters.AddWithValue("$x", text);
            cmd.Parameters.AddWithValue("$w", who.Trim());
            cmd.Parameters.AddWithValue("$t", at);
            cmd.ExecuteNonQuery();
        }

        AppendAudit(who.Trim(), kind, decisionId is { } challenged ? string.Create(CultureInfo.InvariantCulture, $"decision {challenged}") : clusterId, text);
        return Comments(clusterId)[^1];
    }

    /// <summary>The comments and challenges made on a cluster, oldest first.</summary>
    public IReadOnlyList<ClusterComment> Comments(string clusterId)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        var list = new List<ClusterComment>();
        if (IsReadOnly && !HasTable("comments"))
        {
            return list;
        }

        using var cmd = Command("SELECT id, cluster_id, decision_id, kind, text, who, at FROM comments WHERE cluster_id = $c ORDER BY id;");
        cmd.Parameters.AddWithValue("$c", clusterId);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new ClusterComment(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6)));
        }

        return list;
    }
}
