using System.Diagnostics;
using Microsoft.Playwright;
using NetworkAnalysis.Reporting.Chromium;

namespace NetworkAnalysis.Benchmarks;

/// <summary>Time until a large cluster graph is drawn, laid out and answering clicks, against a running <c>netan serve</c>.</summary>
/// <remarks>
/// A benchmark, not a test: run by the load script (<c>workbench_load.py --browser</c>, see docs/workbench.md) as
/// <c>dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- workbench-graph</c> with NETAN_BENCH_URL and
/// NETAN_BENCH_CLUSTER set; prints one BENCH line per run.
/// </remarks>
internal static class WorkbenchGraphConsole
{
    public static async Task<int> RunAsync()
    {
        var url = Environment.GetEnvironmentVariable("NETAN_BENCH_URL");
        var cluster = Environment.GetEnvironmentVariable("NETAN_BENCH_CLUSTER");
        if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(cluster))
        {
            Console.Error.WriteLine("workbench-graph: set NETAN_BENCH_URL and NETAN_BENCH_CLUSTER (the load script does)");
            return 2;
        }

        var chromium = ChromiumLocator.Find();
        if (chromium is null || !File.Exists(chromium))
        {
            Console.Error.WriteLine($"workbench-graph: Chromium not found ({ChromiumLocator.Searched})");
            return 2;
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var maxAds = Environment.GetEnvironmentVariable("NETAN_BENCH_MAXADS") is { Length: > 0 } m ? "&maxAds=" + m : "";
        // NETAN_BENCH_LAYOUT=client: the browser lays the graph out itself (the comparison with server positions).
        var layout = Environment.GetEnvironmentVariable("NETAN_BENCH_LAYOUT") is "client" ? "&layout=client" : "";
        var runs = int.TryParse(Environment.GetEnvironmentVariable("NETAN_BENCH_RUNS"), out var r) ? Math.Clamp(r, 1, 10) : 3;
        for (var i = 0; i < runs; i++)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
            page.SetDefaultTimeout(120_000);
            // The renderer's main-thread CPU time (Chrome's Performance domain) is reported beside wall time: on a shared
            // machine wall time mostly measures waiting for a core.
            var cdp = await page.Context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Performance.enable");
            // NETAN_BENCH_PROFILE=DIR: also record the page's JavaScript CPU profile (Chrome's .cpuprofile format, opens
            // in DevTools) to DIR/graph-RUN.cpuprofile, to see where the page's time goes.
            var profileDir = Environment.GetEnvironmentVariable("NETAN_BENCH_PROFILE");
            if (!string.IsNullOrEmpty(profileDir))
            {
                await cdp.SendAsync("Profiler.enable");
                await cdp.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 200 });
                await cdp.SendAsync("Profiler.start");
            }
            var clock = Stopwatch.StartNew();
            await page.GotoAsync($"{url}/#/cluster/{Uri.EscapeDataString(cluster)}?view=full{maxAds}{layout}");
            await page.WaitForSelectorAsync("#graph[data-ready='1']");
            var ready = clock.Elapsed.TotalMilliseconds;
            // Usable: a click on the canvas is answered (the main thread is free again).
            await page.Locator("#graph").ClickAsync(new() { Position = new() { X = 10, Y = 10 } });
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => r(0)))");
            var usable = clock.Elapsed.TotalMilliseconds;
            var metrics = (await cdp.SendAsync("Performance.getMetrics"))!.Value.GetProperty("metrics").EnumerateArray()
                .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
            double Ms(string name) => metrics.TryGetValue(name, out var v) ? v * 1000 : double.NaN;
            if (!string.IsNullOrEmpty(profileDir))
            {
                var profile = (await cdp.SendAsync("Profiler.stop"))!.Value.GetProperty("profile").GetRawText();
                Directory.CreateDirectory(profileDir);
                await File.WriteAllTextAsync(Path.Combine(profileDir, $"graph-{i}.cpuprofile"), profile);
            }
            var nodes = await page.GetAttributeAsync("#graph", "data-nodes");
            var edges = await page.GetAttributeAsync("#graph", "data-edges");
            var inPage = await page.GetAttributeAsync("#graph", "data-ms");
            var fetch = await page.GetAttributeAsync("#graph", "data-fetch-ms");
            Console.WriteLine($"BENCH graph layout={(layout.Length > 0 ? "client" : "server")} cluster={cluster} nodes={nodes} edges={edges} ready_ms={ready:F0} usable_ms={usable:F0} fetch_to_layout_ms={inPage} of_which_fetch_ms={fetch} " +
                $"main_thread_cpu_ms={Ms("TaskDuration"):F0} script_ms={Ms("ScriptDuration"):F0} style_layout_ms={Ms("RecalcStyleDuration") + Ms("LayoutDuration"):F0}");
            await page.CloseAsync();
            if (!int.TryParse(nodes, out var n) || n <= 0)
            {
                Console.Error.WriteLine($"workbench-graph: the graph drew no nodes (data-nodes={nodes})");
                return 1;
            }
        }

        return 0;
    }
}
