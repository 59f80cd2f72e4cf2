using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace NetworkAnalysis.Web.Tests;

/// <summary>The workbench in memory over a test server, built by the same host builder <c>netan serve</c> uses.</summary>
public sealed class WorkbenchFactory(WorkbenchOptions options) : WebApplicationFactory<WorkbenchOptions>
{
    protected override IHostBuilder CreateHostBuilder() => WorkbenchHost.CreateHostBuilder(options);
}
