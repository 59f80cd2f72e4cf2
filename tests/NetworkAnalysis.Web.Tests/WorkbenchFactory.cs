using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace NetworkAnalysis.Web.Tests;

/// <summary>The workbench in memory over a test server, built by the same host builder <c>netan serve</c> uses.</summary>
/// <remarks>The workbench is a class library, so the factory's entry point is this test assembly (which has one), and the
/// content root is named through the factory's own setting rather than looked up beside a solution file.</remarks>
public sealed class WorkbenchFactory(WorkbenchOptions options) : WebApplicationFactory<WorkbenchFactory>
{
    private const string ContentRootSetting = "TEST_CONTENTROOT_NETWORKANALYSIS_WEB_TESTS";

    static WorkbenchFactory() => Environment.SetEnvironmentVariable("ASPNETCORE_" + ContentRootSetting, AppContext.BaseDirectory);

    protected override IHostBuilder CreateHostBuilder() =>
        WorkbenchHost.CreateHostBuilder(options, web => web.UseSetting(ContentRootSetting, AppContext.BaseDirectory));
}
