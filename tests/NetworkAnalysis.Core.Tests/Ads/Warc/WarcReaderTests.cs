using System.IO.Compression;
using System.Text;
using NetworkAnalysis.Core.Ads.Warc;

namespace NetworkAnalysis.Core.Tests.Ads.Warc;

public sealed class WarcReaderTests
{
    private static List<WarcItem> ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return new WarcReader().Read(stream, Path.GetFileName(path)).ToList();
    }

    private static List<WarcItem> ReadBytes(byte[] bytes, WarcReaderOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        return new WarcReader(options).Read(stream, "test.warc").ToList();
    }

    private static byte[] Record(string type, string uri, string content, int? lengthOverride = null, string? id = null, string extra = "")
    {
        var body = Encoding.UTF8.GetBytes(content);
        var head = $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Record-ID: <urn:uuid:{id ?? Guid.NewGuid().ToString()}>\r\nWARC-Target-URI: {uri}\r\n"
            + $"WARC-Date: 2026-03-02T10:00:00Z\r\n{extra}Content-Type: application/http; msgtype=response\r\nContent-Length: {lengthOverride ?? body.Length}\r\n\r\n";
        return [.. Encoding.UTF8.GetBytes(head), .. body, .. "\r\n\r\n"u8];
    }

    private static string Http(string html) =>
        $"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {Encoding.UTF8.GetByteCount(html)}\r\n\r\n{html}";

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(data);
        }

        return output.ToArray();
    }

    [Theory]
    [InlineData("example.warc")]
    [InlineData("example.warc.gz")]
    public void Read_Example_GivesEveryRecordAndResolvesTheRevisit(string name)
    {
        if (SharedWarc.File(name) is not { } path)
        {
            return;
        }

        var items = ReadFile(path);
        items.Where(i => i.Error != null).Select(i => i.Error!.ToString()).ShouldBeEmpty();
        var records = items.Select(i => i.Record!).ToList();
        records.Select(r => r.Type).ShouldBe(["warcinfo", "warcinfo", "response", "request", "revisit", "request"]);
        var response = records[2];
        var revisit = records[4];
        revisit.Original.ShouldNotBeNull();
        revisit.Original.RecordId.ShouldBe(response.RecordId);
        revisit.Original.Offset.ShouldBe(response.Offset);

        var http = HttpPayload.Parse(response.Block, 1 << 20, out var error);
        error.ShouldBeNull();
        http!.Status.ShouldBe(200);
        http.MediaType.ShouldBe("text/html");
        // The body was sent with Content-Encoding: gzip; the payload is the decoded page.
        Encoding.UTF8.GetString(http.Body).ShouldContain("<title>Example Domain</title>");
    }

    [Fact]
    public void Read_ChunkedResponse_DechunksTheBody()
    {
        if (SharedWarc.File("example-iana.org-chunked.warc") is not { } path)
        {
            return;
        }

        var response = ReadFile(path).Select(i => i.Record).First(r => r?.Type == "response")!;
        var http = HttpPayload.Parse(response.Block, 1 << 20, out var error)!;
        error.ShouldBeNull();
        http.Warning.ShouldBeNull();
        var html = Encoding.UTF8.GetString(http.Body);
        html.ShouldStartWith("<!doctype html>", Case.Insensitive);
        html.TrimEnd().ShouldEndWith("</html>");
        // No chunk-size line survives in the body.
        html.ShouldNotContain("\r\n0\r\n");
    }

    [Theory]
    [InlineData("example-wrong-chunks.warc.gz")]
    [InlineData("example-bad-non-chunked.warc.gz")]
    public void Read_OddButIntactFiles_LoseNothing(string name)
    {
        if (SharedWarc.File(name) is not { } path)
        {
            return;
        }

        var items = ReadFile(path);
        items.Where(i => i.Error != null).Select(i => i.Error!.ToString()).ShouldBeEmpty();
        var response = items.Select(i => i.Record).First(r => r?.Type == "response")!;
        var http = HttpPayload.Parse(response.Block, 1 << 20, out _);
        http.ShouldNotBeNull();
        Encoding.UTF8.GetString(http.Body).ShouldContain("Example Domain");
    }

    [Fact]
    public void Read_TruncatedRecord_ReportsItAndKeepsTheOthers()
    {
        if (SharedWarc.File("example-trunc.warc") is not { } path)
        {
            return;
        }

        var items = ReadFile(path);
        var errors = items.Where(i => i.Error != null).Select(i => i.Error!).ToList();
        errors.Count.ShouldBe(1);
        errors[0].ToString().ShouldStartWith("example-trunc.warc: at byte ");
        errors[0].Message.ShouldContain("Content-Length");
        var types = items.Where(i => i.Record != null).Select(i => i.Record!.Type).ToList();
        types.ShouldContain("warcinfo");
        types.ShouldContain("request");
    }

    [Fact]
    public void Read_ResourceAndWgetBracketedUri_AreRead()
    {
        if (SharedWarc.File("example-resource.warc.gz") is not { } resource || SharedWarc.File("example-wget-bad-target-uri.warc.gz") is not { } wget)
        {
            return;
        }

        ReadFile(resource).Select(i => i.Record!).Single(r => r.Type == "resource").TargetUri.ShouldBe("http://example.com/");
        var wgetRecords = ReadFile(wget).Select(i => i.Record!).ToList();
        wgetRecords.ShouldContain(r => r.Type == "metadata");
        wgetRecords.Single(r => r.Type == "response").TargetUri.ShouldBe("http://example.com/");
    }

    [Fact]
    public void Read_PostCapture_PairsRequestsAndResponses()
    {
        if (SharedWarc.File("post-test.warc.gz") is not { } path)
        {
            return;
        }

        var records = ReadFile(path).Select(i => i.Record!).ToList();
        records.Count(r => r.Type == "response").ShouldBe(3);
        records.Count(r => r.Type == "request").ShouldBe(3);
        HttpPayload.Parse(records.First(r => r.Type == "request").Block, 1 << 20, out _)!.StartLine.ShouldStartWith("POST ");
    }

    [Fact]
    public void Read_ContentLengthTooLarge_ReportsThatRecordOnly()
    {
        var good1 = Record("response", "http://a.example/1", Http("<p>one</p>"));
        var bad = Record("response", "http://a.example/2", Http("<p>two</p>"), lengthOverride: 400);
        var good2 = Record("response", "http://a.example/3", Http("<p>three</p>"));
        var items = ReadBytes([.. good1, .. bad, .. good2]);
        items.Count(i => i.Error != null).ShouldBe(1);
        var error = items.Single(i => i.Error != null).Error!;
        error.Offset.ShouldBe(good1.Length);
        error.Message.ShouldContain("Content-Length 400 is wrong");
        items.Where(i => i.Record != null).Select(i => i.Record!.TargetUri).ShouldBe(["http://a.example/1", "http://a.example/3"]);
    }

    [Fact]
    public void Read_ContentLengthTooSmall_ReportsThatRecordOnly()
    {
        var good1 = Record("response", "http://a.example/1", Http("<p>one</p>"));
        var bad = Record("response", "http://a.example/2", Http("<p>two and more text</p>"), lengthOverride: 20);
        var good2 = Record("response", "http://a.example/3", Http("<p>three</p>"));
        var items = ReadBytes([.. good1, .. bad, .. good2]);
        var error = items.Single(i => i.Error != null).Error!;
        error.Offset.ShouldBe(good1.Length);
        error.Message.ShouldContain("Content-Length 20 is wrong");
        items.Where(i => i.Record != null).Select(i => i.Record!.TargetUri).ShouldBe(["http://a.example/1", "http://a.example/3"]);
    }

    [Fact]
    public void Read_RecordCutMidBody_ReportsItWithItsOffset()
    {
        var good = Record("response", "http://a.example/1", Http("<p>one</p>"));
        var cut = Record("response", "http://a.example/2", Http("<p>" + new string('x', 500) + "</p>"));
        var items = ReadBytes([.. good, .. cut.AsSpan(0, cut.Length - 200)]);
        items.Count.ShouldBe(2);
        items[0].Record!.TargetUri.ShouldBe("http://a.example/1");
        items[1].Error!.Offset.ShouldBe(good.Length);
        items[1].Error!.Message.ShouldContain("cut mid-body");
    }

    [Fact]
    public void Read_JunkBetweenRecords_SkipsToTheNextRecord()
    {
        var good1 = Record("response", "http://a.example/1", Http("<p>one</p>"));
        var good2 = Record("response", "http://a.example/2", Http("<p>two</p>"));
        var items = ReadBytes([.. good1, .. "garbage line\r\nmore\r\n"u8, .. good2]);
        items.Count(i => i.Error != null).ShouldBe(1);
        items.Single(i => i.Error != null).Error!.Offset.ShouldBe(good1.Length);
        items.Where(i => i.Record != null).Select(i => i.Record!.TargetUri).ShouldBe(["http://a.example/1", "http://a.example/2"]);
    }

    [Fact]
    public void Read_GzipMemberPerRecord_ReadsAllAndReportsATruncatedLastMember()
    {
        var members = Enumerable.Range(1, 3).Select(i => Gzip(Record("response", $"http://a.example/{i}", Http($"<p>{i} {new string('y', 3000)}</p>")))).ToList();
        var whole = members.SelectMany(m => m).ToArray();
        var items = ReadBytes(whole);
        items.Select(i => i.Record!.TargetUri).ShouldBe(["http://a.example/1", "http://a.example/2", "http://a.example/3"]);
        items.ShouldAllBe(i => i.Record!.Offset >= 0);

        var truncated = whole.AsSpan(0, whole.Length - members[2].Length / 2).ToArray();
        var cut = ReadBytes(truncated);
        cut.Where(i => i.Record != null).Select(i => i.Record!.TargetUri).ShouldBe(["http://a.example/1", "http://a.example/2"]);
        var error = cut.Single(i => i.Error != null).Error!;
        error.Compressed.ShouldBeTrue();
        error.ToString().ShouldContain("at decompressed byte ");
    }

    [Fact]
    public void Read_CorruptGzipMember_ReportsItAndKeepsEarlierRecords()
    {
        var first = Gzip(Record("response", "http://a.example/1", Http("<p>one</p>")));
        var second = Gzip(Record("response", "http://a.example/2", Http("<p>two " + new string('z', 2000) + "</p>")));
        second[20] ^= 0xff;
        second[21] ^= 0xff;
        second[22] ^= 0xff;
        var items = ReadBytes([.. first, .. second]);
        items[0].Record!.TargetUri.ShouldBe("http://a.example/1");
        items.Count(i => i.Error != null).ShouldBe(1);
    }

    [Fact]
    public void Read_RevisitByDigest_ResolvesToTheOriginal()
    {
        var original = Record("response", "http://a.example/1", Http("<p>one</p>"), id: "11111111-1111-1111-1111-111111111111", extra: "WARC-Payload-Digest: sha1:ABC\r\n");
        var revisit = Record("revisit", "http://a.example/1", "HTTP/1.1 200 OK\r\n\r\n", extra: "WARC-Payload-Digest: sha1:ABC\r\nWARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest\r\n");
        var unresolved = Record("revisit", "http://a.example/9", "HTTP/1.1 200 OK\r\n\r\n", extra: "WARC-Payload-Digest: sha1:XYZ\r\n");
        var records = ReadBytes([.. original, .. revisit, .. unresolved]).Select(i => i.Record!).ToList();
        records[1].Original!.RecordId.ShouldBe("<urn:uuid:11111111-1111-1111-1111-111111111111>");
        records[2].Original.ShouldBeNull();
    }

    [Fact]
    public void Read_OversizedRecord_IsSkippedAndReported()
    {
        var big = Record("response", "http://a.example/big", Http(new string('b', 5000)));
        var good = Record("response", "http://a.example/2", Http("<p>two</p>"));
        var items = ReadBytes([.. big, .. good], new WarcReaderOptions { MaxRecordBytes = 1000 });
        items[0].Error!.Message.ShouldContain("over the limit");
        items[1].Record!.TargetUri.ShouldBe("http://a.example/2");
    }
}
