using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NetworkAnalysis.Reporting.Neo4j;

/// <summary>A minimal client of Neo4j's HTTP Query API (<c>POST /db/{database}/query/v2</c>) with retries.</summary>
/// <remarks>
/// Only <see cref="Neo4jStatement"/> constants can be sent, with data as parameters. Retries on connection
/// failures, 408/429/5xx and <c>Neo.TransientError.*</c> codes, with exponential back-off. Not thread-safe.
/// </remarks>
public sealed class Neo4jQueryClient
{
    private readonly HttpClient _http;
    private readonly Neo4jConnection _connection;
    private readonly Neo4jRetryOptions _retry;

    /// <summary>Creates a client over an <see cref="HttpClient"/> owned by the caller.</summary>
    public Neo4jQueryClient(HttpClient http, Neo4jConnection connection, Neo4jRetryOptions? retry = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _retry = retry ?? new Neo4jRetryOptions();
    }

    /// <summary>Runs one statement with its parameters (plain values, lists and dictionaries) in an implicit transaction.</summary>
    public async Task<Neo4jQueryResult> RunAsync(Neo4jStatement statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(parameters);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["statement"] = statement.Cypher,
            ["parameters"] = parameters,
        });
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes(_connection.User + ":" + _connection.Password));
        string? lastError = null;
        for (var attempt = 1; attempt <= Math.Max(1, _retry.MaxAttempts); attempt++)
        {
            if (attempt > 1)
            {
                await _retry.Delay(_retry.InitialDelay * Math.Pow(2, attempt - 2), cancellationToken).ConfigureAwait(false);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, _connection.QueryUri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", auth);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse)
            {
                lastError = MidStream(ex);
                continue;
            }
            catch (HttpRequestException ex)
            {
                lastError = "cannot reach the server: " + ex.Message;
                continue;
            }
            catch (IOException ex)
            {
                lastError = MidStream(ex);
                continue;
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                lastError = "no answer within the timeout: " + ex.Message;
                continue;
            }

            using (response)
            {
                string text;
                try
                {
                    text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException)
                {
                    lastError = MidStream(ex);
                    continue;
                }

                var (error, transient, data) = Interpret(response.StatusCode, text);
                if (error is null)
                {
                    return new Neo4jQueryResult(true, attempt, null, data);
                }

                lastError = error;
                if (!transient)
                {
                    return new Neo4jQueryResult(false, attempt, error, null);
                }
            }
        }

        return new Neo4jQueryResult(false, Math.Max(1, _retry.MaxAttempts), lastError, null);
    }

    /// <summary>The connection broke while the answer was on its way: the server may or may not have committed.</summary>
    private static string MidStream(Exception ex) =>
        "the server closed the connection before its answer was complete, so whether this request was committed is unknown (" + ex.Message + ")";

    private static (string? Error, bool Transient, JsonElement? Data) Interpret(HttpStatusCode status, string text)
    {
        JsonElement? root = null;
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Proxies and overloaded servers answer with HTML; judge by status alone.
        }

        var numeric = (int)status;
        if (root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            var code = first.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? "" : "";
            var message = first.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
            var what = code.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal) || numeric is 401 or 403
                ? "authentication failed (check --user and NEO4J_PASSWORD): "
                : "";
            return ($"{what}HTTP {numeric} {code}: {message}", code.StartsWith("Neo.TransientError", StringComparison.Ordinal), null);
        }

        if (numeric is >= 200 and < 300)
        {
            // The Query API answers every statement with a data object (fields and values); anything else is not Neo4j,
            // and counting it as committed would leave a partial graph behind without saying so.
            return root is { ValueKind: JsonValueKind.Object } ok && ok.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object
                ? (null, false, d)
                : ($"HTTP {numeric} without a Query API answer (no data object): is the URL Neo4j's HTTP port?", false, null);
        }

        var transient = numeric is 408 or 429 or >= 500;
        return (numeric switch
        {
            401 or 403 => $"authentication failed (check --user and NEO4J_PASSWORD): HTTP {numeric}",
            404 => "HTTP 404: no Query API at this address (Neo4j 5.5 or later serves /db/{database}/query/v2; check --url and --database)",
            _ => $"HTTP {numeric}",
        }, transient, null);
    }
}
