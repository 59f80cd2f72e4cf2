using System.Text.Json;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>
/// <c>netan push neo4j</c> end to end against a loopback server that speaks the Neo4j Query API's documented shapes: every
/// failure is one line on stderr that says how many requests were committed before it.
/// </summary>
[Collection(Neo4jPasswordCollection.Name)]
public sealed class PushNeo4jCommandTests(AnalysedCaseFixture fixture) : IClassFixture<AnalysedCaseFixture>
{
    private const string Password = "loopback-secret";

    private async Task<CliRunner.Run> PushAsync(LoopbackNeo4jServer server, params string[] extra)
    {
        var previous = Environment.GetEnvironmentVariable("NEO4J_PASSWORD");
        Environment.SetEnvironmentVariable("NEO4J_PASSWORD", Password);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            return await CliRunner.RunAsync(["push", "neo4j", "--url", server.BaseUri.ToString(), "--case", fixture.CasePath, "--batch-size", "50", .. extra], timeout.Token);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NEO4J_PASSWORD", previous);
        }
    }

    private static string OneLine(CliRunner.Run run)
    {
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(1, run.Error);
        lines[0].ShouldNotContain("   at ");
        return lines[0];
    }

    [Fact]
    public async Task Push_ReadmeUrl_IsParsedAndEveryRequestHasTheDocumentedShape()
    {
        // Given a server for database neo4j that accepts user neo4j with the password from the environment
        await using var server = new LoopbackNeo4jServer("neo4j", Password);

        // When the README's command line runs against it (its own address instead of localhost:7474)
        var run = await PushAsync(server, "--user", "neo4j", "--database", "neo4j");

        // Then it succeeds and every request is a documented Query API request, each one answered 202 (committed)
        run.ExitCode.ShouldBe(0, run.All);
        run.Error.ShouldBeEmpty();
        var requests = server.Requests.ToList();
        requests.Count.ShouldBeGreaterThan(8);
        server.Committed.Count.ShouldBe(requests.Count);
        foreach (var r in requests)
        {
            r.Method.ShouldBe("POST");
            r.Path.ShouldBe("/db/neo4j/query/v2");
            r.ContentType!.ShouldStartWith("application/json");
            using var body = JsonDocument.Parse(r.Body);
            body.RootElement.GetProperty("statement").ValueKind.ShouldBe(JsonValueKind.String);
            body.RootElement.GetProperty("parameters").ValueKind.ShouldBe(JsonValueKind.Object);
        }

        run.Out.ShouldContain($"in {requests.Count} requests");
    }

    [Fact]
    public async Task Push_WrongPassword_OneLineNamingAuthenticationAndNothingCommitted()
    {
        await using var server = new LoopbackNeo4jServer("neo4j", "another-password");

        var run = await PushAsync(server);

        run.ExitCode.ShouldBe(1);
        var line = OneLine(run);
        line.ShouldContain("authentication failed");
        line.ShouldContain("Neo.ClientError.Security.Unauthorized");
        line.ShouldContain("after 0 of ");
        server.Requests.Count.ShouldBe(1, "an authentication failure is not retried");
        server.Committed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Push_UnknownDatabase_OneLineWithTheServersCode()
    {
        await using var server = new LoopbackNeo4jServer("neo4j", Password);

        var run = await PushAsync(server, "--database", "nosuchdb");

        run.ExitCode.ShouldBe(1);
        OneLine(run).ShouldContain("Neo.ClientError.Database.DatabaseNotFound");
    }

    [Fact]
    public async Task Push_StatementFailsAtTheFourthRequest_SaysThreeWereCommitted()
    {
        // Given a server that rejects the fourth request with a client error (not retried)
        await using var server = new LoopbackNeo4jServer("neo4j", Password)
        {
            Fault = i => i == 3 ? new LoopbackFault(400, LoopbackNeo4jServer.Error("Neo.ClientError.Statement.SyntaxError", "Invalid input\n'x'")) : null,
        };

        // When
        var run = await PushAsync(server);

        // Then the one line says how far the push got and that repeating it is safe
        run.ExitCode.ShouldBe(1);
        var line = OneLine(run);
        line.ShouldContain("after 3 of ");
        line.ShouldContain("Neo.ClientError.Statement.SyntaxError");
        line.ShouldContain("partial graph");
        line.ShouldContain("safe to repeat");
        server.Committed.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Push_ServerClosesMidStream_RetriesThenOneLineSayingTheCommitIsUnknown()
    {
        // Given a server that, from the third request on, drops the connection half-way through every answer
        await using var server = new LoopbackNeo4jServer("neo4j", Password) { Fault = i => i >= 2 ? LoopbackFault.MidStream : null };

        // When
        var run = await PushAsync(server);

        // Then two requests were committed, the third was tried five times, and the line says so
        run.ExitCode.ShouldBe(1);
        var line = OneLine(run);
        line.ShouldContain("after 2 of ");
        line.ShouldContain("closed the connection");
        line.ShouldContain("unknown");
        server.Requests.Count.ShouldBe(2 + 5);
    }

    [Fact]
    public async Task Push_AnswerThatIsNotTheQueryApi_IsAFailureNotACommit()
    {
        // Given something else on the port: 200 with an HTML page
        await using var server = new LoopbackNeo4jServer("neo4j", Password) { Fault = _ => new LoopbackFault(200, "<html>a proxy</html>") };

        var run = await PushAsync(server);

        run.ExitCode.ShouldBe(1);
        var line = OneLine(run);
        line.ShouldContain("without a Query API answer");
        line.ShouldContain("after 0 of ");
    }

    [Fact]
    public async Task Push_UnknownCluster_ExitsTwoLikeEveryOtherCommand()
    {
        await using var server = new LoopbackNeo4jServer("neo4j", Password);

        var run = await PushAsync(server, "--cluster", "Cnosuch");

        run.ExitCode.ShouldBe(2);
        OneLine(run).ShouldContain("no cluster Cnosuch");
        server.Requests.ShouldBeEmpty();
    }
}
