using System.Text;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

public sealed class MentionRawTests : IDisposable
{
    private const string Hash = "83f48e34bf27100381aaf1b06e8807db82d8b213532b06643f118f3017918a17";

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("field:image_hashes", "sha256:" + Hash, Hash, "")]
    [InlineData("field:image_hashes", "SHA256:" + Hash, Hash, "SHA256:" + Hash)]
    [InlineData("field:image_hashes", "sha256:" + "83F48E34BF27100381AAF1B06E8807DB82D8B213532B06643F118F3017918A17", Hash, "sha256:83F48E34BF27100381AAF1B06E8807DB82D8B213532B06643F118F3017918A17")]
    [InlineData("file:images", "sha256:" + Hash, Hash, "sha256:" + Hash)]
    [InlineData("v2:field:image_hashes", "sha256:" + Hash, Hash, "sha256:" + Hash)]
    [InlineData("phone", "617-555-0110", "+16175550110", "617-555-0110")]
    public void Stored_ThenRead_GivesTheRawTextBack(string extractor, string raw, string value, string expectedStored)
    {
        var stored = MentionRaw.Stored(extractor, raw, value);
        stored.ShouldBe(expectedStored);
        MentionRaw.Read(stored, extractor, value).ShouldBe(raw);
    }

    [Fact]
    public void Ingest_ImageHashMentions_StoredEmpty_ReadBackAsWritten()
    {
        // Given 500 generated ads with precomputed image hashes
        var path = _dir.File("ads.jsonl");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            CorpusWriter.WriteJsonLines(CorpusGenerator.Generate(new CorpusOptions { Ads = 500, Seed = 8 }), w);
        }

        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(path);

        // Then the hash mentions are stored without their text, and read back they join to each ad's image_hashes exactly
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT a.image_hashes, group_concat(r, ';'), sum(stored = '') , count(*) FROM ads a JOIN (
                SELECT m.ad, m.id, m.raw AS stored, {MentionRaw.Sql("m", "e")} AS r FROM mentions m JOIN entities e ON e.id = m.entity
                WHERE m.extractor = 'field:image_hashes' ORDER BY m.ad, m.id) x ON x.ad = a.id
            GROUP BY a.id ORDER BY a.id;
            """;
        using var r = cmd.ExecuteReader();
        long ads = 0, empty = 0, mentions = 0;
        while (r.Read())
        {
            r.GetString(1).ShouldBe(r.GetString(0));
            empty += r.GetInt64(2);
            mentions += r.GetInt64(3);
            ads++;
        }

        ads.ShouldBeGreaterThan(100);
        empty.ShouldBe(mentions);

        // And the store's readers give the text as written
        var (adRow, entityRow) = First(store);
        store.MentionsOf(adRow, entityRow).Single().Raw.ShouldStartWith("sha256:");
    }

    private static (long Ad, long Entity) First(CaseStore store)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "SELECT ad, entity FROM mentions WHERE extractor = 'field:image_hashes' ORDER BY id LIMIT 1;";
        using var r = cmd.ExecuteReader();
        r.Read().ShouldBeTrue();
        return (r.GetInt64(0), r.GetInt64(1));
    }
}
