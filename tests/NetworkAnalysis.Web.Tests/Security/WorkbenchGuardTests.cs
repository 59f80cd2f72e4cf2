using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using NetworkAnalysis.Web.Security;

namespace NetworkAnalysis.Web.Tests.Security;

public sealed class WorkbenchGuardTests : IDisposable
{
    private const string Token = "s3cret-token-for-tests";
    private readonly WorkbenchCase _case = new();

    public void Dispose() => _case.Dispose();

    [Fact]
    public async Task Request_WithoutToken_WhenATokenIsSet_Gets401()
    {
        using var factory = new WorkbenchFactory(_case.Options(token: Token));
        using var client = factory.CreateClient();

        var page = await client.GetAsync("/");
        var api = await client.GetAsync("/api/info");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/info");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        var wrongToken = await client.SendAsync(wrong);

        page.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrongToken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.Content.ReadAsStringAsync()).ShouldNotContain(Token);
    }

    [Fact]
    public async Task Request_WithBearerToken_IsServed()
    {
        using var factory = new WorkbenchFactory(_case.Options(token: Token));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var response = await client.GetAsync("/api/info");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OneTimeTokenUrl_SetsACookie_ThatLaterRequestsUse()
    {
        using var factory = new WorkbenchFactory(_case.Options(token: Token));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var first = await client.GetAsync("/?token=" + Token);
        var next = await client.GetAsync("/api/info");

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        first.Headers.Location!.ToString().ShouldNotContain("token");
        first.Headers.GetValues("Set-Cookie").Single().ShouldContain("httponly", Case.Insensitive);
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Write_InReadOnlyMode_Gets403_AndReadsStillWork()
    {
        using var factory = new WorkbenchFactory(_case.Options(readOnly: true));
        using var client = factory.CreateClient();
        var cluster = (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/clusters?minSize=1")).GetProperty("items")[0].GetProperty("id").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/clusters/{cluster}/annotations")
        {
            Content = JsonContent.Create(new { note = "should not be stored" }),
        };
        request.Headers.Add(WorkbenchGuard.RequestHeader, "1");

        var write = await client.SendAsync(request);
        var read = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/clusters/{cluster}/annotations");

        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        read.GetProperty("notes").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]", true)]
    [InlineData("127.0.0.1.example.com", false)]
    [InlineData("localhost.example.com", false)]
    [InlineData("192.168.1.5", false)]
    public void IsLoopbackHost_RecognisesOnlyLoopbackNames(string host, bool expected) =>
        WorkbenchGuard.IsLoopbackHost(host).ShouldBe(expected);
}
