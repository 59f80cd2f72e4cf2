using NetworkAnalysis.Storage;
using NetworkAnalysis.Storage.Copy;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary><c>netan push neo4j</c> from a PostgreSQL case (issue #22) sends a loopback Neo4j server exactly the requests the
/// case file sends, and audits the push on the server.</summary>
[Collection(Neo4jPasswordCollection.Name)]
public sealed class PushPostgresCommandTests(AnalysedCaseFixture fixture, PostgresDatabase database) : IClassFixture<AnalysedCaseFixture>, IClassFixture<PostgresDatabase>
{
    private const string Password = "loopback-secret";

    [SkippableFact]
    public async Task Push_FromThePostgresCopy_SendsTheSameRequestsAsTheCaseFile_WholeCaseAndOneCluster()
    {
        // Given: the fixture's analysed case and its verified copy on PostgreSQL
        Prerequisite.RequirePostgres();
        var remote = database.Schema();
        CaseCopier.Copy(fixture.CasePath, remote).Verified.ShouldBeTrue();
        string cluster;
        using (var store = CaseStore.Open(remote))
        {
            cluster = store.ListClusters(minSize: 2, limit: 1).Single().Id;
        }

        foreach (var extra in new[] { Array.Empty<string>(), ["--cluster", cluster] })
        {
            // When: each store pushes to its own loopback server
            await using var fromFile = new LoopbackNeo4jServer("neo4j", Password);
            await using var fromServer = new LoopbackNeo4jServer("neo4j", Password);
            var a = await PushAsync(fromFile, fixture.CasePath, extra);
            var b = await PushAsync(fromServer, remote, extra);

            // Then: both succeed, print alike, and send the same statements with the same parameters, in the same order
            a.ExitCode.ShouldBe(0, a.All);
            b.ExitCode.ShouldBe(0, b.All);
            b.Error.ShouldBeEmpty();
            b.Out.Replace(fromServer.BaseUri.ToString(), "URL", StringComparison.Ordinal)
                .ShouldBe(a.Out.Replace(fromFile.BaseUri.ToString(), "URL", StringComparison.Ordinal));
            var sent = fromServer.Requests.Select(r => r.Body).ToList();
            sent.Count.ShouldBeGreaterThan(extra.Length == 0 ? 8 : 1);
            sent.ShouldBe(fromFile.Requests.Select(r => r.Body).ToList());
            fromServer.Committed.Count.ShouldBe(sent.Count);
        }

        // And: the pushes are in the server's audit chain, which verifies
        using var check = CaseStore.Open(remote);
        check.ReadAudit().Where(e => e.Action == "push neo4j").Select(e => e.Target).ShouldBe(["(all)", cluster]);
        check.VerifyAudit().IsIntact.ShouldBeTrue();
    }

    private static async Task<CliRunner.Run> PushAsync(LoopbackNeo4jServer server, string casePath, string[] extra)
    {
        var previous = Environment.GetEnvironmentVariable("NEO4J_PASSWORD");
        Environment.SetEnvironmentVariable("NEO4J_PASSWORD", Password);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            return await CliRunner.RunAsync(["push", "neo4j", "--url", server.BaseUri.ToString(), "--case", casePath, "--batch-size", "50", .. extra], timeout.Token);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NEO4J_PASSWORD", previous);
        }
    }
}
