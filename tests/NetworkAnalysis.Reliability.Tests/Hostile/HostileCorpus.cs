using System.Text;
using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Reliability.Tests.Hostile;

/// <summary>The hostile input corpus: malformed, oversized and malicious files with their expected outcomes.</summary>
/// <remarks>See README.md in this folder. Every entry is built in code, so no large or odd file sits in the repository.</remarks>
internal static class HostileCorpus
{
    private const string Header = "id,title,body,city\n";
    private const int TenMegabytes = 10 * 1024 * 1024;

    public const string Xss = "<script>alert(1)</script>\"'><img src=x onerror=alert(document.cookie)><svg onload=alert(1)>";

    public static IReadOnlyList<HostileInput> All { get; } =
    [
        // CSV structure
        Csv("csv-unbalanced-quote", Header + "1,\"quote opened and never closed,body,x\n2,ok,fine,y\n3,ok,fine,z\n", 2, 1, "unbalanced quote"),
        Csv("csv-quote-inside-field", Header + "1,ab\"cd,b\"\"ody,x\n", 1, 0),
        Csv("csv-too-few-columns", Header + "1,only\n2,t,b,c\n", 1, 1, "expected 4 columns, found 2"),
        Csv("csv-too-many-columns", Header + "1,a,b,c,d,e\n2,t,b,c\n", 1, 1, "expected 4 columns, found 6"),
        Csv("csv-million-columns", Header + "1" + string.Concat(Enumerable.Repeat(",x", 1_000_000)) + "\n2,t,b,c\n", 1, 1, "more than 1,024 columns"),
        Csv("csv-million-column-header", "id" + string.Concat(Enumerable.Repeat(",c", 1_000_000)) + "\n1\n", 0, 1, "could not read the header"),
        Csv("csv-ten-megabyte-field", Header + "1,t," + new string('a', TenMegabytes) + ",x\n2,t,b,c\n", 1, 1, "over the limit"),
        Csv("csv-million-quotes", Header + new string('"', 1_000_000) + "\n2,t,b,c\n", 1, 1, "expected 4 columns"),
        Csv("csv-no-id-column", "title,body\nx,y\n", 0, 1, "has no 'id' column"),
        Csv("csv-empty-file", "", 0, 0),
        Csv("csv-header-only", Header, 0, 0),
        Csv("csv-bom-and-crlf", "\uFEFF" + Header.Replace("\n", "\r\n") + "1,t,b,c\r\n2,\"multi\r\nline\",b,c\r\n", 2, 0),
        Csv("csv-old-mac-line-ends", "id,title\r1,a\r2,b\r", 2, 0),
        Bytes("csv-invalid-utf8", AdInputFormat.Csv, [.. Encoding.UTF8.GetBytes(Header + "1,t,"), 0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xC0, 0xAF, .. Encoding.UTF8.GetBytes(",x\n")], 1, 0),
        Csv("csv-nul-bytes", Header + "1\0,t\0,b\0ody,x\0\n", 1, 0),
        Csv("csv-id-over-512", Header + new string('9', 600) + ",t,b,c\n2,t,b,c\n", 1, 1, "longer than 512"),
        Csv("csv-formula-ids", Header + "=HYPERLINK(\"http://example.com\"),t,b,=1+1\n+1,t,b,c\n-1,t,b,c\n@SUM(A1),t,b,c\n\"\tx\",t,b,c\n\"\ry\",t,b,c\n", 6, 0),
        Csv("csv-xss-everywhere", "id,site,title,body,city,region,poster,images\n"
            + string.Join(',', Enumerable.Repeat(Quote(Xss), 8)) + "\n", 1, 0),

        // JSON Lines structure
        Json("jsonl-deeply-nested-arrays", "{\"id\":\"1\",\"x\":" + new string('[', 100_000) + new string(']', 100_000) + "}\n{\"id\":\"2\"}\n", 1, 1, "invalid JSON"),
        Json("jsonl-deeply-nested-objects", "{\"id\":\"1\",\"x\":" + string.Concat(Enumerable.Repeat("{\"a\":", 50_000)) + "1" + new string('}', 50_000) + "}\n", 0, 1, "invalid JSON"),
        Json("jsonl-truncated-object", "{\"id\":\"1\",\"title\":\"cut off\n{\"id\":\"2\"}\n", 1, 1, "invalid JSON"),
        Json("jsonl-not-objects", "[1,2]\n\"text\"\n42\nnull\ntrue\n", 0, 5, "expected a JSON object"),
        Json("jsonl-ten-megabyte-line", "{\"id\":\"1\",\"body\":\"" + new string('a', TenMegabytes) + "\"}\n{\"id\":\"2\"}\n", 1, 1, "over the limit"),
        Json("jsonl-many-fields", "{" + string.Join(',', Enumerable.Range(0, 100_000).Select(i => $"\"f{i}\":1")) + "}\n{\"id\":\"2\"}\n", 1, 1, "more than 1024 fields"),
        Json("jsonl-lone-surrogates", "{\"id\":\"1\",\"title\":\"\\ud800\",\"body\":\"\\udfff x \\ud83d\"}\n{\"id\":\"2\"}\n", 2, 0),
        Json("jsonl-escaped-nul", "{\"id\":\"1\\u0000\",\"body\":\"a\\u0000b\"}\n", 1, 0),
        Bytes("jsonl-raw-control-bytes", AdInputFormat.JsonLines, [.. Encoding.UTF8.GetBytes("{\"id\":\"1\",\"body\":\"a"), 0x00, 0x1B, .. Encoding.UTF8.GetBytes("b\"}\n{\"id\":\"2\"}\n")], 1, 1, "invalid JSON"),
        Bytes("jsonl-invalid-utf8", AdInputFormat.JsonLines, [.. Encoding.UTF8.GetBytes("{\"id\":\"1\",\"body\":\""), 0xFF, 0xC3, 0x28, 0xF8, .. Encoding.UTF8.GetBytes("\"}\n")], 1, 0),
        Json("jsonl-duplicate-keys", "{\"id\":\"1\",\"id\":\"2\",\"title\":\"a\",\"title\":\"b\"}\n", 1, 0),
        Json("jsonl-odd-id-types", "{\"id\":12345}\n{\"id\":{\"nested\":1}}\n{\"id\":true}\n{\"id\":null}\n{\"id\":\"   \"}\n{}\n", 3, 3, "the id field is required"),
        Json("jsonl-out-of-range-numbers", "{\"id\":\"1\",\"price\":1e999}\n{\"id\":\"2\",\"age\":99999999999999999999}\n{\"id\":\"3\",\"price\":\"-5\"}\n{\"id\":\"4\",\"age\":-1}\n{\"id\":\"5\",\"price\":\"NaN\"}\n", 0, 5, "not a"),
        Json("jsonl-bad-dates-and-countries", "{\"id\":\"1\",\"posted_at\":\"9999-99-99\"}\n{\"id\":\"2\",\"country\":\"ZZZ\"}\n{\"id\":\"3\",\"country\":\"<b\"}\n", 0, 3, "is not"),
        Json("jsonl-path-traversal-images", "{\"id\":\"1\",\"images\":[\"../../../../etc/passwd\",\"/etc/shadow\",\"C:\\\\Windows\\\\System32\\\\config\\\\SAM\",\"file:///etc/passwd\",\"\\\\\\\\server\\\\share\\\\x.jpg\",\"%2e%2e%2f%2e%2e%2fetc%2fpasswd\"],\"image_hashes\":[\"sha256:../../etc\",\"phash:<script>\"]}\n", 1, 0),
        Json("jsonl-xss-everywhere", "{" + string.Join(',', new[] { "id", "site", "title", "body", "city", "region", "poster", "images", "image_hashes", "extra" }
            .Select(f => $"\"{f}\":{System.Text.Json.JsonSerializer.Serialize(f == "id" ? Xss + "-jsonl" : Xss)}")) + "}\n", 1, 0),
        Json("jsonl-terminal-escapes", "{\"id\":\"\\u001b[2J\\u001b]0;pwned\\u0007\",\"title\":\"\\u202egnp.exe\",\"body\":\"\\u001b[31mred\"}\n{\"id\":\"x\",\"posted_at\":\"\\u001b[31mnot a date\"}\n", 1, 1, "not an ISO 8601"),
        Json("jsonl-blank-and-whitespace-lines", "\n   \n\t\n{\"id\":\"1\"}\n\n", 1, 0),
    ];

    private static HostileInput Csv(string name, string text, int ads, int errors, string? contains = null) =>
        new(name, AdInputFormat.Csv, () => Encoding.UTF8.GetBytes(text), ads, errors, contains);

    private static HostileInput Json(string name, string text, int ads, int errors, string? contains = null) =>
        new(name, AdInputFormat.JsonLines, () => Encoding.UTF8.GetBytes(text), ads, errors, contains);

    private static HostileInput Bytes(string name, AdInputFormat format, byte[] bytes, int ads, int errors, string? contains = null) =>
        new(name, format, () => bytes, ads, errors, contains);

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
