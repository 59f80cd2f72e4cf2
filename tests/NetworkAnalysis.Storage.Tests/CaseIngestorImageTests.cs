using System.Text;
using NetworkAnalysis.Core.Generation.Images;
using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

public sealed class CaseIngestorImageTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Ingest_ImagesGoodMissingCorruptEscapingAndPrecomputed_HashesWhatItCanAndRecordsTheRest()
    {
        // Given photos next to the ads file: one PNG named by two ads, its rotated variant, a corrupt file;
        // a missing file, a path escaping the folder, and a precomputed pHash
        var input = Path.Combine(_dir.Path, "in");
        Directory.CreateDirectory(Path.Combine(input, "img"));
        Write(Path.Combine(input, "img", "a.png"), "p1", PhotoVariant.Original);
        Write(Path.Combine(input, "img", "a-rot.png"), "p1", PhotoVariant.Rotated);
        File.WriteAllBytes(Path.Combine(input, "img", "bad.png"), File.ReadAllBytes(Path.Combine(input, "img", "a.png"))[..60]);
        File.WriteAllText(Path.Combine(_dir.Path, "outside.png"), "x");
        var ads = new[]
        {
            """{"id":"1","site":"s","body":"first ad","images":"img/a.png"}""",
            """{"id":"2","site":"s","body":"second ad","images":"img/a.png;img/a-rot.png"}""",
            """{"id":"3","site":"s","body":"third ad","images":"img/bad.png;img/none.png;../outside.png"}""",
            """{"id":"4","site":"s","body":"fourth ad","image_hashes":"phash:00ff00ff00ff00ff;dhash:0f0f0f0f0f0f0f0f"}""",
        };
        var file = Path.Combine(input, "ads.jsonl");
        File.WriteAllText(file, string.Join('\n', ads) + "\n", new UTF8Encoding(false));
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);

        // When
        var result = new CaseIngestor(store).Ingest(file);

        // Then every ad is in; three images hashed; three errors with their reasons on ad 3's line
        result.AdsAdded.ShouldBe(4);
        result.ImagesHashed.ShouldBe(3);
        result.ImageErrors.ShouldBe(3);
        var rows = Query(store, "SELECT a.ad_id, i.position, ifnull(i.path,''), ifnull(i.sha256,''), ifnull(i.phash,''), ifnull(i.error,'') FROM ad_images i JOIN ads a ON a.id = i.ad ORDER BY a.ad_id, i.position");
        rows.Count.ShouldBe(7);
        rows[0][3].ShouldBe(rows[1][3]);
        rows[0][3].Length.ShouldBe(64);
        rows[2][3].ShouldNotBe(rows[0][3]);
        var p0 = unchecked((ulong)long.Parse(rows[0][4], System.Globalization.CultureInfo.InvariantCulture));
        var p2 = unchecked((ulong)long.Parse(rows[2][4], System.Globalization.CultureInfo.InvariantCulture));
        ImageHasher.Distance(p0, p2).ShouldBeLessThanOrEqualTo(ImageMatch.DefaultPHashThreshold);
        rows[3][5].ShouldStartWith("Corrupt");
        rows[4][5].ShouldStartWith("NotFound");
        rows[5][5].ShouldStartWith("PathRefused");
        rows[6].ShouldBe(["4", "0", "", "", unchecked((long)0x00ff00ff00ff00ffUL).ToString(System.Globalization.CultureInfo.InvariantCulture), ""]);
        var errors = Query(store, "SELECT field, message FROM ingest_errors");
        errors.Count.ShouldBe(1);
        errors[0][0].ShouldBe("images");
        errors[0][1].ShouldContain("img/none.png: NotFound");
        errors[0][1].ShouldContain("../outside.png: PathRefused");
        // The exact copy is a strong link: one image entity on ads 1 and 2.
        Query(store, "SELECT count(DISTINCT m.ad) FROM mentions m JOIN entities e ON e.id = m.entity WHERE e.type = 'image' AND e.value = $v".Replace("$v", "'" + rows[0][3] + "'", StringComparison.Ordinal))[0][0].ShouldBe("2");
        store.Counts().IngestErrors.ShouldBe(0);
    }

    [Fact]
    public void Analyze_NearDuplicatePhotosOnAdsSharingNoIdentifier_StoresAWeakLink()
    {
        // Given two ads with no identifiers, one with a photo and one with its brightened variant
        var input = Path.Combine(_dir.Path, "in2");
        Directory.CreateDirectory(input);
        Write(Path.Combine(input, "a.png"), "p7", PhotoVariant.Original);
        Write(Path.Combine(input, "b.png"), "p7", PhotoVariant.Cropped);
        var file = Path.Combine(input, "ads.jsonl");
        File.WriteAllText(file, """
            {"id":"1","site":"s","body":"alpha bravo charlie","images":"a.png"}
            {"id":"2","site":"s","body":"delta echo foxtrot","images":"b.png"}

            """, new UTF8Encoding(false));
        using var store = CaseStore.Open(_dir.File("d.case"), create: true);
        new CaseIngestor(store).Ingest(file);

        // When
        new CaseAnalyzer(store).Analyze();
        var links = store.LoadWeakLinks(store.LoadSnapshot());

        // Then
        var link = links.ShouldHaveSingleItem();
        link.Kind.ShouldBe(Core.Graphs.WeakLinkKind.ImageNearDuplicate);
        link.Similarity.ShouldBeGreaterThanOrEqualTo(1 - (ImageMatch.DefaultPHashThreshold / 64.0));
    }

    private static void Write(string path, string photo, PhotoVariant variant)
    {
        using var f = File.Create(path);
        SyntheticPhotoWriter.Write(photo, variant, ImageFormat.Png, f).ShouldBeNull();
    }

    private static List<string[]> Query(CaseStore store, string sql)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string[]>();
        while (r.Read())
        {
            rows.Add(Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray());
        }

        return rows;
    }
}
