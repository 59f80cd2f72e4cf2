using System.Globalization;
using System.Text.Json;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Where the standing decisions show in exports (see <see cref="DecisionEffects"/>).</summary>
    public DecisionEffects ReadDecisionEffects() => new(ListDecisions(includeUndone: false));

    /// <summary>Writes every decision of the case (undone ones too) as a decisions file (see <see cref="DecisionFile"/>) to <paramref name="stream"/>.</summary>
    /// <returns>How many decisions were written.</returns>
    public int ExportDecisions(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var decisions = ListDecisions();
        DecisionFile.Write(stream, decisions, System.IO.Path.GetFileName(Path), CurrentClusteringRun(), Now());
        return decisions.Count;
    }

    /// <summary>
    /// Imports a decisions file (see <see cref="DecisionFile"/>) into this case, checking each decision against it as
    /// <c>decide</c> would: an identifier or ad the case does not hold, or a conflict with a standing decision (named),
    /// skips that decision and says why; the others are kept. Merges and splits are taken by their ad keys, so the case
    /// need not have the source's cluster IDs. Who, when and why are kept; the file, the source case and the source
    /// decision's ID are recorded in the decision and in the audit chain (<c>decide import</c> per decision, one
    /// <c>decisions import</c> entry for the file). Importing the same file again changes nothing: a decision with the
    /// same kind, targets, analyst and time is not duplicated (one the file says was undone is undone here too).
    /// Run <c>analyze</c> afterwards to apply them.
    /// </summary>
    /// <param name="file">The decisions file.</param>
    /// <param name="who">Who imports (the audit entries' actor).</param>
    /// <exception cref="CaseStoreException">The file cannot be read, is not JSON or not a decisions file (one line naming it), or the case is read-only.</exception>
    public DecisionImportResult ImportDecisions(string file, string who)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        who = who.Trim();
        var (sourceCase, _, entries) = DecisionFile.Read(file);
        if (IsReadOnly)
        {
            throw new CaseStoreException($"{Path} is opened read-only: decisions cannot be imported");
        }

        var fileName = System.IO.Path.GetFileName(file);
        List<AnalystDecision> imported = [], already = [], undoneNow = [];
        List<DecisionImportSkip> skipped = [];
        var all = ListDecisions().ToList(); // kept current below: each decision is checked against those imported before it
        foreach (var entry in entries)
        {
            if (entry.Decision is not { } d)
            {
                skipped.Add(new DecisionImportSkip(entry.Index, entry.SourceId, entry.Field, entry.Problem!));
                continue;
            }

            try
            {
                d = Checked(d);
            }
            catch (DecisionFieldException ex)
            {
                skipped.Add(new DecisionImportSkip(entry.Index, entry.SourceId, ex.Field, ex.Message));
                continue;
            }

            if (all.FirstOrDefault(x => SameDecision(x, d)) is { } existing)
            {
                if (!d.IsActive && existing.IsActive)
                {
                    var undone = MarkUndone(existing, d.UndoneAt!, d.UndoneBy!, who, fileName);
                    all[all.IndexOf(existing)] = undone;
                    undoneNow.Add(undone);
                }
                else
                {
                    already.Add(existing);
                }

                continue;
            }

            if (d.IsActive && Refusal(d, [.. all.Where(x => x.IsActive)]) is { } refusal)
            {
                skipped.Add(new DecisionImportSkip(entry.Index, entry.SourceId, null, refusal));
                continue;
            }

            var stored = InsertImported(d, entry.SourceId, fileName, sourceCase, who);
            all.Add(stored);
            imported.Add(stored);
        }

        AppendAudit(who, "decisions import", System.IO.Path.GetFullPath(file), JsonSerializer.Serialize(new
        {
            from_case = sourceCase,
            imported = imported.Select(d => d.Id).ToArray(),
            already_present = already.Count,
            undone = undoneNow.Select(d => d.Id).ToArray(),
            skipped = skipped.Select(s => s.Describe()).ToArray(),
        }));
        return new DecisionImportResult(sourceCase, imported, already, undoneNow, skipped);
    }

    /// <summary>Same kind, same targets (identifier, ad keys), same analyst and time: the same decision.</summary>
    private static bool SameDecision(AnalystDecision x, AnalystDecision y) =>
        x.Kind == y.Kind && string.Equals(x.Identifier, y.Identifier, StringComparison.Ordinal)
        && x.SideA.SequenceEqual(y.SideA, StringComparer.Ordinal) && x.SideB.SequenceEqual(y.SideB, StringComparer.Ordinal)
        && string.Equals(x.Who, y.Who, StringComparison.Ordinal) && string.Equals(x.At, y.At, StringComparison.Ordinal);

    /// <summary>The decision as this case can hold it: its identifier and ads present, its sides sound; else the field that is not.</summary>
    private AnalystDecision Checked(AnalystDecision d)
    {
        if (d.Identifier is { } label)
        {
            var colon = label.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !EntityTypeNames.TryParse(label[..colon], out var type))
            {
                throw new DecisionFieldException("identifier", $"'{label}' is not type:value");
            }

            using var cmd = Command("SELECT 1 FROM entities WHERE type = $t AND value = $v;");
            cmd.Parameters.AddWithValue("$t", type.ToName());
            cmd.Parameters.AddWithValue("$v", label[(colon + 1)..]);
            if (cmd.ExecuteScalar() is null)
            {
                throw new DecisionFieldException("identifier", $"no identifier {label} in the case");
            }

            return type.IsStrongLink() ? d with { Identifier = type.ToName() + ":" + label[(colon + 1)..] }
                : throw new DecisionFieldException("identifier", $"{label} never links ads, so it cannot be decided a hub or never-hub");
        }

        var a = Ads(d.SideA, "side_a");
        var b = Ads(d.SideB, "side_b");
        if (d.Kind == DecisionKind.NotSame && (a.Length != 1 || b.Length != 1))
        {
            throw new DecisionFieldException(a.Length != 1 ? "side_a" : "side_b", "a not-same decision names exactly one ad on each side");
        }

        if (a.Intersect(b, StringComparer.Ordinal).FirstOrDefault() is { } both)
        {
            throw new DecisionFieldException("side_b", $"ad {both} is on both sides");
        }

        return d with { SideA = a, SideB = b };

        string[] Ads(IReadOnlyList<string> keys, string field)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                using var cmd = Command("SELECT 1 FROM ads WHERE ad_key = $k;");
                cmd.Parameters.AddWithValue("$k", keys[i]);
                if (cmd.ExecuteScalar() is null)
                {
                    throw new DecisionFieldException(string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"), $"no ad '{keys[i]}' in the case");
                }
            }

            return [.. keys];
        }
    }

    private AnalystDecision InsertImported(AnalystDecision d, long? sourceId, string fileName, string? sourceCase, string who)
    {
        var sourceRun = d.RunId;
        d = d with { Who = d.Who.Trim(), Why = ClipWhy(d.Why), RunId = null, UndoneBy = d.UndoneBy?.Trim() };
        var id = InsertDecision(d, new { file = fileName, @case = sourceCase, decision = sourceId, run = sourceRun });
        var stored = d with { Id = id };
        AppendAudit(who, "decide import", string.Create(CultureInfo.InvariantCulture, $"decision {id}"), JsonSerializer.Serialize(new
        {
            kind = stored.KindName, subject = stored.Subject, who = stored.Who, at = stored.At, why = stored.Why,
            undone_at = stored.UndoneAt, undone_by = stored.UndoneBy, from_file = fileName, from_case = sourceCase, from_decision = sourceId,
        }));
        return stored;
    }

    private AnalystDecision MarkUndone(AnalystDecision existing, string undoneAt, string undoneBy, string who, string fileName)
    {
        using (var cmd = Command("UPDATE decisions SET undone_at = $t, undone_by = $w WHERE id = $id AND undone_at IS NULL;"))
        {
            cmd.Parameters.AddWithValue("$t", undoneAt);
            cmd.Parameters.AddWithValue("$w", undoneBy.Trim());
            cmd.Parameters.AddWithValue("$id", existing.Id);
            cmd.ExecuteNonQuery();
        }

        AppendAudit(who, "decide undo", string.Create(CultureInfo.InvariantCulture, $"decision {existing.Id}"),
            JsonSerializer.Serialize(new { subject = existing.Subject, undone_at = undoneAt, undone_by = undoneBy, from_file = fileName }));
        return existing with { UndoneAt = undoneAt, UndoneBy = undoneBy.Trim() };
    }
}
