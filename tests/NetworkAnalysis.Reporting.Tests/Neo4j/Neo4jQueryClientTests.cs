using System.Net;
using System.Text.Json;
using NetworkAnalysis.Reporting.Neo4j;
using NetworkAnalysis.Reporting.Tests.Support;

namespace NetworkAnalysis.Reporting.Tests.Neo4j;

public sealed class Neo4jQueryClientTests
{
    // The Query API's documented answer to a statement (202 Accepted).
    private const string Ok = "{\"data\":{\"fields\":[],\"values\":[]},\"bookmarks\":[\"FB:x\"]}";

    private static readonly Neo4jConnection Connection = new(new Uri("http://127.0.0.1:7474/"), "neo4j", "neo4j", "secret");

    private static Neo4jRetryOptions NoWait(List<TimeSpan>? delays = null) =>
        new() { Delay = (d, _) => { delays?.Add(d); return Task.CompletedTask; } };

    [Fact]
    public async Task PushAsync_HostileData_TravelsOnlyAsParameters()
    {
        // Given a graph whose every string carries a Cypher injection attempt
        var handler = new RecordingHandler(_ => (HttpStatusCode.Accepted, "{\"data\":{\"fields\":[],\"values\":[]}}"));
        using var http = new HttpClient(handler);
        var pusher = new Neo4jGraphPusher(new Neo4jQueryClient(http, Connection, NoWait()), batchSize: 7);

        // When
        var result = await pusher.PushAsync(SampleGraphs.Corpus(payload: Hostile.Cypher), CancellationToken.None);

        // Then every statement sent is one of the compiled constants and the payload appears only in parameters
        result.Success.ShouldBeTrue();
        var known = Neo4jStatements.Schema.Select(s => s.Cypher).Concat(new[]
        {
            Neo4jStatements.MergeAds, Neo4jStatements.MergeEntities, Neo4jStatements.MergeClusters, Neo4jStatements.MergeMentions,
            Neo4jStatements.MergeSimilarImages, Neo4jStatements.MergeSimilarTexts, Neo4jStatements.MergeMemberships,
        }.Select(s => s.Cypher)).ToHashSet();
        handler.Bodies.ShouldNotBeEmpty();
        foreach (var body in handler.Bodies)
        {
            using var doc = JsonDocument.Parse(body);
            var statement = doc.RootElement.GetProperty("statement").GetString()!;
            known.ShouldContain(statement);
            statement.ShouldNotContain("DETACH DELETE");
        }

        handler.Bodies.Any(b => JsonDocument.Parse(b).RootElement.GetProperty("parameters").GetRawText().Contains("DETACH DELETE")).ShouldBeTrue();
    }

    [Fact]
    public async Task PushAsync_Batches_RowsPerRequestAtMostBatchSize()
    {
        var handler = new RecordingHandler(_ => (HttpStatusCode.Accepted, Ok));
        using var http = new HttpClient(handler);
        var graph = SampleGraphs.Corpus();
        var result = await new Neo4jGraphPusher(new Neo4jQueryClient(http, Connection, NoWait()), 5).PushAsync(graph, CancellationToken.None);
        var sizes = handler.Bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("parameters"))
            .Where(p => p.TryGetProperty("rows", out _)).Select(p => p.GetProperty("rows").GetArrayLength()).ToList();
        sizes.ShouldAllBe(n => n >= 1 && n <= 5);
        result.Rows.ShouldBe(sizes.Sum());
        result.Rows.ShouldBe(graph.Ads.Count + graph.Entities.Count + 3 + graph.Links.Count + graph.Ads.Count);
    }

    [Fact]
    public async Task PushAsync_Twice_SendsIdenticalRequests()
    {
        // Idempotence on the wire: MERGE statements with the same parameters.
        var first = new RecordingHandler(_ => (HttpStatusCode.Accepted, Ok));
        var second = new RecordingHandler(_ => (HttpStatusCode.Accepted, Ok));
        using var h1 = new HttpClient(first);
        using var h2 = new HttpClient(second);
        await new Neo4jGraphPusher(new Neo4jQueryClient(h1, Connection, NoWait())).PushAsync(SampleGraphs.Corpus(), CancellationToken.None);
        await new Neo4jGraphPusher(new Neo4jQueryClient(h2, Connection, NoWait())).PushAsync(SampleGraphs.Corpus(), CancellationToken.None);
        first.Bodies.ShouldBe(second.Bodies);
        first.Bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("statement").GetString()!)
            .Where(s => s.StartsWith("UNWIND")).ShouldAllBe(s => s.Contains("MERGE") && !s.Contains("CREATE"));
    }

    [Fact]
    public async Task RunAsync_TransientFailures_RetriesWithBackoffThenSucceeds()
    {
        // Given a server that fails twice (503, then a transient Neo4j error) and then answers
        var answers = new Queue<(HttpStatusCode, string)>(
        [
            (HttpStatusCode.ServiceUnavailable, "<html>busy</html>"),
            (HttpStatusCode.BadRequest, "{\"errors\":[{\"code\":\"Neo.TransientError.Transaction.DeadlockDetected\",\"message\":\"x\"}]}"),
            (HttpStatusCode.Accepted, "{\"data\":{\"fields\":[\"n\"],\"values\":[[3]]}}"),
        ]);
        var handler = new RecordingHandler(_ => answers.Dequeue());
        using var http = new HttpClient(handler);
        var delays = new List<TimeSpan>();

        // When
        var result = await new Neo4jQueryClient(http, Connection, NoWait(delays)).RunAsync(Neo4jStatements.CountAds, new Dictionary<string, object?> { ["keys"] = new[] { "a" } }, CancellationToken.None);

        // Then
        result.Success.ShouldBeTrue();
        result.Attempts.ShouldBe(3);
        result.FirstLong().ShouldBe(3);
        delays.Count.ShouldBe(2);
        delays[1].ShouldBe(delays[0] * 2);
    }

    [Fact]
    public async Task RunAsync_ClientError_DoesNotRetry()
    {
        var handler = new RecordingHandler(_ => (HttpStatusCode.BadRequest, "{\"errors\":[{\"code\":\"Neo.ClientError.Statement.SyntaxError\",\"message\":\"bad\"}]}"));
        using var http = new HttpClient(handler);
        var result = await new Neo4jQueryClient(http, Connection, NoWait()).RunAsync(Neo4jStatements.CountAds, new Dictionary<string, object?>(), CancellationToken.None);
        result.Success.ShouldBeFalse();
        result.Attempts.ShouldBe(1);
        result.Error!.ShouldContain("SyntaxError");
    }

    [Fact]
    public async Task RunAsync_Request_UsesQueryApiEndpointAndBasicAuth()
    {
        var handler = new RecordingHandler(_ => (HttpStatusCode.Accepted, Ok));
        using var http = new HttpClient(handler);
        await new Neo4jQueryClient(http, Connection with { Database = "my db" }, NoWait()).RunAsync(Neo4jStatements.CountAds, new Dictionary<string, object?>(), CancellationToken.None);
        handler.Uris.Single().AbsoluteUri.ShouldBe("http://127.0.0.1:7474/db/my%20db/query/v2");
        handler.Auth.Single().ShouldBe("Basic " + Convert.ToBase64String("neo4j:secret"u8.ToArray()));
    }

    [Fact]
    public void Connection_ToString_HidesPassword()
    {
        Connection.ToString().ShouldNotContain("secret");
    }

    private sealed class RecordingHandler(Func<HttpRequestMessage, (HttpStatusCode Status, string Body)> respond) : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        public List<Uri> Uris { get; } = [];

        public List<string> Auth { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            Uris.Add(request.RequestUri!);
            Auth.Add(request.Headers.Authorization!.ToString());
            var (status, body) = respond(request);
            return new HttpResponseMessage(status) { Content = new StringContent(body) };
        }
    }
}
