using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NetworkAnalysis.Web.Tests.Security;

/// <summary>Responses Kestrel writes before the workbench runs (a malformed request line, a bad Host header, headers too
/// large) carry the same security headers as the workbench's own, sent over a raw TCP connection to a real Kestrel.</summary>
public sealed class KestrelRejectionHeadersTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] Expected =
    [
        "Content-Security-Policy: default-src 'self'", "X-Content-Type-Options: nosniff", "X-Frame-Options: DENY", "Referrer-Policy: no-referrer",
        "Cross-Origin-Opener-Policy: same-origin", "Cross-Origin-Resource-Policy: same-origin", "Cache-Control: no-store",
    ];

    private readonly WorkbenchCase _case = new();
    private IHost _host = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        _host = WorkbenchHost.CreateHostBuilder(_case.Options(), web => web.UseKestrel(k => k.Listen(IPAddress.Loopback, 0))).Build();
        await _host.StartAsync();
        _port = new Uri(_host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    public void Dispose() => _case.Dispose();

    /// <summary>Sends <paramref name="request"/> as bytes and reads until the server closes or goes quiet.</summary>
    private async Task<string> RawAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (await stream.ReadAsync(buffer, quiet.Token) is var n and > 0)
            {
                received.Write(buffer, 0, n);
                quiet.CancelAfter(TimeSpan.FromSeconds(1));
            }
        }
        catch (OperationCanceledException)
        {
            // Kept open (keep-alive): what arrived is the answer.
        }
        catch (IOException)
        {
            // Reset after the answer.
        }

        return Encoding.Latin1.GetString(received.ToArray());
    }

    private static string Head(string response) => response[..Math.Max(0, response.IndexOf("\r\n\r\n", StringComparison.Ordinal))];

    [Theory]
    [InlineData("GARBAGE\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: bad host name\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: localhost\r\nA header without its colon\r\n\r\n")]
    [InlineData("GET / HTTP/9.9\r\nHost: localhost\r\n\r\n")]
    public async Task KestrelRejection_MalformedRequest_CarriesTheSecurityHeaders(string request)
    {
        var response = await RawAsync(request);

        // 400 (or 505 for the unknown version), written by Kestrel without running the workbench
        response.ShouldMatch(@"^HTTP/1\.1 (400|505) ", response);
        var head = Head(response);
        foreach (var header in Expected)
        {
            head.ShouldContain(header, Case.Sensitive, head);
        }
    }

    [Fact]
    public async Task KestrelRejection_HeadersTooLarge_CarriesTheSecurityHeaders()
    {
        var response = await RawAsync("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + new string('a', 40_000) + "\r\n\r\n");

        response.ShouldStartWith("HTTP/1.1 431", customMessage: response);
        foreach (var header in Expected)
        {
            Head(response).ShouldContain(header, Case.Sensitive);
        }
    }

    [Fact]
    public async Task ApplicationResponse_ThenMalformedRequestOnTheSameConnection_EachCarriesTheHeadersOnce()
    {
        // A good request and a malformed one pipelined on one connection: the workbench answers the first, Kestrel the second
        var response = await RawAsync("GET /api/info HTTP/1.1\r\nHost: localhost\r\n\r\nGARBAGE\r\n\r\n");

        var second = response.IndexOf("HTTP/1.1 400", StringComparison.Ordinal);
        response.ShouldStartWith("HTTP/1.1 200", customMessage: response);
        second.ShouldBeGreaterThan(0, response);
        var first = Head(response);
        var rejected = Head(response[second..]);
        foreach (var header in Expected)
        {
            first.Split(header).Length.ShouldBe(2, first);
            rejected.Split(header).Length.ShouldBe(2, rejected);
        }

        // and the first body, JSON of the case, is untouched
        response[(first.Length + 4)..second].ShouldContain("\"casePath\"");
    }
}
