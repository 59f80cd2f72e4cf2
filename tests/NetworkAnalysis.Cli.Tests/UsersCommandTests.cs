using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary><c>netan users</c>: accounts of a team case, one-time links, removal; bad input is one line and exit 2.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Add_PrintsAOneTimeLinkInTheFragment_AndTheCaseKeepsOnlyItsHash()
    {
        var casePath = _dir.File("team.case");
        using (CaseStore.Open(casePath, create: true))
        {
        }

        var run = await CliRunner.RunAsync("users", "add", "ana", "--role", "analyst", "--url", "http://127.0.0.1:5099", "--case", casePath, "--analyst", "boss");

        run.ExitCode.ShouldBe(0, run.Error);
        var link = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        link.ShouldStartWith("http://127.0.0.1:5099/#/invite/");
        var token = link[(link.LastIndexOf('/') + 1)..];
        using var connection = new SqliteConnection("Data Source=" + casePath);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT token_sha256 FROM invitations;";
        var stored = (string)cmd.ExecuteScalar()!;
        stored.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))));

        var list = await CliRunner.RunAsync("users", "list", "--json", "--case", casePath);
        var user = JsonDocument.Parse(list.Out).RootElement.EnumerateArray().ShouldHaveSingleItem();
        user.GetProperty("role").GetString().ShouldBe("analyst");
        user.GetProperty("password_set").GetBoolean().ShouldBeFalse();
        user.GetProperty("created_by").GetString().ShouldBe("boss");

        (await CliRunner.RunAsync("users", "remove", "ana", "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);
        var after = await CliRunner.RunAsync("users", "list", "--json", "--case", casePath);
        JsonDocument.Parse(after.Out).RootElement[0].GetProperty("removed_at").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Theory]
    [InlineData("--role|boss", "--role must be admin, analyst or reviewer")]
    [InlineData("--role|analyst|TWICE", "user ana exists already")]
    public async Task Add_BadRoleOrTakenName_IsOneLineAndExit2(string options, string expected)
    {
        var casePath = _dir.File("bad.case");
        using (CaseStore.Open(casePath, create: true))
        {
        }

        var parts = options.Split('|');
        var args = new List<string> { "users", "add", "ana", parts[0], parts[1], "--case", casePath, "--quiet" };
        if (parts.Length > 2)
        {
            (await CliRunner.RunAsync([.. args])).ExitCode.ShouldBe(0);
        }

        var run = await CliRunner.RunAsync([.. args]);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain(expected);
    }
}
