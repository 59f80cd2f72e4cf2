using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Generation.Images;
using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>
/// <c>netan ingest</c> on a machine without libturbojpeg, simulated with NETAN_TURBOJPEG_PATH pointing at no library.
/// </summary>
/// <remarks>
/// The library is loaded once per process, so the ingest runs in a child <c>netan</c> process with the variable set;
/// this process keeps the installed library and checks the same JPEG hashes here, so the child's error comes from
/// the missing library and not from the file.
/// </remarks>
public sealed class IngestWithoutTurboJpegTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Ingest_JpegWithoutTheLibrary_RecordsAPerImageErrorNamingTheFile_KeepsTheAdAndHashesPngs()
    {
        // Given ad 1 with a JPEG and a PNG photo and a phone, and ad 2 with only the PNG
        var photos = Directory.CreateDirectory(_dir.File("photos")).FullName;
        WritePhoto(Path.Combine(photos, "p1.png"), ImageFormat.Png);
        var jpeg = Path.Combine(photos, "p1.jpg");
        WriteJpeg(jpeg);
        var ads = _dir.Write("ads.jsonl", string.Join('\n',
            """{"id":"1","body":"call 702-555-0161","images":"photos/p1.jpg;photos/p1.png"}""",
            """{"id":"2","body":"no number here","images":"photos/p1.png"}""") + "\n");
        var casePath = _dir.File("c.case");
        var missing = _dir.File("no-such-folder/libturbojpeg.so.0");

        // When ingested by a netan process that cannot load libturbojpeg
        var run = RunNetan(missing, "ingest", ads, "--case", casePath, "--json");

        // Then the ingest succeeds and counts one image error and two hashed images
        run.ExitCode.ShouldBe(0, run.Error);
        using (var doc = JsonDocument.Parse(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last()))
        {
            var file = doc.RootElement.EnumerateArray().ShouldHaveSingleItem();
            file.GetProperty("ads_added").GetInt32().ShouldBe(2);
            file.GetProperty("images_hashed").GetInt32().ShouldBe(2);
            file.GetProperty("image_errors").GetInt32().ShouldBe(1);
        }

        using var store = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = casePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        store.Open();
        Query(store, "SELECT ad_id FROM ads ORDER BY ad_id").ShouldBe([["1"], ["2"]]);
        // and the JPEG's row carries the reason, naming the variable and the path it tried, with the file's SHA-256 but no pHash
        var images = Query(store, "SELECT a.ad_id, i.path, ifnull(i.phash,''), ifnull(i.sha256,''), ifnull(i.error,'') FROM ad_images i JOIN ads a ON a.id = i.ad ORDER BY a.ad_id, i.position");
        images.Count.ShouldBe(3);
        images[0][..2].ShouldBe(["1", "photos/p1.jpg"]);
        images[0][2].ShouldBeEmpty();
        images[0][3].ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(jpeg))));
        images[0][4].ShouldBe($"NativeLibraryMissing: libturbojpeg could not be loaded from NETAN_TURBOJPEG_PATH={missing} (unset it to use the installed libturbojpeg0)");
        // and both PNG rows are hashed, identically
        images[1][..2].ShouldBe(["1", "photos/p1.png"]);
        images[2][..2].ShouldBe(["2", "photos/p1.png"]);
        images[1][2].ShouldNotBeEmpty();
        images[1][4].ShouldBeEmpty();
        images[2][2..].ShouldBe(images[1][2..]);
        // and ad 1's line has one ingest error, field images, naming the JPEG file
        var errors = Query(store, "SELECT line, field, message FROM ingest_errors");
        errors.ShouldHaveSingleItem().ShouldBe(["1", "images", $"photos/p1.jpg: {images[0][4]}"]);
        // and ad 1 keeps its phone and the PNG's exact-copy image entity shared with ad 2 (the undecoded JPEG gives none)
        Query(store, "SELECT e.type, count(DISTINCT m.ad) FROM mentions m JOIN entities e ON e.id = m.entity GROUP BY e.type ORDER BY e.type")
            .ShouldBe([["image", "2"], ["phone", "1"]]);

        // Control: this process has the library (when installed) and hashes the same JPEG
        if (ImageCodec.JpegAvailable)
        {
            ImageHasher.Hash(File.ReadAllBytes(jpeg)).Hashes.ShouldNotBeNull();
        }
    }

    private static void WritePhoto(string path, ImageFormat format)
    {
        using var f = File.Create(path);
        SyntheticPhotoWriter.Write("p1", PhotoVariant.Original, format, f).ShouldBeNull();
    }

    /// <summary>A real JPEG where this process can encode one; otherwise a file with a JPEG signature (either way the child cannot decode it).</summary>
    private static void WriteJpeg(string path)
    {
        if (ImageCodec.JpegAvailable)
        {
            WritePhoto(path, ImageFormat.Jpeg);
        }
        else
        {
            File.WriteAllBytes(path, [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. Encoding.ASCII.GetBytes("JFIF\0"), 0xFF, 0xD9]);
        }
    }

    private static (int ExitCode, string Out, string Error) RunNetan(string turboJpegPath, params string[] args)
    {
        var dir = AppContext.BaseDirectory;
        var host = Path.Combine(dir, OperatingSystem.IsWindows() ? "netan.exe" : "netan");
        var info = File.Exists(host) ? new ProcessStartInfo(host) : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(dir, "netan.dll") } };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.RedirectStandardOutput = info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.Environment["NETAN_TURBOJPEG_PATH"] = turboJpegPath;
        info.Environment["NETAN_ANALYST"] = "cli-test";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var p = Process.Start(info) ?? throw new InvalidOperationException("could not start netan");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            // A hang guard, not a timing assertion.
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            throw new TimeoutException("netan ingest did not finish within 2 minutes");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static List<string[]> Query(SqliteConnection store, string sql)
    {
        using var cmd = store.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string[]>();
        while (r.Read())
        {
            rows.Add(Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture) ?? "").ToArray());
        }

        return rows;
    }
}
