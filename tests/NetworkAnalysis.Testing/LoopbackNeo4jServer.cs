using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace NetworkAnalysis.Testing;

/// <summary>A stand-in for Neo4j's HTTP Query API on 127.0.0.1 (a free port), speaking its documented request and response shapes.</summary>
/// <remarks>
/// <c>POST /db/{database}/query/v2</c> with <c>Authorization: Basic</c> and a JSON body <c>{"statement": ..., "parameters": {...}}</c>.
/// Answers: 202 with <c>{"data":{"fields":[],"values":[]},"bookmarks":[...]}</c>; 401 with
/// <c>Neo.ClientError.Security.Unauthorized</c> and <c>WWW-Authenticate</c> for wrong credentials; 404 with
/// <c>Neo.ClientError.Database.DatabaseNotFound</c> for another database; 400 with <c>Neo.ClientError.Request.Invalid</c> for a
/// body that is not a statement. <see cref="Fault"/> injects failures per request (0-based): any status and body, or a
/// connection closed in the middle of the answer. Every request that reaches it is recorded, in order.
/// </remarks>
public sealed class LoopbackNeo4jServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly string _expectedAuth;
    private int _count;

    /// <summary>Starts the server for <paramref name="database"/>, accepting <paramref name="user"/>/<paramref name="password"/>.</summary>
    public LoopbackNeo4jServer(string user = "neo4j", string password = "secret", string database = "neo4j")
    {
        Database = database;
        _expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The only database that exists.</summary>
    public string Database { get; }

    /// <summary>A failure to answer request number N (0-based, counting every request received) with, or null to answer normally.</summary>
    public Func<int, LoopbackFault?> Fault { get; set; } = _ => null;

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    /// <summary>Statements answered with 202 (committed), in order.</summary>
    public ConcurrentQueue<string> Committed { get; } = new();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                // One request per connection: every answer says Connection: close.
                var request = await ReadRequestAsync(stream);
                if (request is null)
                {
                    return;
                }

                var index = Interlocked.Increment(ref _count) - 1;
                Requests.Enqueue(request);
                var fault = Fault(index);
                if (fault is { CloseMidStream: true })
                {
                    // Headers promise a body that never arrives: the connection drops half-way through the answer.
                    await WriteAsync(stream, "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 400\r\nConnection: close\r\n\r\n{\"data\":{\"fie");
                    client.Client.Shutdown(SocketShutdown.Both);
                    return;
                }

                var (status, body, extra) = fault is { } f ? (f.Status, f.Body, "") : Answer(request);
                await WriteAsync(stream, $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n{extra}Connection: close\r\n\r\n{body}");
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private (int Status, string Body, string ExtraHeaders) Answer(LoopbackRequest request)
    {
        if (request.Authorization != _expectedAuth)
        {
            return (401, Error("Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure."), "WWW-Authenticate: Basic realm=\"Neo4j\"\r\n");
        }

        var prefix = "/db/";
        if (request.Method != "POST" || !request.Path.StartsWith(prefix, StringComparison.Ordinal) || !request.Path.EndsWith("/query/v2", StringComparison.Ordinal))
        {
            return (404, "", "");
        }

        var database = Uri.UnescapeDataString(request.Path[prefix.Length..^"/query/v2".Length]);
        if (database != Database)
        {
            return (404, Error("Neo.ClientError.Database.DatabaseNotFound", $"Database {database} not found"), "");
        }

        try
        {
            using var doc = JsonDocument.Parse(request.Body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("statement", out var statement) || statement.ValueKind != JsonValueKind.String
                || (doc.RootElement.TryGetProperty("parameters", out var parameters) && parameters.ValueKind != JsonValueKind.Object))
            {
                return (400, Error("Neo.ClientError.Request.Invalid", "Expected a statement and a parameters object"), "");
            }

            Committed.Enqueue(statement.GetString()!);
        }
        catch (JsonException)
        {
            return (400, Error("Neo.ClientError.Request.InvalidFormat", "Body is not JSON"), "");
        }

        return (202, "{\"data\":{\"fields\":[],\"values\":[]},\"bookmarks\":[\"FB:loopback\"]}", "");
    }

    /// <summary>A Query API error body.</summary>
    public static string Error(string code, string message) =>
        JsonSerializer.Serialize(new { errors = new[] { new { code, message } } });

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    private static async Task WriteAsync(NetworkStream stream, string text)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await stream.FlushAsync();
    }

    private static async Task<LoopbackRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var n = await stream.ReadAsync(chunk);
            if (n == 0)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }

        var all = buffer.ToArray();
        var head = Encoding.ASCII.GetString(all, 0, headerEnd).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var headers = head.Skip(1).Select(h => h.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var body = new MemoryStream();
        body.Write(all, headerEnd + 4, all.Length - headerEnd - 4);
        while (body.Length < length)
        {
            var n = await stream.ReadAsync(chunk);
            if (n == 0)
            {
                break;
            }

            body.Write(chunk, 0, n);
        }

        return new LoopbackRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "", headers.GetValueOrDefault("Authorization"),
            headers.GetValueOrDefault("Content-Type"), Encoding.UTF8.GetString(body.ToArray()));
    }

    private static int IndexOfHeaderEnd(MemoryStream buffer)
    {
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        return bytes.IndexOf("\r\n\r\n"u8);
    }
}
