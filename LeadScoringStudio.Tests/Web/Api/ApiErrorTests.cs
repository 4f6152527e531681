using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadScoringStudio.Data;
using LeadScoringStudio.Tests.TestSupport;
using LeadScoringStudio.Tests.Web.Browser;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Api;

/// <summary>Whatever goes wrong under /api, the client reads ProblemDetails JSON with the right status, never an HTML
/// page.</summary>
public sealed class ApiErrorTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("POST", "/api/v1/activities")]
    [InlineData("PUT", "/api/v1/leads")]
    [InlineData("POST", "/api/v1/score")]
    public async Task A_broken_body_is_a_400_that_says_what_could_not_be_read(string method, string path)
    {
        var response = await Send(api.WriteKey, method, path, "[{\"id\": \"a\",");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("PUT", "/api/v1/activities")]
    [InlineData("GET", "/api/v1/nothing-here")]
    [InlineData("DELETE", "/api/v1/leads")]
    public async Task An_unknown_route_or_method_is_problem_details_too(string method, string path)
    {
        var response = await Send(api.WriteKey, method, path, "{}");

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed,
            $"{response.StatusCode}");
        await ProblemAsync(response, response.StatusCode);
    }

    [Fact]
    public async Task Property_names_given_twice_in_different_case_are_a_400_naming_both()
    {
        var body = """
            [{"leadId": "ex-enterprise-quiet", "type": "page_visit", "at": "2026-05-01T10:00:00Z",
              "properties": {"url": "/pricing", "URL": "/blog"}}]
            """;

        var problem = await ProblemAsync(await Send(api.WriteKey, "POST", "/api/v1/activities", body),
            HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Contains("given twice", errors.GetProperty("activities[0].properties.URL")[0].GetString());
    }

    [Fact]
    public async Task A_lead_too_big_in_any_way_is_refused_whole_with_each_place_named()
    {
        var lead = new
        {
            id = "crm-huge",
            attributes = new Dictionary<string, object> { ["name"] = new string('x', 10_000), ["Name"] = "Ada" },
            activities = Enumerable.Range(0, 1_001).Select(i => new { type = "page_visit",
                at = "2026-05-01T10:00:00Z" }),
        };

        var problem = await ProblemAsync(await api.Client(api.WriteKey)
            .PutAsJsonAsync("/api/v1/leads", new[] { lead }), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Contains("1,001 activities; at most 1,000", errors.GetProperty("leads[0].activities")[0].GetString());
        var oneAtATime = await ProblemAsync(await api.Client(api.WriteKey)
            .PutAsJsonAsync("/api/v1/leads", new[] { lead with { activities = lead.activities.Take(1) } }),
            HttpStatusCode.BadRequest);
        Assert.Contains("10,000 characters long; at most 2,000", oneAtATime.GetProperty("errors")
            .GetProperty("leads[0].attributes.name")[0].GetString());
        Assert.Contains("given twice", oneAtATime.GetProperty("errors")
            .GetProperty("leads[0].attributes.Name")[0].GetString());
    }

    [Theory]
    [InlineData("1900-01-01T00:00:00Z", "before 1970")]
    [InlineData("2999-01-01T00:00:00Z", "in the future")]
    public async Task An_activity_at_an_impossible_time_is_refused(string at, string said)
    {
        var body = $$"""[{"leadId": "ex-enterprise-quiet", "type": "page_visit", "at": "{{at}}"}]""";

        var problem = await ProblemAsync(await Send(api.WriteKey, "POST", "/api/v1/activities", body),
            HttpStatusCode.BadRequest);

        Assert.Contains(said, problem.GetProperty("errors").GetProperty("activities[0].at")[0].GetString());
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused_before_its_items_are_read()
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("{\"id\":\"" + new string('a', 300) + "\"}", 1_001)) + "]";

        var problem = await ProblemAsync(await Send(api.WriteKey, "PUT", "/api/v1/leads", body),
            HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Equal(["leads"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("at most 1000 items per request, not 1001", errors.GetProperty("leads")[0].GetString());
    }

    [Fact]
    public async Task A_body_over_10_MB_is_a_413_from_the_real_server()
    {
        using var storage = new TestStorage(leadCount: 1);
        await using var app = new StudioApp(storage);
        await app.AddTestAccountsAsync();
        var key = (await app.Services.GetRequiredService<ApiKeyRepository>()
            .CreateAsync("big", ApiScope.Write, Principals.Ops))!.Value.Key;
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        client.DefaultRequestHeaders.ExpectContinue = true;
        var body = "[" + string.Join(",", Enumerable.Repeat("{\"id\":\"" + new string('a', 1000) + "\"}",
            11_000)) + "]";

        var response = await client.PutAsync("/api/v1/leads",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private Task<HttpResponseMessage> Send(string key, string method, string path, string body) =>
        api.Client(key).SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
