using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkAnalysis.Web.Endpoints;
using NetworkAnalysis.Web.Security;
using System.Threading.RateLimiting;

namespace NetworkAnalysis.Web;

/// <summary>Builds the workbench web server over one case file: static assets, the JSON API and the security guard.</summary>
/// <remarks>The host has no server of its own: <c>netan serve</c> adds Kestrel on its address, tests add a test server.</remarks>
public static class WorkbenchHost
{
    /// <summary>A host builder for the workbench; <paramref name="configureWeb"/> adds the server (Kestrel or a test server).</summary>
    public static IHostBuilder CreateHostBuilder(WorkbenchOptions options, Action<IWebHostBuilder>? configureWeb = null, bool logToConsole = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HostBuilder()
            .ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                if (logToConsole)
                {
                    logging.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
                }
            })
            .ConfigureWebHost(web =>
            {
                web.UseContentRoot(AppContext.BaseDirectory);
                web.ConfigureServices(services => AddServices(services, options));
                web.Configure(Configure);
                // Before the caller's Listen calls: every Kestrel endpoint gives its own rejections the security headers.
                web.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Use(KestrelRejectionHeaders.Middleware)));
                configureWeb?.Invoke(web);
            });
    }

    /// <summary>Where the browser assets are: <c>wwwroot</c> beside the assembly.</summary>
    public static string AssetFolder => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>Whether Cytoscape.js is available to serve (it comes from npm; see <c>docs/workbench.md</c>).</summary>
    public static bool HasCytoscape => StaticAssets.FindCytoscape() is not null;

    /// <summary>A new random access token (256 bits, URL-safe) for <see cref="WorkbenchOptions.Token"/>.</summary>
    public static string NewAccessToken() => WorkbenchGuard.NewToken();

    private static void AddServices(IServiceCollection services, WorkbenchOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CaseStorePool>();
        services.AddSingleton<AnalysisModel>();
        services.AddSingleton<CaseCountsCache>();
        services.AddSingleton<TeamAccounts>();
        services.AddRateLimiter(limits =>
        {
            // Per client address, a fixed window: with TestServer or a proxy without the address, one shared partition.
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.AddPolicy(TeamEndpoints.LoginPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginAttempts, Window = options.LoginWindow, QueueLimit = 0 }));
            limits.OnRejected = (context, ct) => new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(
                new { error = "too many login attempts from this address: wait a few minutes" }, ct));
        });
        services.AddSingleton<Rendering.GraphLayouts>();
        services.AddRouting();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.WriteIndented = false);
        services.AddHostedService<SearchIndexWarmup>();
    }

    private static void Configure(IApplicationBuilder app)
    {
        app.UseMiddleware<WorkbenchGuard>();
        if (Directory.Exists(AssetFolder))
        {
            var files = new PhysicalFileProvider(AssetFolder);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        app.UseRouting();
        app.UseRateLimiter();
        app.Use(RoleGate.Check);
        app.UseEndpoints(endpoints =>
        {
            TeamEndpoints.Map(endpoints);
            ReviewEndpoints.Map(endpoints);
            StaticAssets.Map(endpoints);
            SearchEndpoints.Map(endpoints);
            PaletteEndpoints.Map(endpoints);
            ClusterEndpoints.Map(endpoints);
            AdEndpoints.Map(endpoints);
            AnnotationEndpoints.Map(endpoints);
            DecisionEndpoints.Map(endpoints);
            ExportEndpoints.Map(endpoints);
        });
    }
}
