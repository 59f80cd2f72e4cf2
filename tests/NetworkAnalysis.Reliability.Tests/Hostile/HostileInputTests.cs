using System.Text;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reliability.Tests.Hostile;

/// <summary>Every hostile input is read with its expected outcome, through the reader, the ingestor and the CLI.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var input in HostileCorpus.All)
        {
            data.Add(input.Name);
        }

        return data;
    }

    private static HostileInput Get(string name) => HostileCorpus.All.Single(h => h.Name == name);

    private static List<AdReadItem> ReadAll(HostileInput input)
    {
        // The same decoding as the ingestor: UTF-8, invalid bytes replaced, byte-order mark honoured.
        using var text = new StreamReader(new MemoryStream(input.Bytes()), new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        return new AdReader().Read(text, input.Format, input.FileName).ToList();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Read_HostileInput_GivesExpectedAdsAndErrors(string name)
    {
        // Given
        var input = Get(name);

        // When
        var items = ReadAll(input);

        // Then
        var errors = items.Where(i => i.Error is not null).Select(i => i.Error!).ToList();
        items.Count(i => i.Ad is not null).ShouldBe(input.Ads, string.Join(" | ", errors.Select(e => e.ToString())));
        errors.Count.ShouldBe(input.Errors, string.Join(" | ", errors.Select(e => e.ToString())));
        foreach (var error in errors)
        {
            error.Message.ShouldContain(input.ErrorContains!);
            error.Message.Length.ShouldBeLessThan(400);
        }
    }

    [Fact]
    public void Ingest_WholeHostileCorpus_StoresExpectedAdsAndKeepsTextExactly()
    {
        // Given: every hostile file, each under its own site so equal IDs do not collide
        using var store = CaseStore.Open(_dir.File("hostile.case"), create: true);
        var ingestor = new CaseIngestor(store);

        // When / Then
        foreach (var input in HostileCorpus.All)
        {
            var path = _dir.File(input.FileName);
            File.WriteAllBytes(path, input.Bytes());
            var result = ingestor.Ingest(path, new IngestOptions { Reader = new AdReaderOptions { DefaultSite = input.Name } });
            result.AdsAdded.ShouldBe(input.Ads, input.Name);
            result.RowsFailed.ShouldBe(input.Errors, input.Name);
        }

        using var c = new SqliteConnection($"Data Source={store.Path};Mode=ReadOnly;Pooling=False");
        c.Open();
        (string Id, string? Body, string? Images) Row(string site)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT ad_id, body, images FROM ads WHERE site = $s ORDER BY ad_id LIMIT 1;";
            cmd.Parameters.AddWithValue("$s", site);
            using var r = cmd.ExecuteReader();
            r.Read().ShouldBeTrue(site);
            return (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2));
        }

        var rows = new[] { Row("csv-nul-bytes"), Row("jsonl-escaped-nul"), Row("jsonl-path-traversal-images"), Row(HostileCorpus.Xss) };

        // NUL bytes survive the round trip through SQLite (evidence is kept exactly as posted)
        rows[0].Id.ShouldBe("1\0");
        rows[0].Body.ShouldBe("b\0ody");
        rows[1].Id.ShouldBe("1\0");
        rows[1].Body.ShouldBe("a\0b");
        // Paths are kept as text, never resolved or opened
        rows[2].Images.ShouldBe("../../../../etc/passwd;/etc/shadow;C:\\Windows\\System32\\config\\SAM;file:///etc/passwd;\\\\server\\share\\x.jpg;%2e%2e%2f%2e%2e%2fetc%2fpasswd");
        rows[3].Body.ShouldBe(HostileCorpus.Xss);
    }

    [Fact]
    public async Task IngestCli_HostileCorpus_ExitsZeroAndPrintsNoControlCharacters()
    {
        // Given
        var files = HostileCorpus.All.Where(h => h.Name.Contains("escape") || h.Name.Contains("control") || h.Name.Contains("nul") || h.Name.Contains("utf8") || h.Name.Contains("xss"))
            .Select(h =>
            {
                var path = _dir.File(h.FileName);
                File.WriteAllBytes(path, h.Bytes());
                return path;
            }).ToArray();

        // When
        var run = await InProcessCli.RunAsync(["-c", _dir.File("cli.case"), "ingest", "--site", "s", .. files]);
        var lookup = await InProcessCli.RunAsync("-c", _dir.File("cli.case"), "lookup", "\u001b[2J\u001b]0;pwned\u0007");

        // Then: warnings name the bad rows but carry no escape sequence, NUL or bidi override to the terminal
        run.ExitCode.ShouldBe(0, run.All);
        run.Error.ShouldContain("warning:");
        foreach (var output in new[] { run.All, lookup.All })
        {
            output.ShouldNotContain("\u001b");
            output.ShouldNotContain("\0");
            output.ShouldNotContain("\u0007");
            output.ShouldNotContain("\u202e");
        }
    }

    [Fact]
    public void Read_LineOfTwoHundredMillionCharacters_IsRejectedWithoutHoldingIt()
    {
        // Given: a JSON line far longer than the row limit, streamed (never a string in this test)
        using var reader = new EndlessLineReader(200_000_000, "\n{\"id\":\"after\"}\n");
        var before = GC.GetAllocatedBytesForCurrentThread();

        // When
        var items = new AdReader(new AdReaderOptions { MaxRowChars = 1_000_000 }).Read(reader, AdInputFormat.JsonLines, "long.jsonl").ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then: one error, the next row read, and memory bounded by the limit rather than the line
        items.Count.ShouldBe(2);
        items[0].Error!.Message.ShouldContain("200,000,000 characters");
        items[1].Ad!.Id.ShouldBe("after");
        allocated.ShouldBeLessThan(64L * 1024 * 1024);
    }

    [Fact]
    public void Read_CsvLineOfTwoHundredMillionCharacters_IsRejectedWithoutHoldingIt()
    {
        using var reader = new EndlessLineReader(200_000_000, "\n2,t\n", prefix: "id,title\n1,");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var items = new AdReader(new AdReaderOptions { MaxRowChars = 1_000_000 }).Read(reader, AdInputFormat.Csv, "long.csv").ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        items.Count.ShouldBe(2);
        items[0].Error!.Message.ShouldContain("over the limit");
        items[1].Ad!.Id.ShouldBe("2");
        allocated.ShouldBeLessThan(64L * 1024 * 1024);
    }

    /// <summary>A reader that yields a prefix, then <c>length</c> copies of 'a' without a newline, then a suffix.</summary>
    private sealed class EndlessLineReader(long length, string suffix, string prefix = "") : TextReader
    {
        private long _position = -prefix.Length;
        private int _suffixAt;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = 0;
            while (n < buffer.Length)
            {
                if (_position < 0)
                {
                    buffer[n++] = prefix[(int)(prefix.Length + _position++)];
                }
                else if (_position < length)
                {
                    var run = (int)Math.Min(buffer.Length - n, length - _position);
                    buffer.Slice(n, run).Fill('a');
                    n += run;
                    _position += run;
                }
                else if (_suffixAt < suffix.Length)
                {
                    buffer[n++] = suffix[_suffixAt++];
                }
                else
                {
                    break;
                }
            }

            return n;
        }

        public override int Peek() => -1;

        public override int Read()
        {
            Span<char> one = stackalloc char[1];
            return Read(one) == 1 ? one[0] : -1;
        }
    }
}
