using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan bench</c>: generates a corpus and times each pipeline stage, with throughput and peak memory.</summary>
internal static class BenchCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var ads = new Option<int>("--ads", "-n") { Description = "Number of ads", DefaultValueFactory = _ => 100_000 }.AtLeast(1);
        var keep = new Option<string?>("--keep") { Description = "Keep the corpus and case in this folder (default: a temporary folder, deleted)" }.Kind(ValueKind.OutputFolder);
        var warc = new Option<bool>("--warc")
        {
            Description = "Also ingest the same ads as a WARC.gz of their pages with their photos (no re-crawls), and print MB/s and ads/s of both formats side by side",
        };
        var incremental = new Option<int>("--incremental")
        {
            Description = "Also time an incremental update: generate --ads plus this many ads, hold the last ones back, and after the "
                + "main run ingest and analyze them into the same case (issue #21: 10,000 into 1,000,000)",
        }.AtLeast(1);
        var floors = new Option<bool>("--floors")
        {
            Description = "Also time two floors for the JSON Lines ingest in the same run: the same rows written into an empty case by the sqlite3 shell's "
                + ".import of CSVs, and read + extract without storing; print our ingest's rate as a ratio to each",
        };
        var command = new Command("bench", "Time generate, ingest (read + extract + store) and analyze on a synthetic corpus");
        command.Options.Add(ads);
        command.Options.Add(warc);
        command.Options.Add(floors);
        command.Options.Add(incremental);
        var seed = GenerateCommand.SeedOption();
        command.Options.Add(seed);
        command.Options.Add(keep);
        command.SetAction(parse =>
        {
            var n = parse.GetValue(ads);
            var folder = parse.GetValue(keep) ?? Path.Combine(Path.GetTempPath(), "netan-bench-" + Environment.ProcessId);
            var temporary = parse.GetValue(keep) is null;
            try
            {
                var more = parse.GetValue(incremental);
                if (more > 0 && parse.GetValue(floors))
                {
                    // The floors re-write the rows of the case, which by then also holds the incremental ads: not the same rows as the timed ingest.
                    throw new CliError("bench: --floors and --incremental time different row sets; run them separately");
                }

                var stages = Measure(n, parse.GetValue(seed), folder, out var jsonl, more);
                var formats = new List<FormatRun> { jsonl };
                if (parse.GetValue(warc))
                {
                    formats.Add(MeasureWarc(n, parse.GetValue(seed), folder));
                }

                var floorRuns = parse.GetValue(floors) ? BenchFloors.Measure(folder, Path.Combine(folder, "bench.case"), Path.Combine(folder, "ads.jsonl"), jsonl.Seconds) : null;
                Report(ctx, n, stages, parse.GetValue(global.Json), parse.GetValue(warc) ? formats : null, floorRuns);
            }
            finally
            {
                if (temporary && Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One input format's ingest of the same ads into a fresh case: file size, wall and CPU time, ads added.</summary>
    private sealed record FormatRun(string Format, long Bytes, double Seconds, double CpuSeconds, long Ads)
    {
        public double MbPerSecond => Bytes / (1024.0 * 1024) / Seconds;

        public double AdsPerSecond => Ads / Seconds;
    }

    /// <summary>Writes the corpus's pages (each ad once, as the generator's two site layouts) and photos as a WARC.gz and ingests
    /// it into a fresh case: pages through the site profiles, every photo decoded and hashed.</summary>
    private static FormatRun MeasureWarc(int n, int seed, string folder)
    {
        var options = new CorpusOptions { Ads = n, Seed = seed };
        var corpus = CorpusGenerator.Generate(options);
        var warcPath = Path.Combine(folder, "crawl.warc.gz");
        NetworkAnalysis.Core.Generation.Formats.CorpusFormatWriter.WriteWarc(NetworkAnalysis.Core.Generation.Formats.CorpusPages.Captures(corpus, seed, recrawlRate: 0), warcPath);
        var casePath = Path.Combine(folder, "bench-warc.case");
        File.Delete(casePath);
        using var store = CaseStore.Open(casePath, create: true);
        var watch = Stopwatch.StartNew();
        var cpu = CpuSeconds();
        var result = new CaseIngestor(store).Ingest(warcPath);
        var run = new FormatRun("WARC.gz (pages + photos)", new FileInfo(warcPath).Length, watch.Elapsed.TotalSeconds, CpuSeconds() - cpu, result.AdsAdded);
        if (result.AdsAdded != n || result.RowsFailed != 0)
        {
            throw new CliError($"bench: expected {n} ads from the WARC, got {result.AdsAdded} ({result.RowsFailed} failed)", ExitCodes.Failure);
        }

        return run;
    }

    private static List<(string Stage, double Seconds, double? CpuSeconds)> Measure(int n, int seed, string folder, out FormatRun jsonl, int more = 0)
    {
        var stages = new List<(string, double, double?)>();
        var watch = Stopwatch.StartNew();
        var cpu = CpuSeconds();
        var (adsPath, _) = GenerateCommand.Write(new CorpusOptions { Ads = n + more, Seed = seed }, folder);
        var morePath = more > 0 ? HoldBack(adsPath, n, Path.Combine(folder, "more.jsonl")) : null;
        stages.Add(("generate", watch.Elapsed.TotalSeconds, CpuSeconds() - cpu));
        // The generator's corpus is garbage now, but its heap stays in this process until a full collection; ingest's queues
        // then grew on top of it, and the peak working set counted both (#21). `netan generate` and `netan ingest` are
        // separate processes in real use, so the heap is compacted and returned before ingest is measured.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var casePath = Path.Combine(folder, "bench.case");
        File.Delete(casePath);
        // Closed before the incremental part, which opens the case afresh for each step as the CLI's two commands do.
        IngestResult ingest;
        using (var store = CaseStore.Open(casePath, create: true))
        {
            watch.Restart();
            cpu = CpuSeconds();
            ingest = new CaseIngestor(store).Ingest(adsPath);
            stages.Add(("ingest (read, extract, store)", watch.Elapsed.TotalSeconds, CpuSeconds() - cpu));
            jsonl = new FormatRun("JSON Lines", new FileInfo(adsPath).Length, watch.Elapsed.TotalSeconds, CpuSeconds() - cpu, ingest.AdsAdded);
            // Where ingest's time went (#21): the reader, extraction and writer threads overlap, so these do not add up to the wall time.
            foreach (var (name, ms) in ingest.TimingsMs.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                stages.Add(("  ingest " + name.Replace("_ms", "", StringComparison.Ordinal), ms / 1000, null));
            }

            watch.Restart();
            cpu = CpuSeconds();
            var analysis = new CaseAnalyzer(store).Analyze();
            stages.Add(("analyze (load, cluster, save)", watch.Elapsed.TotalSeconds, CpuSeconds() - cpu));
            // The run's timings also carry counts (components, components_reused ...): only the *_ms entries are stages.
            AddAnalyzeStages(stages, analysis, "  ");
        }

        if (ingest.AdsAdded != n)
        {
            throw new CliError($"bench: expected {n} ads ingested, got {ingest.AdsAdded}", ExitCodes.Failure);
        }

        if (morePath is not null)
        {
            MeasureIncremental(casePath, morePath, more, stages);
        }

        return stages;
    }

    /// <summary>The analysis run's stages (keys ending in <c>_ms</c>), each followed by its parts (keys <c>stage.part_ms</c>, issue #21), indented.</summary>
    private static void AddAnalyzeStages(List<(string, double, double?)> stages, AnalysisRunResult analysis, string indent)
    {
        var timed = analysis.TimingsMs.Where(t => t.Key.EndsWith("_ms", StringComparison.Ordinal)).ToList();
        foreach (var (name, ms) in timed.Where(t => !t.Key.Contains('.', StringComparison.Ordinal)))
        {
            var stage = name[..^3];
            stages.Add((indent + stage, ms / 1000, null));
            foreach (var (part, partMs) in timed.Where(t => t.Key.StartsWith(stage + ".", StringComparison.Ordinal)))
            {
                stages.Add((indent + "  " + part[..^3].Replace(".", ": ", StringComparison.Ordinal), partMs / 1000, null));
            }
        }
    }

    /// <summary>Moves every line of <paramref name="adsPath"/> after the first <paramref name="keep"/> into <paramref name="morePath"/>.</summary>
    private static string HoldBack(string adsPath, int keep, string morePath)
    {
        var first = adsPath + ".first";
        using (var reader = new StreamReader(adsPath))
        using (var head = new StreamWriter(first))
        using (var tail = new StreamWriter(morePath))
        {
            var i = 0;
            while (reader.ReadLine() is { } line)
            {
                (i++ < keep ? head : tail).WriteLine(line);
            }
        }

        File.Move(first, adsPath, overwrite: true);
        return morePath;
    }

    /// <summary>Ingests the held-back ads into the analysed case and analyses it again (incrementally), timing both, each on the
    /// case opened afresh and closed after (its WAL checkpointed), as <c>netan ingest</c> and <c>netan analyze</c> run (#21).</summary>
    private static void MeasureIncremental(string casePath, string morePath, int more, List<(string, double, double?)> stages)
    {
        var watch = Stopwatch.StartNew();
        var cpu = CpuSeconds();
        IngestResult ingest;
        using (var store = CaseStore.Open(casePath))
        {
            ingest = new CaseIngestor(store).Ingest(morePath);
        }

        var (ingestSeconds, ingestCpu) = (watch.Elapsed.TotalSeconds, CpuSeconds() - cpu);
        stages.Add(($"incremental: ingest {more:N0} more", ingestSeconds, ingestCpu));
        watch.Restart();
        cpu = CpuSeconds();
        AnalysisRunResult analysis;
        using (var store = CaseStore.Open(casePath))
        {
            analysis = new CaseAnalyzer(store).Analyze();
        }

        var (analyzeSeconds, analyzeCpu) = (watch.Elapsed.TotalSeconds, CpuSeconds() - cpu);
        stages.Add(("incremental: analyze", analyzeSeconds, analyzeCpu));
        AddAnalyzeStages(stages, analysis, "  incremental: ");

        stages.Add(("incremental: ingest + analyze", ingestSeconds + analyzeSeconds, ingestCpu + analyzeCpu));
        if (ingest.AdsAdded != more || !analysis.Incremental)
        {
            throw new CliError($"bench: expected {more} more ads ingested and an incremental analysis, got {ingest.AdsAdded} ({(analysis.Incremental ? "incremental" : "full")})", ExitCodes.Failure);
        }
    }

    /// <summary>CPU time (user + system, all threads) of this process so far: on a shared machine the wall clock also
    /// counts waiting for a core, this does not.</summary>
    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static void Report(CliContext ctx, int n, List<(string Stage, double Seconds, double? CpuSeconds)> stages, bool json, List<FormatRun>? formats,
        IReadOnlyList<BenchFloors.Run>? floorRuns = null)
    {
        var main = stages.Where(s => !s.Stage.StartsWith(' ') && s.Stage != "generate" && !s.Stage.StartsWith("incremental", StringComparison.Ordinal)).ToList();
        var pipeline = main.Sum(s => s.Seconds);
        var pipelineCpu = main.Sum(s => s.CpuSeconds ?? 0);
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        if (json)
        {
            ctx.Out.WriteLine(JsonSerializer.Serialize(new
            {
                ads = n, stages = stages.Select(s => new { stage = s.Stage.Trim(), seconds = s.Seconds, cpu_seconds = s.CpuSeconds }),
                pipeline_seconds = pipeline, pipeline_cpu_seconds = pipelineCpu, ads_per_second = n / pipeline, peak_working_set_mb = peakMb,
                ingest_by_format = formats?.Select(f => new
                {
                    format = f.Format, bytes = f.Bytes, seconds = f.Seconds, cpu_seconds = f.CpuSeconds, ads = f.Ads,
                    mb_per_second = f.MbPerSecond, ads_per_second = f.AdsPerSecond, ads_per_second_vs_jsonl = f.AdsPerSecond / formats[0].AdsPerSecond,
                }),
                ingest_floors = floorRuns?.Select(f => new
                {
                    floor = f.Name, seconds = f.Seconds, cpu_seconds = f.CpuSeconds, ads_per_second = n / f.Seconds, ingest_rate_vs_floor = f.IngestRateRatio,
                }),
            }));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Stage").AddColumn(new TableColumn("Seconds").RightAligned())
            .AddColumn(new TableColumn("Ads/s").RightAligned()).AddColumn(new TableColumn("CPU s").RightAligned());
        foreach (var (stage, seconds, cpuSeconds) in stages)
        {
            table.AddRow(Markup.Escape(stage), seconds.ToString("0.00"), seconds > 0 && !stage.StartsWith(' ') && !stage.StartsWith("incremental", StringComparison.Ordinal) ? (n / seconds).ToString("N0") : "",
                cpuSeconds is { } c ? c.ToString("0.00") : "");
        }

        table.AddRow("[bold]pipeline (ingest + analyze)[/]", $"[bold]{pipeline:0.00}[/]", $"[bold]{n / pipeline:N0}[/]", $"[bold]{pipelineCpu:0.00}[/]");
        ctx.Console.Write(table);
        if (formats is not null)
        {
            // The same ads in each format, each ingested into a fresh case.
            var side = new Table().Border(TableBorder.Rounded).AddColumn("Ingest of the same ads").AddColumn(new TableColumn("MB").RightAligned())
                .AddColumn(new TableColumn("Seconds").RightAligned()).AddColumn(new TableColumn("MB/s").RightAligned())
                .AddColumn(new TableColumn("Ads/s").RightAligned()).AddColumn(new TableColumn("CPU s").RightAligned()).AddColumn(new TableColumn("Ads/s vs JSON Lines").RightAligned());
            foreach (var f in formats)
            {
                side.AddRow(Markup.Escape(f.Format), (f.Bytes / (1024.0 * 1024)).ToString("0.0"), f.Seconds.ToString("0.00"), f.MbPerSecond.ToString("0.0"),
                    f.AdsPerSecond.ToString("N0"), f.CpuSeconds.ToString("0.00"), (f.AdsPerSecond / formats[0].AdsPerSecond).ToString("0.00"));
            }

            ctx.Console.Write(side);
        }

        if (floorRuns is not null)
        {
            // The ingest above against two floors timed in the same run: how far the store half is from SQLite's own bulk path.
            var floorTable = new Table().Border(TableBorder.Rounded).AddColumn("Ingest floor (same run)").AddColumn(new TableColumn("Seconds").RightAligned())
                .AddColumn(new TableColumn("Ads/s").RightAligned()).AddColumn(new TableColumn("CPU s").RightAligned())
                .AddColumn(new TableColumn("Our ingest's ads/s vs floor").RightAligned());
            foreach (var f in floorRuns)
            {
                floorTable.AddRow(Markup.Escape(f.Name), f.Seconds.ToString("0.00"), (n / f.Seconds).ToString("N0"), f.CpuSeconds.ToString("0.00"), f.IngestRateRatio.ToString("0.00"));
            }

            ctx.Console.Write(floorTable);
        }

        ctx.Console.MarkupLineInterpolated($"{n:N0} ads; peak working set {peakMb:N0} MB; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
    }
}
