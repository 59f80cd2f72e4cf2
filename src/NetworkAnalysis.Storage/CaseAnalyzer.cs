using System.Diagnostics;
using System.Text.Json;
using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Similarity;

namespace NetworkAnalysis.Storage;

/// <summary>Clusters a case and stores the result: load the graph, cluster it, save clusters and memberships.</summary>
/// <remarks>
/// After a further ingest the analysis is incremental: ads without a cluster are the change, and every component none of
/// whose ads is new or mentions an identifier a new ad mentions keeps its clusters without cohesion gating or Leiden
/// (<see cref="ClusteringEngine.Update(PreviousClustering, Core.Graphs.AdEntityIncidence, IReadOnlyList{Core.Graphs.WeakLink}, IncrementalChange, ClusteringOptions, ClusteringDecisions?, CancellationToken)"/>),
/// which gives the same clusters and IDs as a full analysis. A full analysis runs when asked, when the case has no
/// clusters, when the options differ from those of the run that made the current clusters, or when that run did not
/// record components. The graph is loaded from the graph snapshot file beside the case plus the rows added since, when that
/// file matches the case, and the file is written again after the save (<see cref="CaseStore.GraphSnapshotPath"/>, issue #21).
/// The run record's timings carry <c>components</c>, <c>components_reused</c> and
/// <c>components_recomputed</c>.
/// </remarks>
public sealed class CaseAnalyzer
{
    private readonly CaseStore _store;

    /// <summary>Creates an analyzer over <paramref name="store"/>.</summary>
    public CaseAnalyzer(CaseStore store) => _store = store;

    /// <summary>Near-duplicate photo and text settings (default: photos only); <c>Images = false</c> analyses without weak links.</summary>
    /// <remarks>
    /// Weak links enter clustering with weight <see cref="ClusteringOptions.WeakWeight"/> × similarity; one joins two
    /// components only at similarity ≥ <see cref="ClusteringOptions.WeakJoinSimilarity"/> and, by default, only for photos
    /// (<see cref="NearDuplicateOptions.TextJoins"/>); hub families (spanning
    /// more than <see cref="NearDuplicateOptions.MaxFamilyGroups"/> identifier groups) give none. See docs/near-duplicates.md.
    /// </remarks>
    public NearDuplicateOptions NearDuplicates { get; init; } = new();

    /// <summary>Tests only: runs once the analysis's snapshot is taken (its first read), before the graph is loaded.</summary>
    internal Action? SnapshotTaken { get; init; }

    /// <summary>Runs the analysis (incremental when possible) and returns what it found.</summary>
    /// <param name="options">Hub thresholds, Leiden settings and weights; null uses the defaults.</param>
    /// <param name="ct">Cancellation.</param>
    public AnalysisRunResult Analyze(ClusteringOptions? options = null, CancellationToken ct = default) => Analyze(options, full: false, ct);

    /// <summary>Runs the analysis and returns what it found.</summary>
    /// <param name="options">Hub thresholds, Leiden settings and weights; null uses the defaults.</param>
    /// <param name="full">Recompute every component even when an incremental update is possible.</param>
    /// <param name="ct">Cancellation.</param>
    public AnalysisRunResult Analyze(ClusteringOptions? options, bool full, CancellationToken ct = default)
    {
        options = (options ?? new ClusteringOptions()) with { TextJoins = NearDuplicates.TextJoins };
        var optionsJson = JsonSerializer.Serialize(options);
        var watch = Stopwatch.StartNew();
        var cpu = new StageCpu();
        // On PostgreSQL every read and write below is one repeatable-read transaction: ingest workers may commit meanwhile.
        using var analysis = _store.BeginAnalysis();
        // Before loading: a mention written while the graph loads counts as unseen next time (touched again, never missed).
        var mentionsThrough = _store.MaxMentionId();
        SnapshotTaken?.Invoke();
        var timings = new Dictionary<string, double>();
        var lap = Stopwatch.StartNew();
        var snapshot = _store.LoadAnalysisSnapshot(ct, out var stamp, out var snapshotNote, timings);
        var fromFile = snapshot.FromGraphSnapshot;
        Lap(timings, fromFile ? "load.graph_snapshot_ms" : "load.graph_ms", lap);
        // Without the snapshot file, every ad's city and posting time is read on the other core while clustering runs (#21).
        var adFacts = _store.PrefetchAdFacts(snapshot, ct);
        var previous = _store.CurrentClusters(snapshot);
        Lap(timings, "load.previous_ms", lap);
        var previousParameters = _store.ClusteringRunParameters();
        var decided = DecisionApplier.Load(_store);
        var incremental = !full && previous.Complete && previous.AssignedCount > 0 && SameOptions(previousParameters, optionsJson);
        var loadMs = watch.Elapsed.TotalMilliseconds;
        var runId = _store.BeginRun("analyze", new
        {
            clusterer = "engine", max_groups = options.Hubs.MaxGroups, max_ads = options.Hubs.MaxAdDegree,
            quality = options.Leiden.Quality.ToString(), resolution = options.Leiden.Resolution, seed = options.Leiden.Seed,
            mode = incremental ? "incremental" : "full", options = optionsJson,
            phone_metadata = "libphonenumber-csharp " + Core.Extraction.Phones.PhoneNumberDetails.MetadataVersion,
            decisions = decided.ActiveIds,
        });
        timings["load_ms"] = loadMs;
        cpu.Lap(timings, "load_cpu");
        watch.Restart();
        var weak = WeakLinks(snapshot, options);
        var (decisions, outcomes) = decided.Resolve(snapshot.Incidence);
        timings["weak_links_ms"] = watch.Elapsed.TotalMilliseconds;
        cpu.Lap(timings, "weak_links_cpu");
        watch.Restart();
        lap.Restart();
        var changedAds = incremental ? _store.ChangedAds(snapshot) : null;
        var change = incremental
            ? decided.Touch(Change(snapshot, previous, _store.LoadWeakLinks(snapshot), weak, changedAds!), previousParameters, _store.ListDecisions())
                with { PreviousHubs = _store.CurrentHubs() }
            : null;
        if (incremental)
        {
            Lap(timings, "cluster.change_ms", lap);
        }

        var result = incremental
            ? ClusteringEngine.Update(previous, snapshot.Incidence, weak, change!, options, decisions, ct)
            : ClusteringEngine.RunWithDecisions(snapshot.Incidence, weak, options, decisions, ct);
        if (incremental)
        {
            Lap(timings, "cluster.update_ms", lap);
        }
        timings["cluster_ms"] = watch.Elapsed.TotalMilliseconds;
        cpu.Lap(timings, "cluster_cpu");
        watch.Restart();
        lap.Restart();
        CaseStore.AwaitAdFacts(snapshot, adFacts);
        Lap(timings, "save.ad_facts_wait_ms", lap);
        var lineage = previous.AssignedCount == 0 ? [] : ClusterLineage.Compute(previous, result);
        Lap(timings, "save.lineage_compute_ms", lap);
        // The snapshot file is written beside the cluster rows, once a full save's summaries and memberships index, which keep
        // both cores busy, are done (#21, session 15).
        var clusterRowsNext = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var snapshotWrite = _store.BeginGraphSnapshotWrite(snapshot, stamp, clusterRowsNext.Task);
        Lap(timings, "save.graph_snapshot_start_ms", lap);
        try
        {
            _store.SaveClustering(runId, snapshot, result, incremental ? previous : null, changedAds, timings, clusterRowsNext);
            lap.Restart();
            _store.SaveLineage(runId, lineage);
            Lap(timings, "save.lineage_ms", lap);
            _store.SaveWeakLinks(snapshot, weak);
            _store.SetAnalyzedMentionsThrough(mentionsThrough);
            Lap(timings, "save.weak_links_ms", lap);
        }
        catch
        {
            // SaveClustering releases the write on every path it enters; this covers a failure before it does, since
            // AbandonGraphSnapshotWrite waits for the write, which would otherwise never start.
            clusterRowsNext.TrySetResult();
            CaseStore.AbandonGraphSnapshotWrite(snapshotWrite);
            throw;
        }

        var writeNote = _store.EndGraphSnapshotWrite(snapshotWrite, timings);
        Lap(timings, "save.graph_snapshot_wait_ms", lap);
        timings["save_ms"] = watch.Elapsed.TotalMilliseconds;
        cpu.Lap(timings, "save_cpu");
        cpu.Finish(timings);
        var stats = result.Statistics;
        timings["components"] = stats.Components;
        timings["components_reused"] = stats.ComponentsReused;
        timings["components_recomputed"] = stats.Components - stats.ComponentsReused;
        timings["decisions_applied"] = outcomes.Count(o => o.Applies);
        timings["decisions_not_applying"] = outcomes.Count(o => !o.Applies);
        timings["graph_snapshot_used"] = fromFile ? 1 : 0;
        // What the run covered (ingest may have added more meanwhile: the next analysis takes those up as new ads).
        timings["ads_covered"] = snapshot.Incidence.AdCount;
        timings["mentions_through"] = mentionsThrough;
        _store.FinishRun(runId, timings);
        analysis.Commit();
        return new AnalysisRunResult(runId, snapshot.Incidence.AdCount, snapshot.Incidence.EntityCount, result.Clusters.Count, timings)
        {
            Incremental = incremental,
            Statistics = stats,
            Decisions = outcomes,
            GraphSnapshotNote = snapshotNote ?? writeNote,
        };
    }

    /// <summary>Adds the milliseconds since <paramref name="lap"/> last restarted under <paramref name="key"/> (a sub-stage: the key has
    /// a dot), and restarts it.</summary>
    internal static void Lap(IDictionary<string, double>? timings, string key, Stopwatch lap)
    {
        if (timings is not null)
        {
            timings[key] = timings.TryGetValue(key, out var ms) ? ms + lap.Elapsed.TotalMilliseconds : lap.Elapsed.TotalMilliseconds;
        }

        lap.Restart();
    }

    /// <summary>
    /// The process's CPU seconds per stage and the garbage collector's pauses and collections over the run (issue #21: on a
    /// shared machine wall times are noise, and at millions of ads the collector's full collections grow with the heap).
    /// Keys end in <c>_cpu</c> (seconds), <c>gc_pause</c> (seconds) and <c>gc_gen*</c> (counts): not <c>_ms</c>, so not stages.
    /// </summary>
    private sealed class StageCpu
    {
        private readonly TimeSpan _pauseAtStart = GC.GetTotalPauseDuration();
        private readonly int _gen0 = GC.CollectionCount(0), _gen1 = GC.CollectionCount(1), _gen2 = GC.CollectionCount(2);
        private TimeSpan _last = Process.GetCurrentProcess().TotalProcessorTime;
        private TimeSpan _lastPause = GC.GetTotalPauseDuration();

        /// <summary>The CPU seconds since the last lap under <paramref name="key"/> (<c>load_cpu</c>), and the collector's pauses
        /// meanwhile under the stage's name and <c>_gc_pause</c> (<c>load_gc_pause</c>).</summary>
        public void Lap(Dictionary<string, double> timings, string key)
        {
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            timings[key] = (now - _last).TotalSeconds;
            _last = now;
            var pause = GC.GetTotalPauseDuration();
            timings[key[..^"_cpu".Length] + "_gc_pause"] = (pause - _lastPause).TotalSeconds;
            _lastPause = pause;
        }

        public void Finish(Dictionary<string, double> timings)
        {
            timings["gc_pause"] = (GC.GetTotalPauseDuration() - _pauseAtStart).TotalSeconds;
            timings["gc_gen0"] = GC.CollectionCount(0) - _gen0;
            timings["gc_gen1"] = GC.CollectionCount(1) - _gen1;
            timings["gc_gen2"] = GC.CollectionCount(2) - _gen2;
        }
    }

    /// <summary>Whether the run that made the current clusters used exactly <paramref name="optionsJson"/>.</summary>
    private static bool SameOptions(string? parametersJson, string optionsJson)
    {
        if (parametersJson is null)
        {
            return false;
        }

        using var doc = JsonDocument.Parse(parametersJson);
        return doc.RootElement.ValueKind == JsonValueKind.Object
            && doc.RootElement.TryGetProperty("options", out var stored)
            && stored.ValueKind == JsonValueKind.String
            && string.Equals(stored.GetString(), optionsJson, StringComparison.Ordinal);
    }

    /// <summary>
    /// The change since the last analysis: ads without a cluster or with identifiers added since (re-crawl versions, photo
    /// hashes that arrived after their URLs), the identifiers they mention, and both ends of every
    /// weak link added, removed or re-weighted (a new ad can make a template family a hub, dropping links between old ads).
    /// </summary>
    private static IncrementalChange Change(
        CaseSnapshot snapshot,
        PreviousClustering previous,
        IReadOnlyList<WeakLink> previousWeak,
        IReadOnlyList<WeakLink> weak,
        bool[] changedAds)
    {
        var incidence = snapshot.Incidence;
        var touched = new bool[incidence.AdCount];
        var touchedKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var a = 0; a < incidence.AdCount; a++)
        {
            if (previous.ClusterOfAd[a] < 0 || changedAds[a])
            {
                touched[a] = true;
                touchedKeys.Add(incidence.AdKeys[a]);
            }
        }

        static (int, int, WeakLinkKind, double) Key(WeakLink w) => (Math.Min(w.AdA, w.AdB), Math.Max(w.AdA, w.AdB), w.Kind, Math.Round(w.Similarity, 6));
        var before = previousWeak.Select(Key).ToHashSet();
        var after = weak.Select(Key).ToHashSet();
        foreach (var (a, b, _, _) in before.Except(after).Concat(after.Except(before)))
        {
            touchedKeys.Add(incidence.AdKeys[a]);
            touchedKeys.Add(incidence.AdKeys[b]);
        }

        var entities = new HashSet<(EntityType, string)>();
        for (var i = 0; i < incidence.LinkCount; i++)
        {
            if (touched[incidence.LinkAds[i]])
            {
                var e = incidence.LinkEntities[i];
                entities.Add((incidence.EntityTypes[e], incidence.EntityValues[e]));
            }
        }

        return new IncrementalChange { TouchedAdKeys = touchedKeys, TouchedEntities = entities };
    }

    private IReadOnlyList<WeakLink> WeakLinks(CaseSnapshot snapshot, ClusteringOptions options)
    {
        var nd = NearDuplicates;
        if (!nd.Images && !nd.Text)
        {
            return [];
        }

        var (imageAds, pHashes) = nd.Images ? _store.LoadImagePHashes(snapshot) : ([], []);
        var (texts, masks) = nd.Text ? _store.LoadTextsAndMasks(snapshot) : (null, null);
        return NearDuplicateLinker.Link(snapshot.Incidence, options.Hubs, imageAds, pHashes, texts, masks, nd).WeakLinks;
    }
}
