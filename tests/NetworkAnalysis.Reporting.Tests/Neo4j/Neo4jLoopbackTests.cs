using NetworkAnalysis.Reporting.Neo4j;
using NetworkAnalysis.Reporting.Tests.Support;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reporting.Tests.Neo4j;

/// <summary>The Query API client and pusher over real HTTP against a loopback server speaking the documented shapes.</summary>
public sealed class Neo4jLoopbackTests
{
    private static Neo4jRetryOptions NoWait() => new() { Delay = (_, _) => Task.CompletedTask };

    private static Neo4jQueryClient Client(HttpClient http, Uri baseUri, string password = "secret") =>
        new(http, new Neo4jConnection(baseUri, "neo4j", "neo4j", password), NoWait());

    [Fact]
    public async Task Push_EveryRequestCommitted_CountsMatchTheServer()
    {
        await using var server = new LoopbackNeo4jServer();
        using var http = new HttpClient();

        var result = await new Neo4jGraphPusher(Client(http, server.BaseUri), 5).PushAsync(SampleGraphs.Corpus(), CancellationToken.None);

        result.Success.ShouldBeTrue(result.Error);
        result.Batches.ShouldBe(server.Committed.Count);
        result.PlannedBatches.ShouldBe(result.Batches);
    }

    [Fact]
    public async Task Push_MidStreamCloseOnce_IsRetriedAndSucceeds()
    {
        await using var server = new LoopbackNeo4jServer { Fault = i => i == 4 ? LoopbackFault.MidStream : null };
        using var http = new HttpClient();

        var result = await new Neo4jGraphPusher(Client(http, server.BaseUri), 5).PushAsync(SampleGraphs.Corpus(), CancellationToken.None);

        result.Success.ShouldBeTrue(result.Error);
        result.Retries.ShouldBe(1);
        server.Requests.Count.ShouldBe(result.Batches + 1);
    }

    [Fact]
    public async Task Push_TransientErrorThenAnswer_Retried()
    {
        await using var server = new LoopbackNeo4jServer
        {
            Fault = i => i switch
            {
                1 => new LoopbackFault(503, "<html>busy</html>"),
                2 => new LoopbackFault(400, LoopbackNeo4jServer.Error("Neo.TransientError.Transaction.DeadlockDetected", "deadlock")),
                _ => null,
            },
        };
        using var http = new HttpClient();

        var result = await new Neo4jGraphPusher(Client(http, server.BaseUri), 5).PushAsync(SampleGraphs.Corpus(), CancellationToken.None);

        result.Success.ShouldBeTrue(result.Error);
        result.Retries.ShouldBe(2);
    }

    [Fact]
    public async Task Push_WrongPassword_FailsAtOnceNamingAuthentication()
    {
        await using var server = new LoopbackNeo4jServer();
        using var http = new HttpClient();

        var result = await new Neo4jGraphPusher(Client(http, server.BaseUri, "wrong"), 5).PushAsync(SampleGraphs.Corpus(), CancellationToken.None);

        result.Success.ShouldBeFalse();
        result.Batches.ShouldBe(0);
        result.PlannedBatches.ShouldBeGreaterThan(5);
        result.Error!.ShouldContain("authentication failed");
        result.Error!.ShouldContain("HTTP 401 Neo.ClientError.Security.Unauthorized");
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Run_NothingListening_SaysTheServerCannotBeReached()
    {
        // Given a loopback port that was free a moment ago
        Uri baseUri;
        await using (var gone = new LoopbackNeo4jServer())
        {
            baseUri = gone.BaseUri;
        }

        using var http = new HttpClient();

        var result = await Client(http, baseUri).RunAsync(Neo4jStatements.CountAds, new Dictionary<string, object?>(), CancellationToken.None);

        result.Success.ShouldBeFalse();
        result.Attempts.ShouldBe(5);
        result.Error!.ShouldContain("cannot reach the server");
    }

    [Fact]
    public async Task Run_AnswerWithoutData_IsNotASuccess()
    {
        await using var server = new LoopbackNeo4jServer { Fault = _ => new LoopbackFault(200, "{\"ok\":true}") };
        using var http = new HttpClient();

        var result = await Client(http, server.BaseUri).RunAsync(Neo4jStatements.CountAds, new Dictionary<string, object?>(), CancellationToken.None);

        result.Success.ShouldBeFalse();
        result.Error!.ShouldContain("without a Query API answer");
    }
}
