using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Tests.Endpoints;

/// <summary>A workbench over one test case, reached through <see cref="WorkbenchFactory"/>'s in-memory client.</summary>
public abstract class WorkbenchApiTestBase : IDisposable
{
    private readonly WorkbenchFactory _factory;

    protected WorkbenchApiTestBase(WorkbenchCase testCase)
    {
        Case = testCase;
        _factory = new WorkbenchFactory(testCase.Options());
        Client = _factory.CreateClient();
    }

    protected WorkbenchCase Case { get; }

    protected HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        Case.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>GET that must answer 200, as JSON.</summary>
    protected async Task<JsonElement> Get(string url)
    {
        var response = await Client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    protected string ClusterOf(string adKey)
    {
        using var store = CaseStore.Open(Case.Path);
        return store.Memberships().Single(m => m.AdKey == adKey).ClusterId!;
    }
}
