using System.Text.Json;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>Issue 19: the phone's geocoded region and type in lookup and show, the metadata version in runs and doctor, and out_of_area.</summary>
public sealed class PhoneDetailsCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task NevadaNumberAdvertisedInMiami_LookupShowAndDoctorReportRegionTypeAndMetadata()
    {
        // Given three Miami ads with a Las Vegas (702) number, ingested and analysed
        var input = _dir.Write("p.jsonl", string.Join('\n', Enumerable.Range(1, 3).Select(i =>
            JsonSerializer.Serialize(new { id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), body = $"Mia here, call (702) 555-014{i} or 702-555-0150", city = "Miami", country = "US" }))) + "\n");
        var casePath = _dir.File("p.case");
        (await CliRunner.RunAsync("ingest", input, "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);

        // When looked up, shown and examined
        var lookupText = await CliRunner.RunAsync("lookup", "702-555-0150", "--case", casePath);
        using var lookup = JsonDocument.Parse((await CliRunner.RunAsync("lookup", "702-555-0150", "--case", casePath, "--json")).Out);
        var cluster = lookup.RootElement[0].GetProperty("clusters")[0].GetProperty("id").GetString()!;
        var show = await CliRunner.RunAsync("show", cluster, "--case", casePath);
        using var showJson = JsonDocument.Parse((await CliRunner.RunAsync("show", cluster, "--case", casePath, "--json")).Out);
        var doctor = await CliRunner.RunAsync("doctor", casePath);

        // Then lookup names the number's state and type
        lookupText.Out.ShouldContain("number: Nevada (US), fixed line or mobile", Case.Sensitive, lookupText.All);
        var phone = lookup.RootElement[0].GetProperty("phone");
        phone.GetProperty("location").GetString().ShouldBe("Nevada");
        phone.GetProperty("number_type").GetString().ShouldBe("fixed line or mobile");
        phone.GetProperty("metadata").GetString().ShouldBe("libphonenumber-csharp 9.0.43");

        // and show lists the cluster's phones with their region, and the out-of-area indicator fires with its caution
        show.Out.ShouldContain("Nevada (US)", Case.Sensitive, show.All);
        show.Out.ShouldContain("Out-of-area numbers");
        show.Out.ShouldContain("advertise outside the number's state");
        showJson.RootElement.GetProperty("phones").EnumerateArray().Select(p => p.GetProperty("location").GetString()).ShouldAllBe(l => l == "Nevada");

        // and doctor names the metadata this build uses and the case's runs used
        doctor.Out.ShouldContain("phone metadata: libphonenumber-csharp 9.0.43 in this build; case runs: analyze libphonenumber-csharp 9.0.43, ingest libphonenumber-csharp 9.0.43", Case.Sensitive, doctor.All);
    }

    [Fact]
    public async Task StoredDetails_AreWhatLookupShowAndReportPrint()
    {
        // Given an analysed case whose stored details for 702-555-0150 were written by another metadata version and say "Testville"
        var input = _dir.Write("p.jsonl", string.Join('\n', Enumerable.Range(1, 3).Select(i =>
            JsonSerializer.Serialize(new { id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), body = $"Mia here, call (702) 555-014{i} or 702-555-0150", city = "Miami", country = "US" }))) + "\n");
        var casePath = _dir.File("p.case");
        (await CliRunner.RunAsync("ingest", input, "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={casePath};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE phone_details SET location = 'Testville', metadata = '0.0.1' WHERE entity = (SELECT id FROM entities WHERE value = '+17025550150');";
            cmd.ExecuteNonQuery().ShouldBe(1);
        }

        // When looked up, shown and reported
        var lookup = await CliRunner.RunAsync("lookup", "702-555-0150", "--case", casePath);
        using var lookupJson = JsonDocument.Parse((await CliRunner.RunAsync("lookup", "702-555-0150", "--case", casePath, "--json")).Out);
        var cluster = lookupJson.RootElement[0].GetProperty("clusters")[0].GetProperty("id").GetString()!;
        var show = await CliRunner.RunAsync("show", cluster, "--case", casePath);
        var report = await CliRunner.RunAsync("report", cluster, "--case", casePath, "--out", _dir.File("report"), "--show-identifiers");

        // Then each prints the stored place and version, not a fresh computation, and says nothing about computing them
        lookup.Out.ShouldContain("number: Testville (US), fixed line or mobile", Case.Sensitive, lookup.All);
        lookupJson.RootElement[0].GetProperty("phone").GetProperty("metadata").GetString().ShouldBe("libphonenumber-csharp 0.0.1");
        show.Out.ShouldContain("Testville (US)", Case.Sensitive, show.All);
        show.Out.ShouldContain("libphonenumber-csharp 0.0.1, 9.0.43", Case.Sensitive, show.All);
        // (report.html is written first; without `npm ci` the map alone is missing and the exit code says so)
        var html = await File.ReadAllTextAsync(Path.Combine(_dir.File("report"), "report.html"));
        html.ShouldContain("Testville (US), fixed line or mobile");
        html.ShouldContain("libphonenumber-csharp 0.0.1, 9.0.43");
        (lookup.Error + show.Error + report.Error).ShouldNotContain("computed with");
    }
}
