using System.Text.Json;
using NetworkAnalysis.Reporting.Custody;

namespace NetworkAnalysis.Reporting.Tests.Custody;

public sealed class CustodyManifestWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "netan-custody-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Write_Outputs_ListsEachFileWithItsSha256()
    {
        // Given two output files
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        var a = Path.Combine(_dir, "a.txt");
        var b = Path.Combine(_dir, "sub", "b.txt");
        File.WriteAllText(a, "abc");
        File.WriteAllText(b, "");

        // When
        var manifest = new CustodyManifest
        {
            ToolVersion = "0.1.0",
            GeneratedAt = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero),
            Analyst = "A. Analyst",
            Notes = "notes",
            Action = "export",
            Parameters = new Dictionary<string, string> { ["seed"] = "42" },
            Sources = [new CustodyFile("in.csv", new string('0', 64), 10)],
            Outputs = CustodyManifestWriter.Describe(_dir, [b, a]),
        };
        CustodyManifestWriter.Write(manifest, _dir);

        // Then known SHA-256 values appear in both the JSON manifest and SHA256SUMS
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, CustodyManifestWriter.ManifestName)));
        var outputs = doc.RootElement.GetProperty("outputs").EnumerateArray().ToDictionary(o => o.GetProperty("path").GetString()!, o => o.GetProperty("sha256").GetString()!);
        outputs["a.txt"].ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        outputs["sub/b.txt"].ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        doc.RootElement.GetProperty("analyst").GetString().ShouldBe("A. Analyst");
        doc.RootElement.GetProperty("parameters").GetProperty("seed").GetString().ShouldBe("42");
        var sums = File.ReadAllLines(Path.Combine(_dir, CustodyManifestWriter.SumsName));
        sums.ShouldContain("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.txt");
        sums.Last().ShouldBe(FileHashes.Sha256(Path.Combine(_dir, CustodyManifestWriter.ManifestName)) + "  manifest.json");
    }
}
