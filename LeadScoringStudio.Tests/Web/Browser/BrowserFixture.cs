using LeadScoringStudio.Data;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>
/// One hosted app and one headless Chromium (Debian's, at /usr/bin/chromium; `.ci/run` installs it)
/// shared by the browser tests. Each test signs in on its own browser context: its own cookies and circuit.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TestStorage _storage = new(leadCount: 300, requireApproval: true);
    private IPlaywright? _playwright;

    public StudioApp App { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Debian's Chromium at {ChromiumPath}: run `bash .ci/run` (installs it) or `apt-get install -y chromium`.");
        }

        // CI machines are slower than this one; a web-first assertion may wait up to 15 s before failing.
        Assertions.SetDefaultExpectTimeout(15_000);
        App = new StudioApp(_storage);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new browser context signed in as the demo user of <paramref name="role"/>, on the workbench and
    /// interactive.</summary>
    public Task<IPage> SignInAsync(string role, string path = "/")
    {
        var user = DemoUsers.All.Single(u => u.Role == role);
        return SignInAsync(user.Email, user.Password, path);
    }

    /// <summary>A new browser context signed in with this e-mail and password, on <paramref name="path"/> (also when
    /// the sign-in lands the role elsewhere) and interactive.</summary>
    public async Task<IPage> SignInAsync(string email, string password, string path)
    {
        var page = await SignInHereAsync(email, password, $"/account/login?returnUrl={Uri.EscapeDataString(path)}");
        if (new Uri(page.Url).PathAndQuery != path)
        {
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync("[data-interactive]");
        }

        return page;
    }

    /// <summary>A new browser context on another server (<paramref name="baseUrl"/>), signed in as the demo user of
    /// <paramref name="role"/> on the workbench.</summary>
    public Task<IPage> SignInAtAsync(string baseUrl, string role)
    {
        var user = DemoUsers.All.Single(u => u.Role == role);
        return SignInHereAsync(user.Email, user.Password, "/account/login?returnUrl=%2F", baseUrl);
    }

    /// <summary>Signs in from the sign-in page as someone who asked for no page, and stays where that lands.</summary>
    public Task<IPage> SignInToHomeAsync(string role)
    {
        var user = DemoUsers.All.Single(u => u.Role == role);
        return SignInHereAsync(user.Email, user.Password, "/account/login");
    }

    private async Task<IPage> SignInHereAsync(string email, string password, string loginPath,
        string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = baseUrl ?? App.BaseUrl,
            ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(loginPath);
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-interactive]");
        return page;
    }

    /// <summary>The app's services (repositories), to check what the browser did against the database.</summary>
    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        _storage.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
