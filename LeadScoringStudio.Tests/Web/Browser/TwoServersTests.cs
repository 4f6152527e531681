using LeadScoringStudio.Benchmarks;
using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Security;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>
/// Two studio processes on one PostgreSQL database, as behind a load balancer with sticky sessions, and a headless
/// browser on each. Skipped without a PostgreSQL server for tests.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoServersTests(BrowserFixture browser) : IAsyncLifetime
{
    private const int LeaseSeconds = 4;
    private readonly string _database = "lss_two_" + Guid.NewGuid().ToString("N");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lss-two-" + Guid.NewGuid().ToString("N"));
    private StudioServer? _a;
    private StudioServer? _b;
    private string _connection = "";

    public async Task InitializeAsync()
    {
        if (TestPostgreSql.Server is null)
        {
            return;
        }

        _connection = TestPostgreSql.CreateDatabase(_database);
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__Studio"] = _connection,
            ["Pipeline__LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Workbench__SettleMilliseconds"] = "0",
            ["Logging__LogLevel__LeadScoringStudio"] = "Information",
        };
        var build = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        // A first, alone: it migrates the empty database and seeds the demo workspace; B then finds it ready.
        _a = await StudioServer.StartAsync(Path.Combine(_folder, "a"), FreePort(), 200, settings, build);
        _b = await StudioServer.StartAsync(Path.Combine(_folder, "b"), FreePort(), 200, settings, build);
    }

    public Task DisposeAsync()
    {
        _a?.Dispose();
        _b?.Dispose();
        if (TestPostgreSql.Server is not null)
        {
            TestPostgreSql.DropDatabase(_database);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task An_edit_on_one_server_shows_on_the_other_nothing_is_lost_cookies_travel_and_the_rescore_moves()
    {
        Skip.If(TestPostgreSql.Server is null, TestPostgreSql.SkipReason);
        var onA = await browser.SignInAtAsync(_a!.Url, StudioRoles.Marketing);
        var onB = await browser.SignInAtAsync(_b!.Url, StudioRoles.Ops);

        // Who is here is shared: B's presence bar shows the user on A.
        await Expect(onB.GetByTestId("presence")).ToContainTextAsync("marketing · Marketing");

        // An edit on A shows on B (once B's workbench has loaded, and so listens).
        await Expect(onB.Points("seniority-director")).ToBeVisibleAsync();
        var points = await onA.PointsAsync("seniority-director") + 3;
        await onA.SetPointsAsync("seniority-director", points);
        await Expect(onB.Points("seniority-director")).ToHaveValueAsync(points.ToString());

        // Commits from both at the same moment, on different criteria: both stand, on both servers.
        var (exec, buyer) = (await onA.PointsAsync("seniority-exec") + 2, await onB.PointsAsync("persona-buyer") + 2);
        await Task.WhenAll(onA.SetPointsAsync("seniority-exec", exec), onB.SetPointsAsync("persona-buyer", buyer));
        foreach (var page in new[] { onA, onB })
        {
            await Expect(page.Points("seniority-exec")).ToHaveValueAsync(exec.ToString());
            await Expect(page.Points("persona-buyer")).ToHaveValueAsync(buyer.ToString());
        }

        // The sign-in cookie from A works on B.
        var cookies = await onA.Context.CookiesAsync();
        var carried = await browser.Browser.NewContextAsync(new() { BaseURL = _b.Url });
        await carried.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly,
            Secure = c.Secure, SameSite = c.SameSite,
        }));
        var onBWithACookie = await carried.NewPageAsync();
        await onBWithACookie.GotoAsync("/");
        await onBWithACookie.WaitForSelectorAsync("[data-interactive]");
        Assert.DoesNotContain("/account/login", onBWithACookie.Url);
        await Expect(onBWithACookie.GetByTestId("signed-in-as")).ToContainTextAsync("marketing@demo.local");

        // Kill A (it started first, so it holds the rescore lease): B keeps serving, and takes the rescore over once
        // A's lease has run out.
        var holder = await RescoreHolderAsync();
        Assert.NotNull(holder);
        Assert.DoesNotContain(_b.Lines, l => l.Contains("took over the rescore lease", StringComparison.Ordinal));
        _a.Kill();
        await Eventually.TrueAsync(async () => await RescoreHolderAsync() is { } now && now != holder,
            "B takes the rescore lease over");
        await Eventually.TrueAsync(
            () => _b.Lines.Any(l => l.Contains("took over the rescore lease", StringComparison.Ordinal)),
            "B says it took the rescore over");
        var crm = await onB.PointsAsync("tech-crm") + 1;
        await onB.SetPointsAsync("tech-crm", crm);
        await Eventually.TrueAsync(async () => (await DraftAsync()).FindCriterion("tech-crm")!.BasePoints == crm,
            "B stores an edit after A died");
        await onA.Context.CloseAsync();
        await onB.Context.CloseAsync();
        await carried.CloseAsync();
    }

    [SkippableFact]
    public async Task Behind_the_sample_proxy_each_browser_stays_with_one_server_and_sees_the_others_edits()
    {
        Skip.If(TestPostgreSql.Server is null, TestPostgreSql.SkipReason);
        var port = FreePort();
        await using var proxy = Proxy.StudioProxy.Build(
        [
            $"--urls=http://127.0.0.1:{port}",
            $"--ReverseProxy:Clusters:studio:Destinations:a:Address={_a!.Url}/",
            $"--ReverseProxy:Clusters:studio:Destinations:b:Address={_b!.Url}/",
        ]);
        await proxy.StartAsync();
        var url = $"http://127.0.0.1:{port}";

        var first = await browser.SignInAtAsync(url, StudioRoles.Marketing);
        var second = await browser.SignInAtAsync(url, StudioRoles.Ops);

        // Round robin sent the two to different servers, and each stays with its own.
        var servers = new List<string>();
        foreach (var page in new[] { first, second })
        {
            servers.Add((await page.Context.CookiesAsync()).Single(c => c.Name == ".Studio.Server").Value);
        }

        Assert.NotEqual(servers[0], servers[1]);
        await Expect(second.Points("seniority-director")).ToBeVisibleAsync();
        var points = await first.PointsAsync("seniority-director") + 4;
        await first.SetPointsAsync("seniority-director", points);
        await Expect(second.Points("seniority-director")).ToHaveValueAsync(points.ToString());
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
        await proxy.StopAsync();
    }

    private async Task<string?> RescoreHolderAsync()
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"Holder\" FROM \"Leases\" WHERE \"Name\" = 'rescore'", connection);
        return await command.ExecuteScalarAsync() as string;
    }

    private async Task<ScoringModel> DraftAsync()
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"DraftDocument\" FROM \"Models\" ORDER BY \"Id\" LIMIT 1", connection);
        return ModelFile.Read((string)(await command.ExecuteScalarAsync())!).Model!;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
