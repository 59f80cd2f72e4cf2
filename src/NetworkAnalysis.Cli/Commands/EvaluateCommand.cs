using System.CommandLine;
using System.Text.Json;
using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Evaluation;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan evaluate</c>: scores the case's clusters against ground truth, beside naive components.</summary>
internal static class EvaluateCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var truthOption = new Option<string>("--truth") { Description = "Ground truth CSV (ad_id,group_id[,group_kind])", Required = true }.Kind(ValueKind.InputFile);
        var command = new Command("evaluate", "Score clusters against ground truth: pairwise and B-cubed precision/recall/F1, ARI");
        command.Options.Add(truthOption);
        command.SetAction(parse =>
        {
            var truthPath = parse.GetValue(truthOption)!;
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            var report = Evaluate(store, truthPath);
            CliAudit.Record(store, parse, global, "evaluate", Path.GetFullPath(truthPath));
            if (parse.GetValue(global.Json))
            {
                // snake_case keys like every other command's JSON (b_cubed_f1, pairwise_precision, ...).
                ctx.Out.WriteLine(JsonSerializer.Serialize(new { clusters = report.Clusters, automatic = report.Automatic, naive_components = report.Naive }, JsonOptions));
            }
            else
            {
                ctx.Console.Write(Table(report));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Scores of the stored (decided) clusters, of naive components, and of the automatic result when analysts' decisions stand.</summary>
    public sealed record EvaluationReport(ClusteringScores Clusters, ClusteringScores Naive)
    {
        public ClusteringScores? Automatic { get; init; }
    }

    public static EvaluationReport Evaluate(CaseStore store, string truthPath)
    {
        if (!File.Exists(truthPath))
        {
            throw new CliError($"truth file not found: {truthPath}");
        }

        IReadOnlyDictionary<string, (string Group, string? Kind)> truth;
        try
        {
            using var reader = new StreamReader(truthPath);
            truth = GroundTruth.Read(reader, truthPath);
        }
        catch (FormatException ex)
        {
            throw new CliError(ex.Message);
        }

        var rows = store.Memberships().ToList();
        if (rows.Count == 0 || rows.Any(r => r.ClusterId is null))
        {
            throw new CliError("the case has unclustered ads: run `netan analyze` first", ExitCodes.Failure);
        }

        // Truth files name ads by the input's id; accept the site/id key too.
        var idCounts = rows.GroupBy(r => r.AdId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var keyOfTruthId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (truth.ContainsKey(r.AdKey))
            {
                keyOfTruthId[r.AdKey] = r.AdKey;
            }
            else if (idCounts[r.AdId] == 1 && truth.ContainsKey(r.AdId))
            {
                keyOfTruthId[r.AdId] = r.AdKey;
            }
        }

        var truthByKey = keyOfTruthId.ToDictionary(kv => kv.Value, kv => truth[kv.Key].Group, StringComparer.Ordinal);
        var predicted = rows.ToDictionary(r => r.AdKey, r => r.ClusterId!, StringComparer.Ordinal);
        var snapshot = store.LoadSnapshot();
        var naive = ComponentClusterer.Cluster(snapshot.Incidence);
        var naiveByKey = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var a = 0; a < snapshot.Incidence.AdCount; a++)
        {
            naiveByKey[snapshot.Incidence.AdKeys[a]] = naive.Clusters[naive.AdCluster[a]].Id;
        }

        var automatic = AutomaticClustering.WithoutDecisions(store);
        return new EvaluationReport(ClusteringEvaluator.Score(predicted, truthByKey), ClusteringEvaluator.Score(naiveByKey, truthByKey))
        {
            Automatic = automatic is null ? null : ClusteringEvaluator.Score(automatic, truthByKey),
        };
    }

    private static Table Table(EvaluationReport report)
    {
        // With analysts' decisions standing, the automatic result (no decisions) is shown beside the decided clusters.
        var auto = report.Automatic;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Measure")
            .AddColumn(new TableColumn(auto is null ? "Clusters" : "Clusters (decided)").RightAligned());
        if (auto is not null)
        {
            table.AddColumn(new TableColumn("Automatic").RightAligned());
        }

        table.AddColumn(new TableColumn("Naive components").RightAligned());
        void Add(params string[] cells)
        {
            var list = cells.ToList();
            if (auto is null)
            {
                list.RemoveAt(2);
            }

            table.AddRow([.. list]);
        }

        void Row(string name, Func<ClusteringScores, double> get) =>
            Add(name, get(report.Clusters).ToString("0.0000"), auto is null ? "" : get(auto).ToString("0.0000"), get(report.Naive).ToString("0.0000"));
        Row("Pairwise precision", s => s.PairwisePrecision);
        Row("Pairwise recall", s => s.PairwiseRecall);
        Row("Pairwise F1", s => s.PairwiseF1);
        Row("B-cubed precision", s => s.BCubedPrecision);
        Row("B-cubed recall", s => s.BCubedRecall);
        Row("B-cubed F1", s => s.BCubedF1);
        Row("Adjusted Rand index", s => s.AdjustedRandIndex);
        Add("Clusters (truth groups)", $"{report.Clusters.PredictedClusters:N0} ({report.Clusters.TruthClusters:N0})",
            auto is null ? "" : $"{auto.PredictedClusters:N0} ({auto.TruthClusters:N0})", $"{report.Naive.PredictedClusters:N0} ({report.Naive.TruthClusters:N0})");
        Add("Ads scored", report.Clusters.Ads.ToString("N0"), auto is null ? "" : auto.Ads.ToString("N0"), report.Naive.Ads.ToString("N0"));
        return table;
    }
}
