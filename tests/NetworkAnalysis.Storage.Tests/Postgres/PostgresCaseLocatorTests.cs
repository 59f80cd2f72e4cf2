using NetworkAnalysis.Storage.Postgres;

namespace NetworkAnalysis.Storage.Tests.Postgres;

public sealed class PostgresCaseLocatorTests
{
    [Fact]
    public void Parse_FullLocator_TakesEveryPart_AndNeverShowsThePassword()
    {
        // When
        var locator = PostgresCaseLocator.Parse("postgresql://ana:s3cr%40t@db.example.com:6543/cases?schema=ring_7&sslmode=require");

        // Then
        (locator.User, locator.Host, locator.Port, locator.Database, locator.Schema, locator.SslMode).ShouldBe(("ana", "db.example.com", 6543, "cases", "ring_7", "require"));
        locator.HasPassword.ShouldBeTrue();
        locator.ToString().ShouldBe("postgresql://ana:***@db.example.com:6543/cases?schema=ring_7&sslmode=require");
        locator.ConnectionString().ShouldContain("Password=s3cr@t");
        locator.ConnectionString().ShouldContain("Search Path=ring_7");
    }

    [Fact]
    public void Parse_Minimal_DefaultsPortAndSchema()
    {
        var locator = PostgresCaseLocator.Parse("postgres://netan@127.0.0.1/team");

        (locator.Port, locator.Schema, locator.HasPassword).ShouldBe((5432, "public", false));
        locator.ToString().ShouldBe("postgresql://netan@127.0.0.1:5432/team");
    }

    [Theory]
    [InlineData("postgresql://127.0.0.1/db", "the user is missing")]
    [InlineData("postgresql://u@h:99999/db", "the port '99999' is not a number from 1 to 65535")]
    [InlineData("postgresql://u@h:x/db", "the port 'x'")]
    [InlineData("postgresql://u@h", "the database is missing")]
    [InlineData("postgresql://u@h/", "the database is missing")]
    [InlineData("postgresql://u@/db", "the host is missing")]
    [InlineData("postgresql://u@h/db?foo=1", "unknown parameter 'foo'")]
    [InlineData("postgresql://u@h/db?schema=Bad-Name", "schema 'Bad-Name' must be")]
    [InlineData("postgresql://u@h/db?sslmode=maybe", "sslmode 'maybe' is not one of")]
    [InlineData("postgresql:u@h/db", "expected postgresql://user@host/database")]
    [InlineData("postgresql://u@h<x>/db", "the host 'h<x>' is not a host name")]
    [InlineData("postgresql://u@h/db#frag", "fragment")]
    public void Parse_Malformed_NamesTheBadPart(string value, string expected)
    {
        var ex = Should.Throw<CaseStoreException>(() => PostgresCaseLocator.Parse(value));

        ex.Message.ShouldStartWith("not a PostgreSQL case locator: ");
        ex.Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("postgresql://u:hunter2@h:port/db")]
    [InlineData("postgresql://u:hunter2@/db")]
    [InlineData("postgresql://u:hunter2@h/db?x=1")]
    public void Parse_Malformed_NeverEchoesThePassword(string value)
    {
        var ex = Should.Throw<CaseStoreException>(() => PostgresCaseLocator.Parse(value));

        ex.Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public void CaseStoreOpen_LocatorOfNoServer_OneLineNamingTheServer_NeverThePassword()
    {
        // Port 9 on loopback (discard): nothing of ours listens there.
        var ex = Should.Throw<CaseStoreException>(() => CaseStore.Open("postgresql://u:hunter2@127.0.0.1:9/db"));

        ex.Message.ShouldStartWith("cannot connect to postgresql://u:***@127.0.0.1:9/db: ");
        ex.Message.ShouldNotContain("hunter2");
        Should.Throw<CaseStoreException>(() => CaseStore.OpenReadOnly("postgres://u@127.0.0.1:9/db")).Message.ShouldStartWith("cannot connect to postgresql://u@127.0.0.1:9/db: ");
    }

    [Fact]
    public void ThrowIfLocator_WhereACaseFileIsNeeded_SaysSo()
    {
        Should.Throw<CaseStoreException>(() => PostgresCaseLocator.ThrowIfLocator("postgresql://u:hunter2@h/db")).Message.ShouldBe(PostgresCaseLocator.OnlyCopySoFar);
        PostgresCaseLocator.OnlyCopySoFar.ShouldStartWith("a case file is needed here, not a PostgreSQL case (issue #22)");
    }
}
