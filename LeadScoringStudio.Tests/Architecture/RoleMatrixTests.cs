using System.Net;
using System.Text;
using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using LeadScoringStudio.Tests.TestSupport;
using LeadScoringStudio.Tests.Web.Account;
using LeadScoringStudio.Tests.Web.Browser;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Architecture;

/// <summary>
/// The README's "Who may open what" table against the app: it lists exactly the app's own endpoints (a new endpoint
/// without a row fails), and every cell is tried over HTTP as that person or key.
/// </summary>
public sealed class RoleMatrixTests() : HostedAppTest(leadCount: 20)
{
    private static readonly string[] Callers =
        ["anonymous", "Marketing", "Sales", "Ops", "read key", "write key", "revoked key"];

    private readonly Dictionary<string, (string? Cookie, string? Key)> _credentials = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = App.Server;
        await App.Services.GetRequiredService<LeadScoringStudio.Features.Leads.LeadLibrary>().GetAsync(); // ready
        _credentials["anonymous"] = (null, null);
        foreach (var user in DemoUsers.All)
        {
            using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var signedIn = await HttpSignIn.SignInAsync(client, user.Email, user.Password);
            Assert.True(signedIn.Cookie.Length > 0, $"{user.Email} could not sign in: {signedIn.Status}");
            _credentials[user.Role] = (signedIn.Cookie, null);
        }

        var ops = await Principals.SignedInAsync(App.Services, "ops@demo.local");
        var keys = App.Services.GetRequiredService<ApiKeyRepository>();
        _credentials["read key"] = (null, (await keys.CreateAsync("matrix read", ApiScope.Read, ops))!.Value.Key);
        _credentials["write key"] = (null, (await keys.CreateAsync("matrix write", ApiScope.Write, ops))!.Value.Key);
        var revoked = (await keys.CreateAsync("matrix revoked", ApiScope.Write, ops))!.Value;
        await App.Services.GetRequiredService<ApiKeyValidator>().RevokeAsync(revoked.Info.Id, ops);
        _credentials["revoked key"] = (null, revoked.Key);
    }

    [Fact]
    public void The_table_lists_exactly_the_apps_endpoints()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsFramework(e))
            .SelectMany(e => Methods(e).Select(method => $"{method} {Route(e)}"))
            .ToHashSet();

        Assert.Equal(endpoints.Order(), Table().Select(r => r.Route).Order());
    }

    [Fact]
    public async Task Every_cell_holds()
    {
        var wrong = new List<string>();
        // Signing out rotates the account's stamp, so it goes last.
        foreach (var (route, expected) in Table().OrderBy(r => r.Route.Contains("logout", StringComparison.Ordinal)))
        {
            for (var i = 0; i < Callers.Length; i++)
            {
                var actual = await TryAsync(route, Callers[i]);
                if (actual != expected[i])
                {
                    wrong.Add($"{route} as {Callers[i]}: README says '{expected[i]}', the app says '{actual}'");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private async Task<string> TryAsync(string route, string caller)
    {
        var (cookie, key) = _credentials[caller];
        using var client = Client();
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
        var path = route[(method.Length + 1)..].Replace("{number}", "1", StringComparison.Ordinal)
            .Replace("{id}", "ex-enterprise-quiet", StringComparison.Ordinal)
            .Replace("{key}", "starter-model", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(method),
            path) { Content = await BodyAsync(client, path, cookie) };
        var response = await client.SendAsync(request);
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "sign in",
            HttpStatusCode.Redirect when location.Contains("/account/login?",
                StringComparison.OrdinalIgnoreCase) => "sign in",
            HttpStatusCode.Redirect when location.Contains("/account/access-denied?",
                StringComparison.OrdinalIgnoreCase) => "no",
            HttpStatusCode.Forbidden => "no",
            _ when (int)response.StatusCode >= 500 => $"error {(int)response.StatusCode}",
            _ => "yes",
        };
    }

    /// <summary>A body the endpoint can read: JSON for the API, the antiforgery token for sign-out.</summary>
    private static async Task<HttpContent?> BodyAsync(HttpClient client, string path, string? cookie) => path switch
    {
        "/api/v1/score" or "/api/v1/models/starter-model/score" => Json("""{"attributes": {"seniority": "VP"}}"""),
        "/api/v1/leads" => Json("""[{"id": "matrix-lead"}]"""),
        "/import/uploads" => Upload(),
        "/api/v1/activities" => Json(
            """[{"leadId": "ex-enterprise-quiet", "type": "page_visit", "at": "2026-05-01T10:00:00Z"}]"""),
        "/account/logout" => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = cookie is null ? "" : HttpSignIn.Token(await client.GetStringAsync("/")),
        }),
        _ => null,
    };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Upload()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("id,name\nm-1,Ada\n"));
        content.Headers.Add(LeadScoringStudio.Features.Import.ImportEndpoints.Header, "1");
        return content;
    }

    private HttpClient Client() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false,
        HandleCookies = false });

    /// <summary>Blazor's own endpoints (under /_blazor) and the static files (relative patterns) are the
    /// framework's.</summary>
    private static bool IsFramework(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText is not { } route || !route.StartsWith('/')
            || route.StartsWith("/_", StringComparison.Ordinal)
        || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is null;

    /// <summary>Pages are listed by GET (their POST only carries forms); other endpoints by their methods.</summary>
    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            ? ["GET"]
            : endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods;

    private static string Route(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText!
        .Replace("{documentName}", "v1", StringComparison.Ordinal)
        .Replace("{number:int}", "{number}", StringComparison.Ordinal);

    private static IReadOnlyList<(string Route, string[] Expected)> Table()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("| route | anonymous |", StringComparison.Ordinal));
        Assert.True(start >= 0, "The README has no 'Who may open what' table.");
        return lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)[1..^1])
            .Select(cells => (cells[0].Trim('`'), cells[1..]))
            .ToList();
    }
}
