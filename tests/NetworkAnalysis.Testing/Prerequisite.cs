using NetworkAnalysis.Core.Imaging;
using Xunit;
using Xunit.Sdk;

namespace NetworkAnalysis.Testing;

/// <summary>
/// The one way a test states what it needs from the machine (a browser, a system library, shared test data, root).
/// When the prerequisite is missing, the test is reported as <b>skipped</b> with the reason (it must be a
/// <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>; under a plain <c>[Fact]</c> the skip shows as a failure, never as a pass).
/// Under <c>CI=true</c> a missing prerequisite fails the test, naming what is missing and how to install it.
/// </summary>
public static class Prerequisite
{
    /// <summary>Whether tests run in CI (CI=true), where every prerequisite is required.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Continues when <paramref name="met"/>; otherwise skips the test (fails it under CI=true).</summary>
    /// <param name="met">Whether the prerequisite is there.</param>
    /// <param name="missing">What is missing, e.g. "Chromium (no chromium, chromium-browser or google-chrome on PATH)".</param>
    /// <param name="remedy">How to get it, e.g. "apt-get install -y chromium, or run ./test.sh as root".</param>
    public static void Require(bool met, string missing, string remedy)
    {
        if (met)
        {
            return;
        }

        if (IsCi)
        {
            throw new XunitException($"CI=true requires {missing}; {remedy}");
        }

        throw new Xunit.SkipException($"needs {missing}; {remedy}");
    }

    /// <summary>Returns <paramref name="value"/> when it is not null; otherwise skips the test (fails it under CI=true).</summary>
    public static T Require<T>(T? value, string missing, string remedy)
        where T : class
    {
        Require(value is not null, missing, remedy);
        return value!;
    }

    /// <summary>How to install a Debian package, for <see cref="Require(bool, string, string)"/>'s remedy.</summary>
    public static string Apt(string package) => $"install it with `apt-get install -y {package}` (./test.sh does so when run as root)";

    /// <summary>Requires SkiaSharp's native library (JPEG, WebP and GIF), which needs libfontconfig1 on Linux.</summary>
    public static void RequireSkia() => Require(ImageCodec.JpegAvailable, "SkiaSharp's native library (JPEG decoding): " + ImageCodec.JpegUnavailableReason, Apt("libfontconfig1"));

    /// <summary>Requires running as root on Linux (mounting a tmpfs, creating network namespaces).</summary>
    public static void RequireRoot(string why) =>
        Require(OperatingSystem.IsLinux() && Environment.UserName == "root", $"root on Linux ({why}; running as {Environment.UserName})", "run the tests as root, as CI does");

    /// <summary>Requires a PostgreSQL server the tests can start themselves (<see cref="PostgresServer"/>) and returns it, started.</summary>
    public static PostgresServer RequirePostgres()
    {
        var missing = PostgresServer.Unavailable();
        Require(missing is null, missing ?? "", Apt("postgresql"));
        return PostgresServer.Instance;
    }
}
