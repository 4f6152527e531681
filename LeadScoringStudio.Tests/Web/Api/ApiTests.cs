using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Pipeline;
using LeadScoringStudio.Tests.TestSupport;
using LeadScoringStudio.Tests.Web.Browser;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Api;

/// <summary>The app in memory with its real API, keys created as Ops would.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly TestStorage _storage = new(leadCount: 40);

    public StudioApp App { get; private set; } = default!;

    public string ReadKey { get; private set; } = "";

    public string WriteKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App = new StudioApp(_storage, realPort: false);
        await App.AddTestAccountsAsync();
        var keys = App.Services.GetRequiredService<ApiKeyRepository>();
        ReadKey = (await keys.CreateAsync("reporting", ApiScope.Read, Principals.Ops))!.Value.Key;
        WriteKey = (await keys.CreateAsync("crm sync", ApiScope.Write, Principals.Ops))!.Value.Key;
    }

    public HttpClient Client(string? key)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _storage.Dispose();
    }
}

public sealed class ApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>A VP buyer at a 1,200-person company who asked for a demo yesterday.</summary>
    internal static readonly object Ada = new
    {
        id = "crm-ada",
        attributes = new Dictionary<string, object> { ["name"] = "Ada Brooks", ["seniority"] = "VP",
            ["persona"] = "buyer", ["company_size"] = 1200, ["budget_confirmed"] = true },
        activities = new[] { new { type = "demo_request", at = DateTimeOffset.UtcNow.AddDays(-1),
            properties = new Dictionary<string, string>() } },
    };

    [Theory]
    [InlineData("POST", "/api/v1/score")]
    [InlineData("GET", "/api/v1/leads/x/score")]
    [InlineData("GET", "/api/v1/models")]
    [InlineData("PUT", "/api/v1/leads")]
    [InlineData("POST", "/api/v1/activities")]
    [InlineData("GET", "/api/v1/openapi.json")]
    public async Task Every_endpoint_refuses_requests_without_a_valid_key(string method, string path)
    {
        foreach (var key in new[] { null, "lss_00000000_not-a-key", "garbage" })
        {
            var response = await api.Client(key).SendAsync(new HttpRequestMessage(new HttpMethod(method),
                path) { Content = JsonContent.Create(new { }) });
            if (key is null && path.EndsWith("openapi.json", StringComparison.Ordinal))
            {
                // The document is also for people in the app: without a key it asks them to sign in.
                Assert.Equal((HttpStatusCode.Redirect, "/account/login"),
                    (response.StatusCode, response.Headers.Location!.AbsolutePath));
            }
            else
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
        }
    }

    [Theory]
    [InlineData("PUT", "/api/v1/leads")]
    [InlineData("POST", "/api/v1/activities")]
    public async Task A_read_key_may_not_write(string method, string path)
    {
        var response = await api.Client(api.ReadKey)
            .SendAsync(new HttpRequestMessage(new HttpMethod(method),
            path) { Content = JsonContent.Create(new[] { new { } }) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Scoring_a_lead_in_the_request_routes_it_and_gives_its_segments_published_score_and_explanation()
    {
        var response = await api.Client(api.ReadKey).PostAsJsonAsync("/api/v1/score", Ada);

        response.EnsureSuccessStatusCode();
        var score = (await response.Content.ReadFromJsonAsync<ScoreResponse>())!;
        // Ada works at a company of 1,200: the demo routes her to the enterprise segment and model.
        var expected = LeadScorer.Score(DemoSegments.EnterpriseModel(), Parse(Ada), DateTimeOffset.UtcNow);
        Assert.Equal(("Enterprise", "enterprise-model"), (score.Segment, score.Model));
        Assert.Equal((1, expected.Total, expected.Fit, expected.Engagement, expected.Cell.ToString()),
            (score.ModelVersion, score.Total, score.Fit, score.Engagement, score.Cell));
        Assert.Equal(score.Total, score.Explanation.Sum(l => l.Points));
        Assert.Contains(score.Explanation, l => l.CriterionId == "demo-request" && l.Points > 0);
    }

    [Fact]
    public async Task Errors_come_back_as_problem_details_naming_each_field()
    {
        var bad = new
        {
            attributes = new Dictionary<string, object> { ["company_size"] = "lots", ["budget_confirmed"] = "perhaps" },
            activities = new object[] { new { type = "podcast", at = "2026-01-01T00:00:00Z" },
                new { type = "webinar" } },
        };

        var response = await api.Client(api.ReadKey).PostAsJsonAsync("/api/v1/score", bad);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal("expected a number, got \"lots\"",
            errors.GetProperty("lead.attributes.company_size")[0].GetString());
        Assert.Equal("expected true or false, got \"perhaps\"",
            errors.GetProperty("lead.attributes.budget_confirmed")[0].GetString());
        Assert.StartsWith("unknown activity type 'podcast'",
            errors.GetProperty("lead.activities[0].type")[0].GetString());
        Assert.StartsWith("when it happened is required", errors.GetProperty("lead.activities[1].at")[0].GetString());
    }

    [Fact]
    public async Task A_version_that_does_not_exist_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client(api.ReadKey)
            .PostAsJsonAsync("/api/v1/score?version=99", Ada)).StatusCode);

    [Fact]
    public async Task Leads_are_upserted_by_id_and_then_scored_with_their_stage()
    {
        var write = api.Client(api.WriteKey);
        var existing = (await api.App.Services.GetRequiredService<LeadRepository>().LoadAllAsync())
            .First(l => l.IsExample);

        var response = await write.PutAsJsonAsync("/api/v1/leads", new object[]
        {
            Ada,
            new { id = existing.Lead.Id, attributes = new Dictionary<string, object?> { ["country"] = "NL",
                ["phone"] = null }, outcome = "won" },
        });

        response.EnsureSuccessStatusCode();
        Assert.Equal(new WriteResponse(1, 1, 1), await response.Content.ReadFromJsonAsync<WriteResponse>());
        var updated = await api.App.Services.GetRequiredService<LeadRepository>().FindAsync(existing.Lead.Id);
        Assert.Equal(("NL", true, LeadScoringStudio.Core.Leads.LeadOutcome.Converted),
            (updated!.Lead.Attribute("country").Text, updated.Lead.Attribute("phone").IsMissing, updated.Outcome));
        Assert.Equal(existing.Lead.Name, updated.Lead.Name);

        // The stage is what the lifecycle recorded: the rescore the write started must have seen the new lead.
        await api.App.Services.GetRequiredService<PipelineRunner>().RunNowAsync();
        var score = await api.Client(api.ReadKey).GetFromJsonAsync<ScoreResponse>("/api/v1/leads/crm-ada/score");
        Assert.Equal("crm-ada", score!.LeadId);
        Assert.Equal(score.IsMql ? "Mql" : "Lead", score.Stage);
        Assert.EndsWith("/leads/crm-ada", score.Page);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client(api.ReadKey)
            .GetAsync("/api/v1/leads/nobody/score")).StatusCode);
    }

    [Fact]
    public async Task A_bad_batch_writes_nothing()
    {
        var write = api.Client(api.WriteKey);

        var duplicate = await write.PutAsJsonAsync("/api/v1/leads",
            new object[] { new { id = "dup" }, new { id = "dup" } });
        var tooMany = await write.PutAsJsonAsync("/api/v1/leads", Enumerable.Range(0, 1001)
            .Select(i => new { id = $"x{i}" }));
        var noId = await write.PutAsJsonAsync("/api/v1/leads",
            new object[] { new { id = "fine" }, new { attributes = new { } } });

        Assert.All([duplicate, tooMany, noId], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("send at most 1000 items per request", await tooMany.Content.ReadAsStringAsync());
        Assert.Contains("leads[1].id", await noId.Content.ReadAsStringAsync());
        Assert.Null(await api.App.Services.GetRequiredService<LeadRepository>().FindAsync("fine"));
    }

    [Fact]
    public async Task Activities_are_appended_to_known_leads_only()
    {
        var write = api.Client(api.WriteKey);
        var lead = (await api.App.Services.GetRequiredService<LeadRepository>().LoadAllAsync())[5].Lead;
        var at = DateTimeOffset.UtcNow.AddHours(-2);

        var added = await write.PostAsJsonAsync("/api/v1/activities",
            new[] { new { leadId = lead.Id, type = "page_visit", at,
                properties = new Dictionary<string, string> { ["url"] = "/pricing" } } });
        var unknown = await write.PostAsJsonAsync("/api/v1/activities",
            new[] { new { leadId = "nobody", type = "page_visit", at } });

        Assert.Equal(new WriteResponse(0, 0, 1), await added.Content.ReadFromJsonAsync<WriteResponse>());
        Assert.Equal(lead.Activities.Count + 1,
            (await api.App.Services.GetRequiredService<LeadRepository>().FindAsync(lead.Id))!.Lead.Activities.Count);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("activities[0].leadId", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Models_and_versions_are_listed_and_the_openapi_document_describes_the_api()
    {
        var models = await api.Client(api.ReadKey).GetFromJsonAsync<ModelSummary[]>("/api/v1/models");
        var openApi = await api.Client(api.ReadKey).GetStringAsync("/api/v1/openapi.json");

        Assert.Equal(["starter-model", "enterprise-model"], models!.Select(m => m.Key));
        Assert.All(models!, m => Assert.Equal(1, m.Versions.Single().Number));
        foreach (var path in new[] { "/api/v1/score", "/api/v1/leads", "/api/v1/activities", "/api/v1/models", "/api/v1/leads/{id}/score" })
        {
            Assert.Contains($"\"{path}\"", openApi);
        }
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once_and_use_is_recorded()
    {
        var keys = api.App.Services.GetRequiredService<ApiKeyRepository>();
        var (info, key) = (await keys.CreateAsync("temporary", ApiScope.Read, Principals.Ops))!.Value;
        Assert.Equal(HttpStatusCode.OK, (await api.Client(key).GetAsync("/api/v1/models")).StatusCode);
        Assert.NotNull((await keys.ListAsync()).Single(k => k.Id == info.Id).LastUsedAt);

        await api.App.Services.GetRequiredService<LeadScoringStudio.Security.ApiKeyValidator>()
            .RevokeAsync(info.Id, Principals.Ops);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Client(key).GetAsync("/api/v1/models")).StatusCode);
        Assert.Null(await keys.CreateAsync("not allowed", ApiScope.Write, Principals.Sales));
    }

    internal static LeadScoringStudio.Core.Leads.Lead Parse(object lead)
    {
        var json = JsonSerializer.Deserialize<LeadInput>(JsonSerializer.Serialize(lead),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return new ApiInput(StarterModel.Create(), DateTimeOffset.UtcNow).Lead(json, "lead", needsId: false)!;
    }
}

public sealed class ApiRateLimitTests
{
    [Fact]
    public async Task A_key_over_its_limit_gets_429_and_another_key_is_not_affected()
    {
        using var storage = new TestStorage(leadCount: 1);
        await using var app = new StudioApp(storage, realPort: false,
            new Dictionary<string, string?> { ["Api:RequestsPerMinute"] = "3" });
        await app.AddTestAccountsAsync();
        var keys = app.Services.GetRequiredService<ApiKeyRepository>();
        var busy = (await keys.CreateAsync("busy", ApiScope.Read, Principals.Ops))!.Value.Key;
        var quiet = (await keys.CreateAsync("quiet", ApiScope.Read, Principals.Ops))!.Value.Key;

        HttpClient Client(string key)
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            return client;
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await Client(busy).GetAsync("/api/v1/models")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            statuses);
        Assert.Equal(HttpStatusCode.OK, (await Client(quiet).GetAsync("/api/v1/models")).StatusCode);
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/api/v1/models"), (HttpMethod.Post, "/api/v1/score") })
        {
            var refused = await Client(busy).SendAsync(new HttpRequestMessage(method,
                path) { Content = new StringContent("{", System.Text.Encoding.UTF8, "application/json") });
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
            Assert.Contains("try again in", (await refused.Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("title").GetString());
        }
    }
}
