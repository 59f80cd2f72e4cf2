using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Reliability.Tests.Workbench;

/// <summary>The workbench's loopback and token rules, tried from an address that is not loopback and from a second network namespace.</summary>
[Collection(ProcessCollection.Name)]
public sealed class WorkbenchAccessTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly ITestOutputHelper _log;
    private readonly string _case;

    public WorkbenchAccessTests(ITestOutputHelper log)
    {
        _log = log;
        _case = _dir.File("access.case");
        using var store = CaseStore.Open(_case, create: true);
        new CaseIngestor(store).Ingest(TestCorpus.Write(_dir.Path, 300, seed: 5));
        new CaseAnalyzer(store).Analyze();
    }

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task DefaultBind_RefusesConnectionsToOtherAddresses_AndForeignHostNames()
    {
        // Given: netan serve with the default bind, and an address of this machine that is not loopback
        using var server = WorkbenchServer.Start(_case);
        IPAddress.IsLoopback(IPAddress.Parse(server.Url.Host)).ShouldBeTrue();
        server.Token.ShouldBeNull();
        var other = NonLoopbackAddress();

        // When / Then: on loopback, a request naming another host (DNS rebinding) is refused, a loopback name answered ...
        using var http = new HttpClient { BaseAddress = server.Url };
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/api/info");
        foreign.Headers.Host = "attacker.example.com";
        (await http.SendAsync(foreign)).StatusCode.ShouldBe(HttpStatusCode.MisdirectedRequest);
        (await http.GetAsync("/api/info")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // ... and a connection to the other address on the same port is refused (nothing listens there)
        Prerequisite.Require(other is not null, "a non-loopback IPv4 address that is up", "run on a machine with a network interface, as CI does");
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Should.ThrowAsync<SocketException>(() => socket.ConnectAsync(new IPEndPoint(other!, server.Url.Port)));
        refused.SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
        _log.WriteLine($"default bind {server.Url}: connect to {other}:{server.Url.Port} refused ({refused.SocketErrorCode})");
    }

    [SkippableFact]
    public async Task BindToNonLoopbackAddress_GeneratesToken_RequestsFromThatAddressNeedIt()
    {
        // Given: an address of this machine that is not loopback, and netan serve bound to it without --token
        var other = Prerequisite.Require(NonLoopbackAddress(), "a non-loopback IPv4 address that is up",
            "run on a machine with a network interface, as CI does");

        using var server = WorkbenchServer.Start(_case, "--bind", other.ToString());
        server.Url.Host.ShouldBe(other.ToString());
        server.Token.ShouldNotBeNullOrEmpty("a token must be generated and printed when binding beyond loopback");

        // When: requests come from that (non-loopback) source address, as the server sees them
        var sources = new List<IPEndPoint>();
        using var http = FromAddress(other, server.Url, sources, out var cookies);

        // Then: without the token, or with a wrong one, 401; with it (header, or the cookie the ?token= URL sets), 200
        (await http.GetAsync("/api/info")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await http.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/info"))
        {
            wrong.Headers.Authorization = new("Bearer", server.Token + "x");
            (await http.SendAsync(wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using (var right = new HttpRequestMessage(HttpMethod.Get, "/api/info"))
        {
            right.Headers.Authorization = new("Bearer", server.Token);
            (await http.SendAsync(right)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var redirect = await http.GetAsync("/?token=" + server.Token);
        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirect.Headers.Location!.ToString().ShouldNotContain("token");
        cookies.Count.ShouldBe(1);
        (await http.GetAsync("/api/info")).StatusCode.ShouldBe(HttpStatusCode.OK);
        sources.ShouldNotBeEmpty();
        sources.ShouldAllBe(ep => ep.Address.Equals(other) && !IPAddress.IsLoopback(ep.Address));
        _log.WriteLine($"bound to {server.Url}: from {sources[0].Address} without token 401, wrong token 401, Bearer 200, ?token= 302 then cookie 200");

        // And loopback is not served at all by a server bound elsewhere
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        (await Should.ThrowAsync<SocketException>(() => socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Url.Port))))
            .SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
    }

    [SkippableFact]
    public void SecondNetworkNamespace_TokenAndLoopbackRulesHold()
    {
        // Given: a network namespace joined to this one by a veth pair (needs root, iproute2 and curl; skipped with the reason otherwise, failed under CI=true)
        using var ns = Prerequisite.Require(NetworkNamespace.TryCreate(out var reason), $"a network namespace ({reason})",
            "run the tests as root with iproute2 and curl installed, as CI does");

        // When: one server on the host's end of the veth (with a token), one with the default bind (loopback only)
        using var bound = WorkbenchServer.Start(_case, "--bind", ns.HostAddress, "--token", "ns-secret-token");
        using var local = WorkbenchServer.Start(_case);

        // Then: from inside the namespace, no token gets 401, the token 200, and the loopback-only server cannot be reached
        var info = $"http://{ns.HostAddress}:{bound.Url.Port}/api/info";
        ns.Curl(info).ShouldBe("401");
        ns.Curl(info, "Authorization: Bearer wrong").ShouldBe("401");
        ns.Curl(info, "Authorization: Bearer ns-secret-token").ShouldBe("200");
        ns.Curl($"http://{ns.HostAddress}:{local.Url.Port}/api/info").ShouldBe("refused");
        ns.Curl($"http://127.0.0.1:{local.Url.Port}/api/info").ShouldBe("refused"); // the namespace's own loopback is not ours
        _log.WriteLine($"from namespace {ns.Name} ({ns.PeerAddress}): {bound.Url} no token 401, wrong 401, token 200; default-bind server unreachable");
    }

    /// <summary>An IPv4 address of an interface that is up and not loopback, or null.</summary>
    internal static IPAddress? NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    /// <summary>An HTTP client whose connections leave from <paramref name="source"/>; records each connection's local end.</summary>
    private static HttpClient FromAddress(IPAddress source, Uri baseAddress, List<IPEndPoint> sources, out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                lock (sources)
                {
                    sources.Add((IPEndPoint)socket.LocalEndPoint!);
                }

                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }

    /// <summary>A throw-away network namespace with a veth pair to this one (10.213.x.1 here, 10.213.x.2 inside).</summary>
    private sealed class NetworkNamespace : IDisposable
    {
        private NetworkNamespace(string name, int subnet)
        {
            Name = name;
            HostAddress = $"10.213.{subnet}.1";
            PeerAddress = $"10.213.{subnet}.2";
        }

        public string Name { get; }

        public string HostAddress { get; }

        public string PeerAddress { get; }

        private string HostVeth => Name + "h";

        public static NetworkNamespace? TryCreate(out string reason)
        {
            if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            {
                reason = "network namespaces need root on Linux (CI runs as root)";
                return null;
            }

            if (!File.Exists("/usr/bin/curl") || (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip")))
            {
                reason = "needs iproute2 (ip) and curl";
                return null;
            }

            var id = Environment.ProcessId % 10_000;
            var ns = new NetworkNamespace($"nt{id}", 1 + (id % 250));
            var steps = new[]
            {
                $"netns add {ns.Name}",
                $"link add {ns.HostVeth} type veth peer name {ns.Name}p",
                $"link set {ns.Name}p netns {ns.Name}",
                $"addr add {ns.HostAddress}/30 dev {ns.HostVeth}",
                $"link set {ns.HostVeth} up",
                $"netns exec {ns.Name} ip addr add {ns.PeerAddress}/30 dev {ns.Name}p",
                $"netns exec {ns.Name} ip link set {ns.Name}p up",
                $"netns exec {ns.Name} ip link set lo up",
            };
            foreach (var step in steps)
            {
                var (code, output) = Ip(step);
                if (code != 0)
                {
                    ns.Dispose();
                    reason = $"`ip {step}` failed ({code}): {output.Trim()} (not permitted in this container?)";
                    return null;
                }
            }

            reason = "";
            return ns;
        }

        /// <summary>HTTP status code of a GET from inside the namespace, or "refused" when the connection is refused.</summary>
        public string Curl(string url, string? header = null)
        {
            var args = $"netns exec {Name} curl -s -o /dev/null -w %{{http_code}} --max-time 20 {(header is null ? "" : $"-H \"{header}\" ")}{url}";
            var (code, output) = Ip(args);
            return code == 7 ? "refused" : code == 0 ? output.Trim() : $"curl exit {code}: {output}";
        }

        public void Dispose()
        {
            Ip($"link del {HostVeth}");
            Ip($"netns del {Name}");
        }

        private static (int Code, string Output) Ip(string arguments)
        {
            var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in SplitArgs(arguments))
            {
                info.ArgumentList.Add(a);
            }

            using var p = Process.Start(info)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(60_000))
            {
                p.Kill(entireProcessTree: true);
                return (-1, "timed out");
            }

            return (p.ExitCode, output.Result + error.Result);
        }

        private static IEnumerable<string> SplitArgs(string s)
        {
            var current = new System.Text.StringBuilder();
            var quoted = false;
            foreach (var ch in s)
            {
                if (ch == '"')
                {
                    quoted = !quoted;
                }
                else if (ch == ' ' && !quoted)
                {
                    if (current.Length > 0)
                    {
                        yield return current.ToString();
                        current.Clear();
                    }
                }
                else
                {
                    current.Append(ch);
                }
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }
        }
    }
}
