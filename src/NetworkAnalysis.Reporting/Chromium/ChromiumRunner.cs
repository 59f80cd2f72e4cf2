using System.Diagnostics;
using System.Globalization;

namespace NetworkAnalysis.Reporting.Chromium;

/// <summary>Prints pages to PDF and takes PNG screenshots with Debian's headless Chromium.</summary>
/// <remarks>
/// Every run uses a fresh temporary profile (<c>--user-data-dir</c>) that is deleted afterwards, and flags that
/// stop background networking, component updates and sync, so rendering a local file makes no network request.
/// The executable is found by <see cref="ChromiumLocator"/> (<c>NETAN_CHROMIUM</c>, <c>CHROME_PATH</c>, then <c>PATH</c>).
/// Install with <c>apt-get install -y chromium</c>.
/// </remarks>
public sealed class ChromiumRunner
{
    /// <summary>Flags passed on every run.</summary>
    public static IReadOnlyList<string> BaseFlags { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
        "--no-default-browser-check", "--disable-dev-shm-usage", "--font-render-hinting=none",
    ];

    /// <summary>Creates a runner for the browser at <paramref name="executable"/>, or the one <see cref="ChromiumLocator"/> finds.</summary>
    public ChromiumRunner(string? executable = null, TimeSpan? timeout = null)
    {
        Executable = executable ?? ChromiumLocator.Find() ?? "";
        Timeout = timeout ?? TimeSpan.FromSeconds(90);
    }

    /// <summary>The browser executable; empty when none was found.</summary>
    public string Executable { get; }

    /// <summary>How long one run may take before it is killed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Whether the executable exists.</summary>
    public bool IsAvailable => Executable.Length > 0 && File.Exists(Executable);

    /// <summary>Why the browser cannot run, or null when <see cref="IsAvailable"/>.</summary>
    public string? Missing => IsAvailable ? null
        : Executable.Length == 0 ? $"Chromium not found ({ChromiumLocator.Searched})."
        : $"{Executable} not found ({ChromiumLocator.Searched}).";

    /// <summary>Prints a local HTML file to PDF (A4, no header or footer).</summary>
    public Task<ChromiumResult> PrintToPdfAsync(string htmlPath, string pdfPath, CancellationToken cancellationToken) =>
        RunAsync(htmlPath, pdfPath, ["--no-pdf-header-footer", "--print-to-pdf=" + Path.GetFullPath(pdfPath)], cancellationToken);

    /// <summary>Takes a PNG screenshot of a local HTML or SVG file at the given window size in CSS pixels.</summary>
    public Task<ChromiumResult> ScreenshotAsync(string pagePath, string pngPath, int width, int height, CancellationToken cancellationToken) =>
        RunAsync(pagePath, pngPath,
            ["--screenshot=" + Path.GetFullPath(pngPath), "--window-size=" + width.ToString(CultureInfo.InvariantCulture) + "," + height.ToString(CultureInfo.InvariantCulture), "--default-background-color=ffffffff"],
            cancellationToken);

    private async Task<ChromiumResult> RunAsync(string inputPath, string outputPath, IReadOnlyList<string> extra, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            return new ChromiumResult(false, outputPath, -1, Missing);
        }

        var input = Path.GetFullPath(inputPath);
        if (!File.Exists(input))
        {
            return new ChromiumResult(false, outputPath, -1, $"input {input} not found.");
        }

        var profile = Path.Combine(Path.GetTempPath(), "netan-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            if (File.Exists(outputPath))
            {
                File.Delete(outputPath);
            }

            var psi = new ProcessStartInfo(Executable)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var flag in BaseFlags)
            {
                psi.ArgumentList.Add(flag);
            }

            psi.ArgumentList.Add("--user-data-dir=" + profile);
            foreach (var flag in extra)
            {
                psi.ArgumentList.Add(flag);
            }

            psi.ArgumentList.Add(new Uri(input).AbsoluteUri);
            psi.Environment["HOME"] = profile;
            return await RunProcessAsync(psi, outputPath, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(profile);
        }
    }

    private async Task<ChromiumResult> RunProcessAsync(ProcessStartInfo psi, string outputPath, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new ChromiumResult(false, outputPath, -1, "could not start Chromium: " + ex.Message);
        }

        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            return new ChromiumResult(false, outputPath, -1, $"Chromium did not finish within {Timeout.TotalSeconds:0} s.");
        }

        var err = await stderr.ConfigureAwait(false);
        await stdout.ConfigureAwait(false);
        var ok = process.ExitCode == 0 && File.Exists(outputPath) && new FileInfo(outputPath).Length > 0;
        return new ChromiumResult(ok, outputPath, process.ExitCode, ok ? null : "Chromium failed: " + Tail(err, 600));
    }

    private static string Tail(string s, int max) => s.Length <= max ? s.Trim() : s[^max..].Trim();

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A crashed renderer can hold files briefly; a leftover temp profile is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
