using System.Text.Json;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Web.Tests;

/// <summary>A small analysed case written for a test: a ring of ads sharing phones, a lone ad, and any extra ads given.</summary>
public sealed class WorkbenchCase : IDisposable
{
    private readonly TempFolder _dir = new();

    public WorkbenchCase(params (string Id, string Title, string Body, string? City)[] extra)
        : this(extra.Select(e => (object)new { id = e.Id, title = e.Title, body = e.Body, city = e.City, posted_at = "2026-03-01T10:00:00Z", images = "" }))
    {
    }

    private WorkbenchCase(IEnumerable<object> extraRows)
    {
        var rows = new List<object>
        {
            new { id = "r1", title = "Sweet Candy", body = "call (702) 555-0142 anytime", city = "Reno", posted_at = "2026-01-01T10:00:00Z", images = "img/p1.jpg;http://example.com/remote.jpg;../../../etc/passwd.jpg" },
            new { id = "r2", title = "New in town", body = "text 702.555.0142 or 702-555-0177", city = "Elko", posted_at = "2026-01-03T10:00:00Z", images = "" },
            new { id = "r3", title = "Ask for Amber", body = "only 702 555 0177, mail amber@example.com", city = "Las Vegas", posted_at = "2026-01-09T10:00:00Z", images = "" },
            new { id = "r4", title = "Amber again", body = "write amber@example.com", city = "Reno", posted_at = "2026-01-20T10:00:00Z", images = "" },
            new { id = "solo", title = "Quiet place", body = "call 415-555-0199 mornings, ask about the glitterfox special", city = "San Francisco", posted_at = "2026-02-01T10:00:00Z", images = "" },
        };
        rows.AddRange(extraRows);
        var input = _dir.Write("ads.jsonl", string.Join('\n', rows.Select(r => JsonSerializer.Serialize(r))));
        Directory.CreateDirectory(_dir.File("img"));
        // A real JPEG: the workbench sends only bytes that decode as an image.
        using (var photo = File.Create(_dir.File("img/p1.jpg")))
        {
            Core.Imaging.ImageCodec.Encode(new Core.Imaging.RgbImage(8, 8), Core.Imaging.ImageFormat.Jpeg, photo).ShouldBeNull();
        }

        Path = _dir.File("test.case");
        using var store = CaseStore.Open(Path, create: true);
        new CaseIngestor(store).Ingest(input);
        new CaseAnalyzer(store).Analyze();
        InputPath = input;
    }

    /// <summary>The same case plus extra ad rows written as given (e.g. with precomputed <c>image_hashes</c>).</summary>
    public static WorkbenchCase WithRows(params object[] rows) => new(rows.AsEnumerable());

    public string Path { get; }

    public string InputPath { get; }

    public string Folder => _dir.Path;

    public WorkbenchOptions Options(string? token = null, bool readOnly = false) =>
        new() { CasePath = Path, Analyst = "analyst.one", Token = token, ReadOnly = readOnly };

    public void Dispose() => _dir.Dispose();
}
