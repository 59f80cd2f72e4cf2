using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Tests.Endpoints;

/// <summary>Issue #19: the read-only workbench over a case written before phone details were stored still shows them
/// (computed on read) and writes nothing to the case.</summary>
public sealed class PhoneDetailsReadOnlyTests : IDisposable
{
    private readonly WorkbenchCase _case = new();

    public void Dispose() => _case.Dispose();

    [Fact]
    public async Task ReadOnlyWorkbench_OldCaseWithoutStoredDetails_GraphStillCarriesThem_CaseUnchanged()
    {
        // Given the ring's case as a build before #19 left it (no phone_details rows, no mark)
        using (var connection = new SqliteConnection($"Data Source={_case.Path};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "DELETE FROM phone_details; DELETE FROM meta WHERE key = 'phone_details'; PRAGMA wal_checkpoint(TRUNCATE);";
            cmd.ExecuteNonQuery();
        }

        string cluster;
        using (var store = CaseStore.OpenReadOnly(_case.Path))
        {
            store.PhoneDetailsStored.ShouldBeFalse();
            cluster = store.Memberships().Single(m => m.AdKey == "r1").ClusterId!;
        }

        var before = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(_case.Path)));

        // When the read-only workbench serves the ring's graph
        JsonElement graph;
        using (var factory = new WorkbenchFactory(_case.Options(readOnly: true)))
        using (var client = factory.CreateClient())
        {
            var response = await client.GetAsync("/api/clusters/" + cluster + "/graph");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            graph = await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        // Then its phone node carries the region and type all the same, and the case file is byte for byte unchanged
        var phone = graph.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("label").GetString() == "+17025550142");
        phone.GetProperty("phone").GetProperty("location").GetString().ShouldBe("Nevada");
        phone.GetProperty("phone").GetProperty("numberType").GetString().ShouldBe("fixed line or mobile");
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(_case.Path))).ShouldBe(before);
    }
}
