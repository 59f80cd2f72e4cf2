using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using NetworkAnalysis.Reporting.Chromium;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Web.Tests.Browser;

/// <summary>The workbench on a loopback port and Debian's Chromium driven by Playwright (never a downloaded browser).</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<IHost> _more = [];
    private IHost? _host;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string Url { get; private set; } = "";

    /// <summary>The Chromium that <see cref="ChromiumLocator"/> finds; outside CI a missing one skips the test with the reason, in CI it fails.</summary>
    public static string RequireChromium()
    {
        var runner = new ChromiumRunner();
        Prerequisite.Require(runner.IsAvailable, "Chromium", runner.Missing ?? "");
        Prerequisite.Require(File.Exists(Path.Combine(TestData.RepoRoot, "node_modules", "cytoscape", "dist", "cytoscape.min.js")),
            "node_modules (Cytoscape.js, served by the workbench)", "run `npm ci` in the repository (./test.sh does)");
        return runner.Executable;
    }

    public static async Task<BrowserSession> StartAsync(WorkbenchOptions options)
    {
        var chromium = RequireChromium();
        var session = new BrowserSession();
        session._host = WorkbenchHost.CreateHostBuilder(options, web => web.UseKestrel(k => k.Listen(IPAddress.Loopback, 0))).Build();
        await session._host.StartAsync();
        session.Url = session._host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        session._playwright = await Playwright.CreateAsync();
        session.Browser = await session._playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return session;
    }

    /// <summary>Starts one more workbench server (its own Kestrel port and services) beside the first, as a second
    /// <c>netan serve</c> behind a load balancer would run on the same case; its URL.</summary>
    /// <remarks>Cookies are per host, not per port: a browser context logged in on one server sends its cookie to the other.</remarks>
    public async Task<string> AddServerAsync(WorkbenchOptions options)
    {
        var host = WorkbenchHost.CreateHostBuilder(options, web => web.UseKestrel(k => k.Listen(IPAddress.Loopback, 0))).Build();
        _more.Add(host);
        await host.StartAsync();
        return host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>A page that records console errors, page errors and dialogs (an XSS payload that ran would show in them).</summary>
    public async Task<(IPage Page, List<string> Problems)> NewPageAsync()
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                problems.Add($"console {m.Type}: {m.Text}");
            }
        };
        page.PageError += (_, e) => problems.Add("page error: " + e);
        page.Dialog += async (_, d) =>
        {
            problems.Add("dialog: " + d.Message);
            await d.DismissAsync();
        };
        page.SetDefaultTimeout(30_000);
        return (page, problems);
    }

    /// <summary>A new page (see <see cref="NewPageAsync"/>) on the workbench's start page, once the page says it is ready.</summary>
    public async Task<(IPage Page, List<string> Problems)> OpenWorkbenchAsync()
    {
        var (page, problems) = await NewPageAsync();
        await page.GotoAsync(Url + "/");
        await page.WaitForSelectorAsync("body[data-ready='1']");
        return (page, problems);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        foreach (var host in _more)
        {
            await host.StopAsync();
            host.Dispose();
        }

        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}
